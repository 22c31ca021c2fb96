import { readCsvRecords, tableFromRecords, type CsvError, type CsvTable, type CsvWarning } from '../csv/readCsvTable';
import { ok, type Result } from '../result';
import {
  decodeText,
  detectEncoding,
  type DecodedText,
  type EncodingGuess,
  type TextEncodingId,
} from '../text/encoding';
import { autoMap, firstRowLooksLikeData, mapByContent, type ColumnMapping } from './csvImport';

/** A timeline CSV file as read for the import's preview: how it was decoded, and its table. */
export type ImportFileReading = {
  /** What the desk guessed about the encoding, whichever was then used. */
  guess: EncodingGuess;
  decoded: DecodedText;
  table: CsvTable;
  csvWarnings: CsvWarning[];
  /** Whether the first row is read as data (chosen, or guessed when not chosen). */
  firstRowIsData: boolean;
  /** The mapping the desk proposes: from the header names, or from what the columns hold. */
  suggestedMapping: ColumnMapping;
};

/**
 * Decodes and reads a timeline CSV from its bytes. The encoding and whether the first row is a
 * header are guessed unless chosen; the guesses are returned so the preview can say them.
 */
export function readImportFile(
  bytes: Uint8Array,
  choice: { encoding?: TextEncodingId | undefined; firstRowIsData?: boolean | undefined } = {},
): Result<ImportFileReading, CsvError> {
  const guess = detectEncoding(bytes);
  const decoded = decodeText(bytes, choice.encoding ?? guess.encoding);
  const read = readCsvRecords(decoded.text);
  if (!read.ok) return read;
  const firstRowIsData = choice.firstRowIsData ?? firstRowLooksLikeData(read.value.records[0] ?? []);
  const table = tableFromRecords(read.value, firstRowIsData);
  const suggestedMapping = firstRowIsData ? mapByContent(table.rows) : autoMap(table.headers);
  return ok({ guess, decoded, table, csvWarnings: read.value.warnings, firstRowIsData, suggestedMapping });
}

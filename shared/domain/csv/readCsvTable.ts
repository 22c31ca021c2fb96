import Papa from 'papaparse';

import { err, ok, type Result } from '../result';
import { format } from '../../i18n/format';
import { unneutraliseCell } from './safeCell';

/** A spreadsheet as read: its header row and the rows under it, cells as typed. */
export type CsvTable = {
  headers: string[];
  rows: string[][];
  /**
   * The row number a spreadsheet shows for each of `rows` (1-based, the header row counted, blank
   * rows kept in the count), so a problem is named where the person will look for it.
   */
  rowNumbers?: number[];
  /** Whether `headers` came from the file (false: "Column 1", "Column 2"… for a file without a header row). Default true. */
  hasHeaderRow?: boolean;
};

export type CsvError =
  | { code: 'empty' }
  /** A quoted cell is never closed, so everything after it reads as one cell: the file cannot be read. */
  | { code: 'unreadable'; detail: string; row: number; column: number };

/** A cell the parser read, but not as written: named by row and column, in words. */
export type CsvWarning = { row: number; column: number; problem: string };

/** The records of a CSV file, every one numbered as a spreadsheet numbers its rows. */
export type CsvRecords = { records: string[][]; rowNumbers: number[]; warnings: CsvWarning[] };

const columnOf = (record: readonly string[] | undefined, quoted: boolean): number => {
  if (!record) return 1;
  const i = quoted ? record.findIndex((c) => c.includes('"')) : record.length - 1;
  return Math.max(0, i) + 1;
};

/**
 * Reads a CSV file (RFC 4180, with or without a byte-order mark; comma, semicolon or tab as
 * Papa Parse detects them). Blank rows are left out but still counted. The parser's own words
 * ("Trailing quote on quoted field is malformed") are turned into what a person can fix.
 */
export function readCsvRecords(text: string): Result<CsvRecords, CsvError> {
  const clean = text.replace(/^\uFEFF/, '');
  if (clean.trim() === '') return err({ code: 'empty' });
  const parsed = Papa.parse<string[]>(clean, { skipEmptyLines: false });
  const warnings: CsvWarning[] = [];
  for (const e of parsed.errors) {
    const index = e.row ?? 0;
    const row = index + 1;
    if (e.code === 'MissingQuotes') {
      const column = columnOf(parsed.data[index], false);
      return err({
        code: 'unreadable',
        row,
        column,
        detail: format('text.csv.unclosedQuote', { row, column }),
      });
    }
    const column = columnOf(parsed.data[index], true);
    // Papa Parse may report the same stray quote more than once.
    if (e.code === 'InvalidQuotes' && !warnings.some((w) => w.row === row && w.column === column)) {
      warnings.push({
        row,
        column,
        problem: format('text.csv.undoubledQuote'),
      });
    }
  }
  const records: string[][] = [];
  const rowNumbers: number[] = [];
  parsed.data.forEach((record, i) => {
    if (record.every((c) => c.trim() === '')) return;
    // A cell an exporter neutralised against formula injection reads back as the text typed.
    records.push(record.map(unneutraliseCell));
    rowNumbers.push(i + 1);
  });
  if (records.length === 0) return err({ code: 'empty' });
  return ok({ records, rowNumbers, warnings });
}

/**
 * A CSV file as a table: the first row names the columns, unless `firstRowIsData` (a file
 * without a header row), when the columns are "Column 1", "Column 2"…
 */
export function readCsvTable(text: string, options: { firstRowIsData?: boolean } = {}): Result<CsvTable, CsvError> {
  const read = readCsvRecords(text);
  if (!read.ok) return read;
  return ok(tableFromRecords(read.value, options.firstRowIsData ?? false));
}

/** Splits records into a header and rows (see readCsvTable). */
export function tableFromRecords({ records, rowNumbers }: CsvRecords, firstRowIsData: boolean): CsvTable {
  if (firstRowIsData) {
    const width = records.reduce((w, r) => Math.max(w, r.length), 0);
    return {
      headers: Array.from({ length: width }, (_, i) => format('text.csv.column', { number: i + 1 })),
      rows: records,
      rowNumbers,
      hasHeaderRow: false,
    };
  }
  const [headers = [], ...rows] = records;
  return { headers: headers.map((h) => h.trim()), rows, rowNumbers: rowNumbers.slice(1), hasHeaderRow: true };
}

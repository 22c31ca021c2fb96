// Reads a timeline CSV off the UI thread: decoding, parsing and checking 20,000 rows happen here
// while the window stays responsive, with progress reported as it goes.
import type { CsvError } from '@shared/domain/csv/readCsvTable';
import { defaultDateOrder, type DateOrder } from '@shared/domain/locale/dateOrder';
import type { EncodingGuess, TextEncodingId } from '@shared/domain/text/encoding';
import {
  analyseImport,
  dateOrderFromFile,
  sameEntryKey,
  type ImportAnalysis,
  type ImportSettings,
} from '@shared/domain/timeline/csvImport';
import { readImportFile } from '@shared/domain/timeline/csvImportFile';

import { openDeskForReading } from '../../desk/core';
import { t } from '../../i18n/messages';

export type CsvImportIncident = { incidentId: string; timeZone: string; incidentStart: number; now: number };

/** How the file is read: chosen by the person, or left to the desk's guess (undefined). */
export type FileChoice = { encoding?: TextEncodingId | undefined; firstRowIsData?: boolean | undefined };

export type CsvImportRequest =
  | { type: 'open'; bytes: Uint8Array; incident: CsvImportIncident }
  /** settings null: start again from the desk's proposal (after the encoding or the header row changed). */
  | { type: 'analyse'; id: number; file: FileChoice; settings: ImportSettings | null };

/** Why the date order is what it is, for the preview to say. */
export type DateOrderBasis =
  { kind: 'file'; order: DateOrder; row: number; text: string } | { kind: 'zone'; order: DateOrder };

export type CsvImportView = {
  guess: EncodingGuess;
  encoding: TextEncodingId;
  unreadable: number;
  replacementsInFile: number;
  firstRowIsData: boolean;
  /** The desk's guess about the first row, whatever was chosen. */
  firstRowLooksLikeData: boolean;
  headers: string[];
  rowCount: number;
  settings: ImportSettings;
  dateOrderBasis: DateOrderBasis;
  analysis: ImportAnalysis | null;
  /** What the mapping still lacks ("Choose the column that says what happened"). */
  mappingError: string | null;
};

export type CsvImportMessage =
  | { type: 'progress'; id: number; step: string; done: number; total: number }
  | { type: 'view'; id: number; view: CsvImportView }
  | { type: 'unreadable'; id: number; error: CsvError }
  | { type: 'failed'; id: number; message: string };

type WorkerScope = {
  postMessage: (m: CsvImportMessage) => void;
  onmessage: ((e: MessageEvent<CsvImportRequest>) => void) | null;
};
const scope = self as unknown as WorkerScope;

let bytes: Uint8Array = new Uint8Array();
let incident: CsvImportIncident | null = null;
let existing: Promise<Map<string, number>> | null = null;
const readings = new Map<string, ReturnType<typeof readImportFile>>();

/** What is already on the timeline, by sameEntryKey: read once, for finding rows imported before. */
async function readExisting(incidentId: string): Promise<Map<string, number>> {
  const desk = openDeskForReading('The import reader');
  const keys = new Map<string, number>();
  await desk.useCases.timeline.forEachPage(incidentId, (page) => {
    for (const e of page) {
      if (e.retracted) continue;
      const key = sameEntryKey(e);
      keys.set(key, (keys.get(key) ?? 0) + 1);
    }
  });
  desk.close();
  return keys;
}

function reading(choice: FileChoice): ReturnType<typeof readImportFile> {
  const key = `${choice.encoding ?? '?'}|${String(choice.firstRowIsData ?? '?')}`;
  let r = readings.get(key);
  if (!r) {
    r = readImportFile(bytes, choice);
    readings.set(key, r);
  }
  return r;
}

async function analyse(id: number, choice: FileChoice, chosen: ImportSettings | null): Promise<void> {
  if (!incident) throw new Error(t('timeline.csvImportWorker.noFileIsOpen'));
  const progress = (step: string, done: number, total: number) =>
    scope.postMessage({ type: 'progress', id, step, done, total });
  progress(t('timeline.csvImportWorker.readingTheFile'), 0, 1);
  const read = reading(choice);
  if (!read.ok) return scope.postMessage({ type: 'unreadable', id, error: read.error });
  const file = read.value;
  // The file proves its date order when a date reads only one way (13/07/2026); else the zone's.
  const proposedMapping = chosen?.mapping ?? file.suggestedMapping;
  const evidence = dateOrderFromFile(file.table, proposedMapping);
  const dateOrderBasis: DateOrderBasis = evidence
    ? { kind: 'file', ...evidence }
    : { kind: 'zone', order: defaultDateOrder(incident.timeZone) };
  const settings = chosen ?? { mapping: proposedMapping, dateOrder: dateOrderBasis.order, ambiguity: {} };
  progress(t('timeline.csvImportWorker.lookingForRowsAlreadyOn'), 0, 1);
  existing ??= readExisting(incident.incidentId);
  const total = file.table.rows.length;
  const analysed = analyseImport(
    file.table,
    settings,
    { ...incident, existing: await existing, csvWarnings: file.csvWarnings },
    (done) => progress(t('timeline.csvImportWorker.checkingRow', { done, total }), done, total),
  );
  const guessed = choice.firstRowIsData === undefined ? read : reading({ encoding: choice.encoding });
  const firstRowGuess = guessed.ok ? guessed.value.firstRowIsData : file.firstRowIsData;
  scope.postMessage({
    type: 'view',
    id,
    view: {
      guess: file.guess,
      encoding: file.decoded.encoding,
      unreadable: file.decoded.unreadable,
      replacementsInFile: file.decoded.replacementsInFile,
      firstRowIsData: file.firstRowIsData,
      firstRowLooksLikeData: firstRowGuess,
      headers: file.table.headers,
      rowCount: total,
      settings,
      dateOrderBasis,
      analysis: analysed.ok ? analysed.value : null,
      mappingError: analysed.ok ? null : analysed.error,
    },
  });
}

scope.onmessage = (event) => {
  const m = event.data;
  if (m.type === 'open') {
    bytes = m.bytes;
    incident = m.incident;
    readings.clear();
    existing = null;
    return;
  }
  analyse(m.id, m.file, m.settings).catch((e: unknown) =>
    scope.postMessage({ type: 'failed', id: m.id, message: e instanceof Error ? e.message : String(e) }),
  );
};

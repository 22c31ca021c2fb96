// Builds an after-action record off the UI thread: a 100,000-entry timeline is read, its chain
// walked, the record assembled, sealed and serialised here while the window stays responsive.
import { buildRecord, type RecordOptions } from '@shared/domain/record/buildRecord';
import { recordDocxBase64 } from '@shared/domain/record/recordDocx';
import { sealRecord, type RecordFile } from '@shared/domain/record/recordFile';
import { timelineToCsv } from '@shared/domain/timeline/csv';

import { DeskDatabase } from '../../db/database';
import { createRecordRepo } from '../../db/repos/recordRepo';
import { createTimelineRepo } from '../../db/repos/timelineRepo';
import { sha256Hex } from '../../lib/sha256';

/** docx, csv: also write the record as a Word document, and its timeline as CSV (both slow at 100,000 entries). */
export type RecordWorkerRequest = { incidentId: string; options: Omit<RecordOptions, 'chain'>; docx: boolean; csv: boolean };
export type RecordWorkerMessage =
  | { type: 'progress'; step: string; done: number; total: number }
  | { type: 'done'; text: string; preview: RecordFile; docxBase64: string | null; csv: string | null }
  | { type: 'failed'; message: string };

const PREVIEW_ENTRIES = 300;

type WorkerScope = { postMessage: (m: RecordWorkerMessage) => void; onmessage: ((e: MessageEvent<RecordWorkerRequest>) => void) | null };
const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  void run(event.data).catch((e: unknown) => scope.postMessage({ type: 'failed', message: e instanceof Error ? e.message : String(e) }));
};

async function run({ incidentId, options, docx, csv }: RecordWorkerRequest): Promise<void> {
  const db = new DeskDatabase();
  const neverWrites = () => {
    throw new Error('the record worker does not write');
  };
  const records = createRecordRepo(db, neverWrites);
  const timeline = createTimelineRepo(db, neverWrites, sha256Hex);
  scope.postMessage({ type: 'progress', step: 'Reading the incident', done: 0, total: 4 });
  const source = await records.collect(incidentId);
  if (!source) throw new Error('The incident is no longer on this desk.');
  const total = source.revisions.length;
  const chain = await timeline.verify(incidentId, (done) => scope.postMessage({ type: 'progress', step: `Walking the hash chain (${done} of ${total} revisions)`, done: 1, total: 4 }));
  scope.postMessage({ type: 'progress', step: 'Assembling the record', done: 2, total: 4 });
  const record = await sealRecord(buildRecord(source, { ...options, chain }), sha256Hex);
  const steps = 4 + (docx ? 1 : 0) + (csv ? 1 : 0);
  scope.postMessage({ type: 'progress', step: 'Writing it out', done: 3, total: steps });
  const text = JSON.stringify(record);
  let docxBase64: string | null = null;
  if (docx) {
    scope.postMessage({ type: 'progress', step: 'Writing the Word document', done: 4, total: steps });
    docxBase64 = await recordDocxBase64(record);
  }
  let csvText: string | null = null;
  if (csv && record.content.timeline) {
    scope.postMessage({ type: 'progress', step: 'Writing the timeline CSV', done: steps - 1, total: steps });
    csvText = timelineToCsv(record.content.timeline.entries, record.content.incident.timeZone);
  }
  const timelinePreview = record.content.timeline && {
    entries: record.content.timeline.entries.slice(0, PREVIEW_ENTRIES),
    revisions: record.content.timeline.revisions.filter((r) => record.content.timeline?.entries.slice(0, PREVIEW_ENTRIES).some((e) => e.id === r.entryId)),
  };
  const preview: RecordFile = { ...record, content: { ...record.content, ...(timelinePreview && { timeline: timelinePreview }) } };
  db.close();
  scope.postMessage({ type: 'done', text, preview, docxBase64, csv: csvText });
}

import type { RecordFile } from '@shared/domain/record/recordFile';

import type { RecordWorkerMessage, RecordWorkerRequest } from './recordWorker';

export type BuiltRecord = { text: string; preview: RecordFile; docxBase64: string | null; csv: string | null };

export type RecordJob = {
  result: Promise<BuiltRecord>;
  cancel: () => void;
};

/** Starts building a record in a worker; progress is reported as it goes, cancel stops it at once. */
export function buildRecordInWorker(request: RecordWorkerRequest, onProgress: (step: string, fraction: number) => void): RecordJob {
  const worker = new Worker(new URL('./recordWorker.ts', import.meta.url), { type: 'module', name: 'record-builder' });
  let cancel: () => void = () => undefined;
  const result = new Promise<BuiltRecord>((resolve, reject) => {
    cancel = () => {
      worker.terminate();
      reject(new Error('cancelled'));
    };
    worker.onmessage = (event: MessageEvent<RecordWorkerMessage>) => {
      const m = event.data;
      if (m.type === 'progress') onProgress(m.step, m.done / m.total);
      else {
        worker.terminate();
        if (m.type === 'done') resolve({ text: m.text, preview: m.preview, docxBase64: m.docxBase64, csv: m.csv });
        else reject(new Error(m.message));
      }
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(e.message || 'The record could not be built.'));
    };
  });
  worker.postMessage(request);
  return { result, cancel: () => cancel() };
}

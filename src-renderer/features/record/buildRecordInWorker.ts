import type { RecordWorkerMessage, RecordWorkerRequest } from './recordWorker';
import { t } from '../../i18n/messages';

/** A record built and packed: the preview (its first entries), every file, and the chain head it publishes. */
export type BuiltRecord = Omit<Extract<RecordWorkerMessage, { type: 'done' }>, 'type'>;

export type RecordJob = {
  result: Promise<BuiltRecord>;
  cancel: () => void;
};

/** Starts building a record and its package in a worker; progress is reported as it goes, cancel stops it at once. */
export function buildRecordInWorker(
  request: RecordWorkerRequest,
  onProgress: (step: string, fraction: number) => void,
): RecordJob {
  const worker = new Worker(new URL('./recordWorker.ts', import.meta.url), { type: 'module', name: 'record-builder' });
  let cancel: () => void = () => undefined;
  const result = new Promise<BuiltRecord>((resolve, reject) => {
    cancel = () => {
      worker.terminate();
      reject(new Error('cancelled'));
    };
    worker.onmessage = (event: MessageEvent<RecordWorkerMessage>) => {
      const m = event.data;
      if (m.type === 'progress') onProgress(m.step, m.fraction);
      else {
        worker.terminate();
        if (m.type === 'done') {
          const { type: _type, ...built } = m;
          resolve(built);
        } else reject(new Error(m.message));
      }
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(e.message || t('record.worker.failed')));
    };
  });
  worker.postMessage(request);
  return { result, cancel: () => cancel() };
}

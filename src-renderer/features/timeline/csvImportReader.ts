import type { ImportSettings } from '@shared/domain/timeline/csvImport';

import type {
  CsvImportIncident,
  CsvImportMessage,
  CsvImportRequest,
  CsvImportView,
  FileChoice,
} from './csvImportWorker';
import { t } from '../../i18n/messages';

export type CsvImportOutcome =
  | { kind: 'view'; view: CsvImportView }
  | { kind: 'unreadable'; detail: string; empty: boolean }
  | { kind: 'failed'; message: string };

/** A timeline CSV being read in a worker; each question replaces the one before. */
export type CsvImportReader = {
  analyse: (
    file: FileChoice,
    settings: ImportSettings | null,
    onProgress: (step: string, fraction: number) => void,
  ) => Promise<CsvImportOutcome | null>;
  close: () => void;
};

/** Hands the file's bytes to a worker that reads and checks it; answers come back by request. */
export function openCsvImportReader(bytes: Uint8Array, incident: CsvImportIncident): CsvImportReader {
  const worker = new Worker(new URL('./csvImportWorker.ts', import.meta.url), {
    type: 'module',
    name: 'timeline-csv-import',
  });
  let seq = 0;
  let pending: {
    id: number;
    resolve: (o: CsvImportOutcome | null) => void;
    onProgress: (step: string, fraction: number) => void;
  } | null = null;
  const settle = (outcome: CsvImportOutcome | null) => {
    const p = pending;
    pending = null;
    p?.resolve(outcome);
  };
  worker.onmessage = (event: MessageEvent<CsvImportMessage>) => {
    const m = event.data;
    if (!pending || m.id !== pending.id) return; // an answer to a question since replaced
    if (m.type === 'progress') pending.onProgress(m.step, m.total === 0 ? 1 : m.done / m.total);
    else if (m.type === 'view') settle({ kind: 'view', view: m.view });
    else if (m.type === 'unreadable')
      settle({
        kind: 'unreadable',
        empty: m.error.code === 'empty',
        detail: m.error.code === 'empty' ? '' : m.error.detail,
      });
    else settle({ kind: 'failed', message: m.message });
  };
  worker.onerror = (e) =>
    settle({ kind: 'failed', message: e.message || t('timeline.csvImportReader.theFileCouldNotBe') });
  const post = (m: CsvImportRequest, transfer: Transferable[] = []) => worker.postMessage(m, transfer);
  const copy = bytes.slice();
  post({ type: 'open', bytes: copy, incident }, [copy.buffer]);
  return {
    analyse: (file, settings, onProgress) =>
      new Promise((resolve) => {
        settle(null);
        seq += 1;
        pending = { id: seq, resolve, onProgress };
        post({ type: 'analyse', id: seq, file, settings });
      }),
    close: () => {
      settle(null);
      worker.terminate();
    },
  };
}

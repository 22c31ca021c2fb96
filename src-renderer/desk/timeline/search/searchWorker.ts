// Builds and searches the timeline's text indexes off the UI thread: reading 100,000 entries
// and folding their text would otherwise freeze the window on the first search.
import type { SearchMatch } from '@shared/domain/timeline/textIndex';

import { DeskDatabase } from '../../../db/database';
import { createSearchCache, searchCacheName } from '../../../db/searchCache';
import { createTimelineRepo } from '../../../db/repos/timelineRepo';
import { sha256Hex } from '../../../lib/sha256';
import { createSearchEngine, type IndexProgress, type SearchEngine } from './searchEngine';

export type SearchWorkerRequest =
  | { type: 'open'; dbName: string }
  | { type: 'prepare'; incidentId: string }
  | { type: 'search'; requestId: number; incidentId: string; query: string }
  | { type: 'revise'; incidentId: string; entryIds: readonly string[] }
  | { type: 'reset' };
export type SearchWorkerMessage =
  | { type: 'progress'; incidentId: string; progress: IndexProgress }
  | { type: 'result'; requestId: number; ids: string[]; match: SearchMatch }
  | { type: 'failed'; requestId: number | null; incidentId: string; message: string };

type WorkerScope = {
  postMessage: (m: SearchWorkerMessage) => void;
  onmessage: ((e: MessageEvent<SearchWorkerRequest>) => void) | null;
};
const scope = self as unknown as WorkerScope;

const describe = (e: unknown) => (e instanceof Error ? e.message : String(e));
let engine: SearchEngine | null = null;

scope.onmessage = ({ data: m }) => {
  if (m.type === 'open') {
    const db = new DeskDatabase(m.dbName);
    engine = createSearchEngine(
      createTimelineRepo(db, sha256Hex),
      (incidentId, progress) => scope.postMessage({ type: 'progress', incidentId, progress }),
      createSearchCache(searchCacheName(m.dbName)),
    );
    return;
  }
  if (!engine) return;
  switch (m.type) {
    case 'prepare':
      void engine
        .prepare(m.incidentId)
        .catch((e: unknown) =>
          scope.postMessage({ type: 'failed', requestId: null, incidentId: m.incidentId, message: describe(e) }),
        );
      break;
    case 'search':
      void engine.search(m.incidentId, m.query).then(
        (r) => scope.postMessage({ type: 'result', requestId: m.requestId, ids: [...r.ids], match: r.match }),
        (e: unknown) =>
          scope.postMessage({ type: 'failed', requestId: m.requestId, incidentId: m.incidentId, message: describe(e) }),
      );
      break;
    case 'revise':
      engine.revise(m.incidentId, m.entryIds);
      break;
    case 'reset':
      void engine.reset();
      break;
  }
};

// Builds and searches the timeline's text indexes off the UI thread: reading 100,000 entries
// and folding their text would otherwise freeze the window on the first search.
import { DeskDatabase } from '../../../db/database';
import { createSearchCache, searchCacheName } from '../../../db/searchCache';
import { createTimelineRepo } from '../../../db/repos/timelineRepo';
import { sha256Hex } from '../../../lib/sha256';
import {
  answerSearchRequest,
  createSearchEngine,
  type SearchEngine,
  type SearchWorkerMessage,
  type SearchWorkerRequest,
} from './searchEngine';

type WorkerScope = {
  postMessage: (m: SearchWorkerMessage) => void;
  onmessage: ((e: MessageEvent<SearchWorkerRequest>) => void) | null;
};
const scope = self as unknown as WorkerScope;

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
  if (engine) answerSearchRequest(engine, m, (reply) => scope.postMessage(reply));
};

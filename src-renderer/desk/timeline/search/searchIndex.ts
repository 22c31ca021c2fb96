import type { TextSearchResult } from '@shared/domain/timeline/textIndex';

import { DB_NAME } from '../../../db/database';
import type { TimelineRepo } from '../../../db/repos/timelineRepo';
import type { SearchCache } from '../../../db/searchCache';
import {
  answerSearchRequest,
  createSearchEngine,
  type IndexProgress,
  type SearchWorkerMessage,
  type SearchWorkerRequest,
} from './searchEngine';
import { t } from '../../../i18n/messages';

export type { IndexProgress } from './searchEngine';

type Backend = { send: (m: SearchWorkerRequest) => void };

/**
 * Full-text search over the timeline's titles, notes, tags and sources, accent- and
 * case-insensitive. The index of an incident is built in a worker as soon as its timeline
 * opens (prepare), reporting progress, so the first search does not wait on a 100,000-entry
 * read, and the window never freezes while it is built. Where no worker can run (tests in
 * Node), the same engine runs in the page.
 */
export function createTimelineSearch(
  repo: TimelineRepo,
  options: { dbName?: string; useWorker?: boolean; cache?: SearchCache | null } = {},
) {
  const progress = new Map<string, IndexProgress>();
  const failures = new Map<string, string>();
  const listeners = new Set<() => void>();
  const pending = new Map<number, { resolve: (r: TextSearchResult) => void; reject: (e: Error) => void }>();
  let nextRequest = 1;

  const changed = () => {
    for (const l of listeners) l();
  };
  const receive = (m: SearchWorkerMessage) => {
    if (m.type === 'progress') {
      progress.set(m.incidentId, m.progress);
      failures.delete(m.incidentId);
      changed();
    } else if (m.type === 'result') {
      pending.get(m.requestId)?.resolve({ ids: new Set(m.ids), match: m.match });
      pending.delete(m.requestId);
    } else {
      failures.set(m.incidentId, m.message);
      changed();
      if (m.requestId !== null) {
        pending.get(m.requestId)?.reject(new Error(m.message));
        pending.delete(m.requestId);
      }
    }
  };

  let backend: Backend | null = null;
  const start = (): Backend => {
    if (backend) return backend;
    const dbName = options.dbName ?? DB_NAME;
    if ((options.useWorker ?? true) && typeof Worker !== 'undefined') {
      const worker = new Worker(new URL('./searchWorker.ts', import.meta.url), {
        type: 'module',
        name: 'timeline-search',
      });
      worker.onmessage = (e: MessageEvent<SearchWorkerMessage>) => receive(e.data);
      worker.onerror = (e) => {
        const message = e.message || t('timeline.searchIndex.theSearchWorkerStopped');
        for (const p of pending.values()) p.reject(new Error(message));
        pending.clear();
        backend = null;
      };
      worker.postMessage({ type: 'open', dbName } satisfies SearchWorkerRequest);
      backend = { send: (m) => worker.postMessage(m) };
    } else {
      const engine = createSearchEngine(
        repo,
        (incidentId, p) => receive({ type: 'progress', incidentId, progress: p }),
        options.cache ?? null,
      );
      backend = {
        send: (m) => {
          if (m.type !== 'open') answerSearchRequest(engine, m, receive);
        },
      };
    }
    return backend;
  };

  return {
    /** Starts the worker and opens its database, reading nothing yet: the first search does not wait for them. */
    warm(): void {
      start();
    },
    /** Starts indexing an incident ahead of its first search (nothing happens if it is under way or done). */
    prepare(incidentId: string): void {
      if (progress.has(incidentId) && !failures.has(incidentId)) return;
      progress.set(incidentId, { indexed: 0, total: 0, ready: false });
      start().send({ type: 'prepare', incidentId });
      changed();
    },
    /**
     * Builds the indexes of these incidents one after another, in the background: after a restore
     * nothing is kept, and the first search of an incident should not wait for its entries to be read.
     */
    prepareInTurn(incidentIds: readonly string[]): void {
      const queue = [...incidentIds];
      const next = (): void => {
        const incidentId = queue.shift();
        if (incidentId === undefined) return;
        this.prepare(incidentId);
        const done = () => {
          const p = progress.get(incidentId);
          if (p === undefined || p.ready || failures.has(incidentId)) {
            stop();
            next();
          }
        };
        const stop = this.subscribe(done);
        done();
      };
      next();
    },
    /** Entries matching every word of `text`; waits for the index if it is still being built. */
    search(incidentId: string, text: string): Promise<TextSearchResult> {
      if (!progress.has(incidentId)) this.prepare(incidentId);
      const requestId = nextRequest;
      nextRequest += 1;
      return new Promise<TextSearchResult>((resolve, reject) => {
        pending.set(requestId, { resolve, reject });
        start().send({ type: 'search', requestId, incidentId, query: text });
      });
    },
    /** How far indexing has got, or undefined before it starts. */
    progress: (incidentId: string): IndexProgress | undefined => progress.get(incidentId),
    /** Why indexing failed, if it did. */
    failure: (incidentId: string): string | undefined => failures.get(incidentId),
    subscribe: (listener: () => void): (() => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Entries another desk revised inside the incident's chain: the next search reads them again. */
    revise(incidentId: string, entryIds: readonly string[]): void {
      if (progress.has(incidentId)) backend?.send({ type: 'revise', incidentId, entryIds });
    },
    /** Forget everything (after a restore or an import that replaced data). */
    reset(): void {
      progress.clear();
      failures.clear();
      backend?.send({ type: 'reset' });
      changed();
    },
  };
}
export type TimelineSearch = ReturnType<typeof createTimelineSearch>;

import { TimelineTextIndex, type TextSearchResult } from '@shared/domain/timeline/textIndex';

import type { TimelineRepo } from '../../db/repos/timelineRepo';

/** How far the index of an incident has got. */
export type IndexProgress = { indexed: number; total: number; ready: boolean };

type Reader = Pick<TimelineRepo, 'head' | 'count' | 'forEachPage' | 'revisionsAfter' | 'getMany'>;

/**
 * Keeps one text index per incident, built from the entries in pages (reporting progress) and
 * then brought up to date from the revisions chained since, so a correction is found under its
 * new words and no longer under its old ones. Runs in the search worker; the same code runs in
 * the page where no worker is available.
 */
export function createSearchEngine(repo: Reader, onProgress: (incidentId: string, p: IndexProgress) => void) {
  const indexes = new Map<string, Promise<{ index: TimelineTextIndex; syncedSeq: number }>>();

  // The chain position is read before the entries: anything written meanwhile is picked up by
  // the next sync (putting an entry again is harmless), so nothing is missed.
  const build = async (incidentId: string) => {
    const index = new TimelineTextIndex();
    const syncedSeq = (await repo.head(incidentId)).chainSeq;
    const total = await repo.count(incidentId);
    onProgress(incidentId, { indexed: 0, total, ready: false });
    await repo.forEachPage(incidentId, (page) => {
      for (const e of page) index.put(e);
      onProgress(incidentId, { indexed: index.size, total, ready: false });
    });
    onProgress(incidentId, { indexed: index.size, total: index.size, ready: true });
    return { index, syncedSeq };
  };

  const current = async (incidentId: string) => {
    let pending = indexes.get(incidentId);
    if (!pending) {
      pending = build(incidentId);
      indexes.set(incidentId, pending);
      // A failed build is forgotten, so the next search tries again.
      pending.catch(() => indexes.delete(incidentId));
    }
    const state = await pending;
    const changed = await repo.revisionsAfter(incidentId, state.syncedSeq);
    if (changed.length > 0) {
      const entries = await repo.getMany([...new Set(changed.map((r) => r.entryId))]);
      for (const e of entries) if (e) state.index.put(e);
      state.syncedSeq = changed.reduce((max, r) => Math.max(max, r.chainSeq), state.syncedSeq);
    }
    return state.index;
  };

  return {
    /** Starts building an incident's index ahead of its first search. */
    prepare: async (incidentId: string): Promise<void> => {
      await current(incidentId);
    },
    search: async (incidentId: string, query: string): Promise<TextSearchResult> => (await current(incidentId)).search(query),
    reset: () => indexes.clear(),
  };
}
export type SearchEngine = ReturnType<typeof createSearchEngine>;

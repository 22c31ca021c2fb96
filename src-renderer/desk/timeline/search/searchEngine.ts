import { TimelineTextIndex, type SearchMatch, type TextSearchResult } from '@shared/domain/timeline/textIndex';

import type { TimelineRepo } from '../../../db/repos/timelineRepo';
import type { SearchCache } from '../../../db/searchCache';
import { createRevisedInside } from '../revisedInside';

/** How far the index of an incident has got. */
export type IndexProgress = { indexed: number; total: number; ready: boolean };

type Reader = Pick<TimelineRepo, 'head' | 'count' | 'forEachPage' | 'revisionsAfter' | 'revisionAt' | 'getMany'>;

type State = { index: TimelineTextIndex; syncedSeq: number; headHash: string; dirty: Set<number> | 'all' };

/** Beyond this many changed revisions since the index was last brought up to date, it is built again from the entries. */
const REREAD_AFTER = 10_000;
/** How long after the last change the kept copy is rewritten: a burst of entries is written once. */
const SAVE_AFTER_MS = 2000;

/**
 * Keeps one text index per incident. It starts from the copy kept at the end of the last session
 * when that copy still matches the hash chain, or else from the entries, read in pages with
 * progress; either way it is then brought up to date from the revisions chained since, so a
 * correction is found under its new words and no longer under its old ones. Runs in the search
 * worker; the same code runs in the page where no worker is available.
 */
export function createSearchEngine(
  repo: Reader,
  onProgress: (incidentId: string, p: IndexProgress) => void,
  cache: SearchCache | null = null,
  { rereadAfter = REREAD_AFTER } = {},
) {
  const states = new Map<string, Promise<State>>();
  const revisedInside = createRevisedInside();
  const saves = new Map<string, ReturnType<typeof setTimeout>>();

  const fromCache = async (incidentId: string): Promise<State | null> => {
    const kept = await cache?.load(incidentId).catch(() => null);
    if (!kept) return null;
    // Trusted only if the chain still holds the revision it was synced to (a restore or another
    // desk's record may have replaced the incident since).
    const at = kept.syncedSeq === 0 ? null : await repo.revisionAt(incidentId, kept.syncedSeq);
    if (kept.syncedSeq > 0 && at?.hash !== kept.headHash) return null;
    return {
      index: TimelineTextIndex.fromTexts(kept.ids, kept.texts),
      syncedSeq: kept.syncedSeq,
      headHash: kept.headHash,
      dirty: new Set(),
    };
  };

  // The chain position is read before the entries: anything written meanwhile is picked up by
  // the next sync (putting an entry again is harmless), so nothing is missed.
  const fromEntries = async (incidentId: string): Promise<State> => {
    const index = new TimelineTextIndex();
    const head = await repo.head(incidentId);
    const total = await repo.count(incidentId);
    onProgress(incidentId, { indexed: 0, total, ready: false });
    await repo.forEachPage(incidentId, (page) => {
      for (const e of page) index.put(e);
      onProgress(incidentId, { indexed: index.size, total, ready: false });
    });
    return { index, syncedSeq: head.chainSeq, headHash: head.hash, dirty: 'all' };
  };

  const build = async (incidentId: string): Promise<State> => {
    const state = (await fromCache(incidentId)) ?? (await fromEntries(incidentId));
    onProgress(incidentId, { indexed: state.index.size, total: state.index.size, ready: true });
    return state;
  };

  const scheduleSave = (incidentId: string, state: State) => {
    if (!cache || (state.dirty !== 'all' && state.dirty.size === 0)) return;
    clearTimeout(saves.get(incidentId));
    // A fresh build is kept at once; later changes are gathered for a moment first.
    saves.set(
      incidentId,
      setTimeout(
        () => {
          const dirty = state.dirty;
          state.dirty = new Set();
          const { ids, texts } = state.index.contents();
          // A copy that fails to be written is only a slower start next time.
          void cache
            .save(
              incidentId,
              { syncedSeq: state.syncedSeq, headHash: state.headHash, ids: [...ids], texts: [...texts] },
              dirty,
            )
            .catch(() => undefined);
        },
        state.dirty === 'all' ? 0 : SAVE_AFTER_MS,
      ),
    );
  };

  const startBuild = (incidentId: string, pending: Promise<State>): Promise<State> => {
    states.set(incidentId, pending);
    // A failed build is forgotten, so the next search tries again.
    pending.catch(() => states.delete(incidentId));
    return pending;
  };

  const current = async (incidentId: string): Promise<TimelineTextIndex> => {
    let state = await (states.get(incidentId) ?? startBuild(incidentId, build(incidentId)));
    let changed = await repo.revisionsAfter(incidentId, state.syncedSeq);
    if (changed.length > rereadAfter) {
      // An import or a team's records brought thousands of entries: reading the incident again,
      // page by page, is faster than fetching each changed entry by its id.
      state = await startBuild(
        incidentId,
        fromEntries(incidentId).then((fresh) => {
          onProgress(incidentId, { indexed: fresh.index.size, total: fresh.index.size, ready: true });
          return fresh;
        }),
      );
      changed = await repo.revisionsAfter(incidentId, state.syncedSeq);
    }
    const last = changed.reduce<(typeof changed)[number] | null>(
      (a, r) => (a === null || r.chainSeq > a.chainSeq ? r : a),
      null,
    );
    const inside = revisedInside.take(incidentId);
    if (last || inside.length > 0) {
      const entries = await repo.getMany([...new Set([...changed.map((r) => r.entryId), ...inside])]);
      for (const e of entries) {
        if (!e) continue;
        const at = state.index.put(e);
        if (state.dirty !== 'all') state.dirty.add(at);
      }
      if (last) {
        state.syncedSeq = last.chainSeq;
        state.headHash = last.hash;
      }
    }
    scheduleSave(incidentId, state);
    return state.index;
  };

  return {
    /** Starts building an incident's index ahead of its first search. */
    prepare: async (incidentId: string): Promise<void> => {
      await current(incidentId);
    },
    search: async (incidentId: string, query: string): Promise<TextSearchResult> =>
      (await current(incidentId)).search(query),
    /** Names entries revised inside the chain, which the next search reads again (see ChangeNotice.revisedInside). */
    revise: (incidentId: string, entryIds: readonly string[]): void => {
      if (states.has(incidentId)) revisedInside.add(incidentId, entryIds);
    },
    /** Forgets every index, and the kept copies. */
    reset: async (): Promise<void> => {
      revisedInside.clear();
      for (const timer of saves.values()) clearTimeout(timer);
      saves.clear();
      states.clear();
      await cache?.clear();
    },
  };
}
export type SearchEngine = ReturnType<typeof createSearchEngine>;

/** What the window asks of the search (in its worker, or in the page where no worker runs). */
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

const describe = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Answers one request of the window, in the worker or in the page alike; `reply` carries the answer back. */
export function answerSearchRequest(
  engine: SearchEngine,
  m: Exclude<SearchWorkerRequest, { type: 'open' }>,
  reply: (m: SearchWorkerMessage) => void,
): void {
  switch (m.type) {
    case 'prepare':
      void engine
        .prepare(m.incidentId)
        .catch((e: unknown) =>
          reply({ type: 'failed', requestId: null, incidentId: m.incidentId, message: describe(e) }),
        );
      break;
    case 'search':
      void engine.search(m.incidentId, m.query).then(
        (r) => reply({ type: 'result', requestId: m.requestId, ids: [...r.ids], match: r.match }),
        (e: unknown) =>
          reply({ type: 'failed', requestId: m.requestId, incidentId: m.incidentId, message: describe(e) }),
      );
      break;
    case 'revise':
      engine.revise(m.incidentId, m.entryIds);
      break;
    case 'reset':
      void engine.reset();
      break;
  }
}

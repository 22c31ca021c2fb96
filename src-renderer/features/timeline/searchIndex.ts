import MiniSearch from 'minisearch';

import type { TimelineEntry } from '@shared/schemas/timeline';

import type { TimelineRepo } from '../../db/repos/timelineRepo';

type Doc = { id: string; title: string; body: string; tags: string; source: string };

const toDoc = (e: TimelineEntry): Doc => ({ id: e.id, title: e.title, body: e.body, tags: e.tags.join(' '), source: e.source });

function newIndex(): MiniSearch<Doc> {
  return new MiniSearch<Doc>({
    fields: ['title', 'body', 'tags', 'source'],
    storeFields: [],
    searchOptions: { boost: { title: 2 }, prefix: true, fuzzy: 0.15, combineWith: 'AND' },
  });
}

/**
 * Full-text search over the timeline's titles and notes, one in-memory index per incident.
 * Built on first search from the entries, then kept current from the revisions chained since,
 * so a correction is searchable under its new words and no longer under its old ones.
 */
export function createTimelineSearch(repo: TimelineRepo) {
  const indexes = new Map<string, Promise<{ index: MiniSearch<Doc>; syncedSeq: number }>>();

  // The chain position read before the entries: anything written meanwhile is picked up by
  // the next sync (re-adding an entry is harmless), so nothing is missed.
  const build = async (incidentId: string) => {
    const index = newIndex();
    const syncedSeq = (await repo.head(incidentId)).chainSeq;
    await repo.forEachPage(incidentId, (page) => {
      index.addAll(page.map(toDoc));
    });
    return { index, syncedSeq };
  };

  const current = async (incidentId: string) => {
    let pending = indexes.get(incidentId);
    if (!pending) {
      pending = build(incidentId);
      indexes.set(incidentId, pending);
    }
    const state = await pending;
    const changed = await repo.revisionsAfter(incidentId, state.syncedSeq);
    if (changed.length > 0) {
      const ids = [...new Set(changed.map((r) => r.entryId))];
      const entries = await repo.getMany(ids);
      for (const e of entries) {
        if (!e) continue;
        if (state.index.has(e.id)) state.index.discard(e.id);
        state.index.add(toDoc(e));
      }
      state.syncedSeq = changed.reduce((max, r) => Math.max(max, r.chainSeq), state.syncedSeq);
    }
    return state.index;
  };

  return {
    /** Ids of the entries matching every word of `text` (prefixes and small typos allowed). */
    async search(incidentId: string, text: string): Promise<Set<string>> {
      const index = await current(incidentId);
      return new Set(index.search(text).map((r) => String(r.id)));
    },
    /** Forget everything (after a restore or an import that replaced data). */
    reset: () => indexes.clear(),
  };
}
export type TimelineSearch = ReturnType<typeof createTimelineSearch>;

import type { TimelineOrder } from '@shared/domain/timeline/listFilter';

import type { TimelineRepo } from '../../db/repos/timelineRepo';
import type { ChangeFeed } from '../changeFeed';
import { createRevisedInside } from './revisedInside';

type State = { byId: Map<string, number>; order: TimelineOrder; seq: number };

const compare = (a: [string, number], b: [string, number]) => a[1] - b[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

/**
 * Keeps each incident's list order in memory: read once from the timelineOrder keys, then
 * brought up to date from the revisions chained since (new entries, corrected times, written in
 * this window or another). Filtering a 100,000-entry timeline then costs one pass over two arrays
 * instead of a key read per query. A change that replaced the database (a restore) drops it all,
 * heard on the change feed.
 */
export function createTimelineOrderCache(deps: {
  store: Pick<TimelineRepo, 'head' | 'revisionsAfter' | 'getMany'>;
  readOrder: (incidentId: string) => Promise<TimelineOrder>;
  feed: ChangeFeed;
}) {
  const states = new Map<string, Promise<State>>();
  const revisedInside = createRevisedInside();
  deps.feed.subscribe((notice) => {
    if (notice.replacedAll) {
      states.clear();
      revisedInside.clear();
    } else if (notice.scope === 'desk') return;
    else if (notice.rebuilt) {
      states.delete(notice.scope.incidentId);
      revisedInside.drop(notice.scope.incidentId);
    } else if (notice.revisedInside && states.has(notice.scope.incidentId))
      revisedInside.add(notice.scope.incidentId, notice.revisedInside);
  });

  const load = async (incidentId: string): Promise<State> => {
    const seq = (await deps.store.head(incidentId)).chainSeq;
    const order = await deps.readOrder(incidentId);
    const byId = new Map<string, number>();
    order.ids.forEach((id, i) => byId.set(id, order.times[i] ?? 0));
    return { byId, order, seq };
  };

  return {
    async get(incidentId: string): Promise<TimelineOrder> {
      let pending = states.get(incidentId);
      if (!pending) {
        pending = load(incidentId);
        states.set(incidentId, pending);
      }
      const state = await pending;
      let moved = false;
      /** Puts an entry at its time; true when that moved it (or it is new). */
      const place = (entryId: string, occurredAt: number): boolean => {
        if (state.byId.get(entryId) === occurredAt) return false;
        state.byId.set(entryId, occurredAt);
        return true;
      };
      const changed = await deps.store.revisionsAfter(incidentId, state.seq);
      for (const r of changed) {
        moved = place(r.entryId, r.content.occurredAt) || moved;
        state.seq = Math.max(state.seq, r.chainSeq);
      }
      // Revised inside the chain: each entry's time as it now stands, whatever its revisions' places.
      const inside = revisedInside.take(incidentId);
      if (inside.length > 0)
        for (const e of await deps.store.getMany(inside)) if (e) moved = place(e.id, e.occurredAt) || moved;
      if (moved) {
        const pairs = [...state.byId.entries()].sort(compare);
        state.order = { times: pairs.map((p) => p[1]), ids: pairs.map((p) => p[0]) };
      }
      return state.order;
    },
  };
}
export type TimelineOrderCache = ReturnType<typeof createTimelineOrderCache>;

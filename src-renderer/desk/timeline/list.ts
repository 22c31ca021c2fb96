import { revisionsAsKnownAt } from '@shared/domain/timeline/asKnownAt';
import type { ListedEntry, TimelineFilter } from '@shared/domain/timeline/listFilter';
import { entryFromRevision } from '@shared/domain/timeline/revisions';
import type { SearchMatch } from '@shared/domain/timeline/textIndex';
import type { TimelineEntry } from '@shared/schemas/timeline';

import type { DeskDatabase } from '../../db/database';
import type { TimelineRepo } from '../../db/repos/timelineRepo';
import { facetsOf, firstEntries, queryTimeline } from '../../db/repos/timelineQuery';
import type { TimelineOrderCache } from './orderCache';
import type { TimelineSearch } from './search/searchIndex';

/** One view of an incident's timeline: the entries listed, in order, and how the words matched. */
export type TimelineListing = {
  listed: ListedEntry[];
  /** Entries on the incident's timeline in this view before filtering. */
  total: number;
  /** In "as known at" mode the entries, as they stood then (null otherwise). */
  snapshot: Map<string, TimelineEntry> | null;
  /** How the search words matched (null without a search). */
  match: SearchMatch | null;
};

/**
 * The timeline's read model behind one door: the order kept in memory, the filters answered from
 * the indexes, the text search, and "as known at" replayed from the revisions. The order cache
 * and the search index are kept current from the change feed; nobody resets them by hand.
 */
export function createTimelineList(deps: {
  db: DeskDatabase;
  store: TimelineRepo;
  order: TimelineOrderCache;
  search: TimelineSearch;
}) {
  return {
    async list(
      incidentId: string,
      filter: TimelineFilter,
      text: string,
      asKnownAt: number | null,
    ): Promise<TimelineListing> {
      if (asKnownAt !== null) {
        const revisions = revisionsAsKnownAt(await deps.store.revisionsRecordedBy(incidentId, asKnownAt), asKnownAt);
        const snapshot = new Map(revisions.map((r) => [r.entryId, entryFromRevision(null, r)]));
        const listed = revisions.map((r) => ({ id: r.entryId, occurredAt: r.content.occurredAt }));
        return { listed, snapshot, total: listed.length, match: null };
      }
      const words = text.trim();
      // A search that cannot run finds nothing (the search box says why), rather than
      // passing the unsearched list off as its result.
      const found =
        words === ''
          ? null
          : await deps.search
              .search(incidentId, words)
              .catch(() => ({ ids: new Set<string>(), match: 'none' as const }));
      const order = await deps.order.get(incidentId);
      const listed = await queryTimeline(deps.db, incidentId, filter, found?.ids ?? null, order);
      return { listed, snapshot: null, total: order.ids.length, match: found?.match ?? null };
    },

    /** The incident's first entries in list order, read whole, for a quick first screen. */
    async first(incidentId: string, limit: number): Promise<{ listed: ListedEntry[]; entries: TimelineEntry[] }> {
      const listed = await firstEntries(deps.db, incidentId, limit);
      const entries = (await deps.store.getMany(listed.map((l) => l.id))).filter((e) => e !== undefined);
      return { listed, entries };
    },

    /** The sources used in an incident and the tags used on this desk, for the filter pickers. */
    facets: (incidentId: string) => facetsOf(deps.db, incidentId),

    /** Every entry matching a filter and words, in list order, with nothing in memory (the statements' sensitivity check). */
    query: (incidentId: string, filter: TimelineFilter) => queryTimeline(deps.db, incidentId, filter),
  };
}
export type TimelineList = ReturnType<typeof createTimelineList>;

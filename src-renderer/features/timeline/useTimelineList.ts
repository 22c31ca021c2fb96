import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';

import { revisionsAsKnownAt } from '@shared/domain/timeline/asKnownAt';
import type { Incident } from '@shared/schemas/entities';
import type { TimelineEntry } from '@shared/schemas/timeline';
import { entryFromRevision } from '@shared/domain/timeline/revisions';

import { useDesk } from '../../app/DeskContext';
import { firstEntries, queryTimeline, type ListedEntry } from '../../db/repos/timelineQuery';
import { buildTimelineRows, type TimelineRow } from './rows';
import { isFiltered, type ViewFilter } from './timelineUiStore';

const PREVIEW_ROWS = 60;

export type TimelineListState = {
  rows: TimelineRow[];
  listed: ListedEntry[];
  shown: number;
  total: number;
  /** In "as known at" mode the entries are already in memory, as they stood then. */
  snapshot: Map<string, TimelineEntry> | null;
  loading: boolean;
  /** Only the first screenful is loaded so far. */
  partial: boolean;
};

/** The ordered, filtered list of the incident's entries, kept live as entries are logged. */
export function useTimelineList(incident: Incident, filter: ViewFilter, asKnownAt: number | null): TimelineListState {
  const { db, repos, timelineSearch, timelineOrder } = useDesk();
  const live = useLiveQuery(async () => {
    const text = filter.text.trim();
    if (asKnownAt !== null) {
      const revisions = revisionsAsKnownAt(await repos.timeline.revisionsRecordedBy(incident.id, asKnownAt), asKnownAt);
      const snapshot = new Map(revisions.map((r) => [r.entryId, entryFromRevision(null, r)]));
      const listed = revisions.map((r) => ({ id: r.entryId, occurredAt: r.content.occurredAt }));
      return { listed, snapshot, total: listed.length };
    }
    const matches = text === '' ? null : await timelineSearch.search(incident.id, text);
    const order = await timelineOrder.get(incident.id);
    const listed = await queryTimeline(db, incident.id, filter, matches, order);
    const total = order.ids.length;
    return { listed, snapshot: null, total };
  }, [db, repos, timelineSearch, timelineOrder, incident.id, filter, asKnownAt]);

  // The first screenful, read in a few milliseconds, shows while a long timeline's full order
  // loads (100,000 entries take a moment): the first paint does not wait for the last entry.
  const unfiltered = asKnownAt === null && !isFiltered(filter);
  const preview = useLiveQuery(async () => (unfiltered ? firstEntries(db, incident.id, PREVIEW_ROWS) : null), [db, incident.id, unfiltered]);

  return useMemo(() => {
    if (!live && preview && preview.length > 0) {
      return { rows: buildTimelineRows(preview, incident.timeZone), listed: preview, shown: preview.length, total: preview.length, snapshot: null, loading: false, partial: true };
    }
    if (!live) return { rows: [], listed: [], shown: 0, total: 0, snapshot: null, loading: true, partial: false };
    return {
      rows: buildTimelineRows(live.listed, incident.timeZone),
      listed: live.listed,
      shown: live.listed.length,
      total: live.total,
      snapshot: live.snapshot,
      loading: false,
      partial: false,
    };
  }, [live, preview, incident.timeZone]);
}

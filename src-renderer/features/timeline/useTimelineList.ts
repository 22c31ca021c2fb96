import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';

import { revisionsAsKnownAt } from '@shared/domain/timeline/asKnownAt';
import type { Incident } from '@shared/schemas/entities';
import type { TimelineEntry } from '@shared/schemas/timeline';
import { entryFromRevision } from '@shared/domain/timeline/revisions';

import { useDesk } from '../../app/DeskContext';
import { queryTimeline, type ListedEntry } from '../../db/repos/timelineQuery';
import { buildTimelineRows, type TimelineRow } from './rows';
import type { ViewFilter } from './timelineUiStore';

export type TimelineListState = {
  rows: TimelineRow[];
  listed: ListedEntry[];
  shown: number;
  total: number;
  /** In "as known at" mode the entries are already in memory, as they stood then. */
  snapshot: Map<string, TimelineEntry> | null;
  loading: boolean;
};

/** The ordered, filtered list of the incident's entries, kept live as entries are logged. */
export function useTimelineList(incident: Incident, filter: ViewFilter, asKnownAt: number | null): TimelineListState {
  const { db, repos, timelineSearch } = useDesk();
  const live = useLiveQuery(async () => {
    const text = filter.text.trim();
    if (asKnownAt !== null) {
      const revisions = revisionsAsKnownAt(await repos.timeline.revisionsRecordedBy(incident.id, asKnownAt), asKnownAt);
      const snapshot = new Map(revisions.map((r) => [r.entryId, entryFromRevision(null, r)]));
      const listed = revisions.map((r) => ({ id: r.entryId, occurredAt: r.content.occurredAt }));
      return { listed, snapshot, total: listed.length };
    }
    const matches = text === '' ? null : await timelineSearch.search(incident.id, text);
    const [listed, total] = await Promise.all([queryTimeline(db, incident.id, filter, matches), repos.timeline.count(incident.id)]);
    return { listed, snapshot: null, total };
  }, [db, repos, timelineSearch, incident.id, filter, asKnownAt]);

  return useMemo(() => {
    if (!live) return { rows: [], listed: [], shown: 0, total: 0, snapshot: null, loading: true };
    return {
      rows: buildTimelineRows(live.listed, incident.timeZone),
      listed: live.listed,
      shown: live.listed.length,
      total: live.total,
      snapshot: live.snapshot,
      loading: false,
    };
  }, [live, incident.timeZone]);
}

import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';

import type { ListedEntry } from '@shared/domain/timeline/listFilter';
import type { SearchMatch } from '@shared/domain/timeline/textIndex';
import type { Incident } from '@shared/schemas/entities';
import type { TimelineEntry } from '@shared/schemas/timeline';

import { useDesk } from '../../desk/DeskContext';
import { useDeskLocale } from '../../lib/LocaleContext';
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
  /** The filter changed and its result is still being worked out: the rows are the old ones. */
  pending: boolean;
  /** Which view the rows belong to: changes when a new filter's result arrives. */
  resultKey: string;
  /** How the search words matched (null without a search). */
  match: SearchMatch | null;
  /** Entries already read with the first screenful, so its rows show without another read. */
  seedEntries: readonly TimelineEntry[];
};

const keyOf = (filter: ViewFilter, asKnownAt: number | null) => JSON.stringify([filter, asKnownAt]);

/** The ordered, filtered list of the incident's entries, kept live as entries are logged. */
export function useTimelineList(incident: Incident, filter: ViewFilter, asKnownAt: number | null): TimelineListState {
  const { useCases } = useDesk();
  const locale = useDeskLocale();
  const key = keyOf(filter, asKnownAt);

  // The first screenful, entries and all, read in a few milliseconds, shows while a long
  // timeline's full order loads (100,000 keys take a moment): the first paint does not wait
  // for the last entry. The full read starts only once the first screenful is in, because
  // IndexedDB would otherwise serve the big read first and the small one behind it.
  const unfiltered = asKnownAt === null && !isFiltered(filter);
  const preview = useLiveQuery(async () => {
    if (!unfiltered) return null;
    return useCases.timeline.first(incident.id, PREVIEW_ROWS);
  }, [useCases, incident.id, unfiltered]);
  const waitForPreview = unfiltered && preview === undefined;

  const live = useLiveQuery(async () => {
    if (waitForPreview) return undefined;
    const { text, ...narrowed } = filter;
    return { key, ...(await useCases.timeline.list(incident.id, narrowed, text, asKnownAt)) };
  }, [useCases, incident.id, filter, asKnownAt, waitForPreview, key]);

  return useMemo((): TimelineListState => {
    const seedEntries = preview?.entries ?? [];
    const none = { snapshot: null, match: null, seedEntries };
    if (!live && preview && preview.listed.length > 0) {
      const { listed } = preview;
      return {
        ...none,
        rows: buildTimelineRows(listed, incident.timeZone, locale),
        listed,
        shown: listed.length,
        total: listed.length,
        loading: false,
        partial: true,
        pending: false,
        resultKey: key,
      };
    }
    if (!live)
      return {
        ...none,
        rows: [],
        listed: [],
        shown: 0,
        total: 0,
        loading: true,
        partial: false,
        pending: false,
        resultKey: key,
      };
    return {
      rows: buildTimelineRows(live.listed, incident.timeZone, locale),
      listed: live.listed,
      shown: live.listed.length,
      total: live.total,
      snapshot: live.snapshot,
      loading: false,
      partial: false,
      pending: live.key !== key,
      resultKey: live.key,
      match: live.match,
      seedEntries,
    };
  }, [live, preview, incident.timeZone, key, locale]);
}

import { create } from 'zustand';
import { persist } from 'zustand/middleware';

import { EMPTY_FILTER, type TimelineFilter } from '@shared/domain/timeline/listFilter';

export type ViewFilter = TimelineFilter & { text: string };
export const EMPTY_VIEW_FILTER: ViewFilter = { ...EMPTY_FILTER, text: '' };

type TimelineUiState = {
  /** Per incident, so each workspace remembers its own view; kept across reloads. */
  filters: Record<string, ViewFilter>;
  setFilter: (incidentId: string, patch: Partial<ViewFilter>) => void;
  clearFilter: (incidentId: string) => void;
  /** Typing in a handwritten log after an outage: the day of the paper page, and whose log it is. */
  backfill: { enabled: boolean; date: string; writtenBy: string };
  setBackfill: (patch: Partial<TimelineUiState['backfill']>) => void;
};

export const useTimelineUi = create<TimelineUiState>()(
  persist(
    (set) => ({
      filters: {},
      setFilter: (incidentId, patch) =>
        set((s) => ({
          filters: { ...s.filters, [incidentId]: { ...(s.filters[incidentId] ?? EMPTY_VIEW_FILTER), ...patch } },
        })),
      clearFilter: (incidentId) => set((s) => ({ filters: { ...s.filters, [incidentId]: EMPTY_VIEW_FILTER } })),
      backfill: { enabled: false, date: '', writtenBy: '' },
      setBackfill: (patch) => set((s) => ({ backfill: { ...s.backfill, ...patch } })),
    }),
    { name: 'response-desk.timeline-view', version: 1 },
  ),
);

export const selectFilter =
  (incidentId: string) =>
  (s: TimelineUiState): ViewFilter =>
    s.filters[incidentId] ?? EMPTY_VIEW_FILTER;

export function isFiltered(f: ViewFilter): boolean {
  return (
    f.categories.length + f.verifications.length + f.tags.length + f.sources.length > 0 ||
    f.from !== null ||
    f.to !== null ||
    f.text.trim() !== ''
  );
}

/** How many kinds of narrowing are on (categories count once, a time range once). */
export function activeFilterCount(f: ViewFilter): number {
  return [
    f.categories.length > 0,
    f.verifications.length > 0,
    f.tags.length > 0,
    f.sources.length > 0,
    f.from !== null || f.to !== null,
    f.text.trim() !== '',
  ].filter(Boolean).length;
}

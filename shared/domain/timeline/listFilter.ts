import type { TimelineCategory, Verification } from '../../schemas/timeline';

/** What the timeline view is narrowed to. Empty lists mean "any". */
export type TimelineFilter = {
  categories: TimelineCategory[];
  verifications: Verification[];
  tags: string[];
  /** Lower-cased sources. */
  sources: string[];
  from: number | null;
  to: number | null;
};

export const EMPTY_FILTER: TimelineFilter = {
  categories: [],
  verifications: [],
  tags: [],
  sources: [],
  from: null,
  to: null,
};

/** One row of the list: enough to place it (day, order) without loading the entry. */
export type ListedEntry = { id: string; occurredAt: number };

/** An incident's entries in list order: [occurredAt, id] pairs, sorted. */
export type TimelineOrder = { times: number[]; ids: string[] };

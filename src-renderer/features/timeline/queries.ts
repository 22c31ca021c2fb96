import { useDeskQuery } from '../../desk/useDeskQuery';

/** The sources used in the incident and the tags used on this desk, for the filter pickers; undefined while loading. */
export function useFacets(incidentId: string): { tags: string[]; sources: string[] } | undefined {
  return useDeskQuery((desk) => desk.timeline.facets(incidentId), [incidentId]);
}

const NONE: ReadonlySet<string> = new Set();

/** The incident's entries changed apart on two desks and not merged yet. */
export function useEntriesInConflict(incidentId: string): ReadonlySet<string> {
  return useDeskQuery((desk) => desk.teamRecords.entriesInConflict(incidentId), [incidentId]) ?? NONE;
}

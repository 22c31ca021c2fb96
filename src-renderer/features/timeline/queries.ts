import { useLiveQuery } from 'dexie-react-hooks';

import { useDesk } from '../../desk/DeskContext';

/** The sources used in the incident and the tags used on this desk, for the filter pickers; undefined while loading. */
export function useFacets(incidentId: string): { tags: string[]; sources: string[] } | undefined {
  const { useCases } = useDesk();
  return useLiveQuery(() => useCases.timeline.facets(incidentId), [useCases, incidentId]);
}

const NONE: ReadonlySet<string> = new Set();

/** The incident's entries changed apart on two desks and not merged yet. */
export function useEntriesInConflict(incidentId: string): ReadonlySet<string> {
  const { useCases } = useDesk();
  return useLiveQuery(() => useCases.teamRecords.entriesInConflict(incidentId), [useCases, incidentId]) ?? NONE;
}

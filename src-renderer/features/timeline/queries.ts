import { useLiveQuery } from 'dexie-react-hooks';

import { useDesk } from '../../desk/DeskContext';

/** The sources used in the incident and the tags used on this desk, for the filter pickers; undefined while loading. */
export function useFacets(incidentId: string): { tags: string[]; sources: string[] } | undefined {
  const { useCases } = useDesk();
  return useLiveQuery(() => useCases.timeline.facets(incidentId), [useCases, incidentId]);
}

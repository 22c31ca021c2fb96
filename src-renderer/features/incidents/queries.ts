import { useLiveQuery } from 'dexie-react-hooks';

import type { Incident } from '@shared/schemas/entities';

import { useDesk } from '../../desk/DeskContext';

export function useIncidents(): Incident[] | undefined {
  const { useCases } = useDesk();
  return useLiveQuery(() => useCases.incidents.list(), [useCases]);
}

/** undefined while loading, null when no such incident exists. */
export function useIncident(id: string): Incident | null | undefined {
  const { useCases } = useDesk();
  return useLiveQuery(async () => (await useCases.incidents.get(id)) ?? null, [useCases, id]);
}

import { useLiveQuery } from 'dexie-react-hooks';

import type { Incident } from '@shared/schemas/entities';

import { useDesk } from '../../app/DeskContext';

export function useIncidents(): Incident[] | undefined {
  const { repos } = useDesk();
  return useLiveQuery(() => repos.incidents.list(), [repos]);
}

/** undefined while loading, null when no such incident exists. */
export function useIncident(id: string): Incident | null | undefined {
  const { repos } = useDesk();
  return useLiveQuery(async () => (await repos.incidents.get(id)) ?? null, [repos, id]);
}

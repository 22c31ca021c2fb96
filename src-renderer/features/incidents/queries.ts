import type { Incident } from '@shared/schemas/entities';

import { useDeskQuery } from '../../desk/useDeskQuery';

export function useIncidents(): Incident[] | undefined {
  return useDeskQuery((desk) => desk.incidents.list());
}

/** undefined while loading, null when no such incident exists. */
export function useIncident(id: string): Incident | null | undefined {
  return useDeskQuery(async (desk) => (await desk.incidents.get(id)) ?? null, [id]);
}

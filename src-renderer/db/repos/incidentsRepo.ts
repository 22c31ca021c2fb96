import type { Incident } from '@shared/schemas/entities';

import type { DeskDatabase } from '../database';

/** The incidents table, read. Changes are the desk's use-cases (desk/incidents), written through its door. */
export function createIncidentsStore(db: DeskDatabase) {
  return {
    /** All incidents, newest start first. A desk holds tens of incidents, not thousands. */
    list: async (): Promise<Incident[]> => db.incidents.orderBy('startAt').reverse().toArray(),
    get: (id: string): Promise<Incident | undefined> => db.incidents.get(id),
  };
}
export type IncidentsStore = ReturnType<typeof createIncidentsStore>;

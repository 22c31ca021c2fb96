import { currentLessons } from '@shared/domain/lessons';
import type { Lesson } from '@shared/schemas/lessons';

import type { DeskDatabase } from '../database';

/** The lessons table, read. Changes are the desk's use-cases (desk/lessons), written through its door. */
export function createLessonsStore(db: DeskDatabase) {
  return {
    /** The incident's lessons as they read now (a lesson reworded after an export shows its newest version), oldest first. */
    listForIncident: async (incidentId: string): Promise<Lesson[]> =>
      currentLessons(await db.lessons.where('incidentId').equals(incidentId).sortBy('createdAt')),

    get: (id: string): Promise<Lesson | undefined> => db.lessons.get(id),

    /** When a record of the incident last left the desk (from the log of published heads), or null. */
    lastExportAt: async (incidentId: string): Promise<number | null> => {
      const exports = await db.publishedHeads
        .where('incidentId')
        .equals(incidentId)
        .filter((h) => h.via === 'export')
        .toArray();
      return exports.length === 0 ? null : Math.max(...exports.map((h) => h.at));
    },
  };
}
export type LessonsStore = ReturnType<typeof createLessonsStore>;

import Dexie from 'dexie';

import { latestVersions } from '@shared/domain/checklists/templates';
import type { ChecklistItem, ChecklistTemplate } from '@shared/schemas/checklists';

import type { DeskDatabase } from '../database';

/**
 * Recovery checklists, read: the plan's template versions and each incident's items. Changes are
 * the desk's use-cases (desk/checklists), written through its door.
 */
export function createChecklistsStore(db: DeskDatabase) {
  return {
    /** Every stored version of every template. */
    listTemplates: (): Promise<ChecklistTemplate[]> => db.checklistTemplates.toArray(),
    latestTemplates: async (): Promise<ChecklistTemplate[]> => latestVersions(await db.checklistTemplates.toArray()),
    /** Every version of one template, oldest first. */
    templateHistory: (templateKey: string): Promise<ChecklistTemplate[]> =>
      db.checklistTemplates
        .where('[templateKey+version]')
        .between([templateKey, Dexie.minKey], [templateKey, Dexie.maxKey])
        .toArray(),
    /** The keys of the templates the desk holds. */
    templateKeys: async (): Promise<string[]> =>
      (await db.checklistTemplates.orderBy('templateKey').uniqueKeys()).map(String),

    listForIncident: (incidentId: string): Promise<ChecklistItem[]> =>
      db.checklistItems.where('incidentId').equals(incidentId).toArray(),
    countForIncident: (incidentId: string): Promise<number> =>
      db.checklistItems.where('incidentId').equals(incidentId).count(),
    inPhase: (incidentId: string, phase: string): Promise<ChecklistItem[]> =>
      db.checklistItems.where('[incidentId+phase]').equals([incidentId, phase]).toArray(),

    get: (itemId: string): Promise<ChecklistItem | undefined> => db.checklistItems.get(itemId),

    /** Open items (to do, in progress) of the given incidents, for the dashboard's overdue counts. */
    openItemsOf: (incidentIds: readonly string[]): Promise<ChecklistItem[]> =>
      incidentIds.length === 0
        ? Promise.resolve([])
        : db.checklistItems
            .where('[incidentId+status]')
            .anyOf(
              incidentIds.flatMap((id) => [
                [id, 'todo'],
                [id, 'in-progress'],
              ]),
            )
            .toArray(),
  };
}
export type ChecklistsStore = ReturnType<typeof createChecklistsStore>;

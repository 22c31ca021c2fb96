import Dexie from 'dexie';

import type { AuditEvent } from '@shared/schemas/entities';

import type { DeskDatabase } from '../database';

export function createAuditRepo(db: DeskDatabase) {
  return {
    /** The incident's audit trail, newest first, through the [incidentId+at] index. */
    listForIncident: (incidentId: string, limit = 500): Promise<AuditEvent[]> =>
      db.auditLog
        .where('[incidentId+at]')
        .between([incidentId, Dexie.minKey], [incidentId, Dexie.maxKey])
        .reverse()
        .limit(limit)
        .toArray(),
  };
}
export type AuditRepo = ReturnType<typeof createAuditRepo>;

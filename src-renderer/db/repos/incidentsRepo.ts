import { auditEvent, creationChanges, type Actor } from '@shared/domain/audit';
import { newId, type IdGenerator } from '@shared/domain/ids';
import {
  INCIDENT_FIELDS,
  closeIncident,
  createIncident,
  reopenIncident,
  updateIncident,
  type IncidentFields,
  type StatusError,
} from '@shared/domain/incident/commands';
import { err, ok, type Result } from '@shared/domain/result';
import type { Incident } from '@shared/schemas/entities';
import { fieldList } from '@shared/domain/changeWording';

import type { DeskDatabase } from '../database';

export type IncidentWriteError = StatusError | { code: 'not-found'; id: string };

export function createIncidentsRepo(db: DeskDatabase, gen: IdGenerator) {
  const audit = (actor: Actor, incident: Incident, action: 'create' | 'update' | 'close' | 'reopen', summary: string, changes = creationChanges(incident, INCIDENT_FIELDS)) =>
    db.auditLog.add(
      auditEvent({ id: newId('aud', gen), actor, incidentId: incident.id, entityType: 'incident', entityId: incident.id, action, summary, changes }),
    );

  /** Loads, transforms and saves one incident in a single transaction, with its audit line. */
  const transition = (
    id: string,
    actor: Actor,
    action: 'close' | 'reopen',
    apply: (incident: Incident, actor: Actor) => Result<Incident, StatusError>,
  ): Promise<Result<Incident, IncidentWriteError>> =>
    db.transaction('rw', db.incidents, db.auditLog, async () => {
      const current = await db.incidents.get(id);
      if (!current) return err({ code: 'not-found' as const, id });
      const next = apply(current, actor);
      if (!next.ok) return next;
      await db.incidents.put(next.value);
      await audit(actor, next.value, action, action === 'close' ? 'Incident closed' : 'Incident reopened', [
        { field: 'status', before: current.status, after: next.value.status },
      ]);
      return ok(next.value);
    });

  return {
    /** All incidents, newest start first. A desk holds tens of incidents, not thousands. */
    list: async (): Promise<Incident[]> => (await db.incidents.orderBy('startAt').reverse().toArray()),

    get: (id: string): Promise<Incident | undefined> => db.incidents.get(id),

    create: (fields: IncidentFields, actor: Actor): Promise<Incident> =>
      db.transaction('rw', db.incidents, db.auditLog, async () => {
        const incident = createIncident(fields, newId('inc', gen), actor);
        await db.incidents.add(incident);
        await audit(actor, incident, 'create', `Incident created: ${incident.title}`);
        return incident;
      }),

    update: (id: string, fields: IncidentFields, actor: Actor): Promise<Result<Incident, IncidentWriteError>> =>
      db.transaction('rw', db.incidents, db.auditLog, async () => {
        const current = await db.incidents.get(id);
        if (!current) return err({ code: 'not-found' as const, id });
        const { next, changes } = updateIncident(current, fields, actor);
        if (changes.length === 0) return ok(current);
        await db.incidents.put(next);
        await audit(actor, next, 'update', `Incident details changed (${fieldList(changes)})`, changes);
        return ok(next);
      }),

    close: (id: string, actor: Actor) => transition(id, actor, 'close', closeIncident),
    reopen: (id: string, actor: Actor) => transition(id, actor, 'reopen', reopenIncident),
  };
}
export type IncidentsRepo = ReturnType<typeof createIncidentsRepo>;

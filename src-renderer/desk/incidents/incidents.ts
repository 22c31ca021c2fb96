import { auditEvent, creationChanges, type Actor } from '@shared/domain/audit';
import { fieldList } from '@shared/domain/changeWording';
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
import { ok, type Result } from '@shared/domain/result';
import type { AuditEvent, FieldChange, Incident } from '@shared/schemas/entities';

import type { IncidentsStore } from '../../db/repos/incidentsRepo';
import type { Door } from '../door';
import { busy, rowChanger, type NotWritten } from '../planned';
import { t } from '../../i18n/messages';

export type IncidentWriteError = StatusError | { code: 'not-found'; id: string } | NotWritten;

type Deps = { door: Door; store: IncidentsStore; gen: IdGenerator };

/** The audit line of a change to an incident. */
const incidentAudit = (
  gen: IdGenerator,
  actor: Actor,
  incident: Incident,
  action: 'create' | 'update' | 'close' | 'reopen',
  summary: string,
  changes: FieldChange[],
): AuditEvent =>
  auditEvent({
    id: newId('aud', gen),
    actor,
    incidentId: incident.id,
    entityType: 'incident',
    entityId: incident.id,
    action,
    summary,
    changes,
  });

/** A new incident's row and audit line, for any use-case that starts one (with its checklists). */
export function planNewIncident(
  gen: IdGenerator,
  fields: IncidentFields,
  actor: Actor,
): { incident: Incident; audit: AuditEvent } {
  const incident = createIncident(fields, newId('inc', gen), actor);
  return {
    incident,
    audit: incidentAudit(
      gen,
      actor,
      incident,
      'create',
      t('audit.summary.incidentCreated', { title: incident.title }),
      creationChanges(incident, INCIDENT_FIELDS),
    ),
  };
}

/** An incident's details and status: created, changed, closed and reopened, each with its audit line. */
export function createIncidentCases({ door, store, gen }: Deps) {
  const BUSY = busy('incident');

  /** Changes one incident as stored now; `plan` says what to write. */
  const changeIncident = rowChanger<'incidents', IncidentWriteError>(
    door,
    'incidents',
    (key) => store.get(key),
    (id) => ({ missing: { code: 'not-found', id }, busy: BUSY }),
  );

  const transition = (
    id: string,
    actor: Actor,
    action: 'close' | 'reopen',
    apply: (incident: Incident, actor: Actor) => Result<Incident, StatusError>,
  ) =>
    changeIncident(id, (current) => {
      const next = apply(current, actor);
      if (!next.ok) return next;
      const summary = t(action === 'close' ? 'audit.summary.incidentClosed' : 'audit.summary.incidentReopened');
      return ok({
        change: {
          scope: { incidentId: id },
          kind: `incident.${action === 'close' ? 'closed' : 'reopened'}`,
          put: { incidents: [next.value] },
          audit: [
            incidentAudit(gen, actor, next.value, action, summary, [
              { field: 'status', before: current.status, after: next.value.status },
            ]),
          ],
        },
        value: next.value,
      });
    });

  return {
    /** A new incident, with its audit line; a field its readers would refuse comes back as `refused`, nothing stored. */
    create(fields: IncidentFields, actor: Actor): Promise<Result<Incident, NotWritten>> {
      const { incident, audit } = planNewIncident(gen, fields, actor);
      return door
        .write({
          scope: { incidentId: incident.id },
          kind: 'incident.created',
          add: { incidents: [incident] },
          audit: [audit],
        })
        .then((w) => (w.ok ? ok(incident) : w));
    },

    update: (id: string, fields: IncidentFields, actor: Actor): Promise<Result<Incident, IncidentWriteError>> =>
      changeIncident(id, (current) => {
        const { next, changes } = updateIncident(current, fields, actor);
        // Nothing changed: nothing is written.
        if (changes.length === 0)
          return ok({ change: { scope: { incidentId: id }, kind: 'incident.unchanged', audit: [] }, value: current });
        return ok({
          change: {
            scope: { incidentId: id },
            kind: 'incident.changed',
            put: { incidents: [next] },
            audit: [
              incidentAudit(
                gen,
                actor,
                next,
                'update',
                t('audit.summary.incidentChanged', { fields: fieldList(changes) }),
                changes,
              ),
            ],
          },
          value: next,
        });
      }),

    close: (id: string, actor: Actor) => transition(id, actor, 'close', closeIncident),
    reopen: (id: string, actor: Actor) => transition(id, actor, 'reopen', reopenIncident),
  };
}

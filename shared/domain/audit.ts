import { AUDIT_SUMMARY_MAX, type AuditAction, type AuditEvent, type FieldChange } from '../schemas/entities';
import { newId, type IdGenerator } from './ids';
import { clampText } from './text/clampText';
import type { EpochMs } from './time';

/** Who is acting, and when: passed into every change so each one is attributable. */
export type Actor = { readonly operator: string; readonly now: EpochMs };

/**
 * The fields whose values differ between two versions of a record, in the order given. An absent
 * field counts as null: JSON has no undefined, and a change must survive a backup round trip.
 */
export function diffFields<T extends Record<string, unknown>>(
  before: T,
  after: T,
  fields: readonly (keyof T & string)[],
): FieldChange[] {
  return fields
    .map((f) => ({ field: f, before: before[f] ?? null, after: after[f] ?? null }))
    .filter((c) => !Object.is(c.before, c.after));
}

/** Every field of a newly created record, as changes from nothing. */
export function creationChanges<T extends Record<string, unknown>>(
  record: T,
  fields: readonly (keyof T & string)[],
): FieldChange[] {
  return fields.map((f) => ({ field: f, before: null, after: record[f] ?? null }));
}

export function auditEvent(input: {
  id: string;
  actor: Actor;
  incidentId: string | null;
  entityType: string;
  entityId: string;
  action: AuditAction;
  summary: string;
  changes?: FieldChange[];
}): AuditEvent {
  return {
    id: input.id,
    at: input.actor.now,
    operator: input.actor.operator,
    incidentId: input.incidentId,
    entityType: input.entityType,
    entityId: input.entityId,
    action: input.action,
    // A summary quotes what people typed (a withdrawal reason, a note); the full values are in `changes`.
    summary: clampText(input.summary, AUDIT_SUMMARY_MAX),
    changes: input.changes ?? [],
  };
}

/**
 * The audit lines of one kind of desk-wide record (contacts, call trees, the settings): on no
 * incident, each with a fresh id.
 */
export function deskAuditLines(gen: IdGenerator, entityType: string) {
  return (actor: Actor, entityId: string, action: AuditAction, summary: string, changes?: FieldChange[]): AuditEvent =>
    auditEvent({
      id: newId('aud', gen),
      actor,
      incidentId: null,
      entityType,
      entityId,
      action,
      summary,
      ...(changes && { changes }),
    });
}

import { auditEvent, type Actor } from '@shared/domain/audit';
import { newId, type IdGenerator } from '@shared/domain/ids';
import type { RecordSource } from '@shared/domain/record/buildRecord';
import type { RecordFile } from '@shared/domain/record/recordFile';
import { err, ok, type Result } from '@shared/domain/result';
import type { Incident, OpenRecord } from '@shared/schemas/entities';
import { checkStoredRow } from '@shared/schemas/rowCheck';
import type { TableName } from '@shared/schemas/tables';
import type { TimelineEntry } from '@shared/schemas/timeline';

import type { DeskDatabase } from '../database';
import { orderKey } from './timelineRepo';

export type RecordImportError =
  | { code: 'incomplete'; missing: string[] }
  | { code: 'redacted'; profile: string }
  | { code: 'exists'; incidentId: string; title: string }
  | { code: 'invalid-row'; table: string; id: string; problem: string };

/** Rows of one incident across every table that belongs to an incident. */
type IncidentRows = Pick<
  Record<TableName, unknown[]>,
  'incidents' | 'timelineEntries' | 'timelineRevisions' | 'auditLog' | 'statements' | 'statementVersions' | 'approvals' | 'treeActivations' | 'callAttempts' | 'checklistItems' | 'lessons'
>;

export function createRecordRepo(db: DeskDatabase, gen: IdGenerator) {
  const byIncident = (table: TableName, incidentId: string) => db.table(table).where('incidentId').equals(incidentId).toArray();
  const byParent = async (table: TableName, field: string, ids: string[]) => (ids.length === 0 ? [] : db.table(table).where(field).anyOf(ids).toArray());

  return {
    /** Everything the desk holds about one incident, for the after-action record. */
    async collect(incidentId: string): Promise<RecordSource | null> {
      const incident = await db.incidents.get(incidentId);
      const settings = await db.settings.get('desk');
      if (!incident) return null;
      const [entries, revisions, audit, statements, activations, checklistItems, lessons] = await Promise.all([
        db.timelineEntries.where('incidentId').equals(incidentId).toArray(),
        db.timelineRevisions.where('incidentId').equals(incidentId).toArray(),
        db.auditLog.where('[incidentId+at]').between([incidentId, -Infinity], [incidentId, Infinity]).toArray(),
        byIncident('statements', incidentId) as Promise<OpenRecord[]>,
        byIncident('treeActivations', incidentId) as Promise<OpenRecord[]>,
        byIncident('checklistItems', incidentId) as Promise<OpenRecord[]>,
        byIncident('lessons', incidentId) as Promise<OpenRecord[]>,
      ]);
      const statementIds = statements.map((s) => s.id);
      const [statementVersions, approvals, callAttempts] = await Promise.all([
        byParent('statementVersions', 'statementId', statementIds) as Promise<OpenRecord[]>,
        byParent('approvals', 'statementId', statementIds) as Promise<OpenRecord[]>,
        byParent('callAttempts', 'activationId', activations.map((a) => a.id)) as Promise<OpenRecord[]>,
      ]);
      // The people the activations name, so the record can say how they were reached.
      const named = new Set(activations.flatMap((a) => ((a['nodes'] ?? []) as { contactId: string; fallbackContactId: string | null }[]).flatMap((n) => [n.contactId, ...(n.fallbackContactId ? [n.fallbackContactId] : [])])));
      const contacts = named.size === 0 ? [] : await db.contacts.bulkGet([...named]);
      return {
        incident,
        settings: { cityName: settings?.cityName ?? '' },
        contacts: contacts.filter((c) => c !== undefined),
        entries,
        revisions,
        audit,
        statements,
        statementVersions,
        approvals,
        activations,
        callAttempts,
        checklistItems,
        lessons,
      };
    },

    /**
     * Rebuilds an incident from a verified internal record, exactly: same ids, revisions,
     * times and hash chain. An incident already on this desk is refused, never merged.
     */
    async importRecord(record: RecordFile, actor: Actor): Promise<Result<Incident, RecordImportError>> {
      if (record.profile !== 'internal') return err({ code: 'redacted', profile: record.profile });
      const c = record.content;
      const missing = [
        !c.timeline && 'timeline',
        !c.audit && 'audit trail',
        !c.statements && 'statements',
        !c.activations && 'call-tree activations',
        !c.checklists && 'checklists',
        !c.lessons && 'lessons learned',
      ].filter((m): m is string => typeof m === 'string');
      if (missing.length > 0 || !c.timeline) return err({ code: 'incomplete', missing });

      const rows: IncidentRows = {
        incidents: [c.incident],
        timelineEntries: c.timeline.entries,
        timelineRevisions: c.timeline.revisions,
        auditLog: c.audit ?? [],
        statements: c.statements?.statements ?? [],
        statementVersions: c.statements?.versions ?? [],
        approvals: c.statements?.approvals ?? [],
        treeActivations: c.activations?.activations ?? [],
        callAttempts: c.activations?.attempts ?? [],
        checklistItems: c.checklists?.items ?? [],
        lessons: c.lessons ?? [],
      };
      for (const [table, list] of Object.entries(rows) as [TableName, unknown[]][]) {
        for (const row of list) {
          // Checked as the desk's own database will check it, so an import never fails half-way.
          const checked = checkStoredRow(table, row);
          if (!checked.ok) {
            const id = typeof row === 'object' && row !== null && 'id' in row ? String(row.id) : '?';
            return err({ code: 'invalid-row', table, id, problem: checked.error.message });
          }
        }
      }
      const timelineEntries: TimelineEntry[] = c.timeline.entries;
      const tables = [...Object.keys(rows).map((t) => db.table(t)), db.timelineOrder];
      return db.transaction('rw', tables, async () => {
        const existing = await db.incidents.get(c.incident.id);
        if (existing) return err({ code: 'exists' as const, incidentId: existing.id, title: existing.title });
        for (const [table, list] of Object.entries(rows)) await db.table(table).bulkAdd(list);
        await db.timelineOrder.bulkAdd(timelineEntries.map(orderKey));
        await db.auditLog.add(
          auditEvent({
            id: newId('aud', gen),
            actor,
            incidentId: c.incident.id,
            entityType: 'incident',
            entityId: c.incident.id,
            action: 'import',
            summary: `Incident imported from its after-action record (exported ${record.exportedAt} by ${record.exportedBy}, ${record.cityName})`,
          }),
        );
        return ok(c.incident);
      });
    },
  };
}
export type RecordRepo = ReturnType<typeof createRecordRepo>;

export function describeRecordImportError(e: RecordImportError): string {
  switch (e.code) {
    case 'redacted':
      return `This record was exported for a ${e.profile} audience, with parts left out; only an internal record can rebuild the incident.`;
    case 'incomplete':
      return `This record leaves out ${e.missing.join(', ')}; it cannot rebuild the incident completely. Export it again with every section.`;
    case 'exists':
      return `The incident “${e.title}” is already on this desk. Nothing was imported: records are never merged into an existing incident.`;
    case 'invalid-row':
      return `The record's ${e.table} row ${e.id} is not valid here (${e.problem}). Nothing was imported.`;
  }
}

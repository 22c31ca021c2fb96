import Dexie from 'dexie';

import { auditEvent, type Actor } from '@shared/domain/audit';
import { newId, type IdGenerator } from '@shared/domain/ids';
import type { RecordSource } from '@shared/domain/record/buildRecord';
import type { RecordFile, RecordFileV1 } from '@shared/domain/record/recordFile';
import { err, ok, type Result } from '@shared/domain/result';
import type { Incident } from '@shared/schemas/entities';
import type { PublishedHead } from '@shared/schemas/publishedHeads';
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
  'incidents' | 'timelineEntries' | 'timelineRevisions' | 'auditLog' | 'statements' | 'statementVersions' | 'approvals' | 'treeActivations' | 'callAttempts' | 'checklistItems' | 'lessons' | 'publishedHeads'
>;

/** The sections a record must hold to rebuild its incident, by the name a person knows them by. */
function missingSections(c: { timeline?: unknown; audit?: unknown; statements?: unknown; activations?: unknown; checklists?: unknown; lessons?: unknown }): string[] {
  return [
    !c.timeline && 'timeline',
    !c.audit && 'audit trail',
    !c.statements && 'statements',
    !c.activations && 'call-tree activations',
    !c.checklists && 'checklists',
    !c.lessons && 'lessons learned',
  ].filter((m): m is string => typeof m === 'string');
}

function rowsOfV1(record: RecordFileV1): Result<IncidentRows, RecordImportError> {
  const c = record.content;
  const missing = missingSections(c);
  if (missing.length > 0 || !c.timeline) return err({ code: 'incomplete', missing });
  return ok({
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
    publishedHeads: [],
  });
}

/** A version 2 internal edition: its rows, its audit trail, and the chain heads it knows, with its own. */
function rowsOfV2(record: RecordFile): Result<IncidentRows, RecordImportError> {
  const c = record.content;
  const missing = missingSections(c);
  if (missing.length > 0 || !c.timeline || !c.rows) return err({ code: 'incomplete', missing: c.rows ? missing : [...missing, 'the rows of its features'] });
  const heads: PublishedHead[] = [...record.integrity.publishedHeads];
  if (record.integrity.verifiedAtExport) {
    heads.push({ id: `pub_import_${record.checksum.value.slice(0, 16)}`, incidentId: c.incident.id, chainSeq: record.integrity.revisions, headHash: record.integrity.chainHead, at: Date.parse(record.exportedAt), via: 'export', by: record.exportedBy });
  }
  return ok({
    incidents: [c.incident],
    timelineEntries: c.timeline.entries,
    timelineRevisions: c.timeline.revisions,
    auditLog: c.audit ?? [],
    statements: c.rows.statements,
    statementVersions: c.rows.statementVersions,
    approvals: c.rows.approvals,
    treeActivations: c.rows.treeActivations,
    callAttempts: c.rows.callAttempts,
    checklistItems: c.rows.checklistItems,
    lessons: c.rows.lessons,
    publishedHeads: heads,
  });
}

export function createRecordRepo(db: DeskDatabase, gen: IdGenerator) {

  return {
    /** Everything the desk holds about one incident, for the after-action record: each row read once. */
    async collect(incidentId: string): Promise<RecordSource | null> {
      const incident = await db.incidents.get(incidentId);
      const settings = await db.settings.get('desk');
      if (!incident) return null;
      const [entries, revisions, audit, statements, activations, checklistItems, lessons, doNotShare, publishedHeads] = await Promise.all([
        db.timelineEntries.where('incidentId').equals(incidentId).toArray(),
        db.timelineRevisions.where('[incidentId+chainSeq]').between([incidentId, Dexie.minKey], [incidentId, Dexie.maxKey]).toArray(),
        db.auditLog.where('[incidentId+at]').between([incidentId, -Infinity], [incidentId, Infinity]).toArray(),
        db.statements.where('incidentId').equals(incidentId).toArray(),
        db.treeActivations.where('incidentId').equals(incidentId).toArray(),
        db.checklistItems.where('incidentId').equals(incidentId).toArray(),
        db.lessons.where('incidentId').equals(incidentId).toArray(),
        db.contacts.filter((c) => c.doNotShare).toArray(),
        db.publishedHeads.where('incidentId').equals(incidentId).toArray(),
      ]);
      const statementIds = statements.map((s) => s.id);
      const activationIds = activations.map((a) => a.id);
      const [statementVersions, approvals, callAttempts] = await Promise.all([
        statementIds.length === 0 ? [] : db.statementVersions.where('statementId').anyOf(statementIds).toArray(),
        statementIds.length === 0 ? [] : db.approvals.where('statementId').anyOf(statementIds).toArray(),
        activationIds.length === 0 ? [] : db.callAttempts.where('activationId').anyOf(activationIds).toArray(),
      ]);
      // The people the activations name, so the record can say how they were reached.
      const named = new Set(activations.flatMap((a) => a.nodes.flatMap((n) => [n.contactId, ...(n.fallbackContactId ? [n.fallbackContactId] : [])])));
      const contacts = named.size === 0 ? [] : await db.contacts.bulkGet([...named]);
      return {
        incident,
        settings: { cityName: settings?.cityName ?? '', defaultTimeZone: settings?.defaultTimeZone ?? incident.timeZone, phoneCountry: settings?.phoneCountry },
        contacts: contacts.filter((c) => c !== undefined),
        doNotShare,
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
        publishedHeads,
      };
    },

    /**
     * Rebuilds an incident from a verified internal record, exactly: same ids, revisions,
     * times and hash chain. An incident already on this desk is refused, never merged.
     */
    async importRecord(record: RecordFile | RecordFileV1, actor: Actor): Promise<Result<Incident, RecordImportError>> {
      if (record.profile !== 'internal') return err({ code: 'redacted', profile: record.profile });
      const rows = record.formatVersion === 1 ? rowsOfV1(record) : rowsOfV2(record);
      if (!rows.ok) return rows;
      for (const [table, list] of Object.entries(rows.value) as [TableName, unknown[]][]) {
        for (const row of list) {
          // Checked as the desk's own database will check it, so an import never fails half-way.
          const checked = checkStoredRow(table, row);
          if (!checked.ok) {
            const id = typeof row === 'object' && row !== null && 'id' in row ? String(row.id) : '?';
            return err({ code: 'invalid-row', table, id, problem: checked.error.message });
          }
        }
      }
      const incident = rows.value.incidents[0] as Incident;
      const timelineEntries = rows.value.timelineEntries as TimelineEntry[];
      const tables = [...Object.keys(rows.value).map((t) => db.table(t)), db.timelineOrder];
      return db.transaction('rw', tables, async () => {
        const existing = await db.incidents.get(incident.id);
        if (existing) return err({ code: 'exists' as const, incidentId: existing.id, title: existing.title });
        for (const [table, list] of Object.entries(rows.value)) await db.table(table).bulkAdd(list);
        await db.timelineOrder.bulkAdd(timelineEntries.map(orderKey));
        await db.auditLog.add(
          auditEvent({
            id: newId('aud', gen),
            actor,
            incidentId: incident.id,
            entityType: 'incident',
            entityId: incident.id,
            action: 'import',
            summary: `Incident imported from its after-action record (exported ${record.exportedAt} by ${record.exportedBy}, ${record.cityName})`,
          }),
        );
        return ok(incident);
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

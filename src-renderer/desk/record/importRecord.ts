import { auditEvent, type Actor } from '@shared/domain/audit';
import { newId, type IdGenerator } from '@shared/domain/ids';
import { PROFILE_LABELS, type AudienceProfile } from '@shared/domain/record/profiles';
import type { RecordFile, RecordFileV1, RecordFileV3 } from '@shared/domain/record/recordFile';
import { err, ok, type Result } from '@shared/domain/result';
import type { Incident } from '@shared/schemas/entities';
import type { PublishedHead } from '@shared/schemas/publishedHeads';
import type { TableName } from '@shared/schemas/tables';

import { isRowRefused, rowIs, type Door, type RowPuts } from '../door';
import { t, tList, type MessageId } from '../../i18n/messages';

/** A part of a record the rebuild needs, by what a person calls it (`record.import.section.<part>`). */
export type RecordSection = 'timeline' | 'audit' | 'statements' | 'activations' | 'checklists' | 'lessons' | 'rows';

export type RecordImportError =
  | { code: 'incomplete'; missing: RecordSection[] }
  | { code: 'redacted'; profile: AudienceProfile }
  | { code: 'exists'; incidentId: string; title: string }
  | { code: 'invalid-row'; table: string; id: string; problem: string }
  /** Another window kept changing the desk: nothing was imported, and trying again works. */
  | { code: 'refused'; message: string };

/** Rows of one incident across every table that belongs to an incident. */
type IncidentRows = Pick<
  Record<TableName, unknown[]>,
  | 'incidents'
  | 'timelineEntries'
  | 'timelineRevisions'
  | 'auditLog'
  | 'statements'
  | 'statementVersions'
  | 'approvals'
  | 'treeActivations'
  | 'callAttempts'
  | 'checklistItems'
  | 'lessons'
  | 'publishedHeads'
>;

/** The sections a record must hold to rebuild its incident. */
function missingSections(c: {
  timeline?: unknown;
  audit?: unknown;
  statements?: unknown;
  activations?: unknown;
  checklists?: unknown;
  lessons?: unknown;
}): RecordSection[] {
  const present: Record<Exclude<RecordSection, 'rows'>, unknown> = {
    timeline: c.timeline,
    audit: c.audit,
    statements: c.statements,
    activations: c.activations,
    checklists: c.checklists,
    lessons: c.lessons,
  };
  return (Object.keys(present) as (keyof typeof present)[]).filter((section) => !present[section]);
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
  if (missing.length > 0 || !c.timeline || !c.rows)
    return err({ code: 'incomplete', missing: c.rows ? missing : [...missing, 'rows'] });
  const heads: PublishedHead[] = [...record.integrity.publishedHeads];
  if (record.integrity.verifiedAtExport) {
    const head = record.integrity.chainHead;
    heads.push({
      id: `pub_import_${record.checksum.value.slice(0, 16)}`,
      incidentId: c.incident.id,
      // Where desks wrote apart the head's place is below the count of revisions: it is read from the head itself.
      chainSeq: c.timeline.revisions.find((r) => r.hash === head)?.chainSeq ?? record.integrity.revisions,
      headHash: record.integrity.chainHead,
      at: Date.parse(record.exportedAt),
      via: 'export',
      by: record.exportedBy,
    });
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

/**
 * Rebuilds an incident from a verified internal record, exactly: same ids, revisions, times and
 * hash chain, as one change. An incident already on this desk is refused, never merged; a row
 * the desk could not read back refuses the whole import.
 */
export function createImportRecord(deps: { door: Door; gen: IdGenerator }) {
  return async (
    record: RecordFile | RecordFileV1 | RecordFileV3,
    actor: Actor,
  ): Promise<Result<Incident, RecordImportError>> => {
    if (record.profile !== 'internal') return err({ code: 'redacted', profile: record.profile });
    // A record of format 3 is format 2 with the desks' signed records, which stay theirs: this desk
    // signs the incident it rebuilds as its own change.
    const rows = record.formatVersion === 1 ? rowsOfV1(record) : rowsOfV2(record as RecordFile);
    if (!rows.ok) return rows;
    const incident = rows.value.incidents[0] as Incident;
    const written = await deps.door.write({
      scope: { incidentId: incident.id },
      kind: 'record.imported',
      rebuilds: true,
      // Checked as the desk's own database will check it, so an import never fails half-way.
      add: rows.value as RowPuts,
      audit: [
        auditEvent({
          id: newId('aud', deps.gen),
          actor,
          incidentId: incident.id,
          entityType: 'incident',
          entityId: incident.id,
          action: 'import',
          summary: t('audit.summary.incidentImported', {
            exportedAt: record.exportedAt,
            exportedBy: record.exportedBy,
            city: record.cityName,
          }),
        }),
      ],
      preconditions: [
        rowIs('incidents', incident.id, 'the incident is not on this desk yet', (row) => row === undefined, {
          code: 'exists' as const,
          incidentId: incident.id,
          title: incident.title,
        }),
      ],
    });
    if (written.ok) return ok(incident);
    // The precondition names the incident as it is on this desk.
    if (written.error.code === 'refused' && !isRowRefused(written.error))
      return err({ code: 'refused', message: written.error.message });
    if (written.error.code === 'refused')
      return err({
        code: 'invalid-row',
        table: written.error.table,
        id: written.error.rowId,
        problem: written.error.problem,
      });
    return err(written.error);
  };
}

const SECTION_NAMES: Record<RecordSection, MessageId> = {
  timeline: 'record.import.section.timeline',
  audit: 'record.import.section.audit',
  statements: 'record.import.section.statements',
  activations: 'record.import.section.activations',
  checklists: 'record.import.section.checklists',
  lessons: 'record.import.section.lessons',
  rows: 'record.import.section.rows',
};

export function describeRecordImportError(e: RecordImportError): string {
  switch (e.code) {
    case 'redacted':
      return t('record.import.error.redacted', { edition: PROFILE_LABELS[e.profile].title });
    case 'incomplete':
      return t('record.import.error.incomplete', { sections: tList(e.missing.map((m) => t(SECTION_NAMES[m]))) });
    case 'exists':
      return t('record.import.error.exists', { title: e.title });
    case 'invalid-row':
      return t('record.import.error.invalidRow', { table: e.table, id: e.id, problem: e.problem });
    case 'refused':
      return e.message;
  }
}

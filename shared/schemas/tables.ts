import type { z } from 'zod';

// zod's own words come from the catalogue wherever a schema of the desk is checked.
import '../i18n/zodMessages';

import { ChecklistItemSchema, ChecklistTemplateSchema } from './checklists';
import { AuditEventSchema, DeskSettingsSchema, IncidentSchema, StoredAuditEventSchema } from './entities';
import { CallAttemptSchema, ContactSchema, ContactTreeSchema, TreeActivationSchema } from './contacts';
import { LessonSchema } from './lessons';
import { PublishedHeadSchema } from './publishedHeads';
import { ApprovalSchema, StatementSchema, StatementTemplateRowSchema, StatementVersionSchema } from './statements';
import { StoredTimelineEntrySchema, StoredTimelineRevisionSchema, TimelineEntrySchema, TimelineRevisionSchema } from './timeline';

/**
 * FORMAT: every table the desk stores, with the schema its rows must satisfy. Backups carry
 * exactly these tables; a restore checks every row against its schema before writing any.
 * Designed for the whole product from the first version, so later releases add fields and
 * indexes rather than moving data between tables.
 */
export const TABLE_SCHEMAS = {
  settings: DeskSettingsSchema,
  incidents: IncidentSchema,
  auditLog: AuditEventSchema,
  timelineEntries: TimelineEntrySchema,
  timelineRevisions: TimelineRevisionSchema,
  contacts: ContactSchema,
  contactTrees: ContactTreeSchema,
  treeActivations: TreeActivationSchema,
  callAttempts: CallAttemptSchema,
  statementTemplates: StatementTemplateRowSchema,
  statements: StatementSchema,
  statementVersions: StatementVersionSchema,
  approvals: ApprovalSchema,
  checklistTemplates: ChecklistTemplateSchema,
  checklistItems: ChecklistItemSchema,
  lessons: LessonSchema,
  publishedHeads: PublishedHeadSchema,
} as const satisfies Record<string, z.ZodType>;

export type TableName = keyof typeof TABLE_SCHEMAS;

/**
 * Tables added after the first data version, with the version that added them: a backup made
 * before then has no such table, and restores with it empty.
 */
export const TABLES_SINCE: Partial<Record<TableName, number>> = { publishedHeads: 4 };

/**
 * FORMAT: what a READER of each table accepts: the desk's own database guard, backup restore
 * and record import. The same as TABLE_SCHEMAS except where earlier versions wrote past today's
 * limits into rows that can never change (timeline revisions, the audit log): those are kept
 * as recorded and named as such (see legacyNotes). New content is held to TABLE_SCHEMAS.
 */
export const STORED_TABLE_SCHEMAS = {
  ...TABLE_SCHEMAS,
  auditLog: StoredAuditEventSchema,
  timelineEntries: StoredTimelineEntrySchema,
  timelineRevisions: StoredTimelineRevisionSchema,
} as const satisfies Record<TableName, z.ZodType>;

/**
 * Tables the desk derives from others to answer queries fast. They are never backed up: a
 * restore rebuilds them from the tables they mirror.
 *   timelineOrder: one key [incidentId, occurredAt, entryId] per timeline entry, so the list
 *   order of 100,000 entries is read in one bulk key read instead of a cursor walk.
 */
export const DERIVED_TABLES = ['timelineOrder'] as const;
export type DerivedTableName = (typeof DERIVED_TABLES)[number];
export const TABLE_NAMES = Object.keys(TABLE_SCHEMAS) as TableName[];

/** Rows of every table, as a backup holds them. */
export type TableRows = { [T in TableName]: z.output<(typeof TABLE_SCHEMAS)[T]>[] };

import type { z } from 'zod';

import { AuditEventSchema, DeskSettingsSchema, IncidentSchema, OpenRecordSchema } from './entities';
import { TimelineEntrySchema, TimelineRevisionSchema } from './timeline';

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
  contacts: OpenRecordSchema,
  contactTrees: OpenRecordSchema,
  treeActivations: OpenRecordSchema,
  callAttempts: OpenRecordSchema,
  statementTemplates: OpenRecordSchema,
  statements: OpenRecordSchema,
  statementVersions: OpenRecordSchema,
  approvals: OpenRecordSchema,
  checklistTemplates: OpenRecordSchema,
  checklistItems: OpenRecordSchema,
  lessons: OpenRecordSchema,
} as const satisfies Record<string, z.ZodType>;

export type TableName = keyof typeof TABLE_SCHEMAS;
export const TABLE_NAMES = Object.keys(TABLE_SCHEMAS) as TableName[];

/** Rows of every table, as a backup holds them. */
export type TableRows = { [T in TableName]: z.output<(typeof TABLE_SCHEMAS)[T]>[] };

import { z } from 'zod';

// zod's own words come from the catalogue wherever a schema of the desk is checked.
import '../i18n/zodMessages';

import { canonicalLocale } from '../domain/locale/deskLocale';
import { isValidTimeZone } from '../domain/time';
import { format } from '../i18n/format';
import { epochMs, id, operator, stamps } from './fields';

/**
 * FORMAT: the persisted shape of every record the desk keeps. These schemas check rows read
 * back from backups and imports; the same shapes are the domain types (inferred below), so a
 * stored record and the code that uses it can never silently disagree.
 */

export const TimeZoneSchema = z
  .string()
  .refine(isValidTimeZone, { error: () => format('validation.unknownTimeZone') });

export const INCIDENT_KINDS = ['attack', 'hate-incident', 'threat', 'unrest', 'other'] as const;
export const IncidentKindSchema = z.enum(INCIDENT_KINDS);
export type IncidentKind = z.infer<typeof IncidentKindSchema>;

export const INCIDENT_STATUSES = ['open', 'closed'] as const;
export const IncidentStatusSchema = z.enum(INCIDENT_STATUSES);
export type IncidentStatus = z.infer<typeof IncidentStatusSchema>;

export const IncidentSchema = z.object({
  id,
  title: z.string().min(1).max(200),
  kind: IncidentKindSchema,
  /** The moment the incident began, UTC. */
  startAt: epochMs,
  /** The zone in which the incident's wall-clock times are entered and shown. */
  timeZone: TimeZoneSchema,
  location: z.string().max(300),
  description: z.string().max(10_000),
  status: IncidentStatusSchema,
  ...stamps,
  closedAt: epochMs.nullable(),
});
export type Incident = z.infer<typeof IncidentSchema>;

/** One of the people who work at the desk. Retired people stay listed: records name them. */
export const DeskPersonSchema = z
  .object({
    id,
    name: z.string().min(1).max(120),
    /** What they do in the response ("Duty officer"); may be empty. */
    role: z.string().max(120),
    retiredAt: epochMs.nullable(),
  })
  .strict();
export type DeskPerson = z.infer<typeof DeskPersonSchema>;

/** The desk's own configuration: one row, keyed 'desk'. */
export const DeskSettingsSchema = z.object({
  key: z.literal('desk'),
  cityName: z.string().min(1).max(120),
  operatorName: operator,
  /** What the person at the keyboard does in the response ("Duty officer"), shown with their name. */
  operatorRole: z.string().max(120).optional(),
  defaultTimeZone: TimeZoneSchema,
  /** Automatic backups (desktop app): how often while data changes, and how many are kept. */
  backupEveryMinutes: z.number().int().min(1).max(24 * 60).optional(),
  backupKeepLast: z.number().int().min(1).max(500).optional(),
  backupKeepDailyForDays: z.number().int().min(0).max(3650).optional(),
  /** Contacts whose details nobody has verified for this many days are flagged as stale (90 by default). */
  contactStaleDays: z.number().int().min(1).max(3650).optional(),
  /** The country (ISO 3166, "US") numbers without a + are read in; by default the one of the desk's time zone. */
  phoneCountry: z.string().regex(/^[A-Z]{2}$/).optional(),
  /**
   * The desk's locale (BCP 47, "en-GB"): 12- or 24-hour clock, the order of a numeric date and the
   * first day of the week, wherever a person reads or types a time. Chosen at first run from the
   * system's; a desk from before it existed reads as the system's until saved.
   */
  locale: z.string().max(35).refine((t) => canonicalLocale(t) === t, 'must be a BCP 47 language tag such as en-GB').optional(),
  /** The people who work at the desk; absent on a desk that has only the one its set-up named. */
  people: z.array(DeskPersonSchema).max(500).optional(),
  /** Which of them is at the keyboard (operatorName and operatorRole say it in words). */
  operatorId: id.optional(),
  createdAt: epochMs,
  updatedAt: epochMs,
});
export type DeskSettings = z.infer<typeof DeskSettingsSchema>;

/** What a person sets on the settings screen (the rest of the row is kept by the desk). */
export type SettingsInput = Pick<DeskSettings, 'cityName' | 'operatorName' | 'defaultTimeZone'> &
  Partial<Pick<DeskSettings, 'operatorRole' | 'backupEveryMinutes' | 'backupKeepLast' | 'backupKeepDailyForDays' | 'contactStaleDays' | 'phoneCountry' | 'locale'>>;

export const AUDIT_ACTIONS = ['create', 'update', 'delete', 'close', 'reopen', 'restore', 'import'] as const;
export const AuditActionSchema = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof AuditActionSchema>;

const jsonValue: z.ZodType = z.unknown();

export const FieldChangeSchema = z.object({
  field: z.string(),
  before: jsonValue,
  after: jsonValue,
});
export type FieldChange = z.infer<typeof FieldChangeSchema>;

/** An audit line's summary: auditEvent() shortens longer ones, the full values stay in `changes`. */
export const AUDIT_SUMMARY_MAX = 500;

/** One line of the audit log: who changed what, when. Append-only. */
export const AuditEventSchema = z.object({
  id,
  at: epochMs,
  operator,
  /** The incident the change belongs to, or null for desk-wide records (settings, contacts…). */
  incidentId: id.nullable(),
  entityType: z.string().min(1).max(60),
  entityId: id,
  action: AuditActionSchema,
  summary: z.string().max(AUDIT_SUMMARY_MAX),
  changes: z.array(FieldChangeSchema),
});
export type AuditEvent = z.infer<typeof AuditEventSchema>;
/**
 * An audit line as read back. Earlier versions wrote summaries past AUDIT_SUMMARY_MAX (a long
 * withdrawal reason, an imported record's author); the log is append-only, so a reader keeps them.
 */
export const StoredAuditEventSchema = AuditEventSchema.extend({ summary: z.string() });

/**
 * Rows of tables whose features grow over later releases (timeline, contacts, statements,
 * checklists…). A backup must carry them losslessly even before this version checks their
 * fields, so they are checked for an id only and kept as they are.
 */
export const OpenRecordSchema = z.looseObject({ id });
export type OpenRecord = z.infer<typeof OpenRecordSchema>;

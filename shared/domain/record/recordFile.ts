import { z } from 'zod';

import { canonicalJson, type Sha256Hex } from '../integrity/canonical';
import { IncidentSchema, OpenRecordSchema, StoredAuditEventSchema } from '../../schemas/entities';
import { StoredTimelineEntrySchema, StoredTimelineRevisionSchema } from '../../schemas/timeline';
import { AUDIENCE_PROFILES, RECORD_SECTIONS } from './profiles';

/** FORMAT: the after-action record's file format. Bump the version for any change a reader must know of. */
export const RECORD_FORMAT = 'response-desk-record';
export const RECORD_FORMAT_VERSION = 1;

const open = z.array(OpenRecordSchema);

export const RecordContentSchema = z.object({
  incident: IncidentSchema,
  summary: z
    .object({
      phaseReached: z.string(),
      elapsed: z.string(),
      counts: z.record(z.string(), z.number().int().nonnegative()),
    })
    .optional(),
  // FORMAT: entries and revisions as the desk reads them back: an entry an earlier version let
  // through past today's limits stays as recorded (verifyRecordText names it).
  timeline: z.object({ entries: z.array(StoredTimelineEntrySchema), revisions: z.array(StoredTimelineRevisionSchema) }).optional(),
  /** Ids of the timeline's decision entries, in time order. */
  decisions: z.array(z.string()).optional(),
  statements: z.object({ statements: open, versions: open, approvals: open }).optional(),
  /** contacts: the people the activations name; their numbers only when the operator opted in. */
  activations: z.object({ activations: open, attempts: open, contacts: open.optional() }).optional(),
  checklists: z.object({ items: open }).optional(),
  lessons: open.optional(),
  audit: z.array(StoredAuditEventSchema).optional(),
});
export type RecordContent = z.infer<typeof RecordContentSchema>;

export const RecordIntegritySchema = z.object({
  /** Hash of the newest revision in the incident's chain when the record was made. */
  chainHead: z.string(),
  revisions: z.number().int().nonnegative(),
  entries: z.number().int().nonnegative(),
  verifiedAtExport: z.boolean(),
  verification: z.string(),
  /** True when the record holds the whole chain, so anyone can walk it again. */
  chainComplete: z.boolean(),
});

export const RecordFileSchema = z.object({
  format: z.literal(RECORD_FORMAT),
  formatVersion: z.literal(RECORD_FORMAT_VERSION),
  exportedAt: z.iso.datetime(),
  exportedBy: z.string().min(1),
  appVersion: z.string(),
  cityName: z.string(),
  profile: z.enum(AUDIENCE_PROFILES),
  sections: z.array(z.enum(RECORD_SECTIONS)),
  redactions: z.array(z.object({ what: z.string(), why: z.string(), count: z.number().int().nonnegative() })),
  integrity: RecordIntegritySchema,
  content: RecordContentSchema,
  checksum: z.object({
    algorithm: z.literal('SHA-256'),
    over: z.literal('canonical-json-of-record-without-checksum'),
    value: z.string().regex(/^[0-9a-f]{64}$/),
  }),
});
export type RecordFile = z.infer<typeof RecordFileSchema>;
export type UnsealedRecord = Omit<RecordFile, 'checksum'>;

/** FORMAT: the checksum covers every field but itself, in RFC 8785 canonical JSON. */
export async function sealRecord(record: UnsealedRecord, sha256: Sha256Hex): Promise<RecordFile> {
  const value = await sha256(canonicalJson(record));
  return { ...record, checksum: { algorithm: 'SHA-256', over: 'canonical-json-of-record-without-checksum', value } };
}

/** The JSON Schema of the record file, as committed in schemas/ for readers outside the desk. */
export function recordJsonSchema(): Record<string, unknown> {
  return {
    $id: 'https://responsedesk.invalid/schemas/response-desk-record.v1.schema.json',
    title: 'Response Desk after-action record, format version 1',
    ...z.toJSONSchema(RecordFileSchema, { target: 'draft-2020-12' }),
  };
}

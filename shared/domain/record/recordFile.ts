import { z } from 'zod';

// zod's own words come from the catalogue wherever a schema of the desk is checked.
import '../../i18n/zodMessages';
import { format } from '../../i18n/format';

import { canonicalJson, canonicalJsonOfLarge, type Sha256Hex } from '../integrity/canonical';
import {
  ChecklistItemSchema,
  ChecklistRoleSchema,
  ChecklistStatusSchema,
  ResponsePhaseIdSchema,
} from '../../schemas/checklists';
import { CallAttemptSchema, CallStateSchema, TreeActivationSchema } from '../../schemas/contacts';
import { StoredAuditEventSchema, IncidentSchema, OpenRecordSchema } from '../../schemas/entities';
import { LessonKindSchema, LessonSchema } from '../../schemas/lessons';
import { PublishedHeadSchema } from '../../schemas/publishedHeads';
import {
  ApprovalSchema,
  LanguageCodeSchema,
  ReleaseChannelSchema,
  StatementSchema,
  StatementStatusSchema,
  StatementVersionSchema,
} from '../../schemas/statements';
import {
  StoredEntryContentSchema,
  StoredTimelineEntrySchema,
  StoredTimelineRevisionSchema,
} from '../../schemas/timeline';
import { ChainHeadSchema, SignedRecordSchema } from '../signed/format';
import { DeskIdentitySchema } from '../signed/identity';
import { AUDIENCE_PROFILES, RECORD_SECTIONS } from './profiles';

/**
 * FORMAT: the after-action record's file format. Bump the version for any change a reader must
 * know of; every version ever written stays readable by the verifier.
 *   1: the first format (rows of every feature, as the desk stored them).
 *   2: each section as its audience reads it (statements with every release, call trees,
 *      checklists, lessons), what the edition includes and withholds, every redaction with where
 *      it was made, the published chain heads; an internal edition also carries the rows that
 *      rebuild the incident on another desk. Unknown fields anywhere are refused. A revision that
 *      settles corrections written apart on two desks names them (`mergeOf`, optional: records
 *      written before desks shared an incident carry none).
 *   3: version 2, and the desks' signed records (`signed`): the roster of every desk's public
 *      identity, the incident's signed records, and each desk's chain head. The desk still writes
 *      version 2; version 3 is read and verified (signatures with the roster's keys).
 */
export const RECORD_FORMAT = 'response-desk-record';
export const RECORD_FORMAT_VERSION = 2;
export const RECORD_FORMAT_VERSIONS = [1, 2, 3] as const;

const epochMs = z.number().int().nonnegative();
const id = z.string().min(1).max(100);
const count = z.number().int().nonnegative();
const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

const ChecksumSchema = z.object({
  algorithm: z.literal('SHA-256'),
  over: z.literal('canonical-json-of-record-without-checksum'),
  value: sha256Hex,
});

// ---------------------------------------------------------------------------------------------
// Format version 1, frozen: records already exported must verify for as long as anyone asks.

const open = z.array(OpenRecordSchema);

const RecordContentV1Schema = z.object({
  incident: IncidentSchema,
  summary: z
    .object({
      phaseReached: z.string(),
      elapsed: z.string(),
      counts: z.record(z.string(), z.number().int().nonnegative()),
    })
    .optional(),
  timeline: z
    .object({
      entries: z.array(StoredTimelineEntrySchema),
      // Version 1 predates merges: its revisions never name any.
      revisions: z.array(StoredTimelineRevisionSchema.omit({ mergeOf: true })),
    })
    .optional(),
  decisions: z.array(z.string()).optional(),
  statements: z.object({ statements: open, versions: open, approvals: open }).optional(),
  activations: z.object({ activations: open, attempts: open, contacts: open.optional() }).optional(),
  checklists: z.object({ items: open }).optional(),
  lessons: open.optional(),
  audit: z.array(StoredAuditEventSchema).optional(),
});
export type RecordContentV1 = z.infer<typeof RecordContentV1Schema>;

/** What a record says of its chain since version 1; version 2 adds the heads published before it. */
const integrityV1 = {
  /** Hash of the newest revision in the incident's chain when the record was made. */
  chainHead: z.string(),
  revisions: count,
  entries: count,
  verifiedAtExport: z.boolean(),
  verification: z.string(),
  /** True when the record holds the whole chain, so anyone can walk it again. */
  chainComplete: z.boolean(),
};

export const RecordFileV1Schema = z.object({
  format: z.literal(RECORD_FORMAT),
  formatVersion: z.literal(1),
  exportedAt: z.iso.datetime(),
  exportedBy: z.string().min(1),
  appVersion: z.string(),
  cityName: z.string(),
  profile: z.enum(AUDIENCE_PROFILES),
  sections: z.array(z.enum(RECORD_SECTIONS)),
  redactions: z.array(z.object({ what: z.string(), why: z.string(), count: z.number().int().nonnegative() })),
  integrity: z.object(integrityV1),
  content: RecordContentV1Schema,
  checksum: ChecksumSchema,
});
export type RecordFileV1 = z.infer<typeof RecordFileV1Schema>;

// ---------------------------------------------------------------------------------------------
// Format version 2.

/*
 * Free text in a council or public edition carries markers ("[phone number withheld]") where
 * personal data was, so it may run longer than the desk lets a person type: the record's text
 * fields allow for that. An internal edition is never rewritten.
 */
const text = (max: number) => z.string().max(max);

const RecordIncidentSchema = IncidentSchema.extend({
  title: z.string().min(1).max(2000),
  location: text(3000),
  description: text(100_000),
});

const relaxedContent = {
  title: z.string().min(1).max(5000),
  body: text(200_000),
  source: text(2000),
  onBehalfOf: text(1200).nullable(),
  retractionReason: text(20_000).nullable(),
};
const RecordEntryContentSchema = StoredEntryContentSchema.extend(relaxedContent);
export const RecordEntrySchema = StoredTimelineEntrySchema.extend(relaxedContent);
export const RecordRevisionSchema = StoredTimelineRevisionSchema.extend({
  reason: text(20_000).nullable(),
  content: RecordEntryContentSchema,
});

/** An approval as a reader needs it: who approved the exact text, in which role, when, and its SHA-256. */
export const ApprovalLineSchema = z.object({
  approverName: z.string(),
  approverRole: z.string(),
  at: epochMs,
  textHash: sha256Hex,
});
export type ApprovalLine = z.infer<typeof ApprovalLineSchema>;

export const StatementReleaseSchema = z.object({
  id,
  version: z.number().int().positive(),
  at: epochMs,
  channels: z.array(ReleaseChannelSchema),
  note: text(20_000),
  recordedBy: z.string(),
  /** The exact text the public received. */
  text: text(400_000),
  approval: ApprovalLineSchema.nullable(),
});
export type StatementRelease = z.infer<typeof StatementReleaseSchema>;

export const TRANSLATION_STATES = ['source-not-approved', 'out-of-date', 'needs-approval', 'current'] as const;

export const StatementRecordSchema = z.object({
  id,
  title: text(2000),
  language: LanguageCodeSchema,
  /** In a public edition: released, or withdrawn. */
  status: StatementStatusSchema,
  translationOf: z.object({ id, title: text(2000) }).nullable(),
  translation: z
    .object({
      state: z.enum(TRANSLATION_STATES),
      translatesVersion: z.number().int().positive().nullable(),
      sourceApprovedVersion: z.number().int().positive().nullable(),
    })
    .nullable(),
  /** Every release, oldest first: the exact text, its version and its approval. */
  releases: z.array(StatementReleaseSchema),
  /** Later versions never released (internal and council editions): the approved one and the draft or version in review. */
  unreleased: z.array(
    z.object({
      version: z.number().int().positive(),
      status: z.enum(['approved', 'in-review', 'draft']),
      text: text(400_000),
      approval: ApprovalLineSchema.nullable(),
    }),
  ),
  /** How many versions were saved (internal and council editions; 0 in a public one). */
  versions: count,
  /** Submissions, decisions, releases and the withdrawal, as this edition tells them. */
  trail: z.array(z.object({ at: epochMs, text: text(40_000) })),
  withdrawal: z.object({ at: epochMs, by: z.string(), reason: text(20_000) }).nullable(),
});
export type StatementRecord = z.infer<typeof StatementRecordSchema>;

export const ActivationRecordSchema = z.object({
  id,
  treeName: text(2000),
  startedAt: epochMs,
  startedBy: z.string(),
  reached: count,
  total: count,
  /** Called off before everyone was reached: when, by whom, why (absent in records made before stand-downs existed). */
  standDown: z
    .object({ at: epochMs, by: z.string(), reason: text(20_000) })
    .nullable()
    .optional(),
  calls: z.array(
    z.object({
      nodeId: id,
      depth: count,
      name: text(2000),
      role: text(2000),
      state: CallStateSchema,
      onFallback: z.boolean(),
      fallbackName: text(2000).nullable(),
      /** Numbers and email of the person called: only in an internal edition the operator opted into. */
      details: text(4000).nullable(),
      attempts: z.array(
        z.object({
          at: epochMs,
          by: z.string(),
          from: CallStateSchema,
          to: CallStateSchema,
          escalated: z.boolean(),
          note: text(20_000).nullable(),
        }),
      ),
    }),
  ),
});
export type ActivationRecord = z.infer<typeof ActivationRecordSchema>;

export const ChecklistPhaseRecordSchema = z.object({
  phase: ResponsePhaseIdSchema,
  total: count,
  done: count,
  notApplicable: count,
  items: z.array(
    z.object({
      id,
      title: text(3000),
      status: ChecklistStatusSchema,
      owner: ChecklistRoleSchema,
      assignee: text(2000),
      dueAt: epochMs.nullable(),
      resolvedBy: z.string().nullable(),
      resolvedAt: epochMs.nullable(),
      /** The note given on completion or the reason it did not apply (not in a public edition). */
      note: text(20_000).nullable(),
      /** Where the item comes from: the guide's chapter, or the city's own. */
      source: text(1000),
      /** Why the item matters, in the guide's or the city's words. */
      rationale: text(20_000),
      /** Due this long after the incident started ("+1 year"), in words. */
      offset: text(200),
      /** A dated check-point of the long recovery: these go into the package's calendar file. */
      milestone: z.boolean(),
    }),
  ),
});
export type ChecklistPhaseRecord = z.infer<typeof ChecklistPhaseRecordSchema>;

export const LessonRecordSchema = z.object({
  id,
  kind: LessonKindSchema,
  text: text(40_000),
  owner: text(1200).nullable(),
  dueDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable(),
  status: z.enum(['open', 'done']),
  /** Corrective actions: the area for improvement the action answers. */
  answers: id.nullable(),
  /** The earlier wording this lesson replaces, when it was reworded after a record was exported. */
  supersedes: id.nullable(),
  onChecklist: z.boolean(),
  createdAt: epochMs,
  createdBy: z.string(),
});
export type LessonRecord = z.infer<typeof LessonRecordSchema>;

export const RecordAuditSchema = StoredAuditEventSchema.extend({ summary: text(5000) });

export const RecordCountsSchema = z.object({
  timelineEntries: count,
  revisions: count,
  decisions: count,
  retracted: count,
  unverified: count,
  statements: count,
  releases: count,
  activations: count,
  checklistItems: count,
  lessons: count,
});
export type RecordCounts = z.infer<typeof RecordCountsSchema>;

/** The rows an internal edition carries so another desk can rebuild the incident exactly. */
export const RecordRowsSchema = z.object({
  statements: z.array(StatementSchema),
  statementVersions: z.array(StatementVersionSchema),
  approvals: z.array(ApprovalSchema),
  treeActivations: z.array(TreeActivationSchema),
  callAttempts: z.array(CallAttemptSchema),
  checklistItems: z.array(ChecklistItemSchema),
  lessons: z.array(LessonSchema),
});
export type RecordRows = z.infer<typeof RecordRowsSchema>;

export const RecordContentSchema = z.object({
  incident: RecordIncidentSchema,
  summary: z.object({ phaseReached: z.string(), elapsed: z.string(), counts: RecordCountsSchema }).optional(),
  /** Public editions: the current wording of releasable entries, without earlier revisions. */
  timeline: z.object({ entries: z.array(RecordEntrySchema), revisions: z.array(RecordRevisionSchema) }).optional(),
  /** Ids of the timeline's decision entries, in time order. */
  decisions: z.array(id).optional(),
  statements: z.array(StatementRecordSchema).optional(),
  activations: z.array(ActivationRecordSchema).optional(),
  checklists: z.array(ChecklistPhaseRecordSchema).optional(),
  lessons: z.array(LessonRecordSchema).optional(),
  audit: z.array(RecordAuditSchema).optional(),
  rows: RecordRowsSchema.optional(),
});
export type RecordContent = z.infer<typeof RecordContentSchema>;

export const RecordIntegritySchema = z.object({
  ...integrityV1,
  /** Every head of this incident's chain published before this record (exports, backups, prints, verifications). */
  publishedHeads: z.array(PublishedHeadSchema),
});
export type RecordIntegrity = z.infer<typeof RecordIntegritySchema>;

export const RedactionSchema = z.object({
  what: z.string(),
  why: z.string(),
  count,
  /** Where each replacement was made, one line per replacement (never the text replaced). */
  places: z.array(z.string()),
});
export type Redaction = z.infer<typeof RedactionSchema>;

export const RecordFileSchema = z.object({
  format: z.literal(RECORD_FORMAT),
  formatVersion: z.literal(RECORD_FORMAT_VERSION),
  exportedAt: z.iso.datetime(),
  exportedBy: z.string().min(1),
  appVersion: z.string(),
  cityName: z.string(),
  profile: z.enum(AUDIENCE_PROFILES),
  /** What this edition includes and what it withholds, in words, as its audience profile decides. */
  audience: z.object({ includes: z.array(z.string()), withholds: z.array(z.string()) }),
  sections: z.array(z.enum(RECORD_SECTIONS)),
  redactions: z.array(RedactionSchema),
  integrity: RecordIntegritySchema,
  content: RecordContentSchema,
  checksum: ChecksumSchema,
});
export type RecordFile = z.infer<typeof RecordFileSchema>;
export type UnsealedRecord = Omit<RecordFile, 'checksum'>;

// ---------------------------------------------------------------------------------------------
// Format version 3: version 2 with the desks' signed records.

/**
 * FORMAT: the signed records a record carries. `desks` is the roster: the public identity of every
 * desk whose records are included (each signed by its own key), so an inquiry can match each
 * fingerprint against the one the city read out or printed. `records` are the incident's signed
 * records, each desk's in its order; only an edition that holds the whole timeline word for word
 * (internal) can carry them, since they hold what the desks wrote: in any other edition `complete`
 * is false and `records` is empty. `heads` names each desk's newest record in the incident when the
 * record was made, so records cut from the end of a chain are found.
 */
export const SignedSectionSchema = z
  .object({
    desks: z.array(DeskIdentitySchema).max(500),
    records: z.array(SignedRecordSchema),
    complete: z.boolean(),
    heads: z.array(ChainHeadSchema).max(500),
  })
  .strict()
  .superRefine((section, ctx) => {
    const desks = section.desks.map((d) => d.deskId);
    desks.forEach(
      (d, i) =>
        desks.indexOf(d) !== i &&
        ctx.addIssue({ code: 'custom', path: ['desks', i, 'deskId'], message: format('validation.inRosterTwice') }),
    );
    const heads = section.heads.map((h) => h.deskId);
    heads.forEach((d, i) => {
      if (heads.indexOf(d) !== i)
        ctx.addIssue({ code: 'custom', path: ['heads', i, 'deskId'], message: format('record.format.twoHeads') });
      if (!desks.includes(d))
        ctx.addIssue({
          code: 'custom',
          path: ['heads', i, 'deskId'],
          message: format('record.format.headNotInRoster'),
        });
    });
    if (!section.complete && section.records.length > 0)
      ctx.addIssue({
        code: 'custom',
        path: ['records'],
        message: format('record.format.recordsNotComplete'),
      });
  });
export type SignedSection = z.infer<typeof SignedSectionSchema>;

export const RecordFileV3Schema = RecordFileSchema.extend({ formatVersion: z.literal(3), signed: SignedSectionSchema });
export type RecordFileV3 = z.infer<typeof RecordFileV3Schema>;
export type UnsealedRecordV3 = Omit<RecordFileV3, 'checksum'>;

/**
 * FORMAT: the internal edition as the desk now writes it, format 3: the record of format 2 with
 * the roster of the desks that signed the incident's records, the records themselves in the order
 * written, and each desk's head. Only an edition that carries the whole timeline word for word may
 * carry them (see SignedSectionSchema); any other stays format 2.
 */
export function withSignedRecords(record: UnsealedRecord, signed: SignedSection): UnsealedRecordV3 {
  return { ...record, formatVersion: 3, signed };
}

/** FORMAT: the checksum covers every field but itself, in RFC 8785 canonical JSON. */
export async function sealRecord(record: UnsealedRecord, sha256: Sha256Hex): Promise<RecordFile> {
  return (await sealRecordText(record, sha256)).record;
}

/**
 * Seals a record and writes its file in one pass: the file is the record's canonical JSON, so the
 * large content is serialised once for both the checksum and the file.
 */
export async function sealRecordText<R extends UnsealedRecord | UnsealedRecordV3>(
  record: R,
  sha256: Sha256Hex,
): Promise<{ record: R & { checksum: RecordFile['checksum'] }; text: string }> {
  const fields = new Map<string, string>(
    Object.keys(record).map((k) => [k, canonicalJsonOfLarge((record as Record<string, unknown>)[k])]),
  );
  const join = (map: Map<string, string>) =>
    `{${[...map.keys()]
      .sort()
      .map((k) => `${JSON.stringify(k)}:${map.get(k) ?? ''}`)
      .join(',')}}`;
  const value = await sha256(join(fields));
  const checksum = { algorithm: 'SHA-256', over: 'canonical-json-of-record-without-checksum', value } as const;
  fields.set('checksum', canonicalJson(checksum));
  return { record: { ...record, checksum }, text: join(fields) };
}

/** The schema of each format version, for the verifier. */
export const RECORD_SCHEMAS = { 1: RecordFileV1Schema, 2: RecordFileSchema, 3: RecordFileV3Schema } as const;

/** The JSON Schema of one version of the record file, as committed in schemas/ for readers outside the desk. */
export function recordJsonSchema(
  version: (typeof RECORD_FORMAT_VERSIONS)[number] = RECORD_FORMAT_VERSION,
): Record<string, unknown> {
  return {
    $id: `https://responsedesk.invalid/schemas/response-desk-record.v${version}.schema.json`,
    title: `Response Desk after-action record, format version ${version}`,
    ...z.toJSONSchema(RECORD_SCHEMAS[version], { target: 'draft-2020-12' }),
  };
}

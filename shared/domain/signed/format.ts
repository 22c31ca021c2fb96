import { z } from 'zod';

// zod's own words come from the catalogue wherever a schema of the desk is checked.
import '../../i18n/zodMessages';
import { format } from '../../i18n/format';

import { RowChangeSchema, type RowChange } from './content';

/**
 * FORMAT: the signed record, version 2 of the desk's tamper evidence (version 1 is the SHA-256
 * chain of timeline revisions, kept as it is). Every change a desk makes is one immutable
 * record, signed with the desk's Ed25519 key over the RFC 8785 canonical JSON of every field
 * but `signature` (see `signingInput`). The `format` and `version` fields are inside what is
 * signed, so a signature made for any other purpose (a desk identity, another version) can never
 * pass for a record's. Objects are strict at every depth: a field the format does not define is
 * refused, never carried along unsigned.
 */
export const SIGNED_RECORD_FORMAT = 'response-desk-signed-record';
export const SIGNED_RECORD_VERSION = 2;

export const hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hexadecimal characters');
export const signatureHex = z
  .string()
  .regex(/^[0-9a-f]{128}$/, 'must be 128 lowercase hexadecimal characters (an Ed25519 signature)');
const epochMs = z.number().int().nonnegative();
const id = z.string().min(1).max(100);

/** FORMAT: a desk id: "desk-" and 32 lowercase hex characters (see identity.ts for the derivation). */
export const DeskIdSchema = z
  .string()
  .regex(/^desk-[0-9a-f]{32}$/, 'is not a desk id ("desk-" and 32 hexadecimal characters)');

/** Text people read (names, roles): no control or text-direction characters, which could disguise it. */
export const readableText = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .refine(
      // eslint-disable-next-line no-control-regex -- the point is to refuse control characters
      (value) => !/[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/.test(value),
      'must not contain control or text-direction characters',
    )
    .refine((value) => value.trim() === value, 'must not start or end with spaces');

/**
 * What a record belongs to: one incident, or the desk-wide data (contacts, call trees, statement
 * templates, glossary, checklist plan, settings). Each desk keeps one chain per scope.
 */
export const RecordScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('incident'), incidentId: id }).strict(),
  z.object({ kind: z.literal('desk') }).strict(),
]);
export type RecordScope = z.infer<typeof RecordScopeSchema>;

/** FORMAT: a scope in words and keys: "incident:<id>" or "desk", as the team engine names its cores. */
export function scopeKey(scope: RecordScope): string {
  return scope.kind === 'incident' ? `incident:${scope.incidentId}` : 'desk';
}

/** The head of one desk's chain in a scope: its newest record's sequence number and hash. */
export const ChainHeadSchema = z
  .object({ deskId: DeskIdSchema, seq: z.number().int().positive(), hash: hex64 })
  .strict();
export type ChainHead = z.infer<typeof ChainHeadSchema>;

/** The person at the keyboard, as named on the desk when the record was made. */
export const OperatorSchema = z.object({ name: readableText(120), role: readableText(120) }).strict();
export type Operator = z.infer<typeof OperatorSchema>;

/**
 * The v1 chain head a desk's first record in an incident signs, so the chain written before
 * signatures is anchored: chainSeq 0 with the genesis hash when the incident had no revision yet.
 */
export const V1AnchorSchema = z.object({ chainSeq: z.number().int().nonnegative(), headHash: hex64 }).strict();
export type V1Anchor = z.infer<typeof V1AnchorSchema>;

/** A kind in words a person understands: `statement.approved`, `timeline.revised`, `contact.saved`. */
export const RecordKindSchema = z
  .string()
  .max(80)
  .regex(/^[a-z][a-z-]*(\.[a-z][a-z-]*)+$/, 'is not a record kind ("feature.what-happened")');

/** Records are carried as opaque bytes of at most 1 MiB by the team engine; a signing input is kept under that. */
export const MAX_SIGNED_RECORD_BYTES = 1024 * 1024 - 1024;

const unsignedShape = {
  format: z.literal(SIGNED_RECORD_FORMAT),
  version: z.literal(SIGNED_RECORD_VERSION),
  kind: RecordKindSchema,
  scope: RecordScopeSchema,
  deskId: DeskIdSchema,
  /** 1 for the desk's first record in this scope, then one more for each. */
  seq: z.number().int().positive(),
  /** The hash of this desk's previous record in the same scope; null for its first. */
  prev: hex64.nullable(),
  /** The heads of other desks' chains in this scope that this desk held when it wrote the record. */
  seen: z.array(ChainHeadSchema).max(500),
  recordedAt: epochMs,
  operator: OperatorSchema,
  /** Only on a desk's first record in an incident: the v1 chain head it takes over from. */
  anchor: V1AnchorSchema.nullable(),
  content: RowChangeSchema,
};

/** The rules between fields, shared by the unsigned and the signed record. */
function checkLinks(
  record: {
    scope: RecordScope;
    deskId: string;
    seq: number;
    prev: string | null;
    seen: readonly ChainHead[];
    anchor: V1Anchor | null;
  },
  ctx: z.RefinementCtx,
): void {
  if ((record.seq === 1) !== (record.prev === null)) {
    ctx.addIssue({
      code: 'custom',
      path: ['prev'],
      message: format(record.seq === 1 ? 'signed.format.firstHasNoPrev' : 'signed.format.namesPrev'),
    });
  }
  const firstInIncident = record.seq === 1 && record.scope.kind === 'incident';
  if (firstInIncident !== (record.anchor !== null)) {
    ctx.addIssue({
      code: 'custom',
      path: ['anchor'],
      message: format(firstInIncident ? 'signed.format.anchorNeeded' : 'signed.format.anchorNotHere'),
    });
  }
  const desks = record.seen.map((h) => h.deskId);
  if (desks.includes(record.deskId))
    ctx.addIssue({ code: 'custom', path: ['seen'], message: format('signed.format.seenOwnChain') });
  if (desks.some((d, i) => i > 0 && (desks[i - 1] ?? '') >= d))
    ctx.addIssue({ code: 'custom', path: ['seen'], message: format('signed.format.seenOrder') });
}

export const UnsignedRecordSchema = z.object(unsignedShape).strict().superRefine(checkLinks);
export type UnsignedRecord = Omit<z.infer<typeof UnsignedRecordSchema>, 'content'> & { content: RowChange };

export const SignedRecordSchema = z
  .object({ ...unsignedShape, signature: signatureHex })
  .strict()
  .superRefine(checkLinks);
export type SignedRecord = UnsignedRecord & { signature: string };

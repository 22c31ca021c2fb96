import type { Actor } from '../audit';
import { canonicalJson, type Sha256Hex } from '../integrity/canonical';
import { err, ok, type Result } from '../result';
import {
  GENESIS_HASH,
  type EntryContent,
  type RevisionKind,
  type TimelineEntry,
  type TimelineRevision,
  type Verification,
} from '../../schemas/timeline';
import { describeByCode } from '../../i18n/format';

/** Where the incident's chain currently ends: the next revision links to it. */
export type ChainHead = { chainSeq: number; hash: string };
export const EMPTY_CHAIN: ChainHead = { chainSeq: 0, hash: GENESIS_HASH };

export type UnsealedRevision = Omit<TimelineRevision, 'hash'>;

/**
 * FORMAT: the exact text a revision's hash is taken over: the canonical JSON (RFC 8785) of every
 * field but the hash itself, prefixed with a version tag. Anyone can recompute it from the record.
 * `mergeOf` counts only on a merge: every other revision hashes as it always did.
 */
export function revisionHashInput(revision: UnsealedRevision): string {
  const { id, entryId, incidentId, chainSeq, revisionNo, kind, recordedAt, operator, reason, content, prevHash } =
    revision;
  const fields = {
    id,
    entryId,
    incidentId,
    chainSeq,
    revisionNo,
    kind,
    recordedAt,
    operator,
    reason,
    content,
    prevHash,
  };
  const hashed = revision.mergeOf === undefined ? fields : { ...fields, mergeOf: revision.mergeOf };
  return `response-desk-revision-v1\n${canonicalJson(hashed)}`;
}

export async function sealRevision(revision: UnsealedRevision, sha256: Sha256Hex): Promise<TimelineRevision> {
  return { ...revision, hash: await sha256(revisionHashInput(revision)) };
}

/** The entry row that shows `revision` as the current state. */
export function entryFromRevision(previous: TimelineEntry | null, revision: TimelineRevision): TimelineEntry {
  const verificationChanged =
    previous === null
      ? revision.content.verification !== 'unverified'
      : previous.verification !== revision.content.verification;
  return {
    ...revision.content,
    id: revision.entryId,
    incidentId: revision.incidentId,
    recordedAt: previous?.recordedAt ?? revision.recordedAt,
    recordedBy: previous?.recordedBy ?? revision.operator,
    lastRevisionAt: revision.recordedAt,
    lastRevisionBy: revision.operator,
    revisionCount: revision.revisionNo,
    headRevisionId: revision.id,
    verificationChangedAt: verificationChanged ? revision.recordedAt : (previous?.verificationChangedAt ?? null),
    verificationChangedBy: verificationChanged ? revision.operator : (previous?.verificationChangedBy ?? null),
    sourceKey: sourceKey(revision.content.source),
  };
}

export const sourceKey = (source: string): string => source.trim().toLowerCase();

/** Every field of an entry's content, in the order a revision carries them (the type makes it whole). */
const CONTENT_FIELDS: { readonly [K in keyof EntryContent]-?: true } = {
  occurredAt: true,
  occurredPrecision: true,
  reportedAt: true,
  category: true,
  title: true,
  body: true,
  source: true,
  sourceContactId: true,
  verification: true,
  tags: true,
  release: true,
  links: true,
  onBehalfOf: true,
  transcribed: true,
  retracted: true,
  retractionReason: true,
};

/** The content an entry row carries, as its newest revision must hold it. */
export function contentOf(entry: TimelineEntry): EntryContent {
  return Object.fromEntries(
    (Object.keys(CONTENT_FIELDS) as (keyof EntryContent)[]).map((field) => [field, entry[field]]),
  ) as EntryContent;
}

export type RevisionError =
  | { code: 'retracted'; entryId: string }
  | { code: 'no-change' }
  | { code: 'reason-required' }
  | { code: 'already-retracted'; entryId: string }
  | { code: 'nothing-to-merge'; entryId: string };

type Plan = { kind: RevisionKind; content: EntryContent; reason: string | null; mergeOf?: string[] };

/** A correction: the new content replaces the old, which stays in the history. */
export function planEdit(
  entry: TimelineEntry,
  content: EntryContent,
  reason: string | null,
): Result<Plan, RevisionError> {
  if (entry.retracted) return err({ code: 'retracted', entryId: entry.id });
  const next = { ...content, retracted: false, retractionReason: null };
  if (canonicalJson(next) === canonicalJson(contentOf(entry))) return err({ code: 'no-change' });
  return ok({ kind: 'edit', content: next, reason: reason?.trim() || null });
}

export function planVerification(
  entry: TimelineEntry,
  verification: Verification,
  note: string | null,
): Result<Plan, RevisionError> {
  if (entry.retracted) return err({ code: 'retracted', entryId: entry.id });
  if (entry.verification === verification) return err({ code: 'no-change' });
  return ok({ kind: 'verify', content: { ...contentOf(entry), verification }, reason: note?.trim() || null });
}

/** Deleting is retracting: the entry stays, struck through, with the reason. */
export function planRetraction(entry: TimelineEntry, reason: string): Result<Plan, RevisionError> {
  if (entry.retracted) return err({ code: 'already-retracted', entryId: entry.id });
  if (reason.trim() === '') return err({ code: 'reason-required' });
  return ok({
    kind: 'retract',
    content: { ...contentOf(entry), retracted: true, retractionReason: reason.trim() },
    reason: reason.trim(),
  });
}

/**
 * A merge of corrections made apart on two desks: the version kept (one side's content, as it was
 * written, retraction included) becomes a new revision that names every revision it settles. Unlike
 * a correction it may repeat the content shown: what it records is that someone weighed both.
 */
export function planMerge(
  entry: TimelineEntry,
  kept: EntryContent,
  settles: readonly string[],
  reason: string | null,
): Result<Plan, RevisionError> {
  if (settles.length < 2) return err({ code: 'nothing-to-merge', entryId: entry.id });
  return ok({
    kind: kept.retracted ? 'retract' : 'edit',
    content: kept,
    reason: reason?.trim() || null,
    mergeOf: [...settles],
  });
}

/** The next revision of an entry (or its first), linked to the chain head. */
export function nextRevision(input: {
  id: string;
  entryId: string;
  incidentId: string;
  previous: TimelineEntry | null;
  plan: Plan;
  head: ChainHead;
  actor: Actor;
}): UnsealedRevision {
  return {
    id: input.id,
    entryId: input.entryId,
    incidentId: input.incidentId,
    chainSeq: input.head.chainSeq + 1,
    revisionNo: (input.previous?.revisionCount ?? 0) + 1,
    kind: input.plan.kind,
    recordedAt: input.actor.now,
    operator: input.actor.operator,
    reason: input.plan.reason,
    content: input.plan.content,
    prevHash: input.head.hash,
    ...(input.plan.mergeOf && { mergeOf: input.plan.mergeOf }),
  };
}

export const describeRevisionError = describeByCode<RevisionError>({
  retracted: 'timeline.revision.retracted',
  'already-retracted': 'timeline.revision.alreadyRetracted',
  'no-change': 'timeline.revision.noChange',
  'reason-required': 'timeline.revision.reasonRequired',
  'nothing-to-merge': 'timeline.revision.nothingToMerge',
});

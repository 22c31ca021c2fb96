import type { Sha256Hex } from '../integrity/canonical';
import { checkPublishedHeads } from '../record/verifyRecord';
import { assertNever } from '../result';
import { hashesByPlace } from '../timeline/tree';
import { createChainVerifier, describeChainReport, verifiedHead, type ChainReport } from '../timeline/chain';
import type { PublishedHead } from '../../schemas/publishedHeads';
import { GENESIS_HASH, type TimelineEntry, type TimelineRevision } from '../../schemas/timeline';
import { describeChainProblem, describeDeskRecords, deskWords, recordWords, withMoreProblems } from './describe';
import type { Ed25519Verify } from './ed25519';
import type { V1Anchor } from './format';
import type { DeskIdentity } from './identity';
import { createSignedChainVerifier, type RecordRef, type SignedChainsReport } from './verifyChains';
import { format } from '../../i18n/format';

/** A timeline revision as the findings name it. */
export type RevisionRef = { chainSeq: number; revisionId: string; entryId: string; title: string };

export type IntegrityProblem =
  | { code: 'v1-chain'; report: ChainReport & { ok: false } }
  | { code: 'published-head'; text: string }
  | { code: 'signed'; problem: SignedChainsReport['problems'][number] }
  | { code: 'anchor-mismatch'; at: RecordRef; anchor: V1Anchor; v1Length: number }
  | { code: 'unsigned-revision'; revision: RevisionRef }
  | { code: 'revision-differs'; revision: RevisionRef; signedBy: RecordRef }
  | { code: 'revision-not-in-timeline'; revisionId: string; entryTitle: string; signedBy: RecordRef };

export type IncidentIntegrityReport = {
  ok: boolean;
  v1: ChainReport;
  signed: SignedChainsReport;
  /** The chain position up to which revisions were written before signatures (the lowest anchor). */
  anchoredAt: number | null;
  /** Every problem found, in the order the record is walked: v1 chain, published heads, signed chains, anchors, revisions. */
  problems: IntegrityProblem[];
};

type Pages<T> = Iterable<readonly T[]> | AsyncIterable<readonly T[]>;

/**
 * Verify integrity for one incident, as the desk and the verifier run it: the signed chains of
 * every desk (signatures, links, gaps, replays, unknown keys), then the v1 hash chain walked as
 * before, tied together: each desk's first record in the incident anchors a v1 head, which must
 * still be on the chain; every revision written after the first anchor must be one a desk signed,
 * exactly; every revision a desk signed must be on the timeline; and the heads published (records
 * exported, backups, prints) must still be on the chain ("revisions are missing since the record
 * exported on …"). A chain re-hashed and re-sealed by someone without a desk's key passes the v1
 * walk and fails here, naming the entry.
 */
export async function verifyIncidentIntegrity(input: {
  incidentId: string;
  /** The incident's zone, for the times of published heads in words. */
  timeZone: string;
  /** Revisions in chainSeq order, in pages. */
  revisions: Pages<TimelineRevision>;
  entries: Iterable<TimelineEntry>;
  publishedHeads: readonly PublishedHead[];
  /** The signed records of the incident's scope, in the order held, in pages. */
  signed: Pages<unknown>;
  roster: readonly DeskIdentity[];
  verify: Ed25519Verify;
  sha256: Sha256Hex;
  sha256Bytes?: (bytes: Uint8Array) => string | Promise<string>;
  onProgress?: (step: 'signed' | 'v1', done: number) => void;
}): Promise<IncidentIntegrityReport> {
  const problems: IntegrityProblem[] = [];
  const anchors: { anchor: V1Anchor; ref: RecordRef }[] = [];
  /** Revision id → what a desk signed of it. */
  const signedRevisions = new Map<string, { hash: string; chainSeq: number; title: string; ref: RecordRef }>();

  const signedVerifier = createSignedChainVerifier({
    roster: input.roster,
    verify: input.verify,
    scopes: [{ kind: 'incident', incidentId: input.incidentId }],
    ...(input.sha256Bytes ? { sha256: input.sha256Bytes } : {}),
    onRecord: ({ record, ref }) => {
      if (record.anchor !== null) anchors.push({ anchor: record.anchor, ref });
      for (const r of record.content.put.timelineRevisions ?? []) {
        if (r.incidentId === input.incidentId)
          signedRevisions.set(r.id, { hash: r.hash, chainSeq: r.chainSeq, title: r.content.title, ref });
      }
    },
  });
  let signedCount = 0;
  for await (const page of input.signed) {
    await signedVerifier.push(page);
    signedCount += page.length;
    input.onProgress?.('signed', signedCount);
  }
  const signed = signedVerifier.finish();

  // Revisions up to the lowest anchor were written before signatures; the rest must be signed.
  const lowest = (values: Iterable<number>) => [...values].reduce((a, b) => Math.min(a, b), Number.POSITIVE_INFINITY);
  const anchoredAt =
    anchors.length > 0
      ? lowest(anchors.map((a) => a.anchor.chainSeq))
      : signedRevisions.size > 0
        ? lowest([...signedRevisions.values()].map((r) => r.chainSeq)) - 1
        : null;

  const v1Verifier = createChainVerifier(input.incidentId, input.sha256);
  /** Every hash at each place: where desks wrote apart, a place holds several, and an anchor may name any. */
  const hashAt = new Map<number, Set<string>>();
  const onTimeline = new Set<string>();
  const coverage: IntegrityProblem[] = [];
  let v1Count = 0;
  for await (const page of input.revisions) {
    await v1Verifier.push(page);
    hashesByPlace(page, hashAt);
    for (const r of page) {
      onTimeline.add(r.id);
      if (anchoredAt === null || r.chainSeq <= anchoredAt) continue;
      const revision = { chainSeq: r.chainSeq, revisionId: r.id, entryId: r.entryId, title: r.content.title };
      const mine = signedRevisions.get(r.id);
      if (!mine) coverage.push({ code: 'unsigned-revision', revision });
      else if (mine.hash !== r.hash) coverage.push({ code: 'revision-differs', revision, signedBy: mine.ref });
    }
    v1Count += page.length;
    input.onProgress?.('v1', v1Count);
  }
  const v1 = v1Verifier.finish(input.entries);
  if (!v1.ok) problems.push({ code: 'v1-chain', report: v1 });

  const length = v1.ok ? verifiedHead(v1).chainSeq : hashAt.size;
  const published = checkPublishedHeads(length, (seq) => hashAt.get(seq), input.publishedHeads, input.timeZone);
  if (published !== null) problems.push({ code: 'published-head', text: published });

  for (const problem of signed.problems) problems.push({ code: 'signed', problem });
  // Anchors and revisions in chain order: the earliest place the chain was changed comes first.
  const byPlace: { at: number; problem: IntegrityProblem }[] = coverage.map((p) => ({
    at: p.code === 'unsigned-revision' || p.code === 'revision-differs' ? p.revision.chainSeq : 0,
    problem: p,
  }));
  for (const { anchor, ref } of anchors) {
    const holds =
      anchor.chainSeq === 0
        ? anchor.headHash === GENESIS_HASH
        : (hashAt.get(anchor.chainSeq)?.has(anchor.headHash) ?? false);
    if (!holds)
      byPlace.push({
        at: anchor.chainSeq + 0.5,
        problem: { code: 'anchor-mismatch', at: ref, anchor, v1Length: length },
      });
  }
  problems.push(...byPlace.sort((x, y) => x.at - y.at).map((x) => x.problem));
  for (const [revisionId, s] of signedRevisions) {
    if (!onTimeline.has(revisionId))
      problems.push({ code: 'revision-not-in-timeline', revisionId, entryTitle: s.title, signedBy: s.ref });
  }
  return { ok: problems.length === 0 && signed.problemCount === 0, v1, signed, anchoredAt, problems };
}

const revisionWords = (r: RevisionRef) => format('signed.integrity.revision', { seq: r.chainSeq, title: r.title });

/** One problem of the incident's integrity in a sentence, naming the entry, desk and operator. */
export function describeIntegrityProblem(problem: IntegrityProblem): string {
  switch (problem.code) {
    case 'v1-chain':
      return describeChainReport(problem.report);
    case 'published-head':
      return problem.text;
    case 'signed':
      return describeChainProblem(problem.problem);
    case 'anchor-mismatch':
      return problem.anchor.chainSeq > problem.v1Length
        ? format('signed.integrity.missingRevisions', {
            record: recordWords(problem.at),
            anchor: problem.anchor.chainSeq,
            length: problem.v1Length,
          })
        : format('signed.integrity.altered', {
            desk: deskWords(problem.at),
            anchor: problem.anchor.chainSeq,
            record: recordWords(problem.at),
            hash: problem.anchor.headHash,
          });
    case 'unsigned-revision':
      return format('signed.integrity.unsignedRevision', { revision: revisionWords(problem.revision) });
    case 'revision-differs':
      return format('signed.integrity.revisionDiffers', {
        revision: revisionWords(problem.revision),
        record: recordWords(problem.signedBy),
      });
    case 'revision-not-in-timeline':
      return format('signed.integrity.revisionNotInTimeline', {
        title: problem.entryTitle,
        record: recordWords(problem.signedBy),
      });
    default:
      return assertNever(problem);
  }
}

/** The report in a few lines: what was checked, per desk its fingerprint and records, and the first problem. */
export function describeIncidentIntegrity(report: IncidentIntegrityReport): string[] {
  const lines = [
    report.v1.ok
      ? describeChainReport(report.v1)
      : format('signed.integrity.v1Broken', { revisions: report.v1.revisions }),
  ];
  lines.push(...report.signed.desks.map(describeDeskRecords));
  if (report.anchoredAt !== null) lines.push(format('signed.integrity.anchored', { anchoredAt: report.anchoredAt }));
  const first = report.problems[0];
  if (first === undefined) lines.push(format('signed.integrity.verified', { records: report.signed.records }));
  else
    lines.push(
      format('signed.integrity.failed', {
        problem: withMoreProblems(describeIntegrityProblem(first), report.problems.length),
      }),
    );
  return lines;
}

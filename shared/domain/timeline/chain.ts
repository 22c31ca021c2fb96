import { canonicalJson, type Sha256Hex } from '../integrity/canonical';
import { GENESIS_HASH, type TimelineEntry, type TimelineRevision } from '../../schemas/timeline';
import { contentOf, revisionHashInput } from './revisions';
import { format } from '../../i18n/format';

export type ChainBreak = {
  /** Position in the chain where the problem was found (0 when it is in an entry row). */
  chainSeq: number;
  entryId: string;
  revisionId: string | null;
  problem: 'hash-mismatch' | 'broken-link' | 'sequence-gap' | 'wrong-incident' | 'entry-differs' | 'entry-without-revisions';
};

export type ChainReport =
  | { ok: true; revisions: number; entries: number; headHash: string }
  | { ok: false; revisions: number; firstBreak: ChainBreak };

/**
 * Walks an incident's hash chain in recording order. Revisions are fed in pages (a long
 * incident has hundreds of thousands), then the entry rows are checked against their newest
 * revision, so an entry altered behind the desk's back is caught as surely as a revision.
 */
export function createChainVerifier(incidentId: string, sha256: Sha256Hex) {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let count = 0;
  let firstBreak: ChainBreak | null = null;
  /** entryId → canonical content of its newest revision */
  const heads = new Map<string, { revisionId: string; content: string }>();

  return {
    /** Feeds the next revisions, in chainSeq order. Returns false once a break is found. */
    async push(revisions: readonly TimelineRevision[]): Promise<boolean> {
      for (const r of revisions) {
        if (firstBreak) return false;
        const at = { chainSeq: r.chainSeq, entryId: r.entryId, revisionId: r.id };
        if (r.incidentId !== incidentId) firstBreak = { ...at, problem: 'wrong-incident' };
        else if (r.chainSeq !== expectedSeq) firstBreak = { ...at, chainSeq: expectedSeq, problem: 'sequence-gap' };
        else if (r.prevHash !== prevHash) firstBreak = { ...at, problem: 'broken-link' };
        else if ((await sha256(revisionHashInput(r))) !== r.hash) firstBreak = { ...at, problem: 'hash-mismatch' };
        if (firstBreak) return false;
        heads.set(r.entryId, { revisionId: r.id, content: canonicalJson(r.content) });
        prevHash = r.hash;
        expectedSeq += 1;
        count += 1;
      }
      return true;
    },

    /** Checks the entry rows, then reports. */
    finish(entries: Iterable<TimelineEntry>): ChainReport {
      if (firstBreak) return { ok: false, revisions: count, firstBreak };
      let entryCount = 0;
      for (const e of entries) {
        entryCount += 1;
        const head = heads.get(e.id);
        if (!head) return { ok: false, revisions: count, firstBreak: { chainSeq: 0, entryId: e.id, revisionId: null, problem: 'entry-without-revisions' } };
        if (head.revisionId !== e.headRevisionId || head.content !== canonicalJson(contentOf(e))) {
          return { ok: false, revisions: count, firstBreak: { chainSeq: 0, entryId: e.id, revisionId: head.revisionId, problem: 'entry-differs' } };
        }
      }
      return { ok: true, revisions: count, entries: entryCount, headHash: prevHash };
    },
  };
}

/** Convenience for records held whole in memory (exports, tests). */
export async function verifyChain(
  incidentId: string,
  revisions: readonly TimelineRevision[],
  entries: readonly TimelineEntry[],
  sha256: Sha256Hex,
): Promise<ChainReport> {
  const verifier = createChainVerifier(incidentId, sha256);
  await verifier.push([...revisions].sort((a, b) => a.chainSeq - b.chainSeq));
  return verifier.finish(entries);
}

export function describeChainReport(report: ChainReport, entryTitle?: (entryId: string) => string | undefined): string {
  if (report.ok) return format('timeline.chain.verified', { revisions: report.revisions, entries: report.entries, headHash: report.headHash });
  const b = report.firstBreak;
  const title = entryTitle?.(b.entryId);
  const entry = title ? format('timeline.chain.entryTitled', { title }) : format('timeline.chain.entryId', { id: b.entryId });
  const where = b.chainSeq > 0 ? format('timeline.chain.atRevision', { seq: b.chainSeq, entry }) : format('timeline.chain.atEntry', { entry });
  // ICU selectors are identifiers: 'hash-mismatch' is asked for as 'hash_mismatch'.
  const why = format('timeline.chain.why', { problem: b.problem.replace(/-/g, '_') });
  return format('timeline.chain.failed', { where, why, revisions: report.revisions });
}

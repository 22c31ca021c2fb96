import { sameCanonicalJson, type Sha256Hex } from '../integrity/canonical';
import { GENESIS_HASH, type TimelineEntry, type TimelineRevision } from '../../schemas/timeline';
import { contentOf, revisionHashInput } from './revisions';
import { format } from '../../i18n/format';

export type ChainBreak = {
  /** Position in the chain where the problem was found (0 when it is in an entry row). */
  chainSeq: number;
  entryId: string;
  revisionId: string | null;
  problem:
    'hash-mismatch' | 'broken-link' | 'sequence-gap' | 'wrong-incident' | 'entry-differs' | 'entry-without-revisions';
};

export type ChainReport =
  | { ok: true; revisions: number; entries: number; headHash: string }
  | { ok: false; revisions: number; firstBreak: ChainBreak };

/** Revisions hashed at once: their digests run side by side (Web Crypto on its own thread), in bounded memory. */
const HASH_WINDOW = 2000;

/**
 * Walks an incident's hash chain in recording order. Revisions are fed in pages (a long
 * incident has hundreds of thousands), then the entry rows are checked against their newest
 * revision, so an entry altered behind the desk's back is caught as surely as a revision.
 * The first problem in chain order is the one reported, whichever check finds it.
 */
export function createChainVerifier(incidentId: string, sha256: Sha256Hex) {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let count = 0;
  let firstBreak: ChainBreak | null = null;
  /** entryId → its newest revision */
  const heads = new Map<string, TimelineRevision>();

  /** The first problem a revision shows without hashing it, in the order they are named. */
  function linkProblem(r: TimelineRevision): ChainBreak | null {
    const at = { chainSeq: r.chainSeq, entryId: r.entryId, revisionId: r.id };
    if (r.incidentId !== incidentId) return { ...at, problem: 'wrong-incident' };
    if (r.chainSeq !== expectedSeq) return { ...at, chainSeq: expectedSeq, problem: 'sequence-gap' };
    if (r.prevHash !== prevHash) return { ...at, problem: 'broken-link' };
    return null;
  }

  /** Checks one window: links in order, every digest started at once, then compared in order. */
  async function pushWindow(revisions: readonly TimelineRevision[]): Promise<boolean> {
    const digests: Promise<string>[] = [];
    let linkBreak: ChainBreak | null = null;
    for (const r of revisions) {
      linkBreak = linkProblem(r);
      if (linkBreak) break;
      digests.push(sha256(revisionHashInput(r)));
      prevHash = r.hash;
      expectedSeq += 1;
    }
    const hashes = await Promise.all(digests);
    for (let i = 0; i < hashes.length; i += 1) {
      const r = revisions[i] as TimelineRevision;
      // A revision whose text does not match its hash comes before any later broken link.
      if (hashes[i] !== r.hash) {
        firstBreak = { chainSeq: r.chainSeq, entryId: r.entryId, revisionId: r.id, problem: 'hash-mismatch' };
        return false;
      }
      heads.set(r.entryId, r);
      count += 1;
    }
    firstBreak = linkBreak;
    return firstBreak === null;
  }

  return {
    /** Feeds the next revisions, in chainSeq order. Returns false once a break is found. */
    async push(revisions: readonly TimelineRevision[]): Promise<boolean> {
      for (let from = 0; from < revisions.length; from += HASH_WINDOW) {
        if (firstBreak) return false;
        if (
          !(await pushWindow(
            from === 0 && revisions.length <= HASH_WINDOW ? revisions : revisions.slice(from, from + HASH_WINDOW),
          ))
        )
          return false;
      }
      return firstBreak === null;
    },

    /** Checks the entry rows, then reports. */
    finish(entries: Iterable<TimelineEntry>): ChainReport {
      if (firstBreak) return { ok: false, revisions: count, firstBreak };
      let entryCount = 0;
      for (const e of entries) {
        entryCount += 1;
        const head = heads.get(e.id);
        if (!head)
          return {
            ok: false,
            revisions: count,
            firstBreak: { chainSeq: 0, entryId: e.id, revisionId: null, problem: 'entry-without-revisions' },
          };
        if (head.id !== e.headRevisionId || !sameCanonicalJson(head.content, contentOf(e))) {
          return {
            ok: false,
            revisions: count,
            firstBreak: { chainSeq: 0, entryId: e.id, revisionId: head.id, problem: 'entry-differs' },
          };
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
  if (report.ok)
    return format('timeline.chain.verified', {
      revisions: report.revisions,
      entries: report.entries,
      headHash: report.headHash,
    });
  const b = report.firstBreak;
  const title = entryTitle?.(b.entryId);
  const entry = title
    ? format('timeline.chain.entryTitled', { title })
    : format('timeline.chain.entryId', { id: b.entryId });
  const where =
    b.chainSeq > 0
      ? format('timeline.chain.atRevision', { seq: b.chainSeq, entry })
      : format('timeline.chain.atEntry', { entry });
  // ICU selectors are identifiers: 'hash-mismatch' is asked for as 'hash_mismatch'.
  const why = format('timeline.chain.why', { problem: b.problem.replace(/-/g, '_') });
  return format('timeline.chain.failed', { where, why, revisions: report.revisions });
}

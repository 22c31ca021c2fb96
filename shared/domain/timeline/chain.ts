import { sameCanonicalJson, type Sha256Hex } from '../integrity/canonical';
import { GENESIS_HASH, type TimelineEntry, type TimelineRevision } from '../../schemas/timeline';
import { contentOf, revisionHashInput, type ChainHead } from './revisions';
import { chainHeadOf, chainOrder, isNewerRevision } from './tree';
import { format } from '../../i18n/format';

export type ChainBreak = {
  /** Position in the chain where the problem was found (0 when it is in an entry row). */
  chainSeq: number;
  entryId: string;
  revisionId: string | null;
  problem:
    | 'hash-mismatch'
    | 'broken-link'
    | 'sequence-gap'
    | 'wrong-incident'
    | 'merge-of-other-entry'
    | 'entry-differs'
    | 'entry-without-revisions';
};

export type ChainReport =
  | {
      ok: true;
      revisions: number;
      entries: number;
      headHash: string;
      /**
       * The place (chainSeq) of the head, present only when the chain branched (desks wrote apart,
       * so some place holds several revisions): a linear chain's head is at `revisions`.
       */
      headSeq?: number;
    }
  | { ok: false; revisions: number; firstBreak: ChainBreak };

/** Where a verified chain ends: the head the next revision links to, and the one a published head names. */
export function verifiedHead(report: ChainReport & { ok: true }): ChainHead {
  return { chainSeq: report.headSeq ?? report.revisions, hash: report.headHash };
}

/** Revisions hashed at once: their digests run side by side (Web Crypto on its own thread), in bounded memory. */
const HASH_WINDOW = 2000;

type Unsound = { revision: TimelineRevision; problem: ChainBreak['problem']; chainSeq: number };

/**
 * Walks an incident's hash chain in recording order. Revisions are fed in pages (a long
 * incident has hundreds of thousands), then the entry rows are checked against their newest
 * revision, so an entry altered behind the desk's back is caught as surely as a revision.
 *
 * The chain is a tree when desks wrote apart: a revision at place s (chainSeq) links to one of
 * the revisions at s − 1 (genesis for s = 1), and no place may be skipped. Revisions come in
 * chainSeq order; those at one place in any order, since the walk takes them in chain order
 * (`chainOrder`) once the place is complete. The first problem in chain order is the one
 * reported, whichever check finds it.
 */
export function createChainVerifier(incidentId: string, sha256: Sha256Hex) {
  /** The place being fed (0 before the first revision). */
  let place = 0;
  /** The hashes at the place below, which every revision at `place` must link to. */
  let below: ReadonlySet<string> = new Set([GENESIS_HASH]);
  /** The revisions at `place` that check out, and those that do not. */
  let sound: TimelineRevision[] = [];
  let unsound: Unsound[] = [];
  let count = 0;
  let firstBreak: ChainBreak | null = null;
  let complete = false;
  /** The place skipped, once a revision comes beyond the next place. */
  let gapAt: number | null = null;
  /** entryId → its newest revision */
  const heads = new Map<string, TimelineRevision>();
  /** Revision id → its entry, for the revisions of the places settled so far. */
  const entryOf = new Map<string, string>();

  /** Settles the place being fed: its first problem in chain order, or its revisions counted. */
  function closePlace(): void {
    const worst = unsound.reduce<Unsound | null>(
      (a, b) => (a === null || chainOrder(b.revision, a.revision) < 0 ? b : a),
      null,
    );
    if (worst) {
      const r = worst.revision;
      count += sound.filter((s) => chainOrder(s, r) < 0).length;
      firstBreak = { chainSeq: worst.chainSeq, entryId: r.entryId, revisionId: r.id, problem: worst.problem };
      return;
    }
    // A merge settles corrections of its own entry written before it: naming anything else is
    // not a merge the desk makes (its hash is sound, but what it claims to settle is not there).
    const stray = sound.find((r) => r.mergeOf?.some((id) => entryOf.get(id) !== r.entryId));
    if (stray) {
      count += sound.filter((s) => chainOrder(s, stray) < 0).length;
      firstBreak = { chainSeq: place, entryId: stray.entryId, revisionId: stray.id, problem: 'merge-of-other-entry' };
      return;
    }
    count += sound.length;
    for (const r of sound) {
      entryOf.set(r.id, r.entryId);
      if (isNewerRevision(r, heads.get(r.entryId))) heads.set(r.entryId, r);
    }
  }

  /** Checks one window: every digest started at once, then each revision in the order given. */
  async function pushWindow(revisions: readonly TimelineRevision[]): Promise<void> {
    const hashes = await Promise.all(revisions.map((r) => sha256(revisionHashInput(r))));
    for (const [i, r] of revisions.entries()) {
      if (r.chainSeq !== place || place === 0) {
        closePlace();
        if (firstBreak) return;
        if (r.chainSeq <= place) {
          // Fed out of order: the callers sort, so only a damaged source gets here.
          const at = { entryId: r.entryId, revisionId: r.id };
          firstBreak =
            r.incidentId !== incidentId
              ? { ...at, chainSeq: r.chainSeq, problem: 'wrong-incident' }
              : { ...at, chainSeq: place + 1, problem: 'sequence-gap' };
          return;
        }
        // A skipped place is named at the place after it, by its first revision in chain order.
        if (r.chainSeq > place + 1) gapAt = place + 1;
        if (place > 0) below = new Set(sound.map((s) => s.hash));
        place = r.chainSeq;
        sound = [];
        unsound = [];
      }
      // At one revision a link problem is named before its text: the text is only read once it is in place.
      const problem: ChainBreak['problem'] | null =
        r.incidentId !== incidentId
          ? 'wrong-incident'
          : gapAt !== null
            ? 'sequence-gap'
            : !below.has(r.prevHash)
              ? 'broken-link'
              : hashes[i] !== r.hash
                ? 'hash-mismatch'
                : null;
      if (problem)
        unsound.push({ revision: r, problem, chainSeq: problem === 'sequence-gap' ? (gapAt ?? place) : place });
      else sound.push(r);
    }
  }

  return {
    /**
     * Feeds the next revisions, in chainSeq order. Returns false once a break is found; a problem
     * at the place being fed is found once that place is complete (a later place begins, or finish).
     */
    async push(revisions: readonly TimelineRevision[]): Promise<boolean> {
      for (let from = 0; from < revisions.length && firstBreak === null && !complete; from += HASH_WINDOW)
        await pushWindow(
          from === 0 && revisions.length <= HASH_WINDOW ? revisions : revisions.slice(from, from + HASH_WINDOW),
        );
      return firstBreak === null;
    },

    /** Checks the entry rows, then reports. */
    finish(entries: Iterable<TimelineEntry>): ChainReport {
      if (!complete && firstBreak === null) closePlace();
      complete = true;
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
      const head = chainHeadOf(sound);
      return {
        ok: true,
        revisions: count,
        entries: entryCount,
        headHash: head.hash,
        ...(head.chainSeq !== count && { headSeq: head.chainSeq }),
      };
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

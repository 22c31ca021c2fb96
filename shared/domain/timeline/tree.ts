import type { TimelineRevision } from '../../schemas/timeline';
import { EMPTY_CHAIN, type ChainHead } from './revisions';

/*
 * An incident's chain is a tree once several desks write to it apart: each desk links its next
 * revision to the head it sees, so two desks that wrote on the same head both put a revision at
 * the same place (chainSeq). The rules below are what every desk and every verifier agree on, so
 * that desks holding the same revisions show the same rows and link to the same head.
 */

/** What the ordering rules read of a revision. */
type Placed = Pick<TimelineRevision, 'id' | 'revisionNo' | 'chainSeq' | 'kind'>;

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The order of the revisions at one place of the chain: by id, then hash. The verifier walks a
 * place in this order, so whichever order they come in, the same problem is named first.
 */
export function chainOrder(a: Pick<TimelineRevision, 'id' | 'hash'>, b: Pick<TimelineRevision, 'id' | 'hash'>): number {
  return byText(a.id, b.id) || byText(a.hash, b.hash);
}

const retraction = (r: Placed) => (r.kind === 'retract' ? 1 : 0);

/**
 * FORMAT: the order of an entry's revisions, oldest first: by revisionNo, then a retraction after
 * any other kind, then chainSeq, then id. The greatest is the entry's newest revision, the one the
 * entry shows. Two revisions of one entry with the same revisionNo were written apart (concurrent
 * corrections): a retraction is shown over a correction made apart (withdrawing an entry is the
 * more cautious state), and otherwise the later place in the chain, then the greater id, on every
 * desk alike.
 */
export function compareRevisions(a: Placed, b: Placed): number {
  return a.revisionNo - b.revisionNo || retraction(a) - retraction(b) || a.chainSeq - b.chainSeq || byText(a.id, b.id);
}

/** Whether `candidate` replaces `shown` as its entry's newest revision. */
export const isNewerRevision = (candidate: Placed, shown: Placed | undefined): boolean =>
  shown === undefined || compareRevisions(candidate, shown) > 0;

/** Each entry's newest revision (entryId → revision). */
export function newestRevisions<R extends Placed & Pick<TimelineRevision, 'entryId'>>(
  revisions: Iterable<R>,
): Map<string, R> {
  const newest = new Map<string, R>();
  for (const r of revisions) if (isNewerRevision(r, newest.get(r.entryId))) newest.set(r.entryId, r);
  return newest;
}

/** Revisions of one entry with the same revisionNo: corrections made apart, none of which saw the other. */
export type ConcurrentCorrections = { entryId: string; revisionNo: number; revisions: TimelineRevision[] };

/**
 * Every set of concurrent corrections, per entry: the revisions that share an entry and a
 * revisionNo, in revision order (the last is the one shown). Entries in id order, then revisionNo.
 */
export function concurrentCorrections(revisions: Iterable<TimelineRevision>): ConcurrentCorrections[] {
  const groups = new Map<string, TimelineRevision[]>();
  for (const r of revisions) {
    // JSON keeps the two parts apart whatever characters an id holds.
    const key = JSON.stringify([r.entryId, r.revisionNo]);
    const group = groups.get(key);
    if (group) group.push(r);
    else groups.set(key, [r]);
  }
  return [...groups.values()]
    .filter((group) => group.length > 1)
    .map((group) => {
      const sorted = [...group].sort(compareRevisions);
      const first = sorted[0] as TimelineRevision;
      return { entryId: first.entryId, revisionNo: first.revisionNo, revisions: sorted };
    })
    .sort((a, b) => byText(a.entryId, b.entryId) || a.revisionNo - b.revisionNo);
}

/**
 * The corrections of one entry made apart that no later revision has merged yet, the newest set
 * first; empty when none. A merge (a revision with `mergeOf`) settles every set whose revisions it
 * names. `revisions` are one entry's.
 */
export function openCorrections(revisions: readonly TimelineRevision[]): ConcurrentCorrections[] {
  const merged = new Set(revisions.flatMap((r) => r.mergeOf ?? []));
  return concurrentCorrections(revisions)
    .filter((group) => !group.revisions.every((r) => merged.has(r.id)))
    .reverse();
}

/**
 * What a set of corrections made apart says of the entry's verification: disputed when one desk
 * confirmed what another disproved.
 */
export const isDisputed = (group: ConcurrentCorrections): boolean => {
  const states = new Set(group.revisions.map((r) => r.content.verification));
  return states.has('confirmed') && states.has('disproven');
};

/**
 * FORMAT: the head of a chain whose top place holds several revisions (desks wrote there apart)
 * is the one with the smallest hash (lowercase hex, compared as text). The next revision links to
 * it, and the verifier reports it as the head hash; a top place of one revision is that revision.
 * `top` are the revisions at the highest chainSeq; none means the empty chain (genesis).
 */
export function chainHeadOf(top: readonly Pick<TimelineRevision, 'chainSeq' | 'hash'>[]): ChainHead {
  let head: ChainHead | null = null;
  for (const r of top) if (head === null || r.hash < head.hash) head = { chainSeq: r.chainSeq, hash: r.hash };
  return head ?? EMPTY_CHAIN;
}

/**
 * Every hash at each place of the chain (chainSeq → hashes): a tree holds several at one place.
 * Revisions read in pages are added to the map of the pages before (`at`).
 */
export function hashesByPlace(
  revisions: Iterable<Pick<TimelineRevision, 'chainSeq' | 'hash'>>,
  at = new Map<number, Set<string>>(),
): Map<number, Set<string>> {
  for (const r of revisions) {
    const hashes = at.get(r.chainSeq);
    if (hashes) hashes.add(r.hash);
    else at.set(r.chainSeq, new Set([r.hash]));
  }
  return at;
}

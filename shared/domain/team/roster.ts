import type { TeamRosterEntry } from '../../schemas/teamInvitation';
import type { RosterEvent } from '../../schemas/teamRoster';

/** A roster change as held: the desk whose roster core it is in, and its place there. */
export type AuthoredRosterEvent = { author: string; index: number; event: RosterEvent };

export type RosterMember = {
  deskKey: string;
  name: string;
  /** null for the desks the team was created with (the invitation's roster). */
  admittedBy: string | null;
  standing: { status: 'member' } | { status: 'revoked'; revokedBy: string | null; lengths: Record<string, number> };
};

/** Why a roster change held by this desk does not count; each is shown, none is deleted. */
export type IgnoredRosterEvent = AuthoredRosterEvent & {
  why: 'author-not-member' | 'after-revocation' | 'already-in-roster' | 'not-in-roster' | 'already-revoked';
};

export type RosterFold = { members: ReadonlyMap<string, RosterMember>; ignored: readonly IgnoredRosterEvent[] };

/** A desk's roster core is the scope named `roster`. */
const ROSTER_SCOPE = 'roster';

/**
 * The team's roster from the invitation's roster and every roster change held, by one rule, so
 * desks holding the same changes agree whatever order they received them in: changes are taken in
 * the order of their time, then their author's key, then their place in the author's core. A change
 * counts when its author is a member at that point (a revoked desk's changes count only up to its
 * revocation point). A revoked desk never comes back: a lost laptop rejoins under a new key.
 */
export function foldRoster(genesis: readonly TeamRosterEntry[], events: Iterable<AuthoredRosterEvent>): RosterFold {
  const unique = new Map<string, AuthoredRosterEvent>();
  for (const held of events) unique.set(`${held.author}:${held.index}`, held);
  const ordered = [...unique.values()].sort(
    (a, b) =>
      compare(Date.parse(a.event.at), Date.parse(b.event.at)) || compare(a.author, b.author) || a.index - b.index,
  );
  // A desk's clock may put its changes before its own revocation: once a revocation point is known,
  // the changes past it never count, whatever their time. Points only ever come earlier, so this ends.
  let cutoffs = new Map<string, number>();
  for (;;) {
    const fold = foldInOrder(genesis, ordered, cutoffs);
    const next = new Map(cutoffs);
    for (const member of fold.members.values()) {
      if (member.standing.status !== 'revoked') continue;
      const point = member.standing.lengths[ROSTER_SCOPE] ?? 0;
      next.set(member.deskKey, Math.min(point, next.get(member.deskKey) ?? point));
    }
    if (sameCutoffs(next, cutoffs)) return fold;
    cutoffs = next;
  }
}

function foldInOrder(
  genesis: readonly TeamRosterEntry[],
  ordered: readonly AuthoredRosterEvent[],
  cutoffs: ReadonlyMap<string, number>,
): RosterFold {
  const members = new Map<string, RosterMember>();
  for (const entry of genesis)
    members.set(entry.deskKey, {
      deskKey: entry.deskKey,
      name: entry.name,
      admittedBy: entry.admittedBy,
      standing:
        entry.status === 'member'
          ? { status: 'member' }
          : { status: 'revoked', revokedBy: null, lengths: { ...entry.revokedAt } },
    });
  const ignored: IgnoredRosterEvent[] = [];
  for (const held of ordered) {
    const cutoff = cutoffs.get(held.author);
    const why = cutoff !== undefined && held.index >= cutoff ? 'after-revocation' : whyIgnored(members, held);
    if (why) {
      ignored.push({ ...held, why });
      continue;
    }
    const { event, author } = held;
    if (event.kind === 'desk-admitted')
      members.set(event.deskKey, {
        deskKey: event.deskKey,
        name: event.name,
        admittedBy: author,
        standing: { status: 'member' },
      });
    else {
      const member = members.get(event.deskKey);
      if (member)
        members.set(event.deskKey, {
          ...member,
          standing: { status: 'revoked', revokedBy: author, lengths: { ...event.lengths } },
        });
    }
  }
  return { members, ignored };
}

function sameCutoffs(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  return a.size === b.size && [...a].every(([key, value]) => b.get(key) === value);
}

function whyIgnored(
  members: ReadonlyMap<string, RosterMember>,
  held: AuthoredRosterEvent,
): IgnoredRosterEvent['why'] | null {
  const author = members.get(held.author);
  if (!author) return 'author-not-member';
  if (author.standing.status === 'revoked' && held.index >= (author.standing.lengths[ROSTER_SCOPE] ?? 0))
    return 'after-revocation';
  const target = members.get(held.event.deskKey);
  if (held.event.kind === 'desk-admitted') return target ? 'already-in-roster' : null;
  if (!target) return 'not-in-roster';
  return target.standing.status === 'revoked' ? 'already-revoked' : null;
}

function compare(a: number | string, b: number | string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** What the sync engine asks at every connection: is this desk in the team, and since when not. */
export function standingIn(
  fold: RosterFold,
): (
  deskKey: string,
) => { status: 'member' } | { status: 'revoked'; lengths: Readonly<Record<string, number>> } | undefined {
  return (deskKey) => {
    const member = fold.members.get(deskKey);
    if (!member) return undefined;
    return member.standing.status === 'member'
      ? { status: 'member' }
      : { status: 'revoked', lengths: member.standing.lengths };
  };
}

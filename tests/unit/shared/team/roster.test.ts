import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { foldRoster, standingIn, type AuthoredRosterEvent } from '@shared/domain/team/roster';
import type { TeamRosterEntry } from '@shared/schemas/teamInvitation';
import { decodeRosterEvent, encodeRosterEvent, type RosterEvent } from '@shared/schemas/teamRoster';

const key = (c: string) => c.repeat(64);
const CITY_HALL = key('a');
const COMMS = key('b');
const HOSPITAL = key('c');
const MAYOR = key('d');

const genesis: TeamRosterEntry[] = [{ deskKey: CITY_HALL, name: 'City hall desk', status: 'member', admittedBy: null }];
const at = (minute: number) => new Date(Date.UTC(2026, 2, 14, 8, minute)).toISOString();
const admit = (deskKey: string, name: string, minute: number): RosterEvent => ({
  format: 'response-desk-roster-event',
  version: 1,
  at: at(minute),
  kind: 'desk-admitted',
  deskKey,
  name,
});
const revoke = (deskKey: string, roster: number, minute: number): RosterEvent => ({
  format: 'response-desk-roster-event',
  version: 1,
  at: at(minute),
  kind: 'desk-revoked',
  deskKey,
  lengths: { roster, 'incident:inc_1': 40 },
  reason: 'Laptop lost at the hospital',
});
const by = (author: string, index: number, event: RosterEvent): AuthoredRosterEvent => ({ author, index, event });

const summary = (events: AuthoredRosterEvent[]) => {
  const fold = foldRoster(genesis, events);
  return {
    members: [...fold.members.values()]
      .map((m) => `${m.name}: ${m.standing.status} (admitted by ${m.admittedBy?.slice(0, 1) ?? '-'})`)
      .sort(),
    ignored: fold.ignored.map((i) => `${i.author.slice(0, 1)}#${i.index} ${i.why}`).sort(),
  };
};

describe('the team roster, folded from the changes every desk holds', () => {
  it('a member admits a desk, which may then admit others; each says who admitted it', () => {
    const fold = foldRoster(genesis, [
      by(CITY_HALL, 0, admit(COMMS, 'Comms lead laptop', 1)),
      by(COMMS, 0, admit(HOSPITAL, 'Hospital liaison', 2)),
    ]);
    expect(fold.members.get(COMMS)).toMatchObject({ name: 'Comms lead laptop', admittedBy: CITY_HALL });
    expect(fold.members.get(HOSPITAL)).toMatchObject({ admittedBy: COMMS, standing: { status: 'member' } });
    expect(fold.ignored).toEqual([]);
  });

  it('a desk outside the team cannot admit anyone, and a desk is admitted once', () => {
    expect(
      summary([
        by(MAYOR, 0, admit(HOSPITAL, 'Hospital liaison', 1)),
        by(CITY_HALL, 0, admit(COMMS, 'Comms lead laptop', 2)),
        by(CITY_HALL, 1, admit(COMMS, 'Comms laptop again', 3)),
      ]),
    ).toEqual({
      members: ['City hall desk: member (admitted by -)', 'Comms lead laptop: member (admitted by a)'],
      ignored: ['a#1 already-in-roster', 'd#0 author-not-member'],
    });
  });

  it('a revoked desk keeps what it did before its revocation point, and nothing after counts, whatever its clock says', () => {
    const fold = foldRoster(genesis, [
      by(CITY_HALL, 0, admit(COMMS, 'Comms lead laptop', 1)),
      by(COMMS, 0, admit(HOSPITAL, 'Hospital liaison', 2)),
      by(CITY_HALL, 1, revoke(COMMS, 1, 30)),
      // The lost laptop's clock is behind: this admission claims a time before the revocation.
      by(COMMS, 1, admit(MAYOR, 'Unknown laptop', 10)),
    ]);
    expect(fold.members.get(COMMS)?.standing).toEqual({
      status: 'revoked',
      revokedBy: CITY_HALL,
      lengths: { roster: 1, 'incident:inc_1': 40 },
    });
    expect(fold.members.get(HOSPITAL)?.standing.status).toBe('member');
    expect(fold.members.has(MAYOR)).toBe(false);
    expect(fold.ignored.map((i) => [i.index, i.why])).toEqual([[1, 'after-revocation']]);
    expect(standingIn(fold)(COMMS)).toEqual({ status: 'revoked', lengths: { roster: 1, 'incident:inc_1': 40 } });
    expect(standingIn(fold)(MAYOR)).toBeUndefined();
  });

  it('a revoked desk never comes back, and revoking a desk outside the team is shown as such', () => {
    expect(
      summary([
        by(CITY_HALL, 0, admit(COMMS, 'Comms lead laptop', 1)),
        by(CITY_HALL, 1, revoke(COMMS, 0, 2)),
        by(CITY_HALL, 2, admit(COMMS, 'Comms lead laptop', 3)),
        by(CITY_HALL, 3, revoke(COMMS, 0, 4)),
        by(CITY_HALL, 4, revoke(MAYOR, 0, 5)),
      ]).ignored,
    ).toEqual(['a#2 already-in-roster', 'a#3 already-revoked', 'a#4 not-in-roster']);
  });

  it('desks holding the same changes agree, whatever order they received them in and however often', () => {
    const events = [
      by(CITY_HALL, 0, admit(COMMS, 'Comms lead laptop', 1)),
      by(COMMS, 0, admit(HOSPITAL, 'Hospital liaison', 1)),
      by(HOSPITAL, 0, revoke(COMMS, 1, 5)),
      by(COMMS, 1, revoke(HOSPITAL, 1, 5)),
      by(COMMS, 2, admit(MAYOR, "Mayor's office", 4)),
      by(HOSPITAL, 1, admit(MAYOR, 'Mayor office laptop', 4)),
    ];
    const expected = summary(events);
    fc.assert(
      fc.property(fc.shuffledSubarray(events, { minLength: events.length }), fc.nat(events.length - 1), (order, i) => {
        const received = [...order, order[i] as AuthoredRosterEvent];
        expect(summary(received)).toEqual(expected);
      }),
      { seed: 20_261_202, numRuns: 200 },
    );
  });
});

describe('roster records as bytes', () => {
  it('reads back what a desk writes', () => {
    const event = revoke(COMMS, 3, 9);
    expect(decodeRosterEvent(encodeRosterEvent(event))).toEqual({ ok: true, value: event });
  });

  it('refuses, in words, what is not a roster record or disguises a name', () => {
    const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
    const problem = (input: Uint8Array) => {
      const decoded = decodeRosterEvent(input);
      return decoded.ok ? 'read' : decoded.error;
    };
    expect(problem(new Uint8Array([0xff, 0xfe, 0x00]))).toBe('This roster record is not JSON text.');
    expect(problem(bytes({ format: 'response-desk-backup' }))).toBe(
      'This is not a roster record (no "format": "response-desk-roster-event").',
    );
    expect(problem(bytes({ ...admit(COMMS, 'Comms\u202Etop', 1) }))).toMatch(
      /^The roster record is not valid: name: .*text-direction/,
    );
    expect(problem(bytes({ ...admit(COMMS, 'Comms', 1), extra: 1 }))).toMatch(/^The roster record is not valid/);
    expect(problem(new Uint8Array(20_000))).toBe(
      'This roster record is 20,000 bytes long, far more than any change of a roster.',
    );
  });
});

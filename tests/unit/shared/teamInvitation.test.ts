import { describe, expect, it } from 'vitest';

import { parseTeamInvitation, TEAM_INVITATION_FORMAT } from '@shared/schemas/teamInvitation';

const SCRIBE = 'ab'.repeat(32);
const MAYOR = 'cd'.repeat(32);
/** A roster with a member and a revoked desk, who admitted whom. */
const ROSTER = [
  { deskKey: SCRIBE, name: 'Scribe laptop', status: 'member', admittedBy: null },
  {
    deskKey: MAYOR,
    name: 'Mayor’s office',
    status: 'revoked',
    admittedBy: SCRIBE,
    revokedAt: { 'incident:inc_1': 12, desk: 3 },
  },
];

function invitation(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    format: TEAM_INVITATION_FORMAT,
    version: 1,
    teamId: 'team_riverside',
    teamName: 'Riverside crisis team',
    secret: '2a'.repeat(32),
    roster: ROSTER,
    peers: ['192.168.1.20:5220'],
    createdAt: '2025-03-14T09:30:00.000Z',
    ...overrides,
  };
}

describe('team invitation files', () => {
  it('reads a whole invitation, with revocations and who admitted whom', () => {
    const parsed = parseTeamInvitation(JSON.stringify(invitation()));
    expect(parsed.ok && parsed.value.roster).toEqual(ROSTER);
  });

  it('reads leniently: a byte-order mark, surrounding space and upper-case keys are accepted as written by hand', () => {
    const text = `\uFEFF  ${JSON.stringify(invitation({ secret: '2A'.repeat(32) }))}\n`;
    const parsed = parseTeamInvitation(text);
    expect(parsed.ok && parsed.value.secret).toBe('2a'.repeat(32));
  });

  it('names what is wrong', () => {
    expect(parseTeamInvitation('')).toEqual({ ok: false, error: 'The invitation file is empty.' });
    expect(parseTeamInvitation('PK\u0003\u0004')).toEqual({
      ok: false,
      error: 'This is not a team invitation: it is not JSON.',
    });
    expect(parseTeamInvitation('{"format":"response-desk-backup"}')).toEqual({
      ok: false,
      error: 'This is not a team invitation (no "format": "response-desk-team-invitation").',
    });
    expect(parseTeamInvitation(JSON.stringify(invitation({ secret: 'short' })))).toEqual({
      ok: false,
      error: 'The team invitation is not valid: secret: must be 64 hexadecimal characters.',
    });
    const spoofed = invitation({
      roster: [{ deskKey: SCRIBE, name: 'Mayor\u202Efdp.exe', status: 'member', admittedBy: null }],
    });
    expect(parseTeamInvitation(JSON.stringify(spoofed))).toEqual({
      ok: false,
      error: 'The team invitation is not valid: roster.0.name: must not contain control or text-direction characters.',
    });
    const twice = invitation({
      roster: [
        { deskKey: SCRIBE, name: 'A', status: 'member', admittedBy: null },
        { deskKey: SCRIBE.toUpperCase(), name: 'B', status: 'member', admittedBy: null },
      ],
    });
    expect(parseTeamInvitation(JSON.stringify(twice))).toEqual({
      ok: false,
      error: 'The team invitation is not valid: roster.1.deskKey: appears twice in the roster.',
    });
    const badScope = invitation({
      roster: [{ deskKey: SCRIBE, name: 'A', status: 'revoked', admittedBy: null, revokedAt: { 'incident:../x': 1 } }],
    });
    expect(parseTeamInvitation(JSON.stringify(badScope)).ok).toBe(false);
    expect(parseTeamInvitation(JSON.stringify(invitation({ extra: true }))).ok).toBe(false);
    expect(parseTeamInvitation(' '.repeat(1_000_001))).toEqual({
      ok: false,
      error: 'This file is 1000001 characters long, far more than a team invitation.',
    });
  });
});

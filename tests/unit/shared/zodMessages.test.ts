import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';

import { setDomainLanguage } from '@shared/i18n/format';
import { checkRow } from '@shared/schemas/rowCheck';
import { parseTeamInvitation, TEAM_INVITATION_FORMAT } from '@shared/schemas/teamInvitation';
import { TimelineCategorySchema } from '@shared/schemas/timeline';

afterEach(() => setDomainLanguage('en', {}));

const invitation = (overrides: Record<string, unknown>) =>
  JSON.stringify({
    format: TEAM_INVITATION_FORMAT,
    version: 1,
    teamId: 'team_riverside',
    teamName: 'Riverside crisis team',
    secret: '2a'.repeat(32),
    roster: [{ deskKey: 'ab'.repeat(32), name: 'Scribe laptop', status: 'member', admittedBy: null }],
    peers: [],
    createdAt: '2025-03-14T09:30:00.000Z',
    ...overrides,
  });

describe("zod's words come from the catalogue", () => {
  it('a refused import says what is wrong in the catalogue’s words, not zod’s', () => {
    const parsed = parseTeamInvitation(invitation({ teamName: 42 }));
    expect(parsed).toEqual({
      ok: false,
      error: expect.stringContaining('teamName: expected text, found a number') as unknown,
    });
    expect(parsed.ok ? '' : parsed.error).not.toMatch(/Invalid input|received number/);
  });

  it('names a choice that is not offered, with the values that are', () => {
    const r = checkRow(z.object({ category: TimelineCategorySchema }), { category: 'gossip' });
    expect(r.ok ? '' : r.error.message).toBe(
      'category: “gossip” is not one of the 7 accepted values: event, decision, action, communication, information, rumour, media',
    );
  });

  it('counts with plural rules: one character, many characters, an empty field', () => {
    const S = z.object({ a: z.string().min(1).max(1), b: z.array(z.string()).max(1) }).strict();
    const messages = (input: unknown) => (S.safeParse(input).error?.issues ?? []).map((i) => i.message);
    expect(messages({ a: 'ab', b: ['x', 'y'] })).toEqual([
      'is 2 characters long; it takes up to 1 character',
      'has 2 items; it takes up to 1 item',
    ]);
    expect(messages({ a: '', b: [] })).toEqual(['is empty; it must be filled in']);
    expect(messages({ a: 'a', b: [], zz: 1, yy: 2 })).toEqual(['has 2 fields the desk does not know: “zz”, “yy”']);
  });

  it('keeps a message the schema gives itself', () => {
    expect(z.string().max(2, 'too long for a tag').safeParse('abc').error?.issues[0]?.message).toBe(
      'too long for a tag',
    );
  });

  it('speaks the desk’s language chosen after the schemas were built', () => {
    setDomainLanguage('nb', { 'validation.empty': 'er tomt; det må fylles ut' });
    expect(z.string().min(1).safeParse('').error?.issues[0]?.message).toBe('er tomt; det må fylles ut');
  });
});

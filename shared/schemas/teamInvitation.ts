import { z } from 'zod';

// zod's own words come from the catalogue wherever a schema of the desk is checked.
import '../i18n/zodMessages';

import { err, ok, type Result } from '../domain/result';
import { format } from '../i18n/format';

/** FORMAT: the name every team invitation file carries, so no other JSON is mistaken for one. */
export const TEAM_INVITATION_FORMAT = 'response-desk-team-invitation';

/** A desk's team key (or a team secret): 64 hex characters, read in any case, kept in lower case. */
export const hex64 = z
  .string()
  .trim()
  .transform((value) => value.toLowerCase())
  .pipe(z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 hexadecimal characters'));

/** Names people read: no control or bidirectional-override characters, which could disguise them. */
export const personName = z
  .string()
  .trim()
  .min(1)
  .max(120)
  // eslint-disable-next-line no-control-regex -- the point is to refuse control characters
  .refine((value) => !/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(value), 'must not contain control or text-direction characters');

/** How many records of each scope a desk had: what a revocation names. */
export const scopeLengths = z.record(
  z.string().regex(/^(desk|roster|incident:[A-Za-z0-9][A-Za-z0-9_.-]{0,99})$/, 'is not a team scope'),
  z.number().int().nonnegative(),
);

const RosterEntrySchema = z.discriminatedUnion('status', [
  z.object({ deskKey: hex64, name: personName, status: z.literal('member'), admittedBy: hex64.nullable() }).strict(),
  z
    .object({ deskKey: hex64, name: personName, status: z.literal('revoked'), admittedBy: hex64.nullable(), revokedAt: scopeLengths })
    .strict(),
]);

/**
 * FORMAT: a team invitation (also the headless peer's configuration): the team's id and secret,
 * the roster (desk keys, names, who admitted them, revocations with the lengths at revocation)
 * and addresses of desks to dial. It holds the team secret: whoever has it can read the team's
 * USB files and pass the team handshake, so it is handed over like a key.
 */
export const TeamInvitationSchema = z
  .object({
    format: z.literal(TEAM_INVITATION_FORMAT),
    version: z.literal(1),
    teamId: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/, 'must be 1 to 100 letters, digits, "_", "." or "-"'),
    teamName: personName,
    secret: hex64,
    roster: z.array(RosterEntrySchema).max(500),
    peers: z.array(z.string().trim().max(300)).max(100),
    createdAt: z.iso.datetime({ offset: true }),
  })
  .strict()
  .superRefine((invitation, ctx) => {
    const seen = new Set<string>();
    invitation.roster.forEach((entry, index) => {
      if (seen.has(entry.deskKey)) ctx.addIssue({ code: 'custom', path: ['roster', index, 'deskKey'], message: format('validation.inRosterTwice') });
      seen.add(entry.deskKey);
    });
  });

export type TeamInvitation = z.output<typeof TeamInvitationSchema>;
export type TeamRosterEntry = TeamInvitation['roster'][number];

/** Files far larger than any roster are refused before parsing. */
const MAX_INVITATION_CHARS = 1_000_000;

/**
 * Reads an invitation file leniently (a byte-order mark, surrounding spaces, upper-case hex are
 * accepted) and checks all of it; the error names the file's problem in words.
 */
export function parseTeamInvitation(text: string): Result<TeamInvitation, string> {
  if (text.length > MAX_INVITATION_CHARS) return err(format('team.invitation.tooLong', { length: text.length }));
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') return err(format('team.invitation.empty'));
  let raw: unknown;
  try {
    raw = JSON.parse(trimmed);
  } catch {
    return err(format('team.invitation.notJson'));
  }
  if (typeof raw !== 'object' || raw === null || (raw as Record<string, unknown>)['format'] !== TEAM_INVITATION_FORMAT) {
    return err(format('team.invitation.otherFormat', { format: TEAM_INVITATION_FORMAT }));
  }
  const parsed = TeamInvitationSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 5).map((issue) => format('text.issue', { path: issue.path.map(String).join('.') || format('team.invitation.wholeFile'), message: issue.message }));
    return err(format('team.invitation.invalid', { problems: problems.join('; ') }));
  }
  return ok(parsed.data);
}

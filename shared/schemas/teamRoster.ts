import { z } from 'zod';

import '../i18n/zodMessages';

import { err, ok, type Result } from '../domain/result';
import { format } from '../i18n/format';
import { parseJsonBytes } from '../domain/text/jsonBytes';
import { hex64, personName, scopeLengths } from './teamInvitation';

/** FORMAT: the name every roster record carries, so no other record is mistaken for one. */
export const ROSTER_EVENT_FORMAT = 'response-desk-roster-event';

/** Roster records are a few hundred bytes; anything far larger is refused before parsing. */
const MAX_ROSTER_EVENT_BYTES = 16_384;

const header = {
  format: z.literal(ROSTER_EVENT_FORMAT),
  version: z.literal(1),
  /** When the desk wrote it, by its own clock: orders concurrent changes, never trusted alone. */
  at: z.iso.datetime({ offset: true }),
};

/**
 * FORMAT: one change of the team's roster, appended by a member desk to its roster core. A desk
 * admitted is written with the name people know it by; a desk revoked (a lost laptop) with the
 * lengths of its cores at that moment, so its later records are flagged and its earlier ones kept.
 */
export const RosterEventSchema = z.discriminatedUnion('kind', [
  z.object({ ...header, kind: z.literal('desk-admitted'), deskKey: hex64, name: personName }).strict(),
  z
    .object({
      ...header,
      kind: z.literal('desk-revoked'),
      deskKey: hex64,
      lengths: scopeLengths,
      reason: z.string().trim().max(500),
    })
    .strict(),
]);

export type RosterEvent = z.output<typeof RosterEventSchema>;

/** The bytes a desk appends for a roster change: JSON, keys in a fixed order. */
export function encodeRosterEvent(event: RosterEvent): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(RosterEventSchema.parse(event)));
}

/** Reads a roster record as received from another desk; the error says what is wrong with it. */
export function decodeRosterEvent(bytes: Uint8Array): Result<RosterEvent, string> {
  const read = parseJsonBytes(bytes, MAX_ROSTER_EVENT_BYTES, {
    tooLarge: 'team.roster.tooLarge',
    notJson: 'team.roster.notJson',
  });
  if (!read.ok) return read;
  const raw = read.value;
  if (typeof raw !== 'object' || raw === null || (raw as Record<string, unknown>)['format'] !== ROSTER_EVENT_FORMAT)
    return err(format('team.roster.otherFormat', { format: ROSTER_EVENT_FORMAT }));
  return checkRosterEvent(raw);
}

/** Checks a roster change against the format, whether written here or received; the error says what is wrong. */
export function checkRosterEvent(raw: unknown): Result<RosterEvent, string> {
  const parsed = RosterEventSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .slice(0, 3)
      .map((issue) => format('text.issue', { path: issue.path.map(String).join('.') || '—', message: issue.message }));
    return err(format('team.roster.invalid', { problems: problems.join('; ') }));
  }
  return ok(parsed.data);
}

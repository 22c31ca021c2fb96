import { TZDate } from '@date-fns/tz';
import { add, type Duration } from 'date-fns';

import { err, ok, type Result } from '../result';
import type { EpochMs } from '../time';
import { OFFSET_LIMITS, OFFSET_UNITS, type DueOffset, type OffsetUnit } from '../../schemas/checklists';
import { describeByCode, format } from '../../i18n/format';
import { choiceLabels } from '../../i18n/choices';

/** The calendar duration an offset stands for, as date-fns adds it. */
export function offsetDuration(offset: DueOffset): Duration {
  return { [offset.unit]: offset.amount };
}

/**
 * When an item falls due: the incident's start plus the offset, added on the incident's own
 * clock. Hours are elapsed hours; days, weeks, months and years are calendar steps in the
 * incident's zone, so "+1 month" across a daylight-saving change keeps the wall-clock time, and
 * "+1 month" from 31 January is the last day of February (date-fns clamps to the month's end).
 * null when the item has no due time.
 */
export function dueAt(startAt: EpochMs, offset: DueOffset | null, timeZone: string): EpochMs | null {
  if (offset === null) return null;
  return add(new TZDate(startAt, timeZone), offsetDuration(offset)).getTime();
}

/** Unit names as the forms show them. */
export const OFFSET_UNIT_LABELS = choiceLabels('offsetUnit', OFFSET_UNITS);

/** "+1 hour", "+6 months"; "at the start" for zero; "before an incident" when there is no offset. */
export function offsetLabel(offset: DueOffset | null): string {
  if (offset === null) return format('checklists.offset.none');
  if (offset.amount === 0) return format('checklists.offset.atStart');
  return format('checklists.offset.after', { unit: offset.unit, amount: offset.amount });
}

/** Why a typed offset was refused. */
export type OffsetError =
  | { code: 'not-a-number'; input: string }
  | { code: 'negative' }
  | { code: 'too-far'; limit: number; unit: OffsetUnit }
  | { code: 'bad-unit'; input: string };

/**
 * Reads an offset as typed into a form: a whole number and a unit. An empty amount means "no
 * due time". Refuses what cannot be meant: fractions, negatives, more than ten years.
 */
export function parseOffset(amount: string, unit: string): Result<DueOffset | null, OffsetError> {
  const text = amount.trim();
  if (text === '') return ok(null);
  if (!(OFFSET_UNITS as readonly string[]).includes(unit)) return err({ code: 'bad-unit', input: unit });
  const u = unit as OffsetUnit;
  if (/^-\s*\d+$/.test(text)) return err({ code: 'negative' });
  if (!/^\d+$/.test(text)) return err({ code: 'not-a-number', input: text });
  const n = Number(text);
  if (n > OFFSET_LIMITS[u]) return err({ code: 'too-far', limit: OFFSET_LIMITS[u], unit: u });
  return ok({ unit: u, amount: n });
}

/** The refusal in words, for the form to show beside the field. */
export const describeOffsetError = describeByCode<OffsetError>({
  'not-a-number': 'checklists.offset.notANumber',
  negative: 'checklists.offset.negative',
  'too-far': 'checklists.offset.tooFar',
  'bad-unit': 'checklists.offset.badUnit',
});

/**
 * A span of time as a responder says it, in its two largest units: "19 m", "2 h 19 m", "3 d 4 h";
 * "under 1 m" below a minute. Whole minutes of elapsed time (rounded down), so they are exact
 * across a change of the clocks; the sign of `ms` does not matter ("in 35 m", "overdue by 35 m").
 */
export function elapsedText(ms: number): string {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const largest = days > 0 ? 'days' : hours > 0 ? 'hours' : minutes > 0 ? 'minutes' : 'none';
  return format('checklists.elapsed', { largest, days, hours, minutes: minutes % 60 });
}

/** How late something was done ("2 h 19 m", see `elapsedText`); null when it was done in time or within a minute. */
export function lateness(dueAt: number, doneAt: number): string | null {
  return doneAt - dueAt < 60_000 ? null : elapsedText(doneAt - dueAt);
}

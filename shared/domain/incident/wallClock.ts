import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

import { err, ok, type Result } from '../result';
import { HOUR_MS, MINUTE_MS, type EpochMs } from '../time';

export type WallClockError =
  | { code: 'bad-date'; input: string }
  | { code: 'bad-time'; input: string }
  | { code: 'nonexistent-time'; input: string; timeZone: string };

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^(\d{1,2}):(\d{2})$/;

/**
 * Turns a wall-clock date and time read in `timeZone` into a UTC instant.
 * A time that does not exist there (skipped when clocks go forward) is refused rather than
 * silently moved; a time that happens twice (clocks go back) takes the first occurrence.
 */
export function wallClockToInstant(date: string, time: string, timeZone: string): Result<EpochMs, WallClockError> {
  const d = DATE_RE.exec(date.trim());
  if (!d) return err({ code: 'bad-date', input: date });
  const t = TIME_RE.exec(time.trim());
  if (!t) return err({ code: 'bad-time', input: time });
  const [year, month, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
  const [hour, minute] = [Number(t[1]), Number(t[2])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return err({ code: 'bad-date', input: date });
  if (hour > 23 || minute > 59) return err({ code: 'bad-time', input: time });
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCDate() !== day) return err({ code: 'bad-date', input: date });

  const instant = new TZDate(year, month - 1, day, hour, minute, timeZone).getTime();
  const wanted = `${date.trim()} ${String(hour).padStart(2, '0')}:${t[2] ?? '00'}`;
  if (formatWallClock(instant, timeZone, 'yyyy-MM-dd HH:mm') !== wanted) {
    return err({ code: 'nonexistent-time', input: wanted, timeZone });
  }
  return ok(earliestOccurrence(instant, timeZone));
}

/** Where a wall-clock time happens twice, the earlier instant (an hour before) wins. */
function earliestOccurrence(instant: EpochMs, timeZone: string): EpochMs {
  const hourEarlier = instant - HOUR_MS;
  const same = formatWallClock(hourEarlier, timeZone, 'yyyy-MM-dd HH:mm') === formatWallClock(instant, timeZone, 'yyyy-MM-dd HH:mm');
  return same ? hourEarlier : instant;
}

const HALF_DAY_MS = 12 * HOUR_MS;

const QUARTER_HOUR_MS = 15 * MINUTE_MS;
const wallFormatters = new Map<string, Intl.DateTimeFormat>();
const offsetCache = new Map<string, number>();

/** How far `timeZone`'s clock is ahead of UTC at `instant`, in ms. */
function offsetAt(instant: number, timeZone: string): number {
  // Clocks change only on a quarter hour: one reading per zone and quarter hour serves every
  // instant in it (an import of 20,000 rows asks a few hundred times, not 60,000).
  const quarter = Math.floor(instant / QUARTER_HOUR_MS);
  const key = `${timeZone} ${String(quarter)}`;
  const known = offsetCache.get(key);
  if (known !== undefined) return known;
  if (offsetCache.size > 100_000) offsetCache.clear();
  const offset = readOffsetAt(quarter * QUARTER_HOUR_MS, timeZone);
  offsetCache.set(key, offset);
  return offset;
}

function readOffsetAt(instant: number, timeZone: string): number {
  let f = wallFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' });
    wallFormatters.set(timeZone, f);
  }
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(instant)) if (part.type !== 'literal') p[part.type] = Number(part.value);
  const wall = Date.UTC(p['year'] ?? 0, (p['month'] ?? 1) - 1, p['day'] ?? 1, p['hour'] ?? 0, p['minute'] ?? 0);
  return wall - instant;
}

/**
 * Every instant at which the clock in `timeZone` reads `hh:mm` on `date` (YYYY-MM-DD): none in
 * the gap when clocks go forward, two in the hour they go back, one otherwise. The offsets half a
 * day either side cover any change that day; each candidate is kept only if the clock agrees.
 */
export function instantsAtWallClock(date: string, hour: number, minute: number, timeZone: string): EpochMs[] {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const naive = Date.UTC(y, m - 1, d, hour, minute);
  const candidates = new Set([naive - offsetAt(naive - HALF_DAY_MS, timeZone), naive - offsetAt(naive + HALF_DAY_MS, timeZone)]);
  return [...candidates].filter((t) => offsetAt(t, timeZone) === naive - t).sort((a, b) => a - b);
}

/** Formats an instant as read on a clock in `timeZone`, with a date-fns pattern. */
export function formatWallClock(instant: EpochMs, timeZone: string, pattern: string): string {
  return format(new TZDate(instant, timeZone), pattern);
}

/** The date ("2026-03-29") and time ("14:05") inputs that show `instant` in `timeZone`. */
export function instantToWallClock(instant: EpochMs, timeZone: string): { date: string; time: string } {
  return {
    date: formatWallClock(instant, timeZone, 'yyyy-MM-dd'),
    time: formatWallClock(instant, timeZone, 'HH:mm'),
  };
}

export function describeWallClockError(e: WallClockError): string {
  switch (e.code) {
    case 'bad-date':
      return `"${e.input}" is not a valid date (use the date picker, or YYYY-MM-DD).`;
    case 'bad-time':
      return `"${e.input}" is not a valid time (use 24-hour HH:MM, e.g. 14:05).`;
    case 'nonexistent-time':
      return `${e.input} does not exist in ${e.timeZone}: the clocks skip that hour. Enter the time as it was read, for example an hour later.`;
  }
}

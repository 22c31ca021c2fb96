import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

import { err, ok, type Result } from '../result';
import { HOUR_MS, MINUTE_MS, type EpochMs } from '../time';
import { FALLBACK_LOCALE, formatDateOnly, formatTimeOfDay, type DeskLocale } from '../locale/deskLocale';
import { format as formatMessage } from '../../i18n/format';
import {
  describeDateError,
  describeTimeError,
  readDate,
  readTime,
  type DateReadError,
  type TimeReadError,
} from '../locale/readDateTime';

export type WallClockError =
  | { code: 'bad-date'; input: string; reason: DateReadError }
  | { code: 'bad-time'; input: string; reason: TimeReadError }
  | { code: 'nonexistent-time'; date: string; time: string; timeZone: string };

/**
 * Turns a wall-clock date and time, as typed in the desk's locale (ISO always read), read in
 * `timeZone` into a UTC instant. A time that does not exist there (skipped when clocks go
 * forward) is refused rather than silently moved; a time that happens twice (clocks go back)
 * takes the first occurrence.
 */
export function wallClockToInstant(
  date: string,
  time: string,
  timeZone: string,
  locale: DeskLocale = FALLBACK_LOCALE,
): Result<EpochMs, WallClockError> {
  const d = readDate(date, locale);
  if (!d.ok) return err({ code: 'bad-date', input: date, reason: d.error });
  const t = readTime(time);
  if (!t.ok) return err({ code: 'bad-time', input: time, reason: t.error });
  const [year, month, day] = d.value.split('-').map(Number) as [number, number, number];
  const [hour, minute] = t.value.split(':').map(Number) as [number, number];

  const instant = new TZDate(year, month - 1, day, hour, minute, timeZone).getTime();
  if (formatWallClock(instant, timeZone, 'yyyy-MM-dd HH:mm') !== `${d.value} ${t.value}`) {
    return err({ code: 'nonexistent-time', date: d.value, time: t.value, timeZone });
  }
  return ok(earliestOccurrence(instant, timeZone));
}

/** Where a wall-clock time happens twice, the earlier instant (an hour before) wins. */
function earliestOccurrence(instant: EpochMs, timeZone: string): EpochMs {
  const hourEarlier = instant - HOUR_MS;
  const same =
    formatWallClock(hourEarlier, timeZone, 'yyyy-MM-dd HH:mm') ===
    formatWallClock(instant, timeZone, 'yyyy-MM-dd HH:mm');
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
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
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
  const candidates = new Set([
    naive - offsetAt(naive - HALF_DAY_MS, timeZone),
    naive - offsetAt(naive + HALF_DAY_MS, timeZone),
  ]);
  return [...candidates].filter((t) => offsetAt(t, timeZone) === naive - t).sort((a, b) => a - b);
}

/** Formats an instant as read on a clock in `timeZone`, with a date-fns pattern. */
export function formatWallClock(instant: EpochMs, timeZone: string, pattern: string): string {
  return format(new TZDate(instant, timeZone), pattern);
}

/**
 * The date and time fields that show `instant` in `timeZone`: in the desk's locale when one is
 * given ("04/07/2026", "2:05 PM"), else ISO ("2026-07-04", "14:05").
 */
export function instantToWallClock(
  instant: EpochMs,
  timeZone: string,
  locale?: DeskLocale,
): { date: string; time: string } {
  const date = formatWallClock(instant, timeZone, 'yyyy-MM-dd');
  const time = formatWallClock(instant, timeZone, 'HH:mm');
  return locale === undefined
    ? { date, time }
    : { date: formatDateOnly(date, locale), time: formatTimeOfDay(time, locale) };
}

export function describeWallClockError(e: WallClockError, locale: DeskLocale = FALLBACK_LOCALE): string {
  switch (e.code) {
    case 'bad-date':
      return describeDateError(e.reason, locale);
    case 'bad-time':
      return describeTimeError(e.reason, locale);
    case 'nonexistent-time':
      return formatMessage('dates.wallClock.nonexistent', {
        date: formatDateOnly(e.date, locale),
        time: formatTimeOfDay(e.time, locale),
        timeZone: e.timeZone,
      });
  }
}

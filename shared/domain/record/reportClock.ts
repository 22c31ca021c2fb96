import { TZDate } from '@date-fns/tz';

import { dayLabel, elapsedLabel } from '../incident/phase';
import { formatWallClock } from '../incident/wallClock';
import { formatInstant, localeConventions, type DeskLocale, type InstantStyle } from '../locale/deskLocale';
import { DAY_MS, MINUTE_MS } from '../time';

/**
 * The incident's clock for a report of 100,000 lines: the same text as formatWallClock and
 * elapsedLabel, written from the zone's offset (looked up once per quarter hour: every zone's
 * offsets and changes fall on quarter hours), without building a zoned date for every line.
 */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const QUARTER_HOUR = 15 * MINUTE_MS;
const two = (n: number) => (n < 10 ? `0${n}` : String(n));

export type ReportPattern =
  | 'd MMM yyyy HH:mm'
  | 'd MMM HH:mm'
  | 'd MMM yyyy HH:mm:ss'
  | 'd MMM yyyy'
  | 'yyyy-MM-dd HH:mm'
  | "yyyy-MM-dd'T'HH:mm:ssXXX";

const LOCALE_STYLES: Partial<Record<string, InstantStyle>> = {
  'd MMM yyyy HH:mm': 'date-time',
  'd MMM HH:mm': 'day-month-time',
  'd MMM yyyy HH:mm:ss': 'date-time-seconds',
  'd MMM yyyy': 'date',
};

/**
 * `locale`: the desk's. A locale that writes day first on a 24-hour clock reads as the fast path
 * below; any other (12-hour, month first) is written by formatInstant, line by line.
 */
export function reportClock(timeZone: string, startAt: number, locale?: DeskLocale) {
  const conventions = locale === undefined ? null : localeConventions(locale);
  const own =
    locale !== undefined && conventions !== null && (conventions.hour12 || conventions.order === 'MDY') ? locale : null;
  const offsets = new Map<number, number>();
  const offsetAt = (t: number): number => {
    const bucket = Math.floor(t / QUARTER_HOUR);
    let offset = offsets.get(bucket);
    if (offset === undefined) {
      offset = -new TZDate(bucket * QUARTER_HOUR, timeZone).getTimezoneOffset() * 60_000;
      offsets.set(bucket, offset);
    }
    return offset;
  };
  const localDay = (t: number) => Math.floor((t + offsetAt(t)) / DAY_MS);
  const startDay = localDay(startAt);

  const at = (t: number, pattern: string = 'd MMM yyyy HH:mm'): string => {
    const style = own === null ? undefined : LOCALE_STYLES[pattern];
    if (own !== null && style !== undefined) return formatInstant(t, timeZone, style, own);
    const d = new Date(t + offsetAt(t));
    const date = `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()] ?? ''}`;
    const time = `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
    switch (pattern) {
      case 'd MMM yyyy HH:mm':
        return `${date} ${d.getUTCFullYear()} ${time}`;
      case 'd MMM HH:mm':
        return `${date} ${time}`;
      case 'd MMM yyyy HH:mm:ss':
        return `${date} ${d.getUTCFullYear()} ${time}:${two(d.getUTCSeconds())}`;
      case 'd MMM yyyy':
        return `${date} ${d.getUTCFullYear()}`;
      case 'yyyy-MM-dd HH:mm':
        return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())} ${time}`;
      case "yyyy-MM-dd'T'HH:mm:ssXXX": {
        const offset = offsetAt(t) / 60_000;
        const zone =
          offset === 0
            ? 'Z'
            : `${offset < 0 ? '-' : '+'}${two(Math.floor(Math.abs(offset) / 60))}:${two(Math.abs(offset) % 60)}`;
        return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}T${time}:${two(d.getUTCSeconds())}${zone}`;
      }
      default:
        return formatWallClock(t, timeZone, pattern);
    }
  };

  /** "T+3h 12m" in the first day, then "Day 4", as elapsedLabel says it. */
  const elapsed = (t: number): string => {
    const minutes = Math.floor((t - startAt) / 60_000);
    if (minutes < 24 * 60) return elapsedLabel(startAt, t, timeZone);
    return dayLabel(localDay(t) - startDay + 1);
  };
  return { at, elapsed };
}

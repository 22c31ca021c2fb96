import { err, ok, type Result } from '../result';
import { dateFormatLabel, formatDateOnly, localeConventions, type DeskLocale } from './deskLocale';
import { format } from '../../i18n/format';

/**
 * Reading what a person types into a date or time field, leniently: in the desk locale's order
 * (4/7/2026 or 4.7.2026 is 4 July in en-GB and 7 April in en-US), ISO 8601 (2026-07-04) always,
 * and a time as 14:05, 14.05, 1405, 2:05 pm or 2pm. The result is the canonical form the domain
 * works with (YYYY-MM-DD and HH:MM, 24-hour).
 */
export type DateReadError =
  | { code: 'empty' }
  | { code: 'unreadable'; input: string }
  | { code: 'no-such-month'; input: string; month: number }
  | { code: 'no-such-day'; input: string; year: number; month: number; daysInMonth: number };

export type TimeReadError = { code: 'empty' } | { code: 'unreadable'; input: string };

const two = (n: number) => String(n).padStart(2, '0');

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

export function readDate(text: string, locale: DeskLocale): Result<string, DateReadError> {
  const input = text.trim();
  if (input === '') return err({ code: 'empty' });
  const parts = input.split(/\s*[./\-\s]\s*/).filter((p) => p !== '');
  if (parts.length !== 3 || !parts.every((p) => /^\d{1,4}$/.test(p))) return err({ code: 'unreadable', input });
  const [a, b, c] = parts as [string, string, string];
  let year: number, month: number, day: number;
  if (a.length === 4) {
    // A four-digit first number is a year: ISO order, whatever the locale.
    [year, month, day] = [Number(a), Number(b), Number(c)];
  } else if (c.length === 4 || c.length === 2) {
    const order = localeConventions(locale).order;
    [month, day] = order === 'MDY' ? [Number(a), Number(b)] : [Number(b), Number(a)];
    year = c.length === 2 ? 2000 + Number(c) : Number(c);
  } else {
    return err({ code: 'unreadable', input });
  }
  if (year < 1900 || year > 2999) return err({ code: 'unreadable', input });
  if (month < 1 || month > 12) return err({ code: 'no-such-month', input, month });
  const days = daysIn(year, month);
  if (day < 1 || day > days) return err({ code: 'no-such-day', input, year, month, daysInMonth: days });
  return ok(`${String(year)}-${two(month)}-${two(day)}`);
}

const TIME_RE = /^(\d{1,2})(?:\s*[:.h]\s*(\d{2}))?\s*(a\.?m\.?|p\.?m\.?|a|p)?$/i;
const COMPACT_RE = /^(\d{1,2})(\d{2})\s*(a\.?m\.?|p\.?m\.?|a|p)?$/i;

export function readTime(text: string): Result<string, TimeReadError> {
  const input = text.trim();
  if (input === '') return err({ code: 'empty' });
  const m = TIME_RE.exec(input) ?? COMPACT_RE.exec(input);
  if (!m) return err({ code: 'unreadable', input });
  let hour = Number(m[1]);
  const minute = m[2] === undefined ? 0 : Number(m[2]);
  const half = m[3]?.toLowerCase().startsWith('p') ? 'pm' : m[3] ? 'am' : null;
  // A bare number is a time only with am/pm ("2pm"); "14" alone may be a slip of the keyboard.
  if (m[2] === undefined && half === null && !COMPACT_RE.test(input)) return err({ code: 'unreadable', input });
  if (minute > 59) return err({ code: 'unreadable', input });
  if (half !== null) {
    if (hour < 1 || hour > 12) return err({ code: 'unreadable', input });
    hour = (hour % 12) + (half === 'pm' ? 12 : 0);
  } else if (hour > 23) return err({ code: 'unreadable', input });
  return ok(`${two(hour)}:${two(minute)}`);
}

/** What is wrong with a typed date, in the same format as the field asks for. */
export function describeDateError(e: DateReadError, locale: DeskLocale): string {
  const how = format('dates.date.how', {
    pattern: dateFormatLabel(locale),
    example: formatDateOnly('2026-07-04', locale),
  });
  switch (e.code) {
    case 'empty':
      return format('dates.date.empty', { how });
    case 'unreadable':
      return format('dates.date.unreadable', { input: e.input, how });
    case 'no-such-month':
      return format('dates.date.noSuchMonth', { input: e.input, month: String(e.month), how });
    case 'no-such-day':
      return format('dates.date.noSuchDay', {
        input: e.input,
        month: format('dates.month', { month: String(e.month) }),
        year: String(e.year),
        days: String(e.daysInMonth),
        how,
      });
  }
}

export function describeTimeError(e: TimeReadError, locale: DeskLocale): string {
  const how = format('dates.time.how', { hour12: localeConventions(locale).hour12 ? 'yes' : 'no' });
  return e.code === 'empty'
    ? format('dates.time.empty', { how })
    : format('dates.time.unreadable', { input: e.input, how });
}

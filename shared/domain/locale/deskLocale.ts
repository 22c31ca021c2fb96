import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

import type { EpochMs } from '../time';
import { format as formatMessage } from '../../i18n/format';

/**
 * The desk's locale: a BCP 47 tag (en-US, en-GB, nb-NO, fr-FR, de-DE…) chosen at first run from
 * the system's and changeable in Settings. It decides the clock (12- or 24-hour), the order of a
 * numeric date, and the first day of the week, everywhere a person reads or types a time. Month
 * and day names stay in the language of the desk's text (English) until the UI is translated.
 * Machine-readable files never follow it: CSV and JSON keep ISO 8601 with the offset.
 */
export type DeskLocale = string;

/** The locales offered in Settings; any other valid tag the system gives is accepted too. */
export const OFFERED_LOCALES: readonly { tag: DeskLocale; name: string }[] = [
  { tag: 'en-US', name: 'English (United States)' },
  { tag: 'en-GB', name: 'English (United Kingdom)' },
  { tag: 'en-CA', name: 'English (Canada)' },
  { tag: 'en-AU', name: 'English (Australia)' },
  { tag: 'en-IE', name: 'English (Ireland)' },
  { tag: 'nb-NO', name: 'Norwegian Bokmål (Norway)' },
  { tag: 'nn-NO', name: 'Norwegian Nynorsk (Norway)' },
  { tag: 'sv-SE', name: 'Swedish (Sweden)' },
  { tag: 'da-DK', name: 'Danish (Denmark)' },
  { tag: 'fi-FI', name: 'Finnish (Finland)' },
  { tag: 'de-DE', name: 'German (Germany)' },
  { tag: 'de-AT', name: 'German (Austria)' },
  { tag: 'de-CH', name: 'German (Switzerland)' },
  { tag: 'fr-FR', name: 'French (France)' },
  { tag: 'fr-BE', name: 'French (Belgium)' },
  { tag: 'fr-CA', name: 'French (Canada)' },
  { tag: 'nl-NL', name: 'Dutch (Netherlands)' },
  { tag: 'nl-BE', name: 'Dutch (Belgium)' },
  { tag: 'es-ES', name: 'Spanish (Spain)' },
  { tag: 'es-MX', name: 'Spanish (Mexico)' },
  { tag: 'it-IT', name: 'Italian (Italy)' },
  { tag: 'pt-PT', name: 'Portuguese (Portugal)' },
  { tag: 'pt-BR', name: 'Portuguese (Brazil)' },
  { tag: 'pl-PL', name: 'Polish (Poland)' },
  { tag: 'ar', name: 'Arabic' },
  { tag: 'tr-TR', name: 'Turkish (Turkey)' },
  { tag: 'ja-JP', name: 'Japanese (Japan)' },
  { tag: 'en-NZ', name: 'English (New Zealand)' },
];

/** What a desk uses when nothing better is known: 24-hour, day first. */
export const FALLBACK_LOCALE: DeskLocale = 'en-GB';

/** The canonical form of a BCP 47 tag ("en-gb" → "en-GB"), or null when it is not one. */
export function canonicalLocale(tag: string): DeskLocale | null {
  if (tag.trim() === '' || tag.length > 35) return null;
  try {
    return Intl.getCanonicalLocales(tag.trim())[0] ?? null;
  } catch {
    return null;
  }
}

/**
 * The locale a new desk starts with, from what the system prefers (navigator.languages): the
 * first tag that names a region ("en" alone says nothing about the clock), else the first valid.
 */
export function localeFromSystem(preferred: readonly string[]): DeskLocale {
  const valid = preferred.map(canonicalLocale).filter((t): t is string => t !== null);
  return valid.find((t) => new Intl.Locale(t).region !== undefined) ?? valid[0] ?? FALLBACK_LOCALE;
}

export type DateOrderKey = 'DMY' | 'MDY' | 'YMD';

export type LocaleConventions = {
  locale: DeskLocale;
  hour12: boolean;
  order: DateOrderKey;
  /** 0 = Sunday … 6 = Saturday, as date-fns counts. */
  weekStartsOn: 0 | 1 | 2 | 3 | 4 | 5 | 6;
  /** The date-fns pattern of a numeric date in this locale ("dd/MM/yyyy", "M/d/yyyy", "dd.MM.yyyy"). */
  numericDate: string;
};

const conventionsCache = new Map<string, LocaleConventions>();

// A day and month below ten tell whether the locale pads them (04/07/2026 or 7/4/2026).
const PROBE = Date.UTC(2026, 6, 4, 12);

/** How `locale` writes dates and times, read from the runtime's CLDR data (Intl). */
export function localeConventions(locale: DeskLocale): LocaleConventions {
  const known = conventionsCache.get(locale);
  if (known) return known;
  const tag = canonicalLocale(locale) ?? FALLBACK_LOCALE;
  const cycle = new Intl.DateTimeFormat(tag, { hour: 'numeric', timeZone: 'UTC' }).resolvedOptions().hourCycle;
  const parts = new Intl.DateTimeFormat(tag, {
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    timeZone: 'UTC',
    numberingSystem: 'latn',
    calendar: 'gregory',
  }).formatToParts(PROBE);
  let pattern = '';
  const order: string[] = [];
  for (const p of parts) {
    if (p.type === 'day') {
      pattern += p.value.length === 2 ? 'dd' : 'd';
      order.push('D');
    } else if (p.type === 'month') {
      pattern += p.value.length === 2 ? 'MM' : 'M';
      order.push('M');
    } else if (p.type === 'year') {
      pattern += 'yyyy';
      order.push('Y');
    } else if (p.type === 'literal') pattern += `'${p.value.replace(/'/g, "''").replace(/[\u200e\u200f\u061c]/g, '')}'`;
  }
  const orderKey = order.join('');
  const conventions: LocaleConventions = {
    locale: tag,
    hour12: cycle === 'h11' || cycle === 'h12',
    order: orderKey === 'MDY' || orderKey === 'YMD' ? orderKey : 'DMY',
    weekStartsOn: firstDayOfWeek(tag),
    numericDate: orderKey === 'DMY' || orderKey === 'MDY' || orderKey === 'YMD' ? pattern : 'dd/MM/yyyy',
  };
  conventionsCache.set(locale, conventions);
  return conventions;
}

type WeekInfo = { firstDay: number };
type LocaleWithWeek = Intl.Locale & { weekInfo?: WeekInfo; getWeekInfo?: () => WeekInfo };

function firstDayOfWeek(tag: string): LocaleConventions['weekStartsOn'] {
  const l = new Intl.Locale(tag) as LocaleWithWeek;
  // Runtimes name it getWeekInfo() (the standard) or weekInfo (older engines); CLDR counts 1 = Monday … 7 = Sunday.
  const info = typeof l.getWeekInfo === 'function' ? l.getWeekInfo() : l.weekInfo;
  const first = info?.firstDay ?? (['US', 'CA', 'MX', 'BR', 'JP', 'PH', 'IL', 'SA'].includes(l.region ?? '') ? 7 : 1);
  return (first % 7) as LocaleConventions['weekStartsOn'];
}

/** The ways a desk shows an instant; each follows the locale's clock and date order. */
export type InstantStyle =
  | 'time' // 14:05 · 2:05 PM
  | 'time-seconds' // 14:05:09 · 2:05:09 PM
  | 'date' // 4 Jul 2026 · Jul 4, 2026
  | 'numeric-date' // 04/07/2026 · 7/4/2026 · 04.07.2026
  | 'date-time' // 4 Jul 2026 14:05 · Jul 4, 2026, 2:05 PM
  | 'date-time-seconds'
  | 'day-month-time' // 4 Jul 14:05 · Jul 4, 2:05 PM
  | 'weekday-date-time' // Sat 4 Jul 2026, 14:05 · Sat, Jul 4, 2026, 2:05 PM
  | 'weekday-date-time-seconds'
  | 'day-heading' // Saturday 4 July 2026 · Saturday, July 4, 2026
  | 'month-year' // Jul 2026
  | 'month'; // Jul

/** The date-fns pattern for a style in a locale. */
export function instantPattern(style: InstantStyle, locale: DeskLocale): string {
  const c = localeConventions(locale);
  const us = c.order === 'MDY';
  const time = c.hour12 ? 'h:mm a' : 'HH:mm';
  const seconds = c.hour12 ? 'h:mm:ss a' : 'HH:mm:ss';
  const date = us ? 'MMM d, yyyy' : 'd MMM yyyy';
  const join = us ? ', ' : ' ';
  switch (style) {
    case 'time':
      return time;
    case 'time-seconds':
      return seconds;
    case 'date':
      return date;
    case 'numeric-date':
      return c.numericDate;
    case 'date-time':
      return `${date}${join}${time}`;
    case 'date-time-seconds':
      return `${date}${join}${seconds}`;
    case 'day-month-time':
      return us ? `MMM d, ${time}` : `d MMM ${time}`;
    case 'weekday-date-time':
      return us ? `EEE, MMM d, yyyy, ${time}` : `EEE d MMM yyyy, ${time}`;
    case 'weekday-date-time-seconds':
      return us ? `EEE, MMM d, yyyy, ${seconds}` : `EEE d MMM yyyy, ${seconds}`;
    case 'day-heading':
      return us ? 'EEEE, MMMM d, yyyy' : 'EEEE d MMMM yyyy';
    case 'month-year':
      return 'MMM yyyy';
    case 'month':
      return 'MMM';
  }
}

/** An instant as read on the clock of `timeZone`, written the locale's way. */
export function formatInstant(at: EpochMs, timeZone: string, style: InstantStyle, locale: DeskLocale): string {
  return format(new TZDate(at, timeZone), instantPattern(style, locale));
}

/** A calendar date ("2026-07-04") written the locale's numeric way ("04/07/2026", "7/4/2026"). */
export function formatDateOnly(isoDate: string, locale: DeskLocale): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) return isoDate;
  return format(new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])), localeConventions(locale).numericDate);
}

/** A time of day ("14:05") written the locale's way ("14:05", "2:05 PM"). */
export function formatTimeOfDay(hhmm: string, locale: DeskLocale): string {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!m) return hhmm;
  return format(
    new Date(2000, 0, 1, Number(m[1]), Number(m[2])),
    localeConventions(locale).hour12 ? 'h:mm a' : 'HH:mm',
  );
}

/** What a date field shows as its format: "DD/MM/YYYY", "MM/DD/YYYY", "DD.MM.YYYY". */
export function dateFormatLabel(locale: DeskLocale): string {
  return localeConventions(locale)
    .numericDate.replace(/'([^']*)'/g, '$1')
    .replace(/d+/g, 'DD')
    .replace(/M+/g, 'MM')
    .replace(/y+/g, 'YYYY');
}

/** "DD/MM/YYYY, e.g. 04/07/2026": the hint under a date field. */
export function dateHint(locale: DeskLocale): string {
  return formatMessage('dates.hint.date', {
    pattern: dateFormatLabel(locale),
    example: formatDateOnly('2026-07-04', locale),
  });
}

/** The hint under a time field: "24-hour, e.g. 14:05" or "e.g. 2:05 PM or 14:05". */
export function timeHint(locale: DeskLocale): string {
  return formatMessage('dates.hint.time', { hour12: localeConventions(locale).hour12 ? 'yes' : 'no' });
}

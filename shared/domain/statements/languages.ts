import { TZDate } from '@date-fns/tz';
import { format, type Locale } from 'date-fns';
import { ar, da, de, enGB, es, faIR, fr, he, nb, nl, pl, sv, tr, uk } from 'date-fns/locale';

import type { EpochMs } from '../time';

/** A language statements can be written in: how it is named, which way it runs, how dates read. */
export type StatementLanguage = {
  readonly code: string;
  /** The name in English, for the desk's own screens. */
  readonly name: string;
  /** The name as its speakers write it. */
  readonly nativeName: string;
  readonly dir: 'ltr' | 'rtl';
  readonly locale: Locale;
};

/**
 * The languages the desk formats dates for. Others can still be used for a template; their dates
 * are written the English way until added here.
 */
export const STATEMENT_LANGUAGES: readonly StatementLanguage[] = [
  { code: 'en', name: 'English', nativeName: 'English', dir: 'ltr', locale: enGB },
  { code: 'ar', name: 'Arabic', nativeName: 'العربية', dir: 'rtl', locale: ar },
  { code: 'da', name: 'Danish', nativeName: 'Dansk', dir: 'ltr', locale: da },
  { code: 'de', name: 'German', nativeName: 'Deutsch', dir: 'ltr', locale: de },
  { code: 'es', name: 'Spanish', nativeName: 'Español', dir: 'ltr', locale: es },
  { code: 'fa', name: 'Persian', nativeName: 'فارسی', dir: 'rtl', locale: faIR },
  { code: 'fr', name: 'French', nativeName: 'Français', dir: 'ltr', locale: fr },
  { code: 'he', name: 'Hebrew', nativeName: 'עברית', dir: 'rtl', locale: he },
  { code: 'nb', name: 'Norwegian (Bokmål)', nativeName: 'Norsk bokmål', dir: 'ltr', locale: nb },
  { code: 'nl', name: 'Dutch', nativeName: 'Nederlands', dir: 'ltr', locale: nl },
  { code: 'pl', name: 'Polish', nativeName: 'Polski', dir: 'ltr', locale: pl },
  { code: 'sv', name: 'Swedish', nativeName: 'Svenska', dir: 'ltr', locale: sv },
  { code: 'tr', name: 'Turkish', nativeName: 'Türkçe', dir: 'ltr', locale: tr },
  { code: 'uk', name: 'Ukrainian', nativeName: 'Українська', dir: 'ltr', locale: uk },
];

/** The base language of the library: every statement type has a version in it. */
export const BASE_LANGUAGE = 'en';

const RTL_PRIMARY = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'ckb', 'yi', 'dv', 'sd', 'ug']);

/** The language with this code; an unknown code reads as itself, written the English way. */
export function languageOf(code: string): StatementLanguage {
  const known =
    STATEMENT_LANGUAGES.find((l) => l.code === code) ?? STATEMENT_LANGUAGES.find((l) => l.code === code.split('-')[0]);
  if (known) return known;
  return {
    code,
    name: code,
    nativeName: code,
    dir: RTL_PRIMARY.has(code.split('-')[0] ?? '') ? 'rtl' : 'ltr',
    locale: enGB,
  };
}

/** "Arabic (العربية)", or just "English". */
export function languageLabel(code: string): string {
  const l = languageOf(code);
  return l.nativeName === l.name ? l.name : `${l.name} (${l.nativeName})`;
}

export const isRightToLeft = (code: string): boolean => languageOf(code).dir === 'rtl';

/** How a statement writes dates and times: a long date with the weekday, and a 24-hour clock. */
const PATTERNS = { date: 'PPPP', time: 'HH:mm' } as const;

/**
 * An instant as a statement in `language` writes it, read on the clock of `timeZone` (the
 * incident's zone, never the computer's): "Saturday, 28 March 2026", "السبت، 28 مارس 2026", "13:00".
 */
export function formatForStatement(
  instant: EpochMs,
  timeZone: string,
  language: string,
  what: 'date' | 'time',
): string {
  return format(new TZDate(instant, timeZone), PATTERNS[what], { locale: languageOf(language).locale });
}

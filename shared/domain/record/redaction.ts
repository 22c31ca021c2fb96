import { findPhoneNumbersInText, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/**
 * Personal data in free text: phone numbers and email addresses typed into an entry, a note or a
 * lesson, and the names and numbers of people marked "do not share". The council and public
 * editions replace each with a marker and list where every replacement was made.
 */

export const REDACTION_MARKERS = {
  phone: '[phone number withheld]',
  email: '[email withheld]',
  'do-not-share': '[name withheld]',
  name: '[name withheld]',
} as const;
export type ReplacementKind = keyof typeof REDACTION_MARKERS;

export type Replacement = { kind: ReplacementKind; where: string };
/** Where a text sits, in words; a function when working it out costs time and is rarely needed. */
export type Where = string | (() => string);
const place = (where: Where): string => (typeof where === 'string' ? where : where());

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
/** A SHA-256 in hex is not a phone number, whatever digits it holds. */
const HEX_HASH = /\b[0-9a-f]{64}\b/g;
/** What the number finder may take for a number but a reader knows to be a date or a time. */
const DATE_OR_TIME = /^(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{1,2}[:.]\d{2}(?:[:.]\d{2})?)$/;

/** Whether the text holds at least `least` digits; counts without building anything (it runs on every field of 100,000 entries). */
function hasDigits(value: string, least: number): boolean {
  let found = 0;
  for (let i = 0; i < value.length; i += 1) {
    const c = value.charCodeAt(i);
    if (c >= 48 && c <= 57 && (found += 1) >= least) return true;
  }
  // Digits of other scripts (Arabic-Indic, Devanagari…) are rare; count them only when there may be some.
  return /[^\p{ASCII}]/u.test(value) && (value.match(/\p{Nd}/gu)?.length ?? 0) >= least;
}

const OTHER_DIGIT = /(?![0-9])\p{Nd}/gu;
const IS_DIGIT = /^\p{Nd}$/u;

/**
 * A number typed in another script's digits ("٩٢٢ ٢٢ ٢٢٢", "९२२ २२ २२२") as ASCII digits, each in
 * its place, so the number finder (which reads only some scripts) sees every number. A script's
 * ten digits are consecutive code points, so a digit's value is its distance from the run's start.
 */
function asciiDigits(value: string): string {
  if (!/[^\p{ASCII}]/u.test(value)) return value;
  return value.replace(OTHER_DIGIT, (d) => {
    // A digit outside the basic plane takes two code units; left as it is, every position stays put.
    if (d.length > 1) return d;
    let start = d.charCodeAt(0);
    while (start > 0 && IS_DIGIT.test(String.fromCharCode(start - 1))) start -= 1;
    return String((d.charCodeAt(0) - start) % 10);
  });
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A person whose name and numbers never leave the desk in a council or public edition. */
export type Withheld = { name: string; phones: readonly string[] };

export type RedactorOptions = {
  country: CountryCode | null;
  doNotShare: readonly Withheld[];
  /** Further names to withhold (a public edition's listed victims, witnesses and suspects). */
  names: readonly string[];
};

export type Redactor = {
  /** The text with every phone number, email address and withheld name replaced; each replacement noted against `where`. */
  text: (value: string, where: Where) => string;
  /** Names only (a call-tree line naming a person): withheld names and do-not-share people. */
  name: (value: string, where: Where) => string;
  replacements: Replacement[];
};

/** A pattern matching any of the names as whole words, ignoring case; null when there are none. */
function namePattern(names: readonly string[]): RegExp | null {
  const clean = [...new Set(names.map((n) => n.trim()).filter((n) => n.length >= 2))].sort(
    (a, b) => b.length - a.length,
  );
  if (clean.length === 0) return null;
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${clean.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
}

/**
 * A do-not-share number as it may be typed: its national digits with any spacing or punctuation,
 * with or without the country code ("+47 922 22 222", "922.22.222", "0047 92222222").
 */
function numberPattern(numbers: readonly string[], country: CountryCode | null): RegExp | null {
  const national = new Set<string>();
  for (const n of numbers) {
    const parsed = parsePhoneNumberFromString(n, country ?? undefined);
    const digits: string = parsed?.nationalNumber ?? n.replace(/\D/g, '');
    if (digits.length >= 6) national.add(digits);
  }
  if (national.size === 0) return null;
  const sep = '[\\s.\\-/()]*';
  const alternatives = [...national].map((d) => d.split('').join(sep));
  return new RegExp(`(?<!\\d)(?:(?:\\+|00)\\d{1,3}${sep})?(?:${alternatives.join('|')})(?!\\d)`, 'g');
}

export function createRedactor(options: RedactorOptions): Redactor {
  const replacements: Replacement[] = [];
  const dnsNames = namePattern(options.doNotShare.map((p) => p.name));
  const otherNames = namePattern(options.names);
  const dnsNumbers = numberPattern(
    options.doNotShare.flatMap((p) => p.phones),
    options.country,
  );

  const replaceAll = (value: string, pattern: RegExp | null, kind: ReplacementKind, where: Where): string => {
    if (pattern === null) return value;
    pattern.lastIndex = 0;
    return value.replace(pattern, () => {
      replacements.push({ kind, where: place(where) });
      return REDACTION_MARKERS[kind];
    });
  };

  const phones = (value: string, where: Where): string => {
    const searchable = asciiDigits(value).replace(HEX_HASH, (h) => 'x'.repeat(h.length));
    const found =
      options.country === null
        ? findPhoneNumbersInText(searchable)
        : findPhoneNumbersInText(searchable, options.country);
    const spans = found.filter((m) => !DATE_OR_TIME.test(searchable.slice(m.startsAt, m.endsAt).trim()));
    if (spans.length === 0) return value;
    let out = '';
    let at = 0;
    for (const m of spans) {
      out += value.slice(at, m.startsAt) + REDACTION_MARKERS.phone;
      replacements.push({ kind: 'phone', where: place(where) });
      at = m.endsAt;
    }
    return out + value.slice(at);
  };

  const names = (value: string, where: Where) =>
    replaceAll(replaceAll(value, dnsNames, 'do-not-share', where), otherNames, 'name', where);

  return {
    text: (value, where) => {
      if (value === '') return value;
      let v = value;
      // Cheap test first: a phone number has at least six digits; most lines of a log have none.
      if (hasDigits(v, 6)) {
        v = replaceAll(v, dnsNumbers, 'phone', where);
        v = phones(v, where);
      }
      if (v.includes('@')) {
        EMAIL.lastIndex = 0;
        v = v.replace(EMAIL, () => {
          replacements.push({ kind: 'email', where: place(where) });
          return REDACTION_MARKERS.email;
        });
      }
      return names(v, where);
    },
    name: (value, where) => (value === '' ? value : names(value, where)),
    replacements,
  };
}

/** A redactor that changes nothing: the internal edition keeps every word as recorded. */
export const KEEP_EVERYTHING: Redactor = { text: (v) => v, name: (v) => v, replacements: [] };

import ct from 'countries-and-timezones';
import {
  getCountries,
  isSupportedCountry,
  parsePhoneNumberFromString,
  validatePhoneNumberLength,
  type CountryCode,
  type PhoneNumber,
} from 'libphonenumber-js';

import { err, ok, type Result } from '../result';
import type { ContactPhone } from '../../schemas/contacts';
import { format, type DomainMessageId } from '../../i18n/format';

/**
 * Phone numbers as people write them ("+1 312 555 0170 ext. 12", "312.555.0170",
 * "tel:+1-312-555-0170;ext=12", "38 07 50 00"), read with libphonenumber-js against the
 * desk's country. A number is stored as typed, with its E.164 form and extension beside it;
 * the desk shows it in the country's national form and dials the E.164 form.
 */

export type PhoneCountry = CountryCode;

/** Every country whose numbers the desk can read, by ISO 3166 code. */
export const PHONE_COUNTRIES: readonly PhoneCountry[] = getCountries();

export const isPhoneCountry = (code: string): code is PhoneCountry => isSupportedCountry(code);

/**
 * The country of an IANA time zone ("America/Chicago" → US, "Europe/Oslo" → NO), or null for
 * zones no country owns (UTC). A zone several countries share gives the first the tz
 * database lists for it, which is the country the zone is named after.
 */
export function countryForTimeZone(zone: string): PhoneCountry | null {
  const found = ct.getTimezone(zone)?.countries.find((c) => isPhoneCountry(c));
  return found !== undefined && isPhoneCountry(found) ? found : null;
}

/** The country numbers without a + are read in: the one the city chose, else its time zone's. */
export function deskPhoneCountry(
  settings: { phoneCountry?: string | undefined; defaultTimeZone: string } | null | undefined,
): PhoneCountry | null {
  if (!settings) return null;
  if (settings.phoneCountry !== undefined && isPhoneCountry(settings.phoneCountry)) return settings.phoneCountry;
  return countryForTimeZone(settings.defaultTimeZone);
}

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

/** "the United States", "Norway": how a message names the country. */
export function countryName(country: PhoneCountry): string {
  const name = regionNames.of(country) ?? country;
  return /^(United|Netherlands|Philippines|Czechia$|Bahamas|Gambia|Maldives|Marshall|Solomon|Comoros|Seychelles|Central African|Dominican Republic|Cayman|Falkland|Faroe|Cook|Turks|British|U\.S\.)/.test(
    name,
  )
    ? `the ${name}`
    : name;
}

export type PhoneProblem =
  | { code: 'empty' }
  | { code: 'not-a-number' }
  | { code: 'too-short'; country: PhoneCountry | null }
  | { code: 'too-long'; country: PhoneCountry | null }
  | { code: 'needs-country' }
  | { code: 'not-in-use'; country: PhoneCountry | null }
  | { code: 'long-extension' };

/** Problems worded without a country, or naming the country the number was read for. */
const COUNTRY_MESSAGES = {
  'too-short': { anywhere: 'contacts.phone.tooShort', inCountry: 'contacts.phone.tooShortIn' },
  'too-long': { anywhere: 'contacts.phone.tooLong', inCountry: 'contacts.phone.tooLongIn' },
  'not-in-use': { anywhere: 'contacts.phone.notInUse', inCountry: 'contacts.phone.notInUseIn' },
} as const satisfies Record<string, { anywhere: DomainMessageId; inCountry: DomainMessageId }>;

/** Why a number cannot be used, in words: "“12” is too short for a phone number in Norway". */
export function describePhoneProblem(text: string, problem: PhoneProblem): string {
  const values = { text: text.trim() };
  switch (problem.code) {
    case 'empty':
      return format('contacts.phone.empty');
    case 'not-a-number':
      return format('contacts.phone.notANumber', values);
    case 'too-short':
    case 'too-long':
    case 'not-in-use': {
      const words = COUNTRY_MESSAGES[problem.code];
      return problem.country === null
        ? format(words.anywhere, values)
        : format(words.inCountry, { ...values, country: countryName(problem.country) });
    }
    case 'needs-country':
      return format('contacts.phone.needsCountry', values);
    case 'long-extension':
      return format('contacts.phone.longExtension', values);
  }
}

export type ReadPhone = { e164: string; extension: string; country: PhoneCountry | null };

/** A tel: URI's parameters become the extension text libphonenumber-js reads. */
function fromTelUri(text: string): string {
  const m = /^tel:([^;]*)((?:;[^;]*)*)$/i.exec(text);
  if (!m) return text;
  const ext = /;ext=([^;]*)/i.exec(m[2] ?? '');
  return `${m[1] ?? ''}${ext ? ` ext. ${ext[1] ?? ''}` : ''}`;
}

/** Reads one number as written, against the desk's country for numbers without a +. */
export function readPhoneNumber(text: string, country: PhoneCountry | null): Result<ReadPhone, PhoneProblem> {
  const t = fromTelUri(text.trim()).replace(/\s+/g, ' ');
  if (t === '') return err({ code: 'empty' });
  // Letters are not read as keypad digits ("1-800-FLOWERS"), and no control or direction marks.
  const body = t.replace(/\s*(?:ext\.?|extension|x|#)\s*\d+$/i, '');
  if (!/^[+\d\s().\-/]+$/.test(body) || !/\d/.test(body)) return err({ code: 'not-a-number' });
  if (!t.startsWith('+') && country === null) return err({ code: 'needs-country' });
  const options = country === null ? undefined : country;
  const parsed: PhoneNumber | undefined = parsePhoneNumberFromString(t, options);
  if (!parsed) {
    const length = validatePhoneNumberLength(t, options);
    if (length === 'TOO_SHORT') return err({ code: 'too-short', country });
    if (length === 'TOO_LONG') return err({ code: 'too-long', country });
    return err({ code: 'not-a-number' });
  }
  const extension = parsed.ext ?? '';
  if (extension.length > 10) return err({ code: 'long-extension' });
  if (!parsed.isPossible()) {
    const length = validatePhoneNumberLength(t, options);
    return err({
      code: length === 'TOO_LONG' ? 'too-long' : length === 'TOO_SHORT' ? 'too-short' : 'not-in-use',
      country: parsed.country ?? country,
    });
  }
  if (!parsed.isValid()) return err({ code: 'not-in-use', country: parsed.country ?? country });
  return ok({ e164: parsed.number, extension, country: parsed.country ?? null });
}

/**
 * Several numbers in one cell: Google writes "+1 312-555-0170 ::: +1 312-555-0171"; people
 * write them on separate lines or with semicolons. A comma splits only when every part is a
 * number, since some people use it as a dialling pause.
 */
export function splitPhoneList(cell: string, country: PhoneCountry | null): string[] {
  const parts = cell
    .split(/\s*(?::::|;(?!ext=)|\r?\n)\s*/i)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  return parts.flatMap((p) => {
    if (!p.includes(',') || readPhoneNumber(p, country).ok) return [p];
    const pieces = p
      .split(',')
      .map((x) => x.trim())
      .filter((x) => x !== '');
    return pieces.length > 1 && pieces.every((x) => readPhoneNumber(x, country).ok) ? pieces : [p];
  });
}

/** The stored form of a number as typed, or why it cannot be read. */
export function structurePhone(
  label: string,
  number: string,
  country: PhoneCountry | null,
): Result<ContactPhone, PhoneProblem> {
  const read = readPhoneNumber(number, country);
  if (!read.ok) return read;
  return ok({
    label: label.trim(),
    number: readableNumber(number),
    e164: read.value.e164,
    extension: read.value.extension,
  });
}

/** A number kept as typed because the desk cannot read it: shown flagged, dialled as written. */
export function unreadPhone(label: string, number: string): ContactPhone {
  return { label: label.trim(), number: readableNumber(number), e164: null, extension: '' };
}

/** What is stored as typed: trimmed, one space between parts, a tel: URI written as people write it. */
function readableNumber(text: string): string {
  return fromTelUri(text.trim()).replace(/\s+/g, ' ').trim();
}

function asPhoneNumber(p: Pick<ContactPhone, 'e164' | 'extension'>): PhoneNumber | null {
  if (p.e164 === null) return null;
  const parsed = parsePhoneNumberFromString(p.e164);
  if (!parsed) return null;
  if (p.extension !== '') parsed.setExt(p.extension);
  return parsed;
}

/**
 * The number as the desk shows it: the national form for a number of the desk's own country
 * ("(312) 555-0170 ext. 12"), the international form for any other ("+44 20 7946 0958"),
 * and exactly as typed when the desk could not read it.
 */
export function shownNumber(
  p: Pick<ContactPhone, 'number' | 'e164' | 'extension'>,
  country: PhoneCountry | null,
): string {
  const n = asPhoneNumber(p);
  if (!n) return p.number;
  return country !== null && n.country === country ? n.formatNational() : n.formatInternational();
}

/** The international form, the same on every desk: "+1 312 555 0170 ext. 12". */
export function internationalNumber(p: Pick<ContactPhone, 'number' | 'e164' | 'extension'>): string {
  return asPhoneNumber(p)?.formatInternational() ?? p.number;
}

/** What a phone or softphone dials (RFC 3966): "tel:+13125550170;ext=12"; null when unreadable. */
export function dialUri(p: Pick<ContactPhone, 'e164' | 'extension'>): string | null {
  return asPhoneNumber(p)?.getURI() ?? null;
}

/**
 * The key under which two numbers are the same line however they are written: the E.164
 * number with its extension ("+13125550170;ext=12"). A number the desk cannot read keys by
 * its digits, so the same unreadable text still meets itself.
 */
export function phoneKeyOf(p: Pick<ContactPhone, 'number' | 'e164' | 'extension'>): string {
  if (p.e164 === null) return `?${p.number.replace(/\D/g, '')}`.slice(0, 40);
  return p.extension === '' ? p.e164 : `${p.e164};ext=${p.extension}`;
}

/** Apple's built-in labels, written as _$!<Mobile>!$_. */
const APPLE_LABELS: Record<string, string> = {
  Mobile: 'mobile',
  Home: 'home',
  Work: 'work',
  Main: 'main',
  Other: 'other',
  Pager: 'pager',
  iPhone: 'iPhone',
  AppleWatch: 'Apple Watch',
  HomeFAX: 'home fax',
  WorkFAX: 'work fax',
  OtherFAX: 'other fax',
  School: 'school',
};

/** Labels every address book has, written in lower case like the desk's own ("Mobile" → "mobile"). */
const COMMON_LABELS = new Set([
  'mobile',
  'work',
  'home',
  'main',
  'other',
  'pager',
  'fax',
  'work fax',
  'home fax',
  'other fax',
  'work mobile',
  'home mobile',
  'phone',
  'text',
  'car',
]);

/**
 * A label as people read it: Apple's "_$!<HomeFAX>!$_" → "home fax", Google's "* Mobile" (the
 * star marks the primary number) → "mobile"; a label of one's own ("After hours") as written.
 */
export function cleanLabel(label: string): string {
  const t = label
    .trim()
    .replace(/^\*\s*/, '')
    .replace(/\s+/g, ' ');
  const apple = /^_\$!<(.+)>!\$_$/.exec(t);
  if (apple) {
    const inner = apple[1] ?? '';
    return APPLE_LABELS[inner] ?? inner.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  }
  return COMMON_LABELS.has(t.toLowerCase()) ? t.toLowerCase() : t;
}

/** FORMAT: a number in an after-action record: its label and the number as the desk shows it. */
export type RecordPhone = { label: string; number: string };

export function phonesAsShown(phones: readonly ContactPhone[], country: PhoneCountry | null): RecordPhone[] {
  return phones.map((p) => ({ label: p.label, number: shownNumber(p, country) }));
}

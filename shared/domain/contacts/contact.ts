import type { Actor } from '../audit';
import { err, ok, type Result } from '../result';
import type { Contact, ContactPhone } from '../../schemas/contacts';
import { foldForSearch } from '../text/foldForSearch';
import { DAY_MS } from '../time';
import {
  describePhoneProblem,
  phoneKeyOf,
  readPhoneNumber,
  shownNumber,
  structurePhone,
  unreadPhone,
  type PhoneCountry,
} from './phone';
import { STAKEHOLDER_CATEGORY_IDS, categoryTitle } from './stakeholderCategories';
import { format } from '../../i18n/format';

/** Contacts not verified for this many days are flagged: a call tree with dead numbers fails when it is needed. */
export const DEFAULT_STALE_DAYS = 90;

/**
 * A number as the form or an import supplies it. `e164: null` asks to keep a number the desk
 * cannot read as typed (a number already stored so, or one the operator chose to keep from a
 * file); any other number must be readable.
 */
export type PhoneEntry = { label: string; number: string; e164?: string | null; extension?: string };

/** What a person types in the contact form (or an import row supplies). */
export type ContactFields = {
  name: string;
  organisation: string;
  role: string;
  category: string;
  phones: PhoneEntry[];
  email: string;
  radioCallSign: string;
  languages: string[];
  afterHours: string;
  notes: string;
  doNotShare: boolean;
  consentOnFile: boolean;
  intermediaryId: string | null;
  lastVerifiedAt: number | null;
};

/** The fields once checked: every number read (or deliberately kept as typed). */
export type ValidContactFields = Omit<ContactFields, 'phones'> & { phones: ContactPhone[] };

export type ContactFieldErrors = Partial<Record<keyof ContactFields, string>>;

export const CONTACT_FIELDS = [
  'name',
  'organisation',
  'role',
  'category',
  'phones',
  'email',
  'radioCallSign',
  'languages',
  'afterHours',
  'notes',
  'doNotShare',
  'consentOnFile',
  'intermediaryId',
  'lastVerifiedAt',
] as const satisfies readonly (keyof ContactFields)[];

export function emptyContactFields(): ContactFields {
  return {
    name: '',
    organisation: '',
    role: '',
    category: 'other',
    phones: [],
    email: '',
    radioCallSign: '',
    languages: [],
    afterHours: '',
    notes: '',
    doNotShare: false,
    consentOnFile: false,
    intermediaryId: null,
    lastVerifiedAt: null,
  };
}

/** A simple check for an email address: something@domain.tld, without spaces. */
export function emailProblem(email: string): string | null {
  const t = email.trim();
  if (t === '') return null;
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(t) ? null : format('contacts.form.notAnEmail', { text: t });
}

/**
 * Reads every number of the form against the desk's country. A number that cannot be read is
 * refused, with the reason, unless it asks to be kept as typed (`e164: null`).
 */
export function checkPhones(
  entries: readonly PhoneEntry[],
  country: PhoneCountry | null,
): { phones: ContactPhone[]; problems: string[] } {
  const phones: ContactPhone[] = [];
  const problems: string[] = [];
  const keys = new Set<string>();
  for (const [i, entry] of entries.entries()) {
    const number = entry.number.trim();
    if (number === '') continue;
    const label = entry.label.trim();
    // With several numbers on the form, each problem says which one it is about.
    const problem = (text: string) =>
      entries.length > 1 ? format('contacts.phone.numbered', { number: i + 1, problem: text }) : text;
    if (label.length > 40) problems.push(problem(format('contacts.phone.labelTooLong', { label: label.slice(0, 20) })));
    if (number.length > 60) {
      problems.push(problem(format('contacts.phone.numberTooLong', { text: number.slice(0, 20) })));
      continue;
    }
    const read = structurePhone(label, number, country);
    let phone: ContactPhone;
    if (read.ok) phone = read.value;
    else if (entry.e164 === null && !/[\p{Cc}\p{Cf}]/u.test(number)) phone = unreadPhone(label, number);
    else {
      problems.push(
        problem(format('contacts.phone.problem', { problem: capitalise(describePhoneProblem(number, read.error)) })),
      );
      continue;
    }
    const key = phoneKeyOf(phone);
    if (keys.has(key)) continue; // the same line listed twice: kept once, with its first label
    keys.add(key);
    phones.push(phone);
  }
  return { phones, problems };
}

const capitalise = (s: string) =>
  s.startsWith('“') ? format('contacts.phone.theNumber', { problem: s }) : s.charAt(0).toUpperCase() + s.slice(1);

/** Checks the form; on success returns the fields cleaned (trimmed, numbers read, empty ones dropped). */
export function validateContactFields(
  fields: ContactFields,
  now: number,
  country: PhoneCountry | null,
): Result<ValidContactFields, ContactFieldErrors> {
  const errors: ContactFieldErrors = {};
  const name = fields.name.trim();
  if (name === '') errors.name = format('contacts.form.noName');
  else if (name.length > 200) errors.name = format('contacts.form.nameTooLong', { limit: 200 });
  const { phones, problems } = checkPhones(fields.phones, country);
  if (problems.length > 0) errors.phones = problems.join(' ');
  if (phones.length > 10) errors.phones = format('contacts.form.tooManyPhones', { limit: 10 });
  const email = fields.email.trim();
  const badEmail = emailProblem(email);
  if (badEmail) errors.email = format('contacts.form.emailProblem', { problem: badEmail });
  if (phones.length === 0 && problems.length === 0 && email === '' && fields.radioCallSign.trim() === '')
    errors.phones = format('contacts.form.unreachable');
  if (!STAKEHOLDER_CATEGORY_IDS.includes(fields.category)) errors.category = format('contacts.form.category');
  if (fields.lastVerifiedAt !== null && fields.lastVerifiedAt > now + DAY_MS)
    errors.lastVerifiedAt = format('contacts.form.verifiedInFuture');
  if (Object.keys(errors).length > 0) return err(errors);
  return ok({
    ...fields,
    name,
    organisation: fields.organisation.trim(),
    role: fields.role.trim(),
    phones,
    email,
    radioCallSign: fields.radioCallSign.trim(),
    languages: [...new Set(fields.languages.map((l) => l.trim()).filter((l) => l !== ''))],
    afterHours: fields.afterHours.trim(),
    notes: fields.notes.trim(),
  });
}

const keysOf = (phones: readonly ContactPhone[]) => [...new Set(phones.map(phoneKeyOf))];

/** A new directory record from validated fields. */
export function createContact(fields: ValidContactFields, id: string, actor: Actor): Contact {
  return {
    id,
    ...fields,
    phoneKeys: keysOf(fields.phones),
    createdAt: actor.now,
    createdBy: actor.operator,
    updatedAt: actor.now,
    updatedBy: actor.operator,
  };
}

export function updateContact(current: Contact, fields: ValidContactFields, actor: Actor): Contact {
  return { ...current, ...fields, phoneKeys: keysOf(fields.phones), updatedAt: actor.now, updatedBy: actor.operator };
}

export function contactFieldsOf(c: Contact): ContactFields {
  const { id: _id, phoneKeys: _k, createdAt: _ca, createdBy: _cb, updatedAt: _ua, updatedBy: _ub, ...fields } = c;
  return fields;
}

/** True when nobody has checked the details for `staleDays` days (or ever). */
export function isStale(
  contact: Pick<Contact, 'lastVerifiedAt'>,
  now: number,
  staleDays: number = DEFAULT_STALE_DAYS,
): boolean {
  return contact.lastVerifiedAt === null || now - contact.lastVerifiedAt > staleDays * DAY_MS;
}

/** "never checked" or "checked 120 days ago". */
export function describeVerification(contact: Pick<Contact, 'lastVerifiedAt'>, now: number): string {
  if (contact.lastVerifiedAt === null) return format('contacts.verification.never');
  const days = Math.floor((now - contact.lastVerifiedAt) / DAY_MS);
  return format('contacts.verification.daysAgo', { days: Math.max(days, 0) });
}

export type Duplicate = { contact: Contact; reason: 'phone' | 'email'; value: string };

/** The keys of numbers as typed in a form: read against the desk's country, E.164 with extension. */
function entryKeys(phones: readonly PhoneEntry[], country: PhoneCountry | null): Map<string, string> {
  const keys = new Map<string, string>();
  for (const p of phones) {
    const number = p.number.trim();
    if (number === '') continue;
    const read = p.e164 === undefined ? readPhoneNumber(number, country) : null;
    const key = read
      ? read.ok
        ? phoneKeyOf({ number, ...read.value })
        : null
      : phoneKeyOf({ number, e164: p.e164 ?? null, extension: p.extension ?? '' });
    if (key !== null) keys.set(key, number);
  }
  return keys;
}

/** Directory contacts that share a phone number (same E.164 number and extension) or an email address with `candidate`. */
export function findDuplicates(
  candidate: Pick<ContactFields, 'phones' | 'email'>,
  directory: readonly Contact[],
  exceptId: string | null,
  country: PhoneCountry | null,
): Duplicate[] {
  const keys = entryKeys(candidate.phones, country);
  const email = candidate.email.trim().toLowerCase();
  const found: Duplicate[] = [];
  for (const c of directory) {
    if (c.id === exceptId) continue;
    const shared = c.phoneKeys.find((k) => k !== '' && k !== '?' && keys.has(k));
    if (shared !== undefined) found.push({ contact: c, reason: 'phone', value: keys.get(shared) ?? shared });
    else if (email !== '' && c.email.trim().toLowerCase() === email)
      found.push({ contact: c, reason: 'email', value: c.email });
  }
  return found;
}

/** "same phone number as Imam Y. Rahman (+47 900 00 001)" */
export function describeDuplicate(d: Duplicate): string {
  return format(d.reason === 'phone' ? 'contacts.duplicate.phone' : 'contacts.duplicate.email', {
    name: d.contact.name,
    value: d.value,
  });
}

/** Pairs of directory contacts that share a phone number or email, each pair once. */
export function duplicatesInDirectory(directory: readonly Contact[]): Map<string, Duplicate[]> {
  const out = new Map<string, Duplicate[]>();
  for (const c of directory) {
    const dups = findDuplicates(c, directory, c.id, null);
    if (dups.length > 0) out.set(c.id, dups);
  }
  return out;
}

const digitsOf = (s: string) => s.replace(/\D/g, '');

/** The ways a number may be searched for: as typed, as shown, in E.164, by its digits. */
function numberForms(p: ContactPhone, country: PhoneCountry | null): string[] {
  const shown = shownNumber(p, country);
  return [p.number, shown, p.e164 ?? '', digitsOf(p.number), digitsOf(shown), digitsOf(p.e164 ?? '')].filter(
    (s) => s !== '',
  );
}

/** True when the query is that very number: the same line once read, or exactly its digits. */
function isExactNumber(contact: Contact, query: string, country: PhoneCountry | null): boolean {
  const digits = digitsOf(query);
  if (digits.length < 3 || !/^[+\d\s().\-/]+$/.test(query.trim())) return false;
  const read = readPhoneNumber(query, country);
  return contact.phones.some(
    (p) =>
      (read.ok &&
        p.e164 === read.value.e164 &&
        (read.value.extension === '' || read.value.extension === p.extension)) ||
      [digitsOf(p.number), digitsOf(shownNumber(p, country)), digitsOf(p.e164 ?? ''), p.extension].includes(digits),
  );
}

/** Every word of the query must appear in some field, accents and case aside: name, organisation, role, category, numbers, email, notes… */
export function matchesSearch(contact: Contact, query: string, country: PhoneCountry | null): boolean {
  const words = foldForSearch(query)
    .split(/\s+/)
    .filter((w) => w !== '');
  if (words.length === 0) return true;
  const hay = foldForSearch(
    [
      contact.name,
      contact.organisation,
      contact.role,
      categoryTitle(contact.category),
      contact.email,
      contact.radioCallSign,
      contact.languages.join(' '),
      contact.afterHours,
      contact.notes,
      ...contact.phones.flatMap((p) => [p.label, ...numberForms(p, country)]),
    ].join('\n'),
  );
  if (words.every((w) => hay.includes(w))) return true;
  // A number typed with its spaces ("312 555 0170") meets the number however it was stored.
  const digits = digitsOf(query);
  return (
    digits.length >= 3 &&
    /^[+\d\s().\-/]+$/.test(query.trim()) &&
    contact.phones.some((p) => numberForms(p, country).some((f) => digitsOf(f).includes(digits)))
  );
}

/**
 * The directory filtered by the query, in directory order, except that contacts with exactly
 * the number searched for come first: "99999" finds the line 99999 before numbers that merely
 * contain those digits.
 */
export function searchContacts(directory: readonly Contact[], query: string, country: PhoneCountry | null): Contact[] {
  const found = directory.filter((c) => matchesSearch(c, query, country));
  const exact = found.filter((c) => isExactNumber(c, query, country));
  return exact.length === 0 ? found : [...exact, ...found.filter((c) => !exact.includes(c))];
}

/** The number to dial first: the first one listed. */
export function primaryPhone(contact: Pick<Contact, 'phones'>): ContactPhone | null {
  return contact.phones[0] ?? null;
}

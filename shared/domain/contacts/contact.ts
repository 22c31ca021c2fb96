import type { Actor } from '../audit';
import { err, ok, type Result } from '../result';
import type { Contact, ContactPhone } from '../../schemas/contacts';
import { STAKEHOLDER_CATEGORY_IDS, categoryTitle } from './stakeholderCategories';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Contacts not verified for this many days are flagged: a call tree with dead numbers fails when it is needed. */
export const DEFAULT_STALE_DAYS = 90;

/** What a person types in the contact form (or an import row supplies). */
export type ContactFields = {
  name: string;
  organisation: string;
  role: string;
  category: string;
  phones: ContactPhone[];
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

export type ContactFieldErrors = Partial<Record<keyof ContactFields, string>>;

export const CONTACT_FIELDS = [
  'name', 'organisation', 'role', 'category', 'phones', 'email', 'radioCallSign', 'languages', 'afterHours', 'notes',
  'doNotShare', 'consentOnFile', 'intermediaryId', 'lastVerifiedAt',
] as const satisfies readonly (keyof ContactFields)[];

export function emptyContactFields(): ContactFields {
  return {
    name: '', organisation: '', role: '', category: 'other', phones: [], email: '', radioCallSign: '', languages: [], afterHours: '', notes: '',
    doNotShare: false, consentOnFile: false, intermediaryId: null, lastVerifiedAt: null,
  };
}

/**
 * The key two numbers share when they are the same line however they are written:
 * "+47 38 07 50 00", "0047 38075000" and "38 07 50 00" all give "38075000". The last eight
 * digits identify a line within any one country well enough for a duplicate warning, which
 * the operator confirms or dismisses; it never merges anything by itself.
 */
export function phoneKey(number: string): string {
  const digits = number.replace(/\D/g, '');
  return digits.length > 8 ? digits.slice(-8) : digits;
}

/** Why a phone number cannot be dialled as written, or null when it looks dialable. */
export function phoneProblem(number: string): string | null {
  const t = number.trim();
  if (t === '') return 'is empty';
  if (!/^\+?[\d\s().\-/]+$/.test(t.replace(/^tel:/i, ''))) return `“${t}” is not a phone number (digits, spaces, + ( ) - only)`;
  const digits = t.replace(/\D/g, '');
  if (digits.length < 3) return `“${t}” has too few digits to dial`;
  if (digits.length > 17) return `“${t}” has too many digits to be one number`;
  return null;
}

/** A simple check for an email address: something@domain.tld, without spaces. */
export function emailProblem(email: string): string | null {
  const t = email.trim();
  if (t === '') return null;
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(t) ? null : `“${t}” is not an email address`;
}

/** Checks the form; on success returns the fields cleaned (trimmed, empty phones dropped). */
export function validateContactFields(fields: ContactFields, now: number): Result<ContactFields, ContactFieldErrors> {
  const errors: ContactFieldErrors = {};
  const name = fields.name.trim();
  if (name === '') errors.name = 'Give the person’s name.';
  else if (name.length > 200) errors.name = 'Keep the name under 200 characters.';
  const phones = fields.phones.map((p) => ({ label: p.label.trim(), number: p.number.trim() })).filter((p) => p.number !== '');
  const badPhone = phones.map((p) => phoneProblem(p.number)).find((p) => p !== null);
  if (badPhone) errors.phones = `The phone number ${badPhone}.`;
  const email = fields.email.trim();
  const badEmail = emailProblem(email);
  if (badEmail) errors.email = `${badEmail}.`;
  if (phones.length === 0 && email === '' && fields.radioCallSign.trim() === '') errors.phones = 'Give at least one phone number, email or radio call sign: nobody can reach a contact without one.';
  if (!STAKEHOLDER_CATEGORY_IDS.includes(fields.category)) errors.category = 'Choose a category from the list.';
  if (fields.lastVerifiedAt !== null && fields.lastVerifiedAt > now + DAY_MS) errors.lastVerifiedAt = 'The date of the last check cannot be in the future.';
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

/** A new directory record from validated fields. */
export function createContact(fields: ContactFields, id: string, actor: Actor): Contact {
  return {
    id, ...fields, phoneKeys: [...new Set(fields.phones.map((p) => phoneKey(p.number)))],
    createdAt: actor.now, createdBy: actor.operator, updatedAt: actor.now, updatedBy: actor.operator,
  };
}

export function updateContact(current: Contact, fields: ContactFields, actor: Actor): Contact {
  return { ...current, ...fields, phoneKeys: [...new Set(fields.phones.map((p) => phoneKey(p.number)))], updatedAt: actor.now, updatedBy: actor.operator };
}

export function contactFieldsOf(c: Contact): ContactFields {
  const { id: _id, phoneKeys: _k, createdAt: _ca, createdBy: _cb, updatedAt: _ua, updatedBy: _ub, ...fields } = c;
  return fields;
}

/** True when nobody has checked the details for `staleDays` days (or ever). */
export function isStale(contact: Pick<Contact, 'lastVerifiedAt'>, now: number, staleDays: number = DEFAULT_STALE_DAYS): boolean {
  return contact.lastVerifiedAt === null || now - contact.lastVerifiedAt > staleDays * DAY_MS;
}

/** "never checked" or "checked 120 days ago". */
export function describeVerification(contact: Pick<Contact, 'lastVerifiedAt'>, now: number): string {
  if (contact.lastVerifiedAt === null) return 'never checked';
  const days = Math.floor((now - contact.lastVerifiedAt) / DAY_MS);
  return days <= 0 ? 'checked today' : days === 1 ? 'checked yesterday' : `checked ${days} days ago`;
}

export type Duplicate = { contact: Contact; reason: 'phone' | 'email'; value: string };

/** Directory contacts that share a phone number or an email address with `candidate`. */
export function findDuplicates(
  candidate: Pick<ContactFields, 'phones' | 'email'>,
  directory: readonly Contact[],
  exceptId: string | null = null,
): Duplicate[] {
  const keys = new Map(candidate.phones.filter((p) => p.number.trim() !== '').map((p) => [phoneKey(p.number), p.number.trim()]));
  const email = candidate.email.trim().toLowerCase();
  const found: Duplicate[] = [];
  for (const c of directory) {
    if (c.id === exceptId) continue;
    const shared = c.phoneKeys.find((k) => k !== '' && keys.has(k));
    if (shared !== undefined) found.push({ contact: c, reason: 'phone', value: keys.get(shared) ?? shared });
    else if (email !== '' && c.email.trim().toLowerCase() === email) found.push({ contact: c, reason: 'email', value: c.email });
  }
  return found;
}

/** "same phone number as Imam Y. Rahman (+47 900 00 001)" */
export function describeDuplicate(d: Duplicate): string {
  return `same ${d.reason === 'phone' ? 'phone number' : 'email'} as ${d.contact.name} (${d.value})`;
}

/** Pairs of directory contacts that share a phone number or email, each pair once. */
export function duplicatesInDirectory(directory: readonly Contact[]): Map<string, Duplicate[]> {
  const out = new Map<string, Duplicate[]>();
  for (const c of directory) {
    const dups = findDuplicates(c, directory, c.id);
    if (dups.length > 0) out.set(c.id, dups);
  }
  return out;
}

/** Every word of the query must appear in some field: name, organisation, role, category, numbers, email, notes… */
export function matchesSearch(contact: Contact, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter((w) => w !== '');
  if (words.length === 0) return true;
  const hay = [
    contact.name, contact.organisation, contact.role, categoryTitle(contact.category), contact.email, contact.radioCallSign,
    contact.languages.join(' '), contact.afterHours, contact.notes, ...contact.phones.map((p) => `${p.label} ${p.number} ${p.number.replace(/\D/g, '')}`),
  ].join('\n').toLowerCase();
  return words.every((w) => hay.includes(w));
}

/** The number to dial first: the first one listed. */
export function primaryPhone(contact: Pick<Contact, 'phones'>): ContactPhone | null {
  return contact.phones[0] ?? null;
}

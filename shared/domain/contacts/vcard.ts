import ICAL from 'ical.js';

import { err, ok, type Result } from '../result';
import type { Contact } from '../../schemas/contacts';
import { emptyContactFields, type ContactFields } from './contact';
import { OTHER_CATEGORY, categoryTitle, matchCategory } from './stakeholderCategories';

/**
 * vCard 3.0 (RFC 2426) and 4.0 (RFC 6350), read and written with ical.js. The desk's own fields
 * travel as X- properties, so a card exported here and imported on another desk loses nothing,
 * and an ordinary address book simply ignores them.
 * FORMAT: X-RESPONSE-DESK-CATEGORY (stakeholder category id), X-RADIO-CALLSIGN,
 * X-AFTER-HOURS, X-DO-NOT-SHARE / X-CONSENT-ON-FILE ("yes"/"no"), X-LAST-VERIFIED (YYYY-MM-DD).
 */

export type VCardVersion = '3.0' | '4.0';

export type ParsedCard = { index: number; fields: ContactFields; problems: string[] };
export type VCardError = { code: 'empty' } | { code: 'unreadable'; detail: string } | { code: 'no-cards' };

export function describeVCardError(e: VCardError, fileName: string): string {
  switch (e.code) {
    case 'empty':
      return `“${fileName}” is empty.`;
    case 'no-cards':
      return `“${fileName}” holds no contact cards (no BEGIN:VCARD … END:VCARD).`;
    case 'unreadable':
      return `“${fileName}” is not a readable vCard file: ${e.detail}`;
  }
}

type JCard = [string, unknown[], unknown[]];

const isJCard = (v: unknown): v is JCard => Array.isArray(v) && v[0] === 'vcard';

function text(value: unknown): string {
  if (Array.isArray(value)) return value.map(text).filter((s) => s !== '').join(' ');
  if (typeof value === 'string') return value;
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
}

const TEL_LABELS: Record<string, string> = { cell: 'mobile', mobile: 'mobile', work: 'work', home: 'home', voice: '', fax: 'fax', pager: 'pager', text: 'text', main: 'main' };

function telLabel(type: unknown): string {
  const types = (Array.isArray(type) ? type : [type]).map((t) => text(t).toLowerCase()).filter((t) => t !== '' && t !== 'pref' && t !== 'voice');
  const known = types.map((t) => TEL_LABELS[t] ?? t).filter((t) => t !== '');
  return known.join(' ') || 'phone';
}

const yes = (v: string) => /^(yes|true|1|y)$/i.test(v.trim());

/** The date of X-LAST-VERIFIED as UTC midnight, or null. */
function parseDay(v: string): number | null {
  const m = /^(\d{4})-?(\d{2})-?(\d{2})/.exec(v.trim());
  if (!m) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isNaN(t) ? null : t;
}

function cardToFields(card: InstanceType<typeof ICAL.Component>, index: number): ParsedCard {
  const problems: string[] = [];
  const first = (name: string) => text(card.getFirstPropertyValue(name)).trim();
  const fields = emptyContactFields();
  let name = first('fn');
  if (name === '') {
    const n = card.getFirstPropertyValue('n');
    if (Array.isArray(n)) name = [text(n[3]), text(n[1]), text(n[2]), text(n[0]), text(n[4])].filter((s) => s.trim() !== '').join(' ');
  }
  fields.name = name;
  if (name === '') problems.push('has no name (FN)');
  const org = card.getFirstPropertyValue('org');
  fields.organisation = (Array.isArray(org) ? org.map(text).filter((s) => s !== '').join(', ') : text(org)).trim();
  fields.role = [first('title'), first('role')].filter((s) => s !== '').join(', ');
  fields.phones = card.getAllProperties('tel').map((p) => ({ label: telLabel(p.getParameter('type')), number: text(p.getFirstValue()).replace(/^tel:/i, '').trim() })).filter((p) => p.number !== '');
  fields.email = text(card.getFirstPropertyValue('email')).trim();
  fields.languages = card.getAllProperties('lang').map((p) => text(p.getFirstValue()).trim()).filter((l) => l !== '');
  const langParam = card.getAllProperties('x-languages').map((p) => text(p.getFirstValue()));
  if (langParam.length > 0) fields.languages.push(...langParam.join(',').split(',').map((l) => l.trim()).filter((l) => l !== ''));
  fields.notes = card.getAllProperties('note').map((p) => text(p.getFirstValue())).join('\n').trim();
  fields.radioCallSign = first('x-radio-callsign');
  fields.afterHours = first('x-after-hours');
  fields.doNotShare = yes(first('x-do-not-share'));
  fields.consentOnFile = yes(first('x-consent-on-file'));
  const verified = first('x-last-verified');
  if (verified !== '') {
    fields.lastVerifiedAt = parseDay(verified);
    if (fields.lastVerifiedAt === null) problems.push(`X-LAST-VERIFIED “${verified}” is not a date (YYYY-MM-DD)`);
  }
  const category = first('x-response-desk-category') || text(card.getFirstPropertyValue('categories')).split(/[,;]/)[0] || '';
  fields.category = matchCategory(category) ?? OTHER_CATEGORY;
  return { index, fields, problems };
}

/** Reads every card of a .vcf file (3.0 or 4.0, any mix). A malformed file is refused whole, with the reason. */
export function parseVCards(input: string): Result<ParsedCard[], VCardError> {
  const clean = input.replace(/^\uFEFF/, '');
  if (clean.trim() === '') return err({ code: 'empty' });
  if (!/BEGIN:VCARD/i.test(clean)) return err({ code: 'no-cards' });
  let parsed: unknown;
  try {
    parsed = ICAL.parse(clean);
  } catch (e) {
    return err({ code: 'unreadable', detail: e instanceof Error ? e.message : String(e) });
  }
  const jcards = isJCard(parsed) ? [parsed] : Array.isArray(parsed) ? parsed.filter(isJCard) : [];
  if (jcards.length === 0) return err({ code: 'no-cards' });
  return ok(jcards.map((j, i) => cardToFields(new ICAL.Component(j), i + 1)));
}

const day = (t: number) => new Date(t).toISOString().slice(0, 10);

function toCard(c: Contact, version: VCardVersion): InstanceType<typeof ICAL.Component> {
  const card = new ICAL.Component(['vcard', [], []]);
  card.addPropertyWithValue('version', version);
  card.addPropertyWithValue('fn', c.name);
  const parts = c.name.split(/\s+/);
  const family = parts.length > 1 ? (parts[parts.length - 1] ?? '') : c.name;
  const given = parts.length > 1 ? parts.slice(0, -1).join(' ') : '';
  const n = new ICAL.Property('n');
  n.setValue([family, given, '', '', '']);
  card.addProperty(n);
  if (c.organisation !== '') {
    const org = new ICAL.Property('org');
    org.setValue([c.organisation]);
    card.addProperty(org);
  }
  if (c.role !== '') card.addPropertyWithValue('title', c.role);
  for (const p of c.phones) {
    const tel = card.addPropertyWithValue('tel', p.number);
    const type = p.label.toLowerCase() === 'mobile' ? 'cell' : p.label.toLowerCase();
    if (/^[a-z][a-z -]{0,39}$/.test(type)) tel.setParameter('type', version === '3.0' ? type.toUpperCase().replace(/\s+/g, '-') : type.replace(/\s+/g, '-'));
    if (version === '4.0') tel.setParameter('value', 'text');
  }
  if (c.email !== '') card.addPropertyWithValue('email', c.email);
  if (version === '4.0') for (const l of c.languages) card.addPropertyWithValue('lang', l);
  else if (c.languages.length > 0) card.addPropertyWithValue('x-languages', c.languages.join(','));
  if (c.notes !== '') card.addPropertyWithValue('note', c.notes);
  card.addPropertyWithValue('categories', categoryTitle(c.category));
  card.addPropertyWithValue('x-response-desk-category', c.category);
  if (c.radioCallSign !== '') card.addPropertyWithValue('x-radio-callsign', c.radioCallSign);
  if (c.afterHours !== '') card.addPropertyWithValue('x-after-hours', c.afterHours);
  card.addPropertyWithValue('x-do-not-share', c.doNotShare ? 'yes' : 'no');
  card.addPropertyWithValue('x-consent-on-file', c.consentOnFile ? 'yes' : 'no');
  if (c.lastVerifiedAt !== null) card.addPropertyWithValue('x-last-verified', day(c.lastVerifiedAt));
  return card;
}

/** One .vcf file holding every contact given, in the version asked for; CRLF line ends. */
export function contactsToVCards(contacts: readonly Contact[], version: VCardVersion): string {
  return contacts.map((c) => ICAL.stringify(toCard(c, version).toJSON() as unknown[])).join('\r\n').replace(/\r?\n/g, '\r\n') + '\r\n';
}

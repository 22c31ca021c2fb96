import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { createContact, validateContactFields } from '@shared/domain/contacts/contact';
import {
  autoMapContacts,
  contactsToCsv,
  describeContactCsvError,
  describeCsvLayout,
  importContactRows,
  readContactCsv,
} from '@shared/domain/contacts/csv';
import { groupsInFile, prepareImport, type ImportCandidate } from '@shared/domain/contacts/importCandidates';
import {
  cardCandidates,
  contactsToVCards,
  describeVCardError,
  describeVCardSummary,
  parseVCards,
  type ParsedCard,
} from '@shared/domain/contacts/vcard';
import type { CharsetDecoder } from '@shared/domain/contacts/vcardLines';
import type { Contact } from '@shared/schemas/contacts';

import { makeContactFields } from '../../factories/contacts';
import { T0, actor } from '../../factories/incident';

const decode: CharsetDecoder = (bytes, charset) => {
  try {
    return new TextDecoder(charset, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
};
const fixture = (name: string) => readFileSync(new URL(`../../fixtures/contacts/${name}`, import.meta.url), 'utf8');

function cardsOf(name: string, country: 'US' | 'NO' = 'US'): ParsedCard[] {
  const r = parseVCards(fixture(name), { country, decode });
  if (!r.ok) throw new Error(describeVCardError(r.error, name));
  return r.value.cards;
}

function csvFixture(name: string) {
  const table = readContactCsv(fixture(name));
  if (!table.ok) throw new Error(name);
  return table.value;
}

function rowsOf(name: string): { rows: ImportCandidate[]; errors: { row: number; field: string; problem: string }[] } {
  const table = csvFixture(name);
  const r = importContactRows(table, autoMapContacts(table), { now: T0, country: 'US' });
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

/** How the desk names the layout of a CSV fixture, from its header row. */
const layoutOf = (name: string) => describeCsvLayout(csvFixture(name).headers);

const num = (label: string, number: string, e164: string | null, extension = '') => ({
  label,
  number,
  e164,
  extension,
});

describe('vCard files as phones and address books export them', () => {
  it('reads an iPhone card (3.0): grouped labels, Apple’s built-in labels, the preferred number first, escaped notes, a folded photo skipped', () => {
    const [card] = cardsOf('iphone-3.0.vcf');
    expect(card?.version).toBe('3.0');
    expect(card?.problems).toEqual([]);
    expect(card?.fields.name).toBe('Imam Yusuf Rahman');
    expect(card?.fields.organisation).toBe('Central Mosque, Council of Elders');
    expect(card?.fields.role).toBe('Imam');
    expect(card?.fields.phones).toEqual([
      num('After hours', '+1 (312) 555-0170', '+13125550170'),
      num('mobile', '(312) 555-0171', '+13125550171'),
      num('home fax', '312.555.0172', '+13125550172'),
      num('main', '+44 20 7946 0958', '+442079460958'),
    ]);
    expect(card?.unreadNumbers).toEqual([
      { label: 'other', number: '555-01', problem: '“555-01” is too short for a phone number in the United States' },
    ]);
    expect(card?.fields.email).toBe('imam@example.org');
    expect(card?.fields.notes).toBe(
      'Prefers a call, then SMS; ask for Yusuf.\nFridays: after prayers only.\nOther email: office@centralmosque.example.org',
    );
    expect(card?.groups).toEqual(['Faith leaders', 'Interfaith council']);
    expect(card?.ownCategory).toBe(false);
    expect(card?.notes).toEqual([
      'has 2 email addresses: imam@example.org is kept as the email, the others go in the notes',
    ]);
  });

  it('reads Android cards (2.1): quoted-printable UTF-8 and ISO-8859-1, soft line breaks, bare TEL;CELL;PREF, an X- label, an extension', () => {
    const [jurgen, jose] = cardsOf('android-2.1.vcf');
    expect(jurgen?.version).toBe('2.1');
    expect(jurgen?.fields.name).toBe('Jürgen Müller');
    expect(jurgen?.fields.organisation).toBe('Café de la Paix');
    expect(jurgen?.fields.phones).toEqual([
      num('mobile', '+1-312-555-0180', '+13125550180'),
      num('work', '312 555 0181 ext. 204', '+13125550181', '204'),
      num('Emergency', '+13125550182', '+13125550182'),
    ]);
    expect(jurgen?.unreadNumbers).toEqual([
      {
        label: 'home',
        number: '1-800-FLOWERS',
        problem:
          '“1-800-FLOWERS” is not a phone number (digits, spaces, + ( ) . - and an extension such as “ext. 12” only)',
      },
    ]);
    expect(jurgen?.fields.email).toBe('jm@example.org');
    expect(jurgen?.fields.notes).toBe(
      'Owner of the café opposite the mosque\r\nKeys to the community room; ask him before 22:00, not after.',
    );
    expect(jose?.fields.name).toBe('José Fernández');
    expect(jose?.fields.phones).toEqual([num('mobile', '(312) 555-0183', '+13125550183')]);
  });

  it('reads a vCard 4.0 card: tel: URIs with ;ext=, quoted TYPE lists, PREF=1, LANG, the name prefix kept', () => {
    const [card] = cardsOf('rfc6350-4.0.vcf');
    expect(card?.version).toBe('4.0');
    expect(card?.fields.name).toBe('Dr. Amina Yusuf');
    expect(card?.fields.phones).toEqual([
      num('work', '+1-312-555-0190 ext. 12', '+13125550190', '12'),
      num('mobile', '+1-312-555-0191', '+13125550191'),
      num('home', '(312) 555-0192', '+13125550192'),
    ]);
    expect(card?.fields.languages).toEqual(['so', 'en']);
    expect(card?.fields.notes).toBe('Board chair; speaks for the association, not for the mosque.');
    expect(card?.fields.category).toBe('civil-society-and-communities');
  });

  it('says what a mixed file holds: versions, quoted-printable, labels, extensions, unreadable numbers', () => {
    const text = [fixture('android-2.1.vcf'), fixture('iphone-3.0.vcf'), fixture('rfc6350-4.0.vcf')].join('');
    const r = parseVCards(text, { country: 'US', decode });
    if (!r.ok) throw new Error('mixed');
    expect(describeVCardSummary(r.value.summary)).toEqual([
      '4 cards: 2 in vCard 2.1, 1 in vCard 3.0, 1 in vCard 4.0.',
      'Quoted-printable text decoded in 2 cards (UTF-8, ISO-8859-1).',
      '11 numbers keep their labels, 2 from address-book labels such as “After hours”.',
      '2 numbers have extensions.',
      '2 numbers could not be read: see below.',
    ]);
  });

  it('names a version it cannot read, per card and for a whole file, and the XML and JSON forms', () => {
    const v5 = 'BEGIN:VCARD\r\nVERSION:5.0\r\nFN:Future Person\r\nEND:VCARD\r\n';
    const whole = parseVCards(v5, { country: 'US', decode });
    expect(!whole.ok && describeVCardError(whole.error, 'new.vcf')).toBe(
      '“new.vcf” uses vCard version 5.0, which the desk does not read: it reads vCard 2.1, 3.0 and 4.0. Export the contacts again in one of those.',
    );
    const mixed = parseVCards(`${v5}${fixture('rfc6350-4.0.vcf')}`, { country: 'US', decode });
    if (!mixed.ok) throw new Error('mixed');
    const { candidates, problems } = cardCandidates(mixed.value.cards);
    expect(candidates.map((c) => c.fields.name)).toEqual(['Dr. Amina Yusuf']);
    expect(problems).toEqual([
      {
        where: 'Card 1 (Future Person)',
        field: 'card',
        problem: 'uses vCard version 5.0, which the desk does not read (it reads 2.1, 3.0 and 4.0)',
      },
    ]);
    const xml = parseVCards('<?xml version="1.0"?><vcards xmlns="urn:ietf:params:xml:ns:vcard-4.0"><vcard/></vcards>', {
      country: 'US',
      decode,
    });
    expect(!xml.ok && xml.error.code).toBe('xcard');
    expect(parseVCards('name,phone\nA,1', { country: 'US', decode })).toEqual({
      ok: false,
      error: { code: 'no-cards' },
    });
  });

  it('skips a line that is not a property, saying so, and keeps the rest of the card', () => {
    const r = parseVCards(
      'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anne Kvist\r\nthis is not a property\r\nTEL:+47 911 22 333\r\nEND:VCARD',
      { country: 'NO', decode },
    );
    if (!r.ok) throw new Error('card');
    expect(r.value.cards[0]?.notes).toEqual(['line 4 is not a vCard property: skipped']);
    expect(r.value.cards[0]?.fields.phones).toEqual([num('phone', '+47 911 22 333', '+4791122333')]);
  });
});

describe('contacts CSV as Google Contacts and Outlook export it', () => {
  it('maps the current Google Contacts layout: name prefix kept, several numbers in one cell, labels, Labels as groups', () => {
    expect(layoutOf('google-contacts.csv')).toBe('laid out as Google Contacts exports them');
    const { rows, errors } = rowsOf('google-contacts.csv');
    expect(errors).toEqual([]);
    const [amina, yusuf, lars] = rows;
    expect(amina?.fields).toMatchObject({
      name: 'Dr. Amina Yusuf',
      organisation: "Somali Women's Association",
      role: 'Chair',
      email: 'amina@example.org',
      notes: 'Met at the interfaith breakfast.',
    });
    expect(amina?.fields.phones).toEqual([
      num('mobile', '+1 312-555-0190', '+13125550190'),
      num('mobile', '+1 312-555-0193', '+13125550193'),
      num('After hours', '(312) 555-0194 x12', '+13125550194', '12'),
    ]);
    expect(amina?.groups).toEqual(['Community leaders']);
    expect(yusuf?.fields.name).toBe('Imam Yusuf Rahman');
    expect(yusuf?.fields.phones).toEqual([num('work', '312.555.0170', '+13125550170')]);
    expect(yusuf?.unreadNumbers).toEqual([
      {
        label: 'mobile',
        number: '555-01',
        problem: 'Phone 2 - Value: “555-01” is too short for a phone number in the United States',
      },
    ]);
    expect(yusuf?.groups).toEqual(['Mosques']);
    expect(lars?.fields).toMatchObject({
      name: 'Lars Nilsen',
      organisation: 'Chicago Police Department, District 12',
      role: 'Community liaison officer',
    });
  });

  it('offers Google’s Labels as groups to map, never as a category that fails a row', () => {
    const { rows } = rowsOf('google-contacts.csv');
    expect(groupsInFile(rows)).toEqual([
      { group: 'Community leaders', contacts: 1, suggested: 'other' },
      { group: 'Mosques', contacts: 1, suggested: 'other' },
      { group: 'Local law enforcement', contacts: 1, suggested: 'local-law-enforcement' },
    ]);
    const choices = { categories: new Map([['Mosques', 'faith-and-cultural-venues']]), keepUnreadNumbers: false };
    const { ready, problems } = prepareImport(rows, choices, { now: T0, country: 'US', directory: [] });
    expect(problems).toEqual([]);
    expect(ready.map((r) => [r.fields.name, r.fields.category])).toEqual([
      ['Dr. Amina Yusuf', 'other'],
      ['Imam Yusuf Rahman', 'faith-and-cultural-venues'],
      ['Lars Nilsen', 'local-law-enforcement'],
    ]);
  });

  it('imports a contact without its unreadable number, or with it kept as typed and flagged, as the operator chooses', () => {
    const { rows } = rowsOf('google-contacts.csv');
    const yusuf = rows.filter((r) => r.fields.name === 'Imam Yusuf Rahman');
    const without = prepareImport(
      yusuf,
      { categories: new Map(), keepUnreadNumbers: false },
      { now: T0, country: 'US', directory: [] },
    );
    expect(without.ready[0]?.fields.phones).toEqual([num('work', '312.555.0170', '+13125550170')]);
    const kept = prepareImport(
      yusuf,
      { categories: new Map(), keepUnreadNumbers: true },
      { now: T0, country: 'US', directory: [] },
    );
    expect(kept.ready[0]?.fields.phones).toEqual([
      num('work', '312.555.0170', '+13125550170'),
      num('mobile', '555-01', null),
    ]);
  });

  it('maps Outlook’s layout: Title is the honorific, Job Title the role, every phone column with its label, the second email kept in the notes', () => {
    expect(layoutOf('outlook.csv')).toBe('laid out as Outlook exports contacts');
    const { rows, errors } = rowsOf('outlook.csv');
    expect(errors).toEqual([]);
    const [kari, ole] = rows;
    expect(kari?.fields).toMatchObject({
      name: 'Mrs Kari Holm',
      organisation: "Mayor's Office, Communications",
      role: 'Chief of staff',
      email: 'kari.holm@example.gov',
    });
    expect(kari?.fields.notes).toBe(
      'Call the mobile first; after 22:00 the home line.\nOther email: kari@home.example',
    );
    expect(kari?.fields.phones).toEqual([
      num('work fax', '312 555 0103', '+13125550103'),
      num('work', '+1 (312) 555-0100', '+13125550100'),
      num('home', '(312) 555-0102', '+13125550102'),
      num('mobile', '312-555-0101', '+13125550101'),
    ]);
    expect(kari?.groups).toEqual(['Mayor and senior officials', 'Crisis team']);
    expect(ole?.fields).toMatchObject({ name: 'Dr. Ole Berg Jr.', role: 'Head of schools' });
    expect(ole?.fields.phones).toEqual([num('work', '312 555 0110 ext 4410', '+13125550110', '4410')]);
  });

  it('reads a hand-made “Title” column as the role when it holds job titles', () => {
    const m = autoMapContacts({
      headers: ['Name', 'Title', 'Phone'],
      rows: [['Anne Kvist', 'Head of communications', '+47 911 22 333']],
    });
    expect(m.fields).toEqual({ name: 0, role: 1 });
    expect(m.phones).toEqual([{ column: 2, labelColumn: null, label: 'phone' }]);
  });

  it('names every row problem by row, column and why, and keeps the good rows', () => {
    const csv = [
      'Name,Phone 1,Email,Stakeholder category,Last verified,Do not share',
      'Anne Kvist,+47 911 22 333,anne@example.org,City departments,2026-01-31,no',
      ',12,bad-email,Dragons,31/02/2026,perhaps',
      'Bjørn Rud,,,,,',
      'Cecilie Ask,call me,cecilie@example.org,,,',
    ].join('\n');
    const table = readContactCsv(csv);
    if (!table.ok) throw new Error('csv');
    const r = importContactRows(table.value, autoMapContacts(table.value), { now: T0, country: 'NO' });
    if (!r.ok) throw new Error(r.error);
    expect(r.value.rows.map((x) => x.fields.name)).toEqual(['Anne Kvist', 'Cecilie Ask']);
    expect(r.value.rows[0]?.fields).toMatchObject({
      lastVerifiedAt: Date.UTC(2026, 0, 31),
      phones: [num('phone', '+47 911 22 333', '+4791122333')],
    });
    expect(r.value.rows[0]?.groups).toEqual(['City departments']);
    expect(r.value.rows[1]?.unreadNumbers).toEqual([
      {
        label: 'phone',
        number: 'call me',
        problem:
          'Phone 1: “call me” is not a phone number (digits, spaces, + ( ) . - and an extension such as “ext. 12” only)',
      },
    ]);
    expect(r.value.errors).toEqual([
      { row: 3, field: 'Name', problem: 'is empty: every contact needs a name' },
      { row: 3, field: 'Email', problem: '“bad-email” is not an email address' },
      { row: 3, field: 'Last verified', problem: '“31/02/2026” is not a date (use YYYY-MM-DD or DD/MM/YYYY)' },
      { row: 3, field: 'Do not share', problem: '“perhaps” is not yes or no' },
      {
        row: 4,
        field: 'Phone 1',
        problem: 'no phone number, email or call sign in this row: nobody could reach this contact',
      },
    ]);
  });

  it('refuses a mapping without a name column, an empty file, and says a broken quote in words', () => {
    expect(
      importContactRows(
        { headers: ['Phone'], rows: [['1']] },
        { fields: {}, phones: [{ column: 0, labelColumn: null, label: 'phone' }], otherEmails: [] },
        { now: T0, country: 'NO' },
      ),
    ).toEqual({ ok: false, error: 'Choose the column that holds the name (or the first and last name).' });
    expect(readContactCsv('\uFEFF  ')).toEqual({ ok: false, error: { code: 'empty' } });
    const broken = readContactCsv('Name,Phone\r\n"Anne Kvist,+47 911 22 333\r\nBjørn Rud,+47 922 00 000\r\n');
    expect(!broken.ok && describeContactCsvError(broken.error, 'list.csv')).toMatch(
      /^“list\.csv” cannot be split into columns: a quotation mark in row \d+ is opened and never closed/,
    );
  });
});

// ------------------------------------------------------------------ round trips

const imamFields = () =>
  makeContactFields({
    name: 'Imam Yusuf Rahman',
    organisation: 'Central Mosque',
    role: 'Imam',
    category: 'faith-and-cultural-venues',
    phones: [
      { label: 'mobile', number: '+1 312 555 0171' },
      { label: 'After hours', number: '(312) 555-0170 ext. 12' },
      { label: 'work fax', number: '312.555.0172' },
      { label: 'main', number: '+44 20 7946 0958' },
    ],
    email: 'y.rahman@example.org',
    radioCallSign: 'FAITH-1',
    languages: ['Arabic', 'English'],
    afterHours: 'Until 23:00; Fridays after prayers',
    notes: 'Prefers a call, then SMS; ask for Yusuf.\nSpeaks for the mosque council: “ok” \\ done',
    doNotShare: true,
    consentOnFile: true,
    lastVerifiedAt: Date.UTC(2026, 0, 15),
  });

function stored(fields = imamFields()): Contact {
  const v = validateContactFields(fields, T0, 'US');
  if (!v.ok) throw new Error(JSON.stringify(v.error));
  return createContact(v.value, 'con_1', actor());
}

type Vobject = {
  version: string;
  fn: string;
  n: { prefix: string; given: string; family: string };
  tels: { value: string; types: string[]; group: string | null; label: string | null; pref: string | null }[];
  emails: string[];
  note: string | null;
  categories: string[];
};

/** The same file read by python3-vobject, an independent parser. */
function readWithVobject(text: string): Vobject[] {
  const out = execFileSync('/usr/bin/python3', [new URL('./vobjectRead.py', import.meta.url).pathname], {
    input: text,
    encoding: 'utf8',
  });
  return JSON.parse(out) as Vobject[];
}

describe('vCard round trip: desk → vCard → desk, and → an independent parser', () => {
  it.each(['3.0', '4.0'] as const)('keeps every field, number, extension and label through vCard %s', (version) => {
    const contact = stored();
    const text = contactsToVCards([contact], version, { includeDetails: true });
    expect(text).toContain(`VERSION:${version}`);
    expect(text.split('\r\n').every((line) => !line.includes('\n') && line.length <= 75)).toBe(true);
    const r = parseVCards(text, { country: 'US', decode });
    if (!r.ok) throw new Error('parse');
    const card = r.value.cards[0];
    expect(card?.problems).toEqual([]);
    expect(card?.unreadNumbers).toEqual([]);
    const back = card?.fields;
    expect(back?.phones.map((p) => ({ label: p.label, e164: p.e164, extension: p.extension }))).toEqual(
      contact.phones.map((p) => ({ label: p.label, e164: p.e164, extension: p.extension })),
    );
    const {
      id: _i,
      phoneKeys: _k,
      createdAt: _a,
      createdBy: _b,
      updatedAt: _c,
      updatedBy: _d,
      phones: _p,
      intermediaryId: _m,
      ...rest
    } = contact;
    expect({ ...back, phones: undefined, intermediaryId: undefined }).toEqual({
      ...rest,
      phones: undefined,
      intermediaryId: undefined,
    });
  });

  it.each(['3.0', '4.0'] as const)('writes vCard %s that python3-vobject reads field by field', (version) => {
    const text = contactsToVCards([stored()], version, { includeDetails: true });
    const [card] = readWithVobject(text);
    expect(card?.version).toBe(version);
    expect(card?.fn).toBe('Imam Yusuf Rahman');
    expect(card?.n).toEqual({ prefix: 'Imam', given: 'Yusuf', family: 'Rahman' });
    expect(card?.emails).toEqual(['y.rahman@example.org']);
    expect(card?.note).toBe('Prefers a call, then SMS; ask for Yusuf.\nSpeaks for the mosque council: “ok” \\ done');
    expect(card?.categories).toEqual(['Faith, cultural and sports venues']);
    const tels = card?.tels ?? [];
    if (version === '3.0') {
      expect(tels).toEqual([
        { value: '+1 312 555 0171', types: ['CELL', 'PREF'], group: null, label: null, pref: null },
        { value: '+1 312 555 0170 ext. 12', types: [], group: 'ITEM1', label: 'After hours', pref: null },
        { value: '+1 312 555 0172', types: ['WORK', 'FAX'], group: null, label: null, pref: null },
        { value: '+44 20 7946 0958', types: [], group: 'ITEM2', label: 'main', pref: null },
      ]);
    } else {
      expect(tels).toEqual([
        { value: 'tel:+13125550171', types: ['cell'], group: null, label: null, pref: '1' },
        { value: 'tel:+13125550170;ext=12', types: [], group: 'ITEM1', label: 'After hours', pref: null },
        { value: 'tel:+13125550172', types: ['work', 'fax'], group: null, label: null, pref: null },
        { value: 'tel:+442079460958', types: [], group: 'ITEM2', label: 'main', pref: null },
      ]);
    }
  });

  it('reads its own CSV export back with every number and label', () => {
    const contact = stored();
    const table = readContactCsv(contactsToCsv([contact], { includeDetails: true }));
    if (!table.ok) throw new Error('csv');
    expect(table.value.headers.slice(4, 12)).toEqual([
      'Phone 1 - Label',
      'Phone 1 - Value',
      'Phone 2 - Label',
      'Phone 2 - Value',
      'Phone 3 - Label',
      'Phone 3 - Value',
      'Phone 4 - Label',
      'Phone 4 - Value',
    ]);
    const r = importContactRows(table.value, autoMapContacts(table.value), { now: T0, country: 'US' });
    if (!r.ok) throw new Error(r.error);
    expect(r.value.errors).toEqual([]);
    const back = r.value.rows[0];
    expect(back?.fields.phones.map((p) => [p.label, p.e164, p.extension])).toEqual(
      contact.phones.map((p) => [p.label, p.e164, p.extension]),
    );
    expect(back?.fields).toMatchObject({
      name: 'Imam Yusuf Rahman',
      doNotShare: true,
      email: 'y.rahman@example.org',
      radioCallSign: 'FAITH-1',
      notes: contact.notes,
    });
    expect(back?.groups).toEqual(['Faith, cultural and sports venues']);
  });

  it('leaves numbers, emails, call signs and notes out of a names-only export', () => {
    const contact = stored();
    for (const text of [
      contactsToVCards([contact], '4.0', { includeDetails: false }),
      contactsToVCards([contact], '3.0', { includeDetails: false }),
      contactsToCsv([contact], { includeDetails: false }),
    ]) {
      expect(text).toContain('Imam Yusuf Rahman');
      expect(text).toContain('Central Mosque');
      for (const secret of ['555', 'y.rahman@example.org', 'FAITH-1', 'Prefers a call', 'Until 23:00'])
        expect(text).not.toContain(secret);
    }
    const [card] = readWithVobject(contactsToVCards([contact], '3.0', { includeDetails: false }));
    expect(card).toMatchObject({ fn: 'Imam Yusuf Rahman', tels: [], emails: [], note: null });
  });
});

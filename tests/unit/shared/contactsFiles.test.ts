import { describe, expect, it } from 'vitest';

import { createContact, validateContactFields } from '@shared/domain/contacts/contact';
import { autoMapContacts, contactsToCsv, importContactRows, readContactCsv } from '@shared/domain/contacts/csv';
import { contactsToVCards, describeVCardError, parseVCards } from '@shared/domain/contacts/vcard';

import { makeContactFields } from '../../factories/contacts';
import { T0, actor } from '../../factories/incident';

const imam = () => {
  const fields = validateContactFields(makeContactFields({
    name: 'Imam Yusuf Rahman', organisation: 'Central Mosque', role: 'Imam', category: 'faith-and-cultural-venues',
    phones: [{ label: 'mobile', number: '+47 900 00 001' }, { label: 'work', number: '38 00 00 01' }], email: 'y.rahman@example.org',
    radioCallSign: 'FAITH-1', languages: ['Arabic', 'Norwegian'], afterHours: 'Until 23:00; Fridays after prayers', notes: 'Prefers a call, then SMS.\nSpeaks for the mosque council; ok',
    doNotShare: true, consentOnFile: true, lastVerifiedAt: Date.UTC(2026, 0, 15),
  }), T0);
  if (!fields.ok) throw new Error('fields');
  return createContact(fields.value, 'con_1', actor());
};

describe('vCard', () => {
  it.each(['3.0', '4.0'] as const)('round-trips every field through vCard %s', (version) => {
    const text = contactsToVCards([imam()], version);
    expect(text).toContain(`VERSION:${version}`);
    expect(text.split('\r\n').every((line) => !line.includes('\n'))).toBe(true);
    const parsed = parseVCards(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const { fields, problems } = parsed.value[0]!;
    expect(problems).toEqual([]);
    const { id: _id, phoneKeys: _k, createdAt: _a, createdBy: _b, updatedAt: _c, updatedBy: _d, intermediaryId: _i, ...expected } = imam();
    expect({ ...fields, intermediaryId: undefined }).toEqual({ ...expected, intermediaryId: undefined });
  });

  it('reads cards written by other address books, 3.0 and 4.0 mixed', () => {
    const text = [
      'BEGIN:VCARD', 'VERSION:3.0', 'N:Levin;Miriam;;Rabbi;', 'ORG:Synagogue;Board', 'TEL;TYPE=CELL,VOICE:+47 911 11 111', 'EMAIL;TYPE=INTERNET:m@x.no', 'END:VCARD',
      'BEGIN:VCARD', 'VERSION:4.0', 'FN:Lars Nilsen', 'TEL;VALUE=uri;TYPE=work:tel:+4738136000', 'CATEGORIES:Local law enforcement', 'LANG:no', 'END:VCARD',
    ].join('\r\n');
    const r = parseVCards(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.map((c) => c.fields.name)).toEqual(['Rabbi Miriam Levin', 'Lars Nilsen']);
    expect(r.value[0]?.fields.phones).toEqual([{ label: 'mobile', number: '+47 911 11 111' }]);
    expect(r.value[0]?.fields.organisation).toBe('Synagogue, Board');
    expect(r.value[1]?.fields).toMatchObject({ category: 'local-law-enforcement', phones: [{ label: 'work', number: '+4738136000' }], languages: ['no'] });
  });

  it('refuses a malformed file whole, naming the problem', () => {
    const r = parseVCards('BEGIN:VCARD\r\nVERSION:3.0\r\nthis is not a property\r\nEND:VCARD');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(describeVCardError(r.error, 'x.vcf')).toMatch(/^“x.vcf” is not a readable vCard file: invalid line/);
    const none = parseVCards('name,phone\nA,1');
    expect(!none.ok && none.error.code).toBe('no-cards');
  });
});

describe('contacts CSV', () => {
  it('maps Google Contacts and Outlook headers automatically', () => {
    const google = autoMapContacts(['First Name', 'Last Name', 'Organization Name', 'Organization Title', 'E-mail 1 - Value', 'Phone 1 - Type', 'Phone 1 - Value', 'Labels']);
    expect(google).toEqual({ givenName: 0, familyName: 1, organisation: 2, role: 3, email: 4, phone1: 6, category: 7 });
    const outlook = autoMapContacts(['First Name', 'Last Name', 'Company', 'Job Title', 'E-mail Address', 'Mobile Phone', 'Business Phone', 'Home Phone', 'Notes', 'Categories']);
    expect(outlook).toEqual({ givenName: 0, familyName: 1, organisation: 2, role: 3, email: 4, phone1: 5, phone2: 6, phone3: 7, notes: 8, category: 9 });
  });

  it('names every problem by row, field and why, and keeps the good rows', () => {
    const csv = [
      'Name,Phone 1,Email,Stakeholder category,Last verified,Do not share',
      'Anne Kvist,+47 911 22 333,anne@example.org,City departments,2026-01-31,no',
      ',12,bad-email,Dragons,31/02/2026,perhaps',
      'Bjørn Rud,,,,,',
      'Cecilie Ask,call me,,,,',
    ].join('\n');
    const table = readContactCsv(csv);
    if (!table.ok) throw new Error('csv');
    const r = importContactRows(table.value, autoMapContacts(table.value.headers), T0);
    if (!r.ok) throw new Error(r.error);
    expect(r.value.rows.map((x) => x.fields.name)).toEqual(['Anne Kvist']);
    expect(r.value.rows[0]?.fields).toMatchObject({ category: 'city-departments-and-staff', lastVerifiedAt: Date.UTC(2026, 0, 31), phones: [{ label: 'phone', number: '+47 911 22 333' }] });
    expect(r.value.errors).toEqual([
      { row: 3, field: 'Name', problem: 'is empty: every contact needs a name' },
      { row: 3, field: 'Stakeholder category', problem: '“Dragons” is not one of the guide\'s stakeholder categories (e.g. “Local law enforcement”)' },
      { row: 3, field: 'Phone 1', problem: '“12” has too few digits to dial' },
      { row: 3, field: 'Email', problem: '“bad-email” is not an email address' },
      { row: 3, field: 'Last verified', problem: '“31/02/2026” is not a date (use YYYY-MM-DD or DD/MM/YYYY)' },
      { row: 3, field: 'Do not share', problem: '“perhaps” is not yes or no' },
      { row: 4, field: 'Phone 1', problem: 'no phone number, email or call sign in this row: nobody could reach this contact' },
      { row: 5, field: 'Phone 1', problem: '“call me” is not a phone number (digits, spaces, + ( ) - only)' },
    ]);
  });

  it('refuses a mapping without a name column, and an empty file', () => {
    expect(importContactRows({ headers: ['Phone'], rows: [['1']] }, { phone1: 0 }, T0)).toEqual({ ok: false, error: 'Choose the column that holds the name (or the first and last name).' });
    expect(readContactCsv('\uFEFF  ')).toEqual({ ok: false, error: { code: 'empty' } });
  });

  it('round-trips its own export through the automatic mapping', () => {
    const table = readContactCsv(contactsToCsv([imam()]));
    if (!table.ok) throw new Error('csv');
    const r = importContactRows(table.value, autoMapContacts(table.value.headers), T0);
    expect(r.ok && r.value.errors).toEqual([]);
    expect(r.ok && r.value.rows[0]?.fields).toMatchObject({ name: 'Imam Yusuf Rahman', category: 'faith-and-cultural-venues', doNotShare: true, email: 'y.rahman@example.org', radioCallSign: 'FAITH-1' });
  });
});

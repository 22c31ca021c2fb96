import { describe, expect, it } from 'vitest';

import { searchContacts, validateContactFields, type ContactFields } from '@shared/domain/contacts/contact';
import {
  cleanLabel,
  countryForTimeZone,
  describePhoneProblem,
  deskPhoneCountry,
  dialUri,
  internationalNumber,
  phoneKeyOf,
  readPhoneNumber,
  shownNumber,
  splitPhoneList,
  structurePhone,
} from '@shared/domain/contacts/phone';
import { labelFromTypes } from '@shared/domain/contacts/vcard';
import { foldForSearch } from '@shared/domain/text/foldForSearch';

import { makeContact, makeContactFields } from '../../factories/contacts';
import { T0 } from '../../factories/incident';

const read = (text: string, country: 'US' | 'NO' | null) => {
  const r = readPhoneNumber(text, country);
  return r.ok ? r.value : describePhoneProblem(text, r.error);
};

describe('the desk’s country', () => {
  it('comes from the desk’s time zone unless the city chose one', () => {
    expect(countryForTimeZone('America/Chicago')).toBe('US');
    expect(countryForTimeZone('Europe/Oslo')).toBe('NO');
    expect(countryForTimeZone('Europe/London')).toBe('GB');
    expect(countryForTimeZone('UTC')).toBeNull();
    expect(deskPhoneCountry({ defaultTimeZone: 'America/Chicago' })).toBe('US');
    expect(deskPhoneCountry({ defaultTimeZone: 'America/Chicago', phoneCountry: 'CA' })).toBe('CA');
    expect(deskPhoneCountry({ defaultTimeZone: 'UTC', phoneCountry: 'XX' })).toBeNull();
  });
});

describe('phone numbers as people write them', () => {
  it('reads extensions, dots, national forms and tel: URIs to E.164 with the extension apart', () => {
    expect(read('+1 312 555 0170 ext. 12', 'US')).toEqual({ e164: '+13125550170', extension: '12', country: 'US' });
    expect(read('tel:+1-312-555-0170;ext=12', null)).toEqual({ e164: '+13125550170', extension: '12', country: 'US' });
    expect(read('(312) 555-0170 x12', 'US')).toEqual({ e164: '+13125550170', extension: '12', country: 'US' });
    expect(read('312.555.0170', 'US')).toEqual({ e164: '+13125550170', extension: '', country: 'US' });
    expect(read('38 07 50 00', 'NO')).toEqual({ e164: '+4738075000', extension: '', country: 'NO' });
    expect(read('0047 38075000', 'NO')).toEqual({ e164: '+4738075000', extension: '', country: 'NO' });
    expect(read('+44 20 7946 0958', 'US')).toEqual({ e164: '+442079460958', extension: '', country: 'GB' });
  });

  it('says in words why a number cannot be read', () => {
    expect(read('12', 'NO')).toBe('“12” is too short for a phone number in Norway');
    expect(read('+47 900 00 00 00 00 00', 'NO')).toBe(
      '“+47 900 00 00 00 00 00” has too many digits for one phone number in Norway',
    );
    expect(read('call me', 'US')).toBe(
      '“call me” is not a phone number (digits, spaces, + ( ) . - and an extension such as “ext. 12” only)',
    );
    expect(read('(123) 555-0170', 'US')).toBe(
      '“(123) 555-0170” is not a number in use in the United States (check the digits and the area or country code)',
    );
    expect(read('38 07 50 00', null)).toBe(
      "“38 07 50 00” has no country code: write it with + and the country code, or choose the desk's country in the contacts settings",
    );
    expect(read('900\u202E00 001', 'NO')).toBe(
      '“900\u202E00 001” is not a phone number (digits, spaces, + ( ) . - and an extension such as “ext. 12” only)',
    );
  });

  it('shows a number in the national form at home, the international form abroad, and dials E.164', () => {
    const chicago = { number: '312.555.0170 x12', e164: '+13125550170', extension: '12' };
    const london = { number: '+44 20 7946 0958', e164: '+442079460958', extension: '' };
    expect(shownNumber(chicago, 'US')).toBe('(312) 555-0170 ext. 12');
    expect(shownNumber(chicago, 'NO')).toBe('+1 312 555 0170 ext. 12');
    expect(shownNumber(london, 'US')).toBe('+44 20 7946 0958');
    expect(internationalNumber(chicago)).toBe('+1 312 555 0170 ext. 12');
    expect(dialUri(chicago)).toBe('tel:+13125550170;ext=12');
    const unread = { number: 'ask the switchboard', e164: null, extension: '' };
    expect(shownNumber(unread, 'US')).toBe('ask the switchboard');
    expect(dialUri(unread)).toBeNull();
  });

  it('compares numbers in E.164 with their extension', () => {
    const a = structurePhone('work', '(312) 555-0170 ext. 12', 'US');
    const b = structurePhone('mobile', '+1 312 555 0170 x12', 'NO');
    const c = structurePhone('work', '+1 312 555 0170 ext. 13', 'US');
    if (!a.ok || !b.ok || !c.ok) throw new Error('read');
    expect(phoneKeyOf(a.value)).toBe('+13125550170;ext=12');
    expect(phoneKeyOf(b.value)).toBe(phoneKeyOf(a.value));
    expect(phoneKeyOf(c.value)).not.toBe(phoneKeyOf(a.value));
  });

  it('splits several numbers in one field: Google’s :::, semicolons, lines, and commas only between numbers', () => {
    expect(splitPhoneList('+1 312-555-0170 ::: +1 312-555-0171', 'US')).toEqual(['+1 312-555-0170', '+1 312-555-0171']);
    expect(splitPhoneList('312 555 0170; 312 555 0171\n312 555 0172', 'US')).toEqual([
      '312 555 0170',
      '312 555 0171',
      '312 555 0172',
    ]);
    expect(splitPhoneList('312 555 0170, 312 555 0171', 'US')).toEqual(['312 555 0170', '312 555 0171']);
    expect(splitPhoneList('tel:+1-312-555-0170;ext=12', 'US')).toEqual(['tel:+1-312-555-0170;ext=12']);
    expect(splitPhoneList('call me, later', 'US')).toEqual(['call me, later']);
  });

  it('gives labels as people read them, from every address book’s way of writing them', () => {
    expect(cleanLabel('_$!<Mobile>!$_')).toBe('mobile');
    expect(cleanLabel('_$!<HomeFAX>!$_')).toBe('home fax');
    expect(cleanLabel('* Mobile')).toBe('mobile');
    expect(cleanLabel('After hours')).toBe('After hours');
    expect(labelFromTypes(['CELL', 'VOICE', 'pref'])).toBe('mobile');
    expect(labelFromTypes(['fax', 'WORK'])).toBe('work fax');
    expect(labelFromTypes(['X-Emergency'])).toBe('Emergency');
    expect(labelFromTypes(['AFTER-HOURS'])).toBe('after hours');
    expect(labelFromTypes(['voice'])).toBe('phone');
  });
});

describe('the contact form’s numbers', () => {
  const validateOnNorwegianDesk = (phones: ContactFields['phones']) =>
    validateContactFields(makeContactFields({ phones }), T0, 'NO');

  it('refuses a number it cannot read, naming which one and why, but keeps one already stored as typed', () => {
    const refused = validateOnNorwegianDesk([
      { label: 'mobile', number: '+47 900 00 001' },
      { label: 'desk', number: '12' },
    ]);
    expect(!refused.ok && refused.error.phones).toBe(
      'Number 2: The number “12” is too short for a phone number in Norway.',
    );
    const kept = validateOnNorwegianDesk([{ label: 'desk', number: 'ask the switchboard', e164: null }]);
    expect(kept.ok && kept.value.phones).toEqual([
      { label: 'desk', number: 'ask the switchboard', e164: null, extension: '' },
    ]);
  });

  it('keeps the same line listed twice once, with its first label', () => {
    const r = validateOnNorwegianDesk([
      { label: 'mobile', number: '900 00 001' },
      { label: 'other', number: '+47 90000001' },
    ]);
    expect(r.ok && r.value.phones).toEqual([
      { label: 'mobile', number: '900 00 001', e164: '+4790000001', extension: '' },
    ]);
  });
});

describe('contacts search', () => {
  const jose = makeContact({
    id: 'c1',
    name: 'José Fernández',
    organisation: 'Café de la Paix',
    phones: [{ label: 'mobile', number: '+47 900 99 999' }],
  });
  const jose2 = makeContact({
    id: 'c2',
    name: 'Jose Fernandez',
    organisation: 'Parks',
    phones: [{ label: 'work', number: '+47 38 99 99 90' }],
  });
  const line = makeContact({
    id: 'c3',
    name: 'Duty line',
    organisation: 'Police',
    phones: [
      { label: 'main', number: '+47 23 99 99 90' },
      { label: 'internal', number: '99999' },
    ],
  });
  const all = [jose, jose2, line];
  const ids = (q: string) => searchContacts(all, q, 'NO').map((c) => c.id);

  it('folds accents and case both ways', () => {
    expect(foldForSearch('José Fernández')).toBe('jose fernandez');
    expect(ids('jose')).toEqual(['c1', 'c2']);
    expect(ids('José')).toEqual(['c1', 'c2']);
    expect(ids('FERNANDEZ cafe')).toEqual(['c1']);
  });

  it('puts the contact with exactly the number searched before those whose numbers merely contain it', () => {
    expect(ids('99999')).toEqual(['c3', 'c1', 'c2']);
    expect(ids('900 99 999')).toEqual(['c1']);
    expect(ids('+4790099999')).toEqual(['c1']);
    expect(ids('90099999')).toEqual(['c1']);
  });
});

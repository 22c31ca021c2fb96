import { describe, expect, it } from 'vitest';

import { countryForTimeZone } from '@shared/domain/contacts/phone';
import { createRedactor } from '@shared/domain/record/redaction';

const redactor = (names: string[] = []) =>
  createRedactor({
    country: countryForTimeZone('Europe/Oslo'),
    doNotShare: [{ name: 'Berit Moen', phones: ['+47 922 22 222'] }],
    names,
  });

describe('personal data in free text', () => {
  it('reads phone numbers in the desk’s country, however they are typed', () => {
    const r = redactor();
    expect(r.text('Call 922 22 222, 92222222 or +47 900 00 000 (0047 922.22.222)', 'entry')).toBe(
      'Call [phone number withheld], [phone number withheld] or [phone number withheld] ([phone number withheld])',
    );
    expect(r.replacements).toHaveLength(4);
    expect(r.replacements.every((x) => x.kind === 'phone' && x.where === 'entry')).toBe(true);
  });

  it('reads a number typed in Arabic-Indic or Devanagari digits as a number too', () => {
    const r = redactor();
    expect(r.text('Ring ٩٢٢ ٢٢ ٢٢٢ or ९२२ २२ २२२ tonight', 'entry')).toBe(
      'Ring [phone number withheld] or [phone number withheld] tonight',
    );
    expect(r.replacements).toHaveLength(2);
  });

  it('leaves dates, times, counts and hashes alone', () => {
    const r = redactor();
    const text =
      'On 2026-11-24 at 13:05, 12 people; 24.11.2026; SHA-256 3127364512abcd9234567812ef00aa3127364512abcd9234567812ef00aa1234';
    expect(r.text(text, 'entry')).toBe(text);
    expect(r.replacements).toEqual([]);
  });

  it('replaces email addresses and the names of people marked "do not share", and listed names, as whole words', () => {
    const r = redactor(['Sara Lind']);
    expect(r.text('Berit Moen (berit.moen@example.org) met sara lind; Beritmoen is someone else', 'note')).toBe(
      '[name withheld] ([email withheld]) met [name withheld]; Beritmoen is someone else',
    );
    expect(r.replacements.map((x) => x.kind)).toEqual(['email', 'do-not-share', 'name']);
  });

  it('knows the country of a time zone', () => {
    expect(countryForTimeZone('Europe/Oslo')).toBe('NO');
    expect(countryForTimeZone('America/Chicago')).toBe('US');
    expect(countryForTimeZone('Etc/UTC')).toBeNull();
  });
});

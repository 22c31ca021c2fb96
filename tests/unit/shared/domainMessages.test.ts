import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { describeVerification } from '@shared/domain/contacts/contact';
import { describeTreeError } from '@shared/domain/contacts/tree';
import { describePassphraseProblem } from '@shared/domain/encryption/passphrase';
import { describeDeskRecords } from '@shared/domain/signed/describe';
import { describeStatementError } from '@shared/domain/statements/workflow';
import { offsetLabel } from '@shared/domain/checklists/due';
import { describeVCardSummary } from '@shared/domain/contacts/vcard';
import { format, setDomainLanguage } from '@shared/i18n/format';
import { DOMAIN_EN_PARTS, en } from '@shared/i18n/messages/en';

import { idsInTwoParts, sourceFiles, unparsedMessages } from '../../support/catalogues';

const SHARED = new URL('../../../shared/', import.meta.url).pathname;
const DAY = 86_400_000;

afterEach(() => setDomainLanguage('en', {}));

describe('the domain’s message catalogue', () => {
  it('has every message id shared/ uses in the English catalogue', async () => {
    const used = new Set<string>();
    for (const file of await sourceFiles(SHARED, /\.ts$/)) {
      for (const m of (await readFile(file, 'utf8')).matchAll(/\bformat\(\s*'([\w.]+)'/g)) used.add(m[1] ?? '');
      // A message chosen by a condition: format(cond ? 'a.b' : 'a.c', …).
      for (const m of (await readFile(file, 'utf8')).matchAll(/\? '([a-z]+\.[\w.]+)' : '([a-z]+\.[\w.]+)'/g)) used.add(m[1] ?? '').add(m[2] ?? '');
    }
    expect(used.size).toBeGreaterThan(50);
    expect([...used].filter((id) => !(id in en))).toEqual([]);
  });

  it('parses every message of every catalogue', async () => {
    const { broken, parsed } = await unparsedMessages(join(SHARED, 'i18n/messages'));
    expect(broken).toEqual([]);
    expect(parsed).toBeGreaterThanOrEqual(Object.keys(en).length);
  });

  it('gives every id one home: no part of the catalogue hides another part’s message', () => {
    expect(idsInTwoParts(DOMAIN_EN_PARTS)).toEqual([]);
  });
});

describe('counts in the domain’s sentences', () => {
  it.each([
    [0, 'checked today'], [1, 'checked yesterday'], [2, 'checked 2 days ago'], [1500, 'checked 1,500 days ago'],
  ])('says a contact checked %i days ago is “%s”', (days, text) => {
    expect(describeVerification({ lastVerifiedAt: 0 }, days * DAY + 5)).toBe(text);
  });

  it.each([
    [1, ['1 card: 1 in vCard 3.0.', '1 number keeps its label.']],
    [2, ['2 cards: 2 in vCard 3.0.', '2 numbers keep their labels.']],
    [1200, ['1,200 cards: 1,200 in vCard 3.0.', '1,200 numbers keep their labels.']],
  ] as const)('sums up a vCard file of %i cards', (n, lines) => {
    const summary = { cards: n, versions: [{ version: '3.0', cards: n }], quotedPrintableCards: 0, charsets: [], labelledNumbers: n, groupLabels: 0, extensions: 0, unreadNumbers: 0 };
    expect(describeVCardSummary(summary as Parameters<typeof describeVCardSummary>[0])).toEqual(lines);
  });
  it.each([
    [0, 'This passphrase has 0 characters; use at least 12'], [1, 'This passphrase has 1 character; use at least 12'],
    [2, 'This passphrase has 2 characters; use at least 12'], [11, 'This passphrase has 11 characters; use at least 12'],
  ])('counts a passphrase of %i characters', (length, text) => {
    expect(describePassphraseProblem({ code: 'too-short', length, minimum: 12 })).toContain(text);
  });

  it.each([
    [0, '0 signed records.'], [1, '1 signed record.'], [2, '2 signed records.'], [12_000, '12,000 signed records.'],
  ])('counts %i signed records of a desk', (records, end) => {
    expect(describeDeskRecords({ name: 'Crisis room laptop', deskId: 'desk-1', fingerprint: '3f2a 91c0', records })).toBe(`Desk “Crisis room laptop” desk-1: fingerprint 3f2a 91c0, ${end}`);
  });

  it.each([
    [1, '1 warning is still open.'], [2, '2 warnings are still open.'], [40, '40 warnings are still open.'],
  ])('counts %i open warnings of a statement', (count, start) => {
    expect(describeStatementError({ code: 'warnings-not-acknowledged', count })).toMatch(new RegExp(`^${start}`));
  });

  it.each([
    [{ unit: 'hours', amount: 1 }, '+1 hour'], [{ unit: 'hours', amount: 2 }, '+2 hours'], [{ unit: 'months', amount: 1 }, '+1 month'],
    [{ unit: 'years', amount: 10 }, '+10 years'], [{ unit: 'days', amount: 0 }, 'at the start'], [null, 'before an incident'],
  ] as const)('says a due offset of %o as “%s”', (offset, text) => {
    expect(offsetLabel(offset)).toBe(text);
  });
});

describe('a translation of the domain', () => {
  it('changes what a describer says, and falls back to English for a message it lacks', () => {
    setDomainLanguage('nb', {
      'contacts.tree.atTop': 'Avvist: {name} står allerede øverst i treet.',
      'contacts.verification.daysAgo': '{days, plural, =0 {sjekket i dag} one {sjekket for # dag siden} other {sjekket for # dager siden}}',
    });
    expect(describeTreeError({ code: 'cannot-move', problem: 'at-top', path: ['Ordfører'] })).toBe('Avvist: Ordfører står allerede øverst i treet.');
    expect(describeVerification({ lastVerifiedAt: 0 }, 3 * DAY)).toBe('sjekket for 3 dager siden');
    expect(describeTreeError({ code: 'not-found', nodeId: 'n1' })).toBe('That person is no longer in this tree.');
    expect(format('contacts.verification.never')).toBe('never checked');
  });

  it('speaks English again once the translation is withdrawn', () => {
    setDomainLanguage('nb', { 'contacts.tree.atTop': 'Avvist: {name} står allerede øverst i treet.' });
    setDomainLanguage('en', {});
    expect(describeTreeError({ code: 'cannot-move', problem: 'at-top', path: ['Mayor'] })).toBe('Refused: Mayor is already at the top of the tree.');
  });
});

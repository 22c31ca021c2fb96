import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { describeVerification } from '@shared/domain/contacts/contact';
import { describeTreeError } from '@shared/domain/contacts/tree';
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

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { describeVerification } from '@shared/domain/contacts/contact';
import { describeTreeError } from '@shared/domain/contacts/tree';
import { describePassphraseProblem } from '@shared/domain/encryption/passphrase';
import { describeDeskRecords } from '@shared/domain/signed/describe';
import { describeStatementError } from '@shared/domain/statements/workflow';
import { offsetLabel } from '@shared/domain/checklists/due';
import { describeVCardSummary, parseVCards } from '@shared/domain/contacts/vcard';
import { activationStartContent, standDownContent, timelineContentFor } from '@shared/domain/contacts/activation';
import { releaseTimelineEntry, withdrawalTimelineEntry } from '@shared/domain/statements/timelineEntries';
import { checkSensitivity } from '@shared/domain/statements/sensitivity';
import { formatBytes } from '@shared/domain/text/formatBytes';
import { describeFieldChange } from '@shared/domain/changeWording';
import { planImport, type ImportAnalysis } from '@shared/domain/timeline/csvImport';
import { format, setDomainLanguage } from '@shared/i18n/format';
import { DOMAIN_EN_PARTS, en } from '@shared/i18n/messages/en';

import {
  handMadePlurals,
  handMadePluralsIn,
  idsInTwoParts,
  sourceFiles,
  unparsedMessages,
} from '../../support/catalogues';

const SHARED = new URL('../../../shared/', import.meta.url).pathname;
const DAY = 86_400_000;

afterEach(() => setDomainLanguage('en', {}));

/** An activation of `people` people, each waiting for a call. */
const activation = (people: number) => ({
  id: 'act_1',
  incidentId: 'inc_1',
  treeId: 'tree_1',
  treeName: 'Faith leaders',
  startedAt: 0,
  startedBy: 'Ingrid Berg',
  updatedAt: 0,
  nodes: Array.from({ length: people }, (_, i) => ({
    nodeId: `n${i}`,
    contactId: `c${i}`,
    depth: 0,
    fallbackContactId: null,
    contactName: `Person ${i}`,
    contactRole: '',
    fallbackName: null,
    state: 'waiting' as const,
    onFallback: false,
    updatedAt: 0,
  })),
});

describe('the domain’s message catalogue', () => {
  it('has every message id shared/ uses in the English catalogue', async () => {
    const used = new Set<string>();
    for (const file of await sourceFiles(SHARED, /\.ts$/)) {
      for (const m of (await readFile(file, 'utf8')).matchAll(/\b(?:format|formatMessage)\(\s*'([\w.]+)'/g))
        used.add(m[1] ?? '');
      // A message chosen by a condition: format(cond ? 'a.b' : 'a.c', …).
      for (const m of (await readFile(file, 'utf8')).matchAll(/\? '([a-z]+\.[\w.]+)' : '([a-z]+\.[\w.]+)'/g))
        used.add(m[1] ?? '').add(m[2] ?? '');
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

  it('leaves no plural built by hand in shared/: a word chosen by whether a count is 1 is an ICU plural', async () => {
    expect(await handMadePlurals(SHARED)).toEqual([]);
  });

  it('finds a plural built by hand, in each of the shapes it used to take', () => {
    expect(handMadePluralsIn('x.ts', "const a = `${n} desk${n === 1 ? '' : 's'}`;")).toHaveLength(1);
    expect(handMadePluralsIn('x.ts', "const a = n === 1 ? 'once' : `${n} times`;")).toHaveLength(1);
    expect(handMadePluralsIn('x.ts', "const a = `${rows.length} ${rows.length !== 1 ? 'rows' : 'row'}`;")).toHaveLength(
      1,
    );
    expect(
      handMadePluralsIn('x.ts', 'const plural = (n: number, one: string, many: string) => `${n} ${many}`;'),
    ).toHaveLength(1);
    expect(handMadePluralsIn('x.ts', "return format('contacts.vcard.summary.cards', { count: n });")).toEqual([]);
  });
});

describe('counts in the domain’s sentences', () => {
  it.each([
    [0, 'checked today'],
    [1, 'checked yesterday'],
    [2, 'checked 2 days ago'],
    [1500, 'checked 1,500 days ago'],
  ])('says a contact checked %i days ago is “%s”', (days, text) => {
    expect(describeVerification({ lastVerifiedAt: 0 }, days * DAY + 5)).toBe(text);
  });

  it.each([
    [1, ['1 card: 1 in vCard 3.0.', '1 number keeps its label.']],
    [2, ['2 cards: 2 in vCard 3.0.', '2 numbers keep their labels.']],
    [1200, ['1,200 cards: 1,200 in vCard 3.0.', '1,200 numbers keep their labels.']],
  ] as const)('sums up a vCard file of %i cards', (n, lines) => {
    const summary = {
      cards: n,
      versions: [{ version: '3.0', cards: n }],
      quotedPrintableCards: 0,
      charsets: [],
      labelledNumbers: n,
      groupLabels: 0,
      extensions: 0,
      unreadNumbers: 0,
    };
    expect(describeVCardSummary(summary as Parameters<typeof describeVCardSummary>[0])).toEqual(lines);
  });
  it.each([
    [0, 'This passphrase has 0 characters; use at least 12'],
    [1, 'This passphrase has 1 character; use at least 12'],
    [2, 'This passphrase has 2 characters; use at least 12'],
    [11, 'This passphrase has 11 characters; use at least 12'],
  ])('counts a passphrase of %i characters', (length, text) => {
    expect(describePassphraseProblem({ code: 'too-short', length, minimum: 12 })).toContain(text);
  });

  it.each([
    [0, '0 signed records.'],
    [1, '1 signed record.'],
    [2, '2 signed records.'],
    [12_000, '12,000 signed records.'],
  ])('counts %i signed records of a desk', (records, end) => {
    expect(
      describeDeskRecords({ name: 'Crisis room laptop', deskId: 'desk-1', fingerprint: '3f2a 91c0', records }),
    ).toBe(`Desk “Crisis room laptop” desk-1: fingerprint 3f2a 91c0, ${end}`);
  });

  it.each([
    [1, '1 warning is still open.'],
    [2, '2 warnings are still open.'],
    [40, '40 warnings are still open.'],
  ])('counts %i open warnings of a statement', (count, start) => {
    expect(describeStatementError({ code: 'warnings-not-acknowledged', count })).toMatch(new RegExp(`^${start}`));
  });

  it.each([
    [{ unit: 'hours', amount: 1 }, '+1 hour'],
    [{ unit: 'hours', amount: 2 }, '+2 hours'],
    [{ unit: 'months', amount: 1 }, '+1 month'],
    [{ unit: 'years', amount: 10 }, '+10 years'],
    [{ unit: 'days', amount: 0 }, 'at the start'],
    [null, 'before an incident'],
  ] as const)('says a due offset of %o as “%s”', (offset, text) => {
    expect(offsetLabel(offset)).toBe(text);
  });
});

describe('counts in the sentences of imports, records and checks', () => {
  it.each([
    [0, '0 bytes'],
    [1, '1 byte'],
    [2, '2 bytes'],
    [1000, '1,000 bytes'],
  ])('says a size of %i bytes as “%s”', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });

  it.each([
    [0, 'Call tree “Faith leaders” activated: 0 people to reach'],
    [1, 'Call tree “Faith leaders” activated: 1 person to reach'],
    [2, 'Call tree “Faith leaders” activated: 2 people to reach'],
    [1200, 'Call tree “Faith leaders” activated: 1,200 people to reach'],
  ])('titles an activation of %i people “%s”', (people, title) => {
    expect(activationStartContent(activation(people), 0).title).toBe(title);
  });

  it.each([
    [['press'] as const, 'Channel: Press.'],
    [['press', 'website'] as const, 'Channels: Press, Website.'],
  ])('lists the channels of a release on %j as “%s”', (channels, line) => {
    const entry = releaseTimelineEntry(
      { id: 'stm_1', title: 'Holding statement', language: 'en' },
      { number: 2, text: 'We are with the families.' },
      { approverName: 'Anna Hansen', approverRole: 'Mayor', textHash: 'ab'.repeat(32) },
      { channels, at: 0, note: '' },
    );
    expect(entry.title).toBe('Statement released: Holding statement (English, version 2)');
    expect(entry.body.split('\n')).toEqual([
      line,
      `Approved by Anna Hansen, Mayor. SHA-256 of the approved text: ${'ab'.repeat(32)}`,
      '',
      'We are with the families.',
    ]);
  });

  it.each([
    [1, 'line 2 is not a vCard property: skipped'],
    [2, 'lines 2, 3 are not vCard properties: skipped'],
  ])('notes %i unreadable line(s) of a vCard', (lines, note) => {
    const junk = Array.from({ length: lines }, () => 'this is not a property').join('\r\n');
    const read = parseVCards(`BEGIN:VCARD\r\n${junk}\r\nVERSION:3.0\r\nFN:Kari Dahl\r\nEND:VCARD\r\n`, {
      country: null,
      decode: () => null,
    });
    expect(read.ok ? read.value.cards[0]?.notes : []).toContain(note);
  });

  it.each([
    [1, '(once)', 'named once'],
    [2, '(2 times)', 'named 2 times'],
    [1100, '(1,100 times)', 'named 1,100 times'],
  ])('counts a name used %i times in a statement', (n, inBrackets, named) => {
    const text = Array.from({ length: n }, () => 'Sara Lind.').join(' ');
    const person = (role: 'victim' | 'suspect') => ({
      id: `p_${role}`,
      name: 'Sara Lind',
      role,
      consentRecorded: false,
      consentNote: '',
    });
    const [victim] = checkSensitivity(text, { people: [person('victim')], glossary: [], unverifiedEntries: [] });
    const [suspect] = checkSensitivity(text, { people: [person('suspect')], glossary: [], unverifiedEntries: [] });
    expect(victim?.message).toContain(inBrackets);
    expect(suspect?.message).toContain(named);
  });

  it.each([
    [1, 'while the related timeline entry is still unverified: “Motive: hate crime”.'],
    [2, 'while 2 related timeline entries are still unverified: “Motive: hate crime”, “Motive: hate crime”.'],
    [
      4,
      'while 4 related timeline entries are still unverified: “Motive: hate crime”, “Motive: hate crime”, “Motive: hate crime” ….',
    ],
  ])('counts %i unverified entries behind a stated motive', (n, end) => {
    const unverifiedEntries = Array.from({ length: n }, (_, i) => ({
      id: `tle_${i}`,
      title: 'Motive: hate crime',
      body: '',
    }));
    const [w] = checkSensitivity('Police say it was a hate crime.', { people: [], glossary: [], unverifiedEntries });
    expect(w?.message.endsWith(end)).toBe(true);
  });

  it.each([
    [{ records: 0, desks: 0 }, '0 signed records of 0 desks'],
    [{ records: 1, desks: 1 }, '1 signed record of 1 desk'],
    [{ records: 2, desks: 2 }, '2 signed records of 2 desks'],
    [{ records: 4000, desks: 12 }, '4,000 signed records of 12 desks'],
  ])('counts the signed records and desks of a checked record: %o', (values, start) => {
    expect(format('record.signatures.ok', values)).toMatch(new RegExp(`^${start}: every signature`));
  });

  it.each([
    [0, 'the 0 desk identities'],
    [1, 'the 1 desk identity'],
    [2, 'the 2 desk identities'],
    [30, 'the 30 desk identities'],
  ])('counts %i desk identities of an edition without signed records', (desks, words) => {
    expect(format('record.signatures.notCarried', { profile: 'public', desks })).toContain(words);
  });

  it.each([
    [1, 'holds a field its format'],
    [2, 'holds 2 fields its format'],
    [1500, 'holds 1,500 fields its format'],
  ])('counts %i field(s) a record’s format does not define', (count, words) => {
    expect(format('record.verify.extraFields', { count, fields: 'x', more: 'no' })).toContain(words);
  });

  it.each([
    [1, "1 entry was logged by an earlier version past today's limits and is checked as recorded"],
    [2, "2 entries were logged by an earlier version past today's limits and are checked as recorded"],
    [1200, "1,200 entries were logged by an earlier version past today's limits and are checked as recorded"],
  ])('counts %i entries past today’s limits in a record', (count, start) => {
    expect(format('record.verify.overLimit', { count, entries: '“x”', more: 'no' }).startsWith(start)).toBe(true);
  });

  it.each([
    [1, 'the chain then had 1 revision;'],
    [2, 'the chain then had 2 revisions;'],
    [7000, 'the chain then had 7,000 revisions;'],
  ])('counts %i revisions of a chain head published before a record', (revisions, words) => {
    expect(
      format('record.verify.headsMissing', {
        via: 'the backup written',
        when: '24 Nov 2026 14:03 (Europe/Oslo)',
        revisions,
        length: 0,
      }),
    ).toContain(words);
  });

  it.each([
    ['given', 1, 'Version 2 sent for review by Ingrid Berg with 1 sensitivity warning overridden: “Police named him”'],
    ['given', 3, 'Version 2 sent for review by Ingrid Berg with 3 sensitivity warnings overridden: “Police named him”'],
    [
      'withheld',
      1,
      'Version 2 sent for review by Ingrid Berg past 1 sensitivity warning (the reason given is withheld)',
    ],
    [
      'withheld',
      2,
      'Version 2 sent for review by Ingrid Berg past 2 sensitivity warnings (the reason given is withheld)',
    ],
    ['none', 0, 'Version 2 sent for review by Ingrid Berg'],
  ])('tells a review trail’s submission with its warnings %s (%i)', (overridden, warnings, text) => {
    expect(
      format('record.trail.sentForReview', {
        version: 2,
        by: 'Ingrid Berg',
        overridden,
        warnings,
        reason: 'Police named him',
      }),
    ).toBe(text);
  });
});

describe('counts in history lines and in a timeline import', () => {
  it.each([
    [0, 'none', 'none', 'none'],
    [1, '1 person', '1 number', '1 item'],
    [2, '2 people', '2 numbers', '2 items'],
    [1500, '1,500 people', '1,500 numbers', '1,500 items'],
  ])('says a list of %i as “%s”, “%s”, “%s” in a change line', (n, people, numbers, items) => {
    const list = Array.from({ length: n }, () => ({}));
    expect(describeFieldChange({ field: 'nodes', before: null, after: list }, 'UTC').after).toBe(people);
    expect(describeFieldChange({ field: 'phones', before: null, after: list }, 'UTC').after).toBe(numbers);
    expect(describeFieldChange({ field: 'attachments', before: null, after: list }, 'UTC').after).toBe(items);
  });

  const analysis = (bad: number, ambiguous: number): ImportAnalysis => ({
    rows: [],
    errors: Array.from({ length: bad }, (_, i) => ({ row: i + 2, column: 'When', problem: 'is empty' })),
    ambiguous: Array.from({ length: ambiguous }, (_, i) => ({
      row: i + 2,
      column: 'When',
      wall: '2026-10-25 02:30',
      earlier: 0,
      later: 1,
    })),
    resolved: [],
  });
  const choices = { skipDuplicates: true, leaveOutOutside: false, acceptUnreadable: false, leaveOutBad: false };
  it.each([
    [1, 'Fix the 1 row with problems', 'for the 1 row whose'],
    [2, 'Fix the 2 rows with problems', 'for the 2 rows whose'],
    [1200, 'Fix the 1,200 rows with problems', 'for the 1,200 rows whose'],
  ])('counts %i rows that keep an import waiting', (n, bad, ambiguous) => {
    const [fix, choose] = planImport(analysis(n, n), choices).blockers;
    expect(fix).toContain(bad);
    expect(choose).toContain(ambiguous);
  });

  it('says nothing is left to import rather than counting 0 rows', () => {
    expect(planImport(analysis(0, 0), choices).blockers).toEqual(['No rows are left to import.']);
  });

  it.each([
    [1, 1, 'has 1 value but the header row names 1 column'],
    [3, 2, 'has 3 values but the header row names 2 columns'],
  ])('counts %i values against %i columns of a header row', (values, columns, text) => {
    expect(format('timeline.import.extraValues', { values, columns, extra: 'x' })).toContain(text);
  });
});

describe('counts in the checks of stored rows, packages, forms and imports', () => {
  it.each([
    [0, '0 characters', '0 items', '0 files'],
    [1, '1 character', '1 item', '1 file'],
    [2, '2 characters', '2 items', '2 files'],
    [20_001, '20,001 characters', '20,001 items', '20,001 files'],
  ])('counts %i as “%s”, “%s” and “%s”', (n, characters, items, files) => {
    expect(format('text.row.tooBig', { field: 'the title', size: n, unit: 'characters', maximum: 500 })).toBe(
      `the title is ${characters} long; it takes up to 500`,
    );
    expect(format('text.row.overLimit', { where: 'tags', size: n, unit: 'items', maximum: 30 })).toBe(
      `tags: ${items}, over today's 30`,
    );
    expect(format('record.package.manifestOk', { files: n, createdAt: '2026-11-25T13:00:00.000Z' })).toBe(
      `${files} listed, made 2026-11-25T13:00:00.000Z.`,
    );
    expect(format('timeline.content.titleTooLong', { length: n, limit: 500 })).toBe(
      `The title is ${characters}; a title takes up to 500`,
    );
  });

  it.each([
    [2, 'has 2 email addresses: a@example.org is kept'],
    [1001, 'has 1,001 email addresses: a@example.org is kept'],
  ])('counts %i email addresses of one imported contact', (count, start) => {
    expect(format('contacts.import.emails', { count, kept: 'a@example.org' })).toMatch(new RegExp(`^${start}`));
  });
});

describe('a translation of the domain', () => {
  it('changes what a describer says, and falls back to English for a message it lacks', () => {
    setDomainLanguage('nb', {
      'contacts.tree.atTop': 'Avvist: {name} står allerede øverst i treet.',
      'contacts.verification.daysAgo':
        '{days, plural, =0 {sjekket i dag} one {sjekket for # dag siden} other {sjekket for # dager siden}}',
    });
    expect(describeTreeError({ code: 'cannot-move', problem: 'at-top', path: ['Ordfører'] })).toBe(
      'Avvist: Ordfører står allerede øverst i treet.',
    );
    expect(describeVerification({ lastVerifiedAt: 0 }, 3 * DAY)).toBe('sjekket for 3 dager siden');
    expect(describeTreeError({ code: 'not-found', nodeId: 'n1' })).toBe('That person is no longer in this tree.');
    expect(format('contacts.verification.never')).toBe('never checked');
  });

  it('names recorded fields, counts and import blockers in the translation', () => {
    setDomainLanguage('nb', {
      'history.field.startAt': 'Starttid',
      'history.value.people': '{count, plural, one {# person} other {# personer}}',
      'timeline.import.fixBadRows':
        'Rett {rows, plural, one {raden} other {de # radene}} med feil i filen, eller velg å utelate dem.',
    });
    expect(describeFieldChange({ field: 'startAt', before: null, after: null }, 'UTC').label).toBe('Starttid');
    expect(describeFieldChange({ field: 'nodes', before: null, after: [{}, {}, {}] }, 'UTC')).toEqual({
      label: 'Who calls whom',
      before: 'not set',
      after: '3 personer',
    });
    const bad = { rows: [], errors: [{ row: 2, column: 'When', problem: 'is empty' }], ambiguous: [], resolved: [] };
    expect(
      planImport(bad, { skipDuplicates: true, leaveOutOutside: false, acceptUnreadable: false, leaveOutBad: false })
        .blockers,
    ).toEqual(['Rett raden med feil i filen, eller velg å utelate dem.']);
  });

  it('writes the timeline lines of statements and call trees in the translation', () => {
    setDomainLanguage('nb', {
      'statements.timeline.withdrawn': 'Uttalelse trukket tilbake: {title} ({language})',
      'statements.timeline.reason': 'Begrunnelse: {reason}',
      'statements.timeline.source': 'Uttalelser',
      'contacts.activation.line.stoodDown': 'Ringetre «{tree}» avblåst: {reached} av {total} nådd',
      'contacts.activation.line.call': 'Ringetre «{tree}»: {name} {state}',
      'contacts.activation.source': 'Ringetre',
    });
    expect(
      withdrawalTimelineEntry({ id: 'stm_1', title: 'Holding statement', language: 'en' }, 0, ' Wrong figures '),
    ).toMatchObject({
      title: 'Uttalelse trukket tilbake: Holding statement (English)',
      body: 'Begrunnelse: Wrong figures',
      source: 'Uttalelser',
    });
    const a = { ...activation(3), standDown: { at: 0, by: 'Ingrid Berg', reason: 'Over' } };
    expect(standDownContent(a, 0)).toMatchObject({
      title: 'Ringetre «Faith leaders» avblåst: 0 av 3 nådd',
      source: 'Ringetre',
    });
    const node = a.nodes[0]!;
    expect(timelineContentFor(a, { node, to: 'calling', escalated: false }, '', 0).title).toBe(
      'Ringetre «Faith leaders»: Person 0 calling',
    );
  });

  it('speaks English again once the translation is withdrawn', () => {
    setDomainLanguage('nb', { 'contacts.tree.atTop': 'Avvist: {name} står allerede øverst i treet.' });
    setDomainLanguage('en', {});
    expect(describeTreeError({ code: 'cannot-move', problem: 'at-top', path: ['Mayor'] })).toBe(
      'Refused: Mayor is already at the top of the tree.',
    );
  });
});

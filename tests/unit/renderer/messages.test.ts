import { readFile } from 'node:fs/promises';

import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

import { t, tRich } from '@renderer/i18n/messages';
import { en, EN_PARTS } from '@renderer/i18n/messages/en';

import { idsInTwoParts, sourceFiles, unparsedMessages } from '../../support/catalogues';

const RENDERER = new URL('../../../src-renderer/', import.meta.url).pathname;

describe('message catalogues', () => {
  it('has every message id the screens use in the English catalogue', async () => {
    const used = new Set<string>();
    for (const file of await sourceFiles(RENDERER, /\.tsx?$/)) {
      for (const m of (await readFile(file, 'utf8')).matchAll(/\bt(?:Rich)?\('([\w.]+)'/g)) used.add(m[1] ?? '');
    }
    expect(used.size).toBeGreaterThan(20);
    expect([...used].filter((id) => !(id in en))).toEqual([]);
  });

  it('parses every message of every catalogue', async () => {
    const { broken, parsed } = await unparsedMessages(
      new URL('../../../src-renderer/i18n/messages/', import.meta.url).pathname,
    );
    expect(broken).toEqual([]);
    expect(parsed).toBeGreaterThanOrEqual(Object.keys(en).length);
  });

  it('gives every id one home: no part of the catalogue hides another part’s message', () => {
    expect(idsInTwoParts(EN_PARTS)).toEqual([]);
  });

  it.each([
    [0, '0 entries'],
    [1, '1 entry'],
    [2, '2 entries'],
    [100_000, '100,000 entries'],
  ])('counts %i timeline entries as “%s”', (count, text) => {
    expect(t('timeline.count.entries', { count })).toBe(text);
  });

  it('never offers to import nothing, one thing as many, or many as one', () => {
    expect(t('csvImport.import', { count: 0 })).toBe('Nothing to import');
    expect(t('csvImport.import', { count: 1 })).toBe('Import 1 entry');
    expect(t('csvImport.import', { count: 2 })).toBe('Import 2 entries');
    expect(t('csvImport.leaveOutBad', { count: 1 })).toBe('Import the good rows and leave out the row with problems');
    expect(t('csvImport.leaveOutBad', { count: 3 })).toBe(
      'Import the good rows and leave out the 3 rows with problems',
    );
    expect(t('csvImport.problems', { problems: 1, rows: 1 })).toBe('1 problem in 1 row');
    expect(t('csvImport.problems', { problems: 3, rows: 2 })).toBe('3 problems in 2 rows');
  });

  it('says cards for a vCard file and rows for a CSV, one or many', () => {
    expect(t('contactImport.problems', { problems: 1, bad: 1, unit: 'vcard' })).toBe('1 problem in 1 card');
    expect(t('contactImport.problems', { problems: 2, bad: 2, unit: 'vcard' })).toBe('2 problems in 2 cards');
    expect(t('contactImport.problems', { problems: 2, bad: 1, unit: 'csv' })).toBe('2 problems in 1 row');
    expect(t('contactImport.ready', { count: 1 })).toBe('Ready to import: 1 contact');
    expect(t('checklists.overdueBadge', { count: 1, long: 'true' })).toBe('1 overdue checklist item');
    expect(t('checklists.overdueBadge', { count: 12, long: 'false' })).toBe('12 overdue');
    expect(t('settings.autoBackup.failureNotice', { lead: 'The disk is full', minutes: 1 })).toBe(
      'The disk is full; the desk tries again in 1 minute, and meanwhile a backup can be saved by hand in Settings.',
    );
    expect(t('contacts.tree.staleWarning', { count: 1, days: 1 })).toBe(
      '1 person in this tree has details not verified for 1 day: check them before the tree is needed.',
    );
    expect(t('contacts.tree.staleWarning', { count: 2, days: 180 })).toBe(
      '2 people in this tree have details not verified for 180 days: check them before the tree is needed.',
    );
    expect(t('statements.wordsChanged', { added: 1, removed: 1200 })).toBe('1 word added, 1,200 removed.');
  });
});

describe('counts on the contacts, checklists, plan, settings and record screens', () => {
  it.each([
    [0, '0 contacts. Details not verified for 180 days are marked stale: check them before they are needed.'],
    [1, '1 contact. Details not verified for 180 days are marked stale: check them before they are needed.'],
    [2, '2 contacts. Details not verified for 180 days are marked stale: check them before they are needed.'],
    [1200, '1,200 contacts. Details not verified for 180 days are marked stale: check them before they are needed.'],
  ])('counts %i contacts in the directory', (total, text) => {
    expect(t('contacts.screen.count', { total, days: 180 })).toBe(text);
  });

  it('says how many of the directory a search shows, and a stale period of one day', () => {
    expect(t('contacts.screen.countOf', { shown: 1, total: 1, days: 1 })).toBe(
      '1 of 1 contact. Details not verified for 1 day are marked stale: check them before they are needed.',
    );
    expect(t('contacts.screen.countOf', { shown: 0, total: 23, days: 180 })).toBe(
      '0 of 23 contacts. Details not verified for 180 days are marked stale: check them before they are needed.',
    );
  });

  it.each([
    [
      0,
      'Contact details are personal data. The file will hold names, phone numbers, emails and notes of 0 people: keep it only where the crisis team can reach it, and delete it when no longer needed.',
    ],
    [
      1,
      'Contact details are personal data. The file will hold names, phone numbers, emails and notes of 1 person: keep it only where the crisis team can reach it, and delete it when no longer needed.',
    ],
    [
      2,
      'Contact details are personal data. The file will hold names, phone numbers, emails and notes of 2 people: keep it only where the crisis team can reach it, and delete it when no longer needed.',
    ],
  ])('warns about the personal data of %i people in a contact export', (count, text) => {
    expect(t('contacts.export.detailsWarning', { count })).toBe(text);
  });

  it('counts contacts exported, imported and held back as “do not share”', () => {
    expect(t('contacts.export.done', { count: 1, path: '/tmp/c.vcf', details: 'no' })).toBe(
      '1 contact exported to /tmp/c.vcf, names only',
    );
    expect(t('contacts.export.done', { count: 3, path: '/tmp/c.vcf', details: 'yes' })).toBe(
      '3 contacts exported to /tmp/c.vcf, with their numbers and emails',
    );
    expect(t('contacts.screen.imported', { count: 1, file: 'a.vcf' })).toBe('1 contact imported from a.vcf.');
    expect(t('contacts.screen.imported', { count: 0, file: 'a.vcf' })).toBe('0 contacts imported from a.vcf.');
    expect(t('contacts.export.includeRestricted', { count: 1 })).toBe(
      'Also include the 1 contact marked “do not share”',
    );
    expect(t('contacts.export.includeRestricted', { count: 4 })).toBe(
      'Also include the 4 contacts marked “do not share”',
    );
    expect(t('contacts.screen.inUse', { name: 'Ana', trees: '“A”', count: 1 })).toBe(
      'Ana is not deleted: still in “A”. Take them out of that tree first.',
    );
    expect(t('contacts.screen.inUse', { name: 'Ana', trees: '“A”, “B”', count: 2 })).toBe(
      'Ana is not deleted: still in “A”, “B”. Take them out of those trees first.',
    );
  });

  it('counts the people of a call tree and the calls of an activation', () => {
    expect(t('contacts.activation.treeOption', { name: 'Mayor', count: 1 })).toBe('Mayor (1 person)');
    expect(t('contacts.activation.treeOption', { name: 'Mayor', count: 4 })).toBe('Mayor (4 people)');
    expect(t('contacts.activation.standDownExplain', { reached: 2, total: 4, open: 1 })).toMatch(
      /^2 of 4 reached; one call is still open\. Standing down/,
    );
    expect(t('contacts.activation.standDownExplain', { reached: 2, total: 4, open: 2 })).toMatch(
      /^2 of 4 reached; 2 calls are still open\. /,
    );
    expect(t('contacts.activation.open', { open: 3, stoodDown: 'no', unreachable: 0, declined: 0 })).toBe(
      '3 still to call',
    );
    expect(t('contacts.activation.open', { open: 0, stoodDown: 'yes', unreachable: 1, declined: 2 })).toBe(
      '0 not called (stood down), 1 unreachable, 2 declined',
    );
  });

  it('counts checklist items added, resolved together, and exported as milestones', () => {
    expect(t('checklists.addDialog.added', { count: 1 })).toBe('1 checklist item added.');
    expect(t('checklists.addDialog.added', { count: 24 })).toBe('24 checklist items added.');
    expect(
      t('checklists.resolveOffer.done', { count: 1, title: 'Issue a first public message', label: 'the statement' }),
    ).toBe('“Issue a first public message” marked done, linked to the statement.');
    expect(t('checklists.resolveOffer.done', { count: 2, title: 'x', label: 'the statement' })).toBe(
      '2 checklist items marked done, linked to the statement.',
    );
    expect(t('checklists.calendar.done', { count: 1, path: 'm.ics' })).toBe(
      '1 milestone exported to m.ics. Open it in the calendar app to add it.',
    );
    expect(t('checklists.calendar.done', { count: 0, path: 'm.ics' })).toBe(
      '0 milestones exported to m.ics. Open it in the calendar app to add them.',
    );
    expect(t('checklists.phase.done', { done: 3, total: 10, notApplicable: 0 })).toBe('3 of 10 done');
    expect(t('checklists.phase.done', { done: 3, total: 10, notApplicable: 1 })).toBe('3 of 10 done, 1 not applicable');
  });

  it('says which items a newer plan rewords and a resolved item keeps', () => {
    expect(t('checklists.planUpdate.resolvedUnchanged', { count: 1, titles: '“A”' })).toBe(
      'One item the plan rewords is already resolved here and stays as it was: “A”.',
    );
    expect(t('checklists.planUpdate.resolvedUnchanged', { count: 2, titles: '“A”, “B”' })).toBe(
      '2 items the plan rewords are already resolved here and stay as they were: “A”, “B”.',
    );
    expect(t('checklists.picker.option', { count: 1, version: 0, cityOwn: 'no' })).toBe('(1 item)');
    expect(t('checklists.picker.option', { count: 12, version: 3, cityOwn: 'no' })).toBe('(12 items, city version 3)');
    expect(t('checklists.picker.option', { count: 2, version: 0, cityOwn: 'yes' })).toBe('(2 items, the city’s own)');
  });

  it('counts the plan’s items and versions, and preparedness items due for review', () => {
    expect(t('plan.screen.summary', { count: 1, stated: 0 })).toBe('1 item, 0 in the guide’s words (paraphrased).');
    expect(t('plan.screen.summary', { count: 14, stated: 9 })).toBe('14 items, 9 in the guide’s words (paraphrased).');
    expect(t('plan.preparedness.started', { count: 1 })).toBe('Preparedness checklist started with 1 item.');
    expect(t('plan.preparedness.done', { done: 2, total: 9, review: 0 })).toBe('2 of 9 done');
    expect(t('plan.preparedness.done', { done: 2, total: 9, review: 1 })).toBe(
      '2 of 9 done · 1 due for its yearly review',
    );
    expect(t('plan.preparedness.done', { done: 2, total: 9, review: 3 })).toBe(
      '2 of 9 done · 3 due for their yearly review',
    );
  });

  it.each([
    ['incidents', 0, '0 incidents'],
    ['incidents', 1, '1 incident'],
    ['timelineEntries', 1, '1 timeline entry'],
    ['timelineEntries', 100_000, '100,000 timeline entries'],
    ['checklistItems', 2, '2 checklist items'],
    ['auditLog', 1, '1 audit log line'],
  ])('counts the %s a backup holds (%i) as “%s”', (table, count, text) => {
    expect(t('settings.restore.count', { table, count })).toBe(text);
  });

  it('counts broken chains, old records and backup settings in the singular and the plural', () => {
    expect(t('settings.restore.accept', { count: 1 })).toContain('with this broken chain,');
    expect(t('settings.restore.accept', { count: 2 })).toContain('with these broken chains,');
    expect(t('settings.restore.overLimit', { count: 1 })).toBe(
      "1 record was logged by an earlier version past today's limits; it is kept exactly as recorded",
    );
    expect(t('settings.restore.overLimit', { count: 7 })).toBe(
      "7 records were logged by an earlier version past today's limits; they are kept exactly as recorded",
    );
    expect(t('settings.autoBackup.policySaved', { every: 1, keepLast: 12, days: 1 })).toBe(
      'Backup policy saved: every minute, the last 12, and one a day for 1 day.',
    );
    expect(t('settings.autoBackup.policySaved', { every: 10, keepLast: 12, days: 30 })).toBe(
      'Backup policy saved: every 10 minutes, the last 12, and one a day for 30 days.',
    );
    expect(t('settings.backup.brokenRefused', { count: 1, titles: '“A”' })).toBe(
      'Nothing was restored: the timeline of “A” in this backup does not check out. Read the warning and confirm to restore it anyway.',
    );
    expect(t('settings.backup.brokenRefused', { count: 2, titles: '“A”, “B”' })).toBe(
      'Nothing was restored: the timelines of “A”, “B” in this backup do not check out. Read the warning and confirm to restore them anyway.',
    );
  });

  it('counts the files of an export package and the entries of a print view', () => {
    expect(t('record.export.packageSaved', { path: 'p.zip', count: 5 })).toBe(
      'Export package saved: p.zip (5 files and their manifest).',
    );
    expect(t('record.export.packageSaved', { path: 'p.zip', count: 1 })).toBe(
      'Export package saved: p.zip (1 file and its manifest).',
    );
    expect(t('record.print.partial', { count: 300 })).toBe(
      'Print view of the first 300 timeline entries: the PDF of the export package holds them all.',
    );
    expect(t('record.print.partial', { count: 1 })).toBe(
      'Print view of the first timeline entry: the PDF of the export package holds them all.',
    );
    expect(t('record.worker.chain', { from: 5000, total: 100_000 })).toBe(
      'Walking the hash chain (5,000 of 100,000 revisions)',
    );
  });
});

describe('messages with markup inside a sentence', () => {
  it('keeps the sentence whole and puts the markup where the message says', () => {
    const html = renderToStaticMarkup(
      createElement(
        'p',
        null,
        tRich(
          'contacts.form.readsAs',
          { shown: '(312) 555-0170', dialled: '+1 312 555 0170', country: 'none' },
          { b: (chunks) => createElement('strong', null, ...chunks) },
        ),
      ),
    );
    expect(html).toBe('<p>Reads as <strong>(312) 555-0170</strong>, dialled +1 312 555 0170</p>');
  });

  it('leaves text that looks like markup in a value as text', () => {
    const html = renderToStaticMarkup(
      createElement(
        'p',
        null,
        tRich(
          'checklists.item.assignee',
          { assignee: '<img src=x>' },
          { b: (chunks) => createElement('strong', null, ...chunks) },
        ),
      ),
    );
    expect(html).toBe('<p>Assigned to: <strong>&lt;img src=x&gt;</strong></p>');
  });
});

import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

import { t, tRich } from '@renderer/i18n/messages';

const strong = (chunks: unknown[]) => createElement('strong', null, ...(chunks as string[]));

describe('the words of the timeline, statements and incident screens', () => {
  it.each([
    [0, '0 entries imported.'],
    [1, '1 entry imported.'],
    [2, '2 entries imported.'],
    [12_500, '12,500 entries imported.'],
  ])('reports %i imported entries as “%s”', (count, text) => {
    expect(t('timeline.timelinePanel.entriesImported', { count })).toBe(text);
  });

  it.each([
    [0, '0 entries exported to /tmp/t.csv'],
    [1, '1 entry exported to /tmp/t.csv'],
    [2, '2 entries exported to /tmp/t.csv'],
    [100_000, '100,000 entries exported to /tmp/t.csv'],
  ])('reports %i exported entries as “%s”', (count, text) => {
    expect(t('timeline.timelineCsvActions.exported', { count, savedTo: '/tmp/t.csv' })).toBe(text);
  });

  it.each([
    [0, 'Verifying… 0 revisions'],
    [1, 'Verifying… 1 revision'],
    [2, 'Verifying… 2 revisions'],
    [40_000, 'Verifying… 40,000 revisions'],
  ])('counts %i verified revisions as “%s”', (count, text) => {
    expect(t('timeline.integrityCheck.verifying', { count })).toBe(text);
  });

  it('says one placeholder or several when sending for review is blocked', () => {
    expect(t('statements.draftEditor.blocked', { count: 1, names: 'City' })).toBe(
      'Sending for review is blocked: this placeholder is still empty: City.',
    );
    expect(t('statements.draftEditor.blocked', { count: 2, names: 'City, Date' })).toBe(
      'Sending for review is blocked: these 2 placeholders are still empty: City, Date.',
    );
    expect(t('statements.draftEditor.blocked', { count: 12, names: '…' })).toBe(
      'Sending for review is blocked: these 12 placeholders are still empty: ….',
    );
  });

  it('asks for one unknown placeholder as “it” and for several as “them”', () => {
    expect(t('statements.statementTemplateEditor.unknownPlaceholders', { count: 1, names: '“Mayr”' })).toBe(
      'The desk does not know “Mayr”: it will ask for it when drafting. Check for typos.',
    );
    expect(t('statements.statementTemplateEditor.unknownPlaceholders', { count: 2, names: '“Mayr”, “Cty”' })).toBe(
      'The desk does not know “Mayr”, “Cty”: it will ask for them when drafting. Check for typos.',
    );
  });

  it('counts unticked guidance, rows and characters of a CSV file with plural rules', () => {
    expect(t('statements.submitDialog.theApproverWillSeeThis', { count: 1 })).toBe(
      '1 item of the guidance is not ticked. The approver will see this.',
    );
    expect(t('statements.submitDialog.theApproverWillSeeThis', { count: 3 })).toBe(
      '3 items of the guidance are not ticked. The approver will see this.',
    );
    expect(t('timeline.timelineCsvImportDialog.timesWithoutAnOffsetAre', { count: 1, zone: 'Europe/Oslo' })).toMatch(
      /^1 row\. Times without an offset are read on the incident's clock \(Europe\/Oslo\)\./,
    );
    expect(t('timeline.timelineCsvImportDialog.timesWithoutAnOffsetAre', { count: 0, zone: 'UTC' })).toMatch(
      /^0 rows\. /,
    );
    expect(t('timeline.timelineCsvImportDialog.timesWithoutAnOffsetAre', { count: 2_000, zone: 'UTC' })).toMatch(
      /^2,000 rows\. /,
    );
    expect(t('timeline.timelineCsvImportDialog.cannotBeReadAsAnd', { count: 1, encoding: 'UTF-8' })).toMatch(
      /^1 character cannot be read as UTF-8 /,
    );
    expect(t('timeline.timelineCsvImportDialog.theFileItselfHoldsLetters', { count: 2 })).toMatch(
      /^The file itself holds 2 replacement characters \(�\)/,
    );
  });

  it('says which date order was detected and which one was chosen', () => {
    expect(
      t('timeline.timelineCsvImportDialog.dateOrderFromFile', { order: 'monthFirst', row: 3, text: '07/24/2026' }),
    ).toBe('Detected: month first, as row 3 has “07/24/2026”, which reads only that way.');
    expect(t('timeline.timelineCsvImportDialog.dateOrderFromZone', { order: 'dayFirst', zone: 'Europe/Oslo' })).toBe(
      'Detected: day first, the convention in Europe/Oslo. ISO dates (2026-07-04) read the same either way.',
    );
    expect(t('timeline.timelineCsvImportDialog.dateOrderChosen', { order: 'monthFirst' })).toBe(
      'You chose month first.',
    );
    expect(t('timeline.timelineCsvImportDialog.detected', { guess: 'UTF-8', chose: 'no', encoding: 'UTF-8' })).toBe(
      'Detected: UTF-8.',
    );
    expect(
      t('timeline.timelineCsvImportDialog.detected', { guess: 'UTF-8', chose: 'yes', encoding: 'Windows-1252' }),
    ).toBe('Detected: UTF-8. You chose Windows-1252.');
    expect(t('timeline.timelineCsvImportDialog.writingEntry', { step: 'sealing', done: 1_000, total: 25_000 })).toBe(
      'Sealing entry 1,000 of 25,000',
    );
    expect(t('timeline.timelineCsvImportDialog.writingEntry', { step: 'writing', done: 1, total: 2 })).toBe(
      'Writing entry 1 of 2',
    );
  });

  it('adds the optional parts of a sentence only when they are there', () => {
    expect(t('timeline.entryDetails.logged2', { at: '14:05', by: 'Ana', onBehalf: 'no', whom: null })).toBe(
      '14:05 by Ana',
    );
    expect(t('timeline.entryDetails.logged2', { at: '14:05', by: 'Ana', onBehalf: 'yes', whom: 'Chief Ola' })).toBe(
      '14:05 by Ana, on behalf of Chief Ola',
    );
    expect(t('statements.peopleEditor.victimConsentRecorded', { hasNote: 'no', note: null })).toBe(
      'victim, consent recorded',
    );
    expect(t('statements.peopleEditor.victimConsentRecorded', { hasNote: 'yes', note: 'by phone' })).toBe(
      'victim, consent recorded (by phone)',
    );
    expect(t('statements.translateDialog.linked', { version: 2, title: 'Holding', approved: 'no' })).toBe(
      'The translation is linked to version 2 of “Holding” (not yet approved). When the source gets a new approved version, the translation is flagged out of date.',
    );
    expect(
      t('timeline.timelineList.rowLabel', {
        time: '14:05',
        category: 'Rumour',
        title: 'Fire',
        retracted: 'yes',
        conflict: 'no',
      }),
    ).toBe('14:05 Rumour: Fire (retracted)');
    expect(
      t('timeline.timelineList.rowLabel', {
        time: '14:05',
        category: 'Event',
        title: 'Fire',
        retracted: 'no',
        conflict: 'yes',
      }),
    ).toBe('14:05 Event: Fire (conflicting corrections)');
    expect(t('timeline.quickEntryBar.when', { day: 'yesterday', date: '', approximate: 'yes', time: '14:05' })).toBe(
      'yesterday about 14:05',
    );
    expect(t('timeline.quickEntryBar.when', { day: 'date', date: '3 Mar', approximate: 'no', time: '09:00' })).toBe(
      '3 Mar 09:00',
    );
  });

  it('keeps a sentence with emphasis whole, and user text inside it stays text', () => {
    const html = renderToStaticMarkup(
      createElement(
        'p',
        null,
        tRich(
          'statements.approvalRecord.approved',
          { version: 3, name: '<b>Mayor</b>', role: 'Mayor', at: '28 Mar 14:20' },
          { strong },
        ),
      ),
    );
    expect(html).toBe('<p>Version 3 approved by <strong>&lt;b&gt;Mayor&lt;/b&gt;</strong>, Mayor, at 28 Mar 14:20</p>');
    const revising = renderToStaticMarkup(
      createElement('p', null, tRich('statements.draftEditor.revising', { next: 4, approved: 3 }, { strong })),
    );
    expect(revising).toBe(
      '<p>Approved text is frozen. Saving makes <strong>version 4</strong> as a draft, which needs approval again. Until then, version 3 stays the approved one that is copied, exported and released.</p>',
    );
  });

  it('shows the placeholder syntax literally, braces and all', () => {
    expect(t('statements.draftEditor.placeholdersInDoubleBracesLike')).toBe(
      'Placeholders in double braces, like {{city}}, are filled from the fields above. To print braces themselves, write \\{{.',
    );
  });
});

import { describe, expect, it } from 'vitest';

import { describeRecordImportError } from '@renderer/desk/record/importRecord';
import { t } from '@renderer/i18n/messages';

describe('why a record was not imported, in words', () => {
  it('lists the sections a record leaves out as a sentence, not as the programme names them', () => {
    const text = describeRecordImportError({ code: 'incomplete', missing: ['audit', 'activations', 'rows'] });
    expect(text).toBe(
      'This record leaves out the audit trail, the call-tree activations, and the rows of its features; it cannot rebuild the incident completely. Export it again with every section.',
    );
  });

  it('names the edition of a redacted record as the export screen names it', () => {
    expect(describeRecordImportError({ code: 'redacted', profile: 'council' })).toMatch(
      /^This record is the Council edition, with parts left out/,
    );
  });

  it('names the part of the record a refused row belongs to in words', () => {
    const text = describeRecordImportError({
      code: 'invalid-row',
      table: 'treeActivations',
      id: 'act_1',
      problem: 'its tree is missing',
    });
    expect(text).toBe(
      'A row of the record’s call-tree activations is not valid here (act_1: its tree is missing). Nothing was imported.',
    );
    expect(text).not.toContain('treeActivations');
  });
});

describe('a checklist item’s new status in the audit trail', () => {
  it.each([
    ['in_progress', 'in progress'],
    ['done', 'done'],
    ['todo', 'to do'],
  ])('says %s as “%s”', (status, words) => {
    expect(t('audit.summary.itemStatus', { title: 'Open a family reception centre', status })).toBe(
      `Checklist item “Open a family reception centre”: ${words}`,
    );
  });
});

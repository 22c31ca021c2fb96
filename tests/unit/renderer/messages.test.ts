import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';

import { t } from '@renderer/i18n/messages';
import { en, EN_PARTS } from '@renderer/i18n/messages/en';

const RENDERER = new URL('../../../src-renderer/', import.meta.url).pathname;

async function sources(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory()) found.push(...(await sources(path)));
    else if (/\.tsx?$/.test(e.name)) found.push(path);
  }
  return found;
}

describe('message catalogues', () => {
  it('has every message id the screens use in the English catalogue', async () => {
    const used = new Set<string>();
    for (const file of await sources(RENDERER)) {
      for (const m of (await readFile(file, 'utf8')).matchAll(/\bt(?:Rich)?\('([\w.]+)'/g)) used.add(m[1] ?? '');
    }
    expect(used.size).toBeGreaterThan(20);
    expect([...used].filter((id) => !(id in en))).toEqual([]);
  });

  it('parses every ICU message of every catalogue', async () => {
    const dir = new URL('../../../src-renderer/i18n/messages/', import.meta.url).pathname;
    let parsed = 0;
    for (const language of await readdir(dir, { withFileTypes: true })) {
      if (!language.isDirectory()) continue;
      for (const file of (await readdir(join(dir, language.name))).filter((f) => f.endsWith('.json'))) {
        const catalogue = JSON.parse(await readFile(join(dir, language.name, file), 'utf8')) as Record<string, string>;
        for (const [id, message] of Object.entries(catalogue)) {
          expect(() => new IntlMessageFormat(message, language.name), `${language.name}/${file}: ${id}`).not.toThrow();
          parsed += 1;
        }
      }
    }
    expect(parsed).toBeGreaterThanOrEqual(Object.keys(en).length);
  });

  it('gives every id one home: no part of the catalogue hides another part’s message', () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const [part, messages] of Object.entries(EN_PARTS)) {
      for (const id of Object.keys(messages)) {
        if (seen.has(id)) twice.push(`${id} in ${seen.get(id)} and ${part}`);
        seen.set(id, part);
      }
    }
    expect(twice).toEqual([]);
  });

  it.each([
    [0, '0 entries'], [1, '1 entry'], [2, '2 entries'], [100_000, '100,000 entries'],
  ])('counts %i timeline entries as “%s”', (count, text) => {
    expect(t('timeline.count.entries', { count })).toBe(text);
  });

  it('never offers to import nothing, one thing as many, or many as one', () => {
    expect(t('csvImport.import', { count: 0 })).toBe('Nothing to import');
    expect(t('csvImport.import', { count: 1 })).toBe('Import 1 entry');
    expect(t('csvImport.import', { count: 2 })).toBe('Import 2 entries');
    expect(t('csvImport.leaveOutBad', { count: 1 })).toBe('Import the good rows and leave out the row with problems');
    expect(t('csvImport.leaveOutBad', { count: 3 })).toBe('Import the good rows and leave out the 3 rows with problems');
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
    expect(t('settings.autoBackup.failureNotice', { lead: 'The disk is full', minutes: 1 })).toBe('The disk is full; the desk tries again in 1 minute, and meanwhile a backup can be saved by hand in Settings.');
    expect(t('contacts.tree.staleWarning', { count: 1, days: 1 })).toBe('1 person in this tree has details not verified for 1 day: check them before the tree is needed.');
    expect(t('contacts.tree.staleWarning', { count: 2, days: 180 })).toBe('2 people in this tree have details not verified for 180 days: check them before the tree is needed.');
    expect(t('statements.wordsChanged', { added: 1, removed: 1200 })).toBe('1 word added, 1,200 removed.');
  });
});

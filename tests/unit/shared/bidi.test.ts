import { describe, expect, it } from 'vitest';

import { revealBidiControls, revealBidiDeep, splitBidiControls } from '@shared/domain/text/bidi';
import { recordDocxBase64 } from '@shared/domain/record/recordDocx';

import { makeRecord } from '../../factories/record';
import { hasLibreOffice, openInLibreOffice } from '../../support/libreOffice';

describe('direction controls in text people typed', () => {
  it('are shown as marks, so a name cannot pass for another file type', () => {
    expect(revealBidiControls('Mallory \u202Efdp.exe')).toBe('Mallory ⟦RLO⟧fdp.exe');
    expect(revealBidiControls('\u202Atext\u202C \u2066iso\u2069 \u2067x\u2069 \u2068y\u2069 \u202B\u202D')).toBe(
      '⟦LRE⟧text⟦PDF⟧ ⟦LRI⟧iso⟦PDI⟧ ⟦RLI⟧x⟦PDI⟧ ⟦FSI⟧y⟦PDI⟧ ⟦RLE⟧⟦LRO⟧',
    );
    expect(splitBidiControls('a\u202Eb')).toEqual([
      { text: 'a', control: false },
      { text: '\u202E', control: true },
      { text: 'b', control: false },
    ]);
  });

  it('leave ordinary right-to-left text and its marks alone', () => {
    const arabic = 'بيان أولي \u200F(مسودة)';
    expect(revealBidiControls(arabic)).toBe(arabic);
    const clean = { a: ['x', { b: arabic }] };
    expect(revealBidiDeep(clean)).toBe(clean);
    expect(revealBidiDeep({ a: ['x', { b: 'Mallory \u202Efdp.exe' }], n: 1 })).toEqual({
      a: ['x', { b: 'Mallory ⟦RLO⟧fdp.exe' }],
      n: 1,
    });
  });

  it('read as marks in the record’s Word document, opened in LibreOffice', async () => {
    if (!(await hasLibreOffice())) throw new Error('LibreOffice is needed for this test');
    const record = await makeRecord();
    const entries = record.content.timeline!.entries.map((e, i) =>
      i === 0 ? { ...e, title: 'Invoice from Mallory \u202Efdp.exe' } : e,
    );
    const hostile = { ...record, content: { ...record.content, timeline: { ...record.content.timeline!, entries } } };
    const { text } = await openInLibreOffice({ base64: await recordDocxBase64(hostile), name: 'record' });
    expect(text).toContain('Invoice from Mallory ⟦RLO⟧fdp.exe');
    expect(text).not.toContain('\u202E');
  }, 200_000);
});

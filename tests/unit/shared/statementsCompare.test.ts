import { describe, expect, it } from 'vitest';

import { compareTexts } from '@shared/domain/statements/compare';

describe('version comparison, word by word', () => {
  it('marks the words removed and added, keeping the rest', () => {
    const r = compareTexts('We are with the families tonight.', 'We stand with all families tonight.');
    expect(r.changes).toEqual([
      { kind: 'same', text: 'We ' },
      { kind: 'removed', text: 'are' },
      { kind: 'added', text: 'stand' },
      { kind: 'same', text: ' with ' },
      { kind: 'removed', text: 'the' },
      { kind: 'added', text: 'all' },
      { kind: 'same', text: ' families tonight.' },
    ]);
    expect(r).toMatchObject({ added: 2, removed: 2 });
  });

  it('reports identical versions as unchanged', () => {
    const r = compareTexts('Kristiansand stands together.', 'Kristiansand stands together.');
    expect(r.changes).toEqual([{ kind: 'same', text: 'Kristiansand stands together.' }]);
    expect(r).toMatchObject({ added: 0, removed: 0 });
  });

  it('rebuilds both texts exactly from the comparison', () => {
    const a = 'Line one.\n\nLine two, with detail.';
    const b = 'Line one.\n\nLine two, with more detail!\nLine three.';
    const r = compareTexts(a, b);
    const textWithout = (dropped: 'added' | 'removed') =>
      r.changes
        .filter((c) => c.kind !== dropped)
        .map((c) => c.text)
        .join('');
    expect(textWithout('added')).toBe(a);
    expect(textWithout('removed')).toBe(b);
  });

  it('compares Arabic word by word', () => {
    const r = compareTexts('قلوبنا مع كل المتضررين.', 'قلوبنا مع جميع المتضررين.', 'ar');
    expect(r.changes.filter((c) => c.kind !== 'same')).toEqual([
      { kind: 'removed', text: 'كل' },
      { kind: 'added', text: 'جميع' },
    ]);
  });
});

import { describe, expect, it } from 'vitest';

import { foldForSearch } from '@shared/domain/text/foldForSearch';
import {
  TimelineTextIndex,
  editDistanceWithin,
  hasWordStarting,
  parseSearchQuery,
} from '@shared/domain/timeline/textIndex';

const entry = (id: string, title: string, extra: { body?: string; tags?: string[]; source?: string } = {}) => ({
  id,
  title,
  body: extra.body ?? '',
  tags: extra.tags ?? [],
  source: extra.source ?? '',
});

function indexOf(...entries: ReturnType<typeof entry>[]): TimelineTextIndex {
  const index = new TimelineTextIndex();
  for (const e of entries) index.put(e);
  return index;
}

describe('foldForSearch', () => {
  it('folds case and accents, and keeps digits as typed', () => {
    expect(foldForSearch('José ÁLVAREZ Øre 99999')).toBe('jose alvarez øre 99999');
  });
});

describe('parseSearchQuery', () => {
  it('splits on punctuation, folds, and marks numbers', () => {
    expect(parseSearchQuery('  #Vigil, José  99999 ')).toEqual([
      { text: 'vigil', numeric: false },
      { text: 'jose', numeric: false },
      { text: '99999', numeric: true },
    ]);
  });
});

describe('hasWordStarting', () => {
  it('matches the start of a word only', () => {
    expect(hasWordStarting('ambulance sent', 'ambul', false)).toBe(true);
    expect(hasWordStarting('the crowd', 'row', false)).toBe(false);
  });
  it('matches a whole number only', () => {
    expect(hasWordStarting('case (99999) opened', '99999', true)).toBe(true);
    expect(hasWordStarting('case 999990', '99999', true)).toBe(false);
    expect(hasWordStarting('case 199999', '99999', true)).toBe(false);
  });
});

describe('editDistanceWithin', () => {
  it('counts edits, and stops past the limit', () => {
    expect(editDistanceWithin('ambulanse', 'ambulance', 2)).toBe(1);
    expect(editDistanceWithin('kitten', 'sitting', 3)).toBe(3);
    expect(editDistanceWithin('vigil', 'hospital', 1)).toBe(2);
  });
});

describe('TimelineTextIndex', () => {
  const index = indexOf(
    entry('a', 'Call to José Álvarez', { source: 'Imam' }),
    entry('b', 'Jose reports a crowd'),
    entry('c', 'Police case 99999 opened'),
    entry('d', 'Police case 999990 is another matter'),
    entry('e', 'Ambulance sent', { body: 'Two crews', tags: ['medical'] }),
  );

  it('finds accented words from plain letters, and plain words from accented letters', () => {
    expect(index.search('jose')).toEqual({ ids: new Set(['a', 'b']), match: 'exact' });
    expect(index.search('Jose')).toEqual({ ids: new Set(['a', 'b']), match: 'exact' });
    expect(index.search('JOSÉ álvarez')).toEqual({ ids: new Set(['a']), match: 'exact' });
  });

  it('matches a number exactly, never its neighbours', () => {
    expect(index.search('99999')).toEqual({ ids: new Set(['c']), match: 'exact' });
  });

  it('needs every word, looked for in notes, tags and source too', () => {
    expect(index.search('ambulance crews #medical')).toEqual({ ids: new Set(['e']), match: 'exact' });
    expect(index.search('imam jose')).toEqual({ ids: new Set(['a']), match: 'exact' });
    expect(index.search('ambulance jose').match).toBe('none');
  });

  it('allows small typos only when nothing matches as typed, and says so', () => {
    expect(index.search('ambulanse')).toEqual({ ids: new Set(['e']), match: 'close' });
    expect(index.search('99998')).toEqual({ ids: new Set(), match: 'none' });
  });

  it('finds a corrected entry under its new words only', () => {
    const live = indexOf(entry('x', 'Hospital reports 12 injured'));
    live.put(entry('x', 'Hospital reports 14 injured'));
    expect(live.search('12').ids.size).toBe(0);
    expect(live.search('14').ids).toEqual(new Set(['x']));
    expect(live.size).toBe(1);
  });
});

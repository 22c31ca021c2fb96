import { describe, expect, it } from 'vitest';

import { fileSlug } from '@shared/domain/fileNames';

describe('file names from titles', () => {
  it('folds accents and punctuation into one readable slug', () => {
    expect(fileSlug('Vehicle attack, Markens gate', 'incident')).toBe('vehicle-attack-markens-gate');
    expect(fileSlug('Café Søndre — arson', 'incident')).toBe('cafe-s-ndre-arson');
  });

  it('never leaves an empty name or a trailing dash after cutting to length', () => {
    expect(fileSlug('بيان أولي', 'statement')).toBe('statement');
    expect(fileSlug('aaaa bbbb', 'x', 5)).toBe('aaaa');
  });
});

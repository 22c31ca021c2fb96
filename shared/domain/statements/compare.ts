import { diffWords } from 'diff';

/** One run of a word-by-word comparison. */
export type WordChange = { readonly kind: 'same' | 'added' | 'removed'; readonly text: string };

export type Comparison = {
  readonly changes: readonly WordChange[];
  /** Words added and removed, for the summary line. */
  readonly added: number;
  readonly removed: number;
};

const wordCount = (s: string) => s.split(/\s+/).filter((w) => w !== '').length;

/**
 * Compares two versions' texts word by word (the `diff` package's word mode, with words found by
 * the language's own word segmenter, so Arabic splits as cleanly as English), so a reviewer sees
 * "with the families" → "with all families" rather than two whole paragraphs.
 */
export function compareTexts(before: string, after: string, language = 'en'): Comparison {
  const intlSegmenter = new Intl.Segmenter(language, { granularity: 'word' });
  const changes: WordChange[] = diffWords(before, after, { intlSegmenter }).map((c) => ({
    kind: c.added ? 'added' : c.removed ? 'removed' : 'same',
    text: c.value,
  }));
  return {
    changes,
    added: changes.filter((c) => c.kind === 'added').reduce((n, c) => n + wordCount(c.text), 0),
    removed: changes.filter((c) => c.kind === 'removed').reduce((n, c) => n + wordCount(c.text), 0),
  };
}

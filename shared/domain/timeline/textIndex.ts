import { foldForSearch } from '../text/foldForSearch';

/** What full-text search looks at in an entry: its words, tags and source, never its times. */
export type SearchableEntry = { id: string; title: string; body: string; tags: readonly string[]; source: string };

/** One word of a query, folded. A number must match a whole number; a word, the start of a word. */
export type SearchTerm = { text: string; numeric: boolean };

/**
 * exact: every word found as typed (accents and case aside); close: nothing matched exactly, so
 * small typos were allowed; none: nothing matched either way.
 */
export type SearchMatch = 'exact' | 'close' | 'none';
export type TextSearchResult = { ids: Set<string>; match: SearchMatch };

const WORD = /[\p{L}\p{N}]+/gu;
const DIGITS = /^\p{Nd}+$/u;

/** The folded text an entry is searched in. */
export function searchableText(e: SearchableEntry): string {
  return foldForSearch(`${e.title}\n${e.body}\n${e.tags.join(' ')}\n${e.source}`);
}

/** "José  #vigil 99999" → jose, vigil, 99999 (numeric). Punctuation separates words. */
export function parseSearchQuery(query: string): SearchTerm[] {
  const words = foldForSearch(query).match(WORD) ?? [];
  return [...new Set(words)].map((text) => ({ text, numeric: DIGITS.test(text) }));
}

const isWordChar = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/**
 * True when `text` has a word starting with `term`; with `whole`, the word must end there too
 * as far as digits go ("99999" is not in "999990" nor in "199999").
 */
export function hasWordStarting(text: string, term: string, whole: boolean): boolean {
  for (let from = 0; ;) {
    const i = text.indexOf(term, from);
    if (i < 0) return false;
    const startsWord = i === 0 || !isWordChar(text[i - 1]);
    const endsNumber = !whole || !isDigit(text[i + term.length]);
    if (startsWord && endsNumber) return true;
    from = i + 1;
  }
}

/** Levenshtein distance, or max + 1 as soon as it is known to exceed `max`. */
export function editDistanceWithin(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      row.push(v);
      best = Math.min(best, v);
    }
    if (best > max) return max + 1;
    prev = row;
  }
  return prev[b.length] ?? max + 1;
}

/** Typos allowed for a word of this length when nothing matched exactly. Numbers never. */
const typosAllowed = (term: SearchTerm): number =>
  term.numeric || term.text.length < 4 ? 0 : term.text.length < 8 ? 1 : 2;

/**
 * An incident's entries as folded text, searched by scanning: 100,000 entries are scanned in
 * milliseconds, while building an inverted index of them takes seconds, and a scan cannot
 * disagree with what the person sees (no tokenizer of its own). Every word of the query must
 * match. A word matches the start of a word ("ambul" finds "ambulance"); a number matches that
 * whole number only. Only when nothing matches that way are small typos allowed, and the
 * result says so.
 */
export class TimelineTextIndex {
  private readonly ids: string[] = [];
  private readonly texts: string[] = [];
  private readonly position = new Map<string, number>();
  private vocabulary: Set<string> | null = null;

  get size(): number {
    return this.ids.length;
  }

  /** An index from texts already folded by searchableText (kept from an earlier session). */
  static fromTexts(ids: readonly string[], texts: readonly string[]): TimelineTextIndex {
    const index = new TimelineTextIndex();
    for (const [i, id] of ids.entries()) index.putText(id, texts[i] ?? '');
    return index;
  }

  /** Adds an entry, or replaces its text after a correction; returns its position. */
  put(entry: SearchableEntry): number {
    return this.putText(entry.id, searchableText(entry));
  }

  private putText(id: string, text: string): number {
    this.vocabulary = null;
    const at = this.position.get(id);
    if (at !== undefined) {
      this.texts[at] = text;
      return at;
    }
    this.position.set(id, this.ids.length);
    this.ids.push(id);
    this.texts.push(text);
    return this.ids.length - 1;
  }

  /** The ids and folded texts, position by position, for keeping between sessions. */
  contents(): { ids: readonly string[]; texts: readonly string[] } {
    return { ids: this.ids, texts: this.texts };
  }

  search(query: string): TextSearchResult {
    const terms = parseSearchQuery(query);
    if (terms.length === 0) return { ids: new Set(this.ids), match: 'exact' };
    const exact = this.scan(terms.map((t) => (text) => hasWordStarting(text, t.text, t.numeric)));
    if (exact.size > 0) return { ids: exact, match: 'exact' };
    if (!terms.some((t) => typosAllowed(t) > 0)) return { ids: exact, match: 'none' };
    const words = this.words();
    const tests = terms.map((t) => {
      const max = typosAllowed(t);
      const near = max === 0 ? [] : [...words].filter((w) => w !== t.text && editDistanceWithin(w, t.text, max) <= max);
      return (text: string) => hasWordStarting(text, t.text, t.numeric) || near.some((w) => wholeWord(text, w));
    });
    const close = this.scan(tests);
    return { ids: close, match: close.size > 0 ? 'close' : 'none' };
  }

  private scan(tests: ((text: string) => boolean)[]): Set<string> {
    const found = new Set<string>();
    for (let i = 0; i < this.texts.length; i += 1) {
      const text = this.texts[i] ?? '';
      if (tests.every((t) => t(text))) found.add(this.ids[i] ?? '');
    }
    return found;
  }

  /** Every distinct word, built only when a query needs typo tolerance. */
  private words(): Set<string> {
    if (!this.vocabulary) {
      const all = new Set<string>();
      for (const text of this.texts) for (const w of text.match(WORD) ?? []) if (!DIGITS.test(w)) all.add(w);
      this.vocabulary = all;
    }
    return this.vocabulary;
  }
}

/** True when `word` occurs in `text` as a whole word. */
function wholeWord(text: string, word: string): boolean {
  for (let from = 0; ;) {
    const i = text.indexOf(word, from);
    if (i < 0) return false;
    if ((i === 0 || !isWordChar(text[i - 1])) && !isWordChar(text[i + word.length])) return true;
    from = i + 1;
  }
}

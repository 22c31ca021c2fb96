import { analyse } from 'chardet';

import { err, ok, type Result } from '../result';
import { format } from '../../i18n/format';
import { choiceLabel, choiceLabels } from '../../i18n/choices';

/**
 * Reading text files whose encoding nobody wrote down. Excel on Windows saves "CSV" in the
 * machine's legacy code page (Windows-1252 in Western Europe and the Americas), "Unicode text"
 * as UTF-16, and "CSV UTF-8" with a byte-order mark; older Macs wrote Mac OS Roman.
 */

/** An encoding's name is read from the catalogue (`choice.encoding.<id>`). */
const encoding = <I extends string>(id: I) => ({
  id,
  get label() {
    return choiceLabel('encoding', id);
  },
});

/** The encodings a person can choose from, by their WHATWG names (what TextDecoder accepts). */
export const TEXT_ENCODINGS = [
  encoding('utf-8'),
  encoding('utf-16le'),
  encoding('utf-16be'),
  encoding('windows-1252'),
  encoding('iso-8859-15'),
  encoding('macintosh'),
  encoding('windows-1250'),
  encoding('iso-8859-2'),
  encoding('windows-1257'),
  encoding('windows-1251'),
  encoding('koi8-r'),
  encoding('iso-8859-5'),
  encoding('windows-1253'),
  encoding('iso-8859-7'),
  encoding('windows-1254'),
  encoding('windows-1255'),
  encoding('iso-8859-8'),
  encoding('windows-1256'),
  encoding('iso-8859-6'),
  encoding('shift_jis'),
  encoding('euc-jp'),
  encoding('euc-kr'),
  encoding('gb18030'),
  encoding('big5'),
] as const;

export type TextEncodingId = (typeof TEXT_ENCODINGS)[number]['id'];

/** How the guess was made, so the preview can say how sure it is. */
export type EncodingBasis =
  /** A byte-order mark at the start says so: certain. */
  | 'bom'
  /** Only ASCII characters: every choice reads the same. */
  | 'ascii'
  /** Valid UTF-8 throughout, which legacy text almost never is by chance. */
  | 'utf8'
  /** Every other byte is zero: UTF-16 written without a byte-order mark. */
  | 'utf16-pattern'
  /** Guessed from which letters the bytes would make in each code page (statistics). */
  | 'letters'
  /** Nothing to go on: the common Western code page. */
  | 'fallback';

export type EncodingGuess = { encoding: TextEncodingId; basis: EncodingBasis };

const IDS: ReadonlySet<string> = new Set(TEXT_ENCODINGS.map((e) => e.id));
choiceLabels(
  'encoding',
  TEXT_ENCODINGS.map((e) => e.id),
);

export function isTextEncodingId(value: string): value is TextEncodingId {
  return IDS.has(value);
}

export function encodingLabel(id: TextEncodingId): string {
  return choiceLabel('encoding', id);
}

// The WHATWG Encoding API (TextDecoder) is part of every runtime the desk runs in (Chromium,
// Node, workers), but not of the ES library shared/ compiles against: typed here, used as is.
type Decoder = { decode(input: Uint8Array): string };
type DecoderConstructor = new (label: string, options?: { fatal?: boolean; ignoreBOM?: boolean }) => Decoder;
const TextDecoderImpl = (globalThis as unknown as { TextDecoder: DecoderConstructor }).TextDecoder;

function bomOf(bytes: Uint8Array): { encoding: TextEncodingId; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

function isAscii(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b >= 0x80) return false;
  return true;
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoderImpl('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** UTF-16 text in a Latin script has a zero in every other byte: odd bytes for LE, even for BE. */
function utf16Pattern(bytes: Uint8Array): TextEncodingId | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 8192);
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros += 1;
    if (bytes[i + 1] === 0) oddZeros += 1;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

// ISO-8859-1 and -9 are read as their Windows supersets, as browsers do: the same letters, plus
// the curly quotes, dashes and € Windows puts in 0x80–0x9F.
const CHARDET_NAMES: Readonly<Record<string, TextEncodingId>> = {
  'ISO-8859-1': 'windows-1252',
  'ISO-8859-9': 'windows-1254',
};

/** How much of a large file the letter statistics look at: plenty to tell code pages apart. */
const STATISTICS_SAMPLE = 256 * 1024;

/**
 * Guesses how a file's bytes encode its text: a byte-order mark if there is one, then UTF-8 if
 * the bytes are valid UTF-8, then UTF-16 by its zero bytes, then the code page whose letters fit
 * best (chardet). When nothing fits, `fallback` (Windows-1252: what Excel writes in the West).
 */
export function detectEncoding(bytes: Uint8Array, fallback: TextEncodingId = 'windows-1252'): EncodingGuess {
  const bom = bomOf(bytes);
  if (bom) return { encoding: bom.encoding, basis: 'bom' };
  // Before the ASCII test: UTF-16 of Latin text is ASCII bytes with zeros between.
  const utf16 = utf16Pattern(bytes);
  if (utf16) return { encoding: utf16, basis: 'utf16-pattern' };
  if (isAscii(bytes)) return { encoding: 'utf-8', basis: 'ascii' };
  if (isUtf8(bytes)) return { encoding: 'utf-8', basis: 'utf8' };
  const candidates = analyse(bytes.subarray(0, STATISTICS_SAMPLE));
  for (const match of candidates) {
    const id = CHARDET_NAMES[match.name] ?? match.name.toLowerCase();
    // Not valid UTF-8 (checked above), and UTF-16 would have shown its zeros.
    if (isTextEncodingId(id) && !id.startsWith('utf-')) return { encoding: id, basis: 'letters' };
  }
  return { encoding: fallback, basis: 'fallback' };
}

/** What a guess means, in the preview's words: "Windows-1252 (…), guessed from the letters in the file…". */
export function describeEncodingGuess(guess: EncodingGuess): string {
  // ICU selectors are identifiers: 'utf16-pattern' is asked for as 'utf16_pattern'.
  return format('text.encoding.guess', { label: encodingLabel(guess.encoding), basis: guess.basis.replace(/-/g, '_') });
}

const REPLACEMENT = /\uFFFD/g;

/**
 * Windows-1252's characters for the bytes 0x80–0x9F (€, curly quotes, dashes…). Node before 23
 * decodes "windows-1252" as ISO-8859-1, giving invisible control characters there instead;
 * browsers already give these. The five bytes Windows-1252 leaves undefined stay as they are.
 */
const WINDOWS_1252_C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/** Text as decoded, with how much of it could not be read. */
export type DecodedText = {
  text: string;
  encoding: TextEncodingId;
  /**
   * Characters shown as U+FFFD (�) because the bytes are not valid in this encoding: what was
   * there is lost in this reading. Zero when the whole file decodes cleanly.
   */
  unreadable: number;
  /** U+FFFD characters written in the file itself (a conversion before it reached the desk lost them). */
  replacementsInFile: number;
};

/**
 * Decodes bytes in the chosen encoding. A byte-order mark of that encoding is dropped; bytes
 * that are not valid in it become U+FFFD and are counted, never silently kept.
 */
export function decodeText(bytes: Uint8Array, encoding: TextEncodingId): DecodedText {
  const decoded = new TextDecoderImpl(encoding).decode(bytes);
  const text =
    encoding === 'windows-1252'
      ? decoded.replace(/[\u0080-\u009F]/g, (c) => WINDOWS_1252_C1[c.charCodeAt(0) - 0x80] ?? c)
      : decoded;
  const replacements = text.match(REPLACEMENT)?.length ?? 0;
  if (replacements === 0) return { text, encoding, unreadable: 0, replacementsInFile: 0 };
  let clean = true;
  try {
    new TextDecoderImpl(encoding, { fatal: true }).decode(bytes);
  } catch {
    clean = false;
  }
  return clean
    ? { text, encoding, unreadable: 0, replacementsInFile: replacements }
    : { text, encoding, unreadable: replacements, replacementsInFile: 0 };
}

/** UTF-8 only, for files the desk wrote itself (backups, records): anything else is refused. */
export function decodeUtf8Strictly(bytes: Uint8Array): Result<string, 'not-utf8'> {
  try {
    return ok(new TextDecoderImpl('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return err('not-utf8');
  }
}

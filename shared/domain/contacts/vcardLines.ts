/**
 * The content lines of a .vcf file, read leniently whatever the version: vCard 2.1 (what many
 * Android phones still export: quoted-printable values with CHARSET=, soft line breaks, bare
 * type parameters such as TEL;CELL;PREF), 3.0 (RFC 2426) and 4.0 (RFC 6350), including the
 * group prefix address books use to label a number (item1.TEL + item1.X-ABLabel).
 * This only splits and decodes; what each property means is read in vcard.ts.
 */

/** Turns bytes in a named character set into text, or null when they are not in it. */
export type CharsetDecoder = (bytes: Uint8Array, charset: string) => string | null;

export type VCardProperty = {
  /** Line number in the file where the property starts (1-based), for messages. */
  line: number;
  /** "item1" for item1.TEL, lower-cased; null without a group. */
  group: string | null;
  /** Upper-cased: "TEL", "X-ABLABEL". */
  name: string;
  /** Parameter names upper-cased; values as written, split at commas (TYPE=work,voice). */
  params: Map<string, string[]>;
  /** The value after quoted-printable and charset decoding, still escaped as the version writes it. */
  value: string;
  /** True when the value was quoted-printable in the file. */
  quotedPrintable: boolean;
  /** True for a value that is binary data (a photo in base64): never read as text. */
  binary: boolean;
  /** True when the CHARSET named could not decode the value and Windows-1252 was used instead. */
  charsetFallback: boolean;
};

export type RawCard = {
  /** Line of BEGIN:VCARD. */
  line: number;
  /** As written in VERSION ("2.1", "3.0", "4.0"…), or null when the card has none. */
  version: string | null;
  properties: VCardProperty[];
  /** Lines inside the card that are not properties, as line numbers: skipped, and said so. */
  unreadableLines: number[];
  /** True when the file ended before END:VCARD. */
  unterminated: boolean;
};

/** Bare 2.1 parameters that name an encoding or a character set rather than a type. */
const BARE_ENCODINGS = new Set(['QUOTED-PRINTABLE', 'BASE64', 'B', '8BIT', '7BIT']);

/** Splits at `sep` outside double quotes. */
function splitOutsideQuotes(text: string, sep: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    if (ch === sep && !quoted) {
      out.push(current);
      current = '';
    } else current += ch;
  }
  out.push(current);
  return out;
}

/** The index of the colon that ends the name and parameters (the first outside quotes), or -1. */
function valueStart(line: string): number {
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const ch = line[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === ':' && !quoted) return i;
  }
  return -1;
}

const isQuotedPrintable = (head: string) => /(^|;)\s*(ENCODING\s*=\s*)?QUOTED-PRINTABLE\s*(;|$)/i.test(head);

/** One code point as UTF-8 bytes. */
function utf8(cp: number): number[] {
  if (cp < 0x80) return [cp];
  if (cp < 0x800) return [0xc0 | (cp >> 6), 0x80 | (cp & 63)];
  if (cp < 0x10000) return [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)];
  return [0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)];
}

/** Quoted-printable to bytes (RFC 2045 §6.7): =XX is that byte; any other character stands for itself (as UTF-8). */
function quotedPrintableBytes(text: string): Uint8Array {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const hex = text.slice(i + 1, i + 3);
    if (text[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
      continue;
    }
    const cp = text.codePointAt(i) ?? 0;
    if (cp > 0xffff) i += 1;
    bytes.push(...utf8(cp));
  }
  return Uint8Array.from(bytes);
}

/** Windows-1252, the last resort for bytes that are not in the charset a card names. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
function windows1252(bytes: Uint8Array): string {
  return [...bytes]
    .map((b) => (b >= 0x80 && b < 0xa0 ? (CP1252_HIGH[b - 0x80] ?? '') : String.fromCharCode(b)))
    .join('');
}

function parseLine(text: string, line: number, decode: CharsetDecoder): VCardProperty | null {
  const colon = valueStart(text);
  if (colon <= 0) return null;
  const head = text.slice(0, colon);
  let rawValue = text.slice(colon + 1);
  const [nameWithGroup = '', ...paramTexts] = splitOutsideQuotes(head, ';');
  const m = /^(?:([A-Za-z0-9-]+)\.)?([A-Za-z0-9-]+)$/.exec(nameWithGroup.trim());
  if (!m) return null;
  const params = new Map<string, string[]>();
  const add = (key: string, values: string[]) => params.set(key, [...(params.get(key) ?? []), ...values]);
  for (const p of paramTexts) {
    const eq = p.indexOf('=');
    if (eq < 0) {
      // vCard 2.1 writes TEL;CELL;PREF and NOTE;QUOTED-PRINTABLE with the parameter name left out.
      const bare = p.trim();
      if (bare === '') continue;
      if (BARE_ENCODINGS.has(bare.toUpperCase())) add('ENCODING', [bare]);
      else add('TYPE', [bare]);
      continue;
    }
    const key = p.slice(0, eq).trim().toUpperCase();
    // A quoted value is one value, except TYPE="voice,work" (RFC 6350 §5.6), which is a list.
    const values = splitOutsideQuotes(p.slice(eq + 1), ',')
      .flatMap((v) => {
        const quoted = /^\s*"(.*)"\s*$/.exec(v);
        return quoted ? (key === 'TYPE' ? (quoted[1] ?? '').split(',') : [quoted[1] ?? '']) : [v];
      })
      .map((v) => v.trim())
      .filter((v) => v !== '');
    add(key, values);
  }
  const encoding = (params.get('ENCODING') ?? []).map((e) => e.toUpperCase());
  const quotedPrintable = encoding.includes('QUOTED-PRINTABLE');
  const binary = encoding.includes('BASE64') || encoding.includes('B');
  let charsetFallback = false;
  if (quotedPrintable) {
    const bytes = quotedPrintableBytes(rawValue);
    const charset = params.get('CHARSET')?.[0] ?? 'UTF-8';
    const decoded = decode(bytes, charset) ?? decode(bytes, 'UTF-8');
    charsetFallback = decoded === null;
    rawValue = decoded ?? windows1252(bytes);
  }
  return {
    line,
    group: m[1]?.toLowerCase() ?? null,
    name: (m[2] ?? '').toUpperCase(),
    params,
    value: rawValue,
    quotedPrintable,
    binary,
    charsetFallback,
  };
}

/** Joins folded lines (RFC 6350 §3.2) and quoted-printable soft line breaks (a line ending in "="). */
function logicalLines(text: string): { text: string; line: number }[] {
  const physical = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const out: { text: string; line: number }[] = [];
  for (const [i, raw] of physical.entries()) {
    const last = out[out.length - 1];
    if (last && /^[ \t]/.test(raw)) {
      last.text += raw.slice(1);
      continue;
    }
    if (
      last &&
      isQuotedPrintable(last.text.slice(0, Math.max(0, valueStart(last.text)))) &&
      last.text.endsWith('=') &&
      !/^\s*$/.test(raw)
    ) {
      last.text = last.text.slice(0, -1) + raw;
      continue;
    }
    out.push({ text: raw, line: i + 1 });
  }
  return out;
}

/** Every card of the file, in order, with its properties decoded; lines outside cards are ignored. */
export function readVCardLines(text: string, decode: CharsetDecoder): RawCard[] {
  const cards: RawCard[] = [];
  let card: RawCard | null = null;
  let nested = 0;
  for (const { text: lineText, line } of logicalLines(text)) {
    if (lineText.trim() === '') continue;
    const upper = lineText.trim().toUpperCase();
    if (upper === 'BEGIN:VCARD') {
      if (card)
        nested += 1; // a 2.1 AGENT card inside another: skipped whole
      else card = { line, version: null, properties: [], unreadableLines: [], unterminated: false };
      continue;
    }
    if (upper === 'END:VCARD') {
      if (nested > 0) nested -= 1;
      else if (card) {
        cards.push(card);
        card = null;
      }
      continue;
    }
    if (!card || nested > 0) continue;
    const property = parseLine(lineText, line, decode);
    if (!property) {
      card.unreadableLines.push(line);
      continue;
    }
    if (property.name === 'VERSION') card.version = property.value.trim();
    else card.properties.push(property);
  }
  if (card) cards.push({ ...card, unterminated: true });
  return cards;
}

/** A text value unescaped (\n, \, \; \\); a backslash before anything else is kept as written. */
export function unescapeText(value: string): string {
  return value.replace(/\\([nN,;\\:])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/** A structured value (N, ORG, ADR) split at its unescaped semicolons, each part unescaped. */
export function splitComponents(value: string): string[] {
  return value.split(/(?<!\\);/).map(unescapeText);
}

/** A list value (CATEGORIES, NICKNAME) split at its unescaped commas, each part unescaped. */
export function splitList(value: string): string[] {
  return value
    .split(/(?<!\\),/)
    .map((v) => unescapeText(v).trim())
    .filter((v) => v !== '');
}

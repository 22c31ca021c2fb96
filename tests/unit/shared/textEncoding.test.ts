import { describe, expect, it } from 'vitest';

import { decodeText, describeEncodingGuess, detectEncoding } from '@shared/domain/text/encoding';

const utf16le = (s: string) =>
  new Uint8Array(Array.from(s).flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]));
const utf16be = (s: string) =>
  new Uint8Array(Array.from(s).flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xff]));
/** Polish in Windows-1250: ł 0xB3, ś 0x9C, ż 0xBF, ó 0xF3, ę 0xEA, ą 0xB9, ć 0xE6, ń 0xF1, ź 0x9F. */
const CP1250: Record<string, number> = {
  ł: 0xb3,
  ś: 0x9c,
  ż: 0xbf,
  ó: 0xf3,
  ę: 0xea,
  ą: 0xb9,
  ć: 0xe6,
  ń: 0xf1,
  ź: 0x9f,
};
const cp1250 = (s: string) => new Uint8Array(Array.from(s).map((c) => CP1250[c] ?? c.charCodeAt(0)));

describe('text encodings', () => {
  it('reads Windows-1252’s 0x80–0x9F as €, curly quotes and dashes, as Windows writes them', () => {
    const bytes = new Uint8Array([0x80, 0x20, 0x93, 0x6f, 0x6b, 0x94, 0x20, 0x96, 0x20, 0x92, 0x20, 0x85]);
    expect(decodeText(bytes, 'windows-1252')).toEqual({
      text: '€ “ok” – ’ …',
      encoding: 'windows-1252',
      unreadable: 0,
      replacementsInFile: 0,
    });
  });

  it('tells UTF-16 without a byte-order mark by its zero bytes, either way round', () => {
    expect(detectEncoding(utf16le('Date,What\r\n2026-11-24 14:05,Road closed\r\n'))).toEqual({
      encoding: 'utf-16le',
      basis: 'utf16-pattern',
    });
    expect(detectEncoding(utf16be('Date,What\r\n2026-11-24 14:05,Road closed\r\n'))).toEqual({
      encoding: 'utf-16be',
      basis: 'utf16-pattern',
    });
  });

  it('reads plain ASCII and valid UTF-8 as UTF-8, saying why', () => {
    expect(detectEncoding(new TextEncoder().encode('Date,What\n'))).toEqual({ encoding: 'utf-8', basis: 'ascii' });
    const accented = detectEncoding(new TextEncoder().encode('Date,What\n2026-11-24,Réunion à la mairie\n'));
    expect(accented).toEqual({ encoding: 'utf-8', basis: 'utf8' });
    expect(describeEncodingGuess(accented)).toBe('UTF-8, as every character in the file is valid UTF-8');
  });

  it('tells a Central European code page from the letters', () => {
    const bytes = cp1250('data,tytuł\n2026-01-01 10:00,Spotkanie w urzędzie miasta, zażółć gęślą jaźń\n');
    expect(detectEncoding(bytes)).toEqual({ encoding: 'windows-1250', basis: 'letters' });
    expect(decodeText(bytes, 'windows-1250').text).toContain('zażółć gęślą jaźń');
  });

  it('tells replacement characters the file already held from ones this reading made', () => {
    expect(decodeText(new TextEncoder().encode('R\uFFFDunion'), 'utf-8')).toMatchObject({
      unreadable: 0,
      replacementsInFile: 1,
    });
    expect(decodeText(new Uint8Array([0x52, 0xe9, 0x75]), 'utf-8')).toMatchObject({
      text: 'R\uFFFDu',
      unreadable: 1,
      replacementsInFile: 0,
    });
  });
});

import { describe, expect, it } from 'vitest';

import { ok } from '@shared/domain/result';

import { openTextFileWith } from '../../../src-renderer/platform/openTextFile';
import type { OpenedFile } from '../../../src-renderer/platform/platform';

const opening = (file: OpenedFile | null) => openTextFileWith(() => Promise.resolve(ok(file)));
const request = { filters: [], maxBytes: 1024 };

describe('opening a file the desk wrote itself', () => {
  it('reads UTF-8 and drops a byte-order mark', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0x22, 0xc3, 0xa9, 0x22, 0x7d]);
    expect(await opening({ name: 'backup.json', bytes, size: 9 })(request)).toEqual(ok({ name: 'backup.json', text: '{"é"}', size: 9 }));
  });

  it('refuses a file that is not UTF-8, in words, instead of reading it with replacement characters', async () => {
    const bytes = new Uint8Array([0xff, 0xfe, 0x00, 0xd8]);
    expect(await opening({ name: 'log.csv', bytes, size: 4 })(request)).toEqual({
      ok: false,
      error: { code: 'not-utf8', message: '"log.csv" is not a text file in UTF-8, so the desk cannot read it.' },
    });
  });

  it('passes a cancelled dialog through as null', async () => {
    expect(await opening(null)(request)).toEqual(ok(null));
  });
});

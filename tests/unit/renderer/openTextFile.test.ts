import { describe, expect, it } from 'vitest';

import { ok } from '@shared/domain/result';
import type { DeskBridge } from '@shared/ipc/contract';

import { createDesktopPlatform } from '../../../src-renderer/platform/desktopPlatform';
import { openTextFileWith } from '../../../src-renderer/platform/openTextFile';
import type { OpenedFile } from '../../../src-renderer/platform/platform';

const opening = (file: OpenedFile | null) => openTextFileWith(() => Promise.resolve(ok(file)));
const request = { filters: [], maxBytes: 1024 };

describe('opening a file the desk wrote itself', () => {
  it('reads UTF-8 and drops a byte-order mark', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0x22, 0xc3, 0xa9, 0x22, 0x7d]);
    expect(await opening({ name: 'backup.json', bytes, size: 9 })(request)).toEqual(
      ok({ name: 'backup.json', text: '{"é"}', size: 9 }),
    );
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

describe('opening a file in the desktop app', () => {
  it('turns the base64 main sends back into the file’s exact bytes', async () => {
    const bridge = {
      openFile: () =>
        Promise.resolve({ ok: true, value: { file: { name: 'log.csv', base64: 'Uul1bmlvbg==', size: 7 } } }),
    } as unknown as DeskBridge;
    const opened = await createDesktopPlatform(bridge).openFile(request);
    expect(opened.ok && opened.value && { ...opened.value, bytes: Array.from(opened.value.bytes) }).toEqual({
      name: 'log.csv',
      bytes: [0x52, 0xe9, 0x75, 0x6e, 0x69, 0x6f, 0x6e],
      size: 7,
    });
  });

  it('refuses a reply whose file is not base64', async () => {
    const bridge = {
      openFile: () => Promise.resolve({ ok: true, value: { file: { name: 'log.csv', text: 'Réunion', size: 7 } } }),
    } as unknown as DeskBridge;
    expect(await createDesktopPlatform(bridge).openFile(request)).toMatchObject({
      ok: false,
      error: { code: 'bad-reply' },
    });
  });
});

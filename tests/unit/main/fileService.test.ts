import { describe, expect, it, vi } from 'vitest';

import type { OpenFileRequest, SaveFileRequest } from '@shared/ipc/contract';

import { HandlerError } from '@main/ipc/handlerError';
import { createFileService, type FileServiceDeps } from '@main/services/fileService';
import { formatBytes } from '@shared/domain/text/formatBytes';

const CSV = [{ name: 'CSV', extensions: ['csv'] }];

function fakeDeps(overrides: Partial<FileServiceDeps> = {}) {
  const written = new Map<string, Uint8Array | string>();
  const files = new Map<string, Uint8Array>();
  const deps: FileServiceDeps = {
    showSaveDialog: vi.fn(() => Promise.resolve<string | null>('/home/desk/Documents/timeline.csv')),
    showOpenDialog: vi.fn(() => Promise.resolve<string | null>('/home/desk/Documents/log.csv')),
    writeFileAtomic: vi.fn((path: string, data: Uint8Array | string) => {
      written.set(path, data);
      return Promise.resolve();
    }),
    stat: vi.fn((path: string) => {
      const bytes = files.get(path);
      if (bytes === undefined) return Promise.reject(Object.assign(new Error('ENOENT'), { code: 'ENOENT' }));
      return Promise.resolve({ size: bytes.byteLength, isFile: () => true });
    }),
    readFile: vi.fn((path: string) => {
      const bytes = files.get(path);
      return bytes === undefined
        ? Promise.reject(Object.assign(new Error('ENOENT'), { code: 'ENOENT' }))
        : Promise.resolve(bytes);
    }),
    ...overrides,
  };
  return { deps, written, files };
}

const save = (over: Partial<SaveFileRequest> = {}): SaveFileRequest => ({
  suggestedName: 'timeline.csv',
  content: 'when,what\n14:05,Road closed\n',
  encoding: 'utf8',
  filters: CSV,
  ...over,
});

const open = (over: Partial<OpenFileRequest> = {}): OpenFileRequest => ({ filters: CSV, maxBytes: 1024, ...over });

describe('file:save', () => {
  it('offers the suggested name and filters in the save dialog, then writes there', async () => {
    const { deps, written } = fakeDeps();
    const reply = await createFileService(deps).save(save({ title: 'Export the timeline' }));
    expect(deps.showSaveDialog).toHaveBeenCalledWith({
      suggestedName: 'timeline.csv',
      filters: CSV,
      title: 'Export the timeline',
    });
    expect(reply).toEqual({ savedTo: '/home/desk/Documents/timeline.csv' });
    expect(written.get('/home/desk/Documents/timeline.csv')).toBe('when,what\n14:05,Road closed\n');
  });

  it('writes nothing and answers savedTo null when the dialog is cancelled', async () => {
    const { deps } = fakeDeps({ showSaveDialog: () => Promise.resolve(null) });
    expect(await createFileService(deps).save(save())).toEqual({ savedTo: null });
    expect(deps.writeFileAtomic).not.toHaveBeenCalled();
  });

  it('decodes base64 content and writes exactly those bytes', async () => {
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff, 0x80, 0x0a]);
    const { deps, written } = fakeDeps({ showSaveDialog: () => Promise.resolve('/tmp/statement.docx') });
    await createFileService(deps).save(save({ encoding: 'base64', content: Buffer.from(bytes).toString('base64') }));
    const data = written.get('/tmp/statement.docx');
    expect(data).toBeInstanceOf(Uint8Array);
    expect(Array.from(data as Uint8Array)).toEqual(Array.from(bytes));
  });

  it('refuses content that is not valid base64 before asking where to save', async () => {
    const { deps } = fakeDeps();
    await expect(
      createFileService(deps).save(save({ encoding: 'base64', content: 'not base64!' })),
    ).rejects.toMatchObject({
      code: 'invalid-request',
    });
    expect(deps.showSaveDialog).not.toHaveBeenCalled();
  });

  it('uses the path the dialog returned exactly, without adding an extension', async () => {
    const { deps, written } = fakeDeps({ showSaveDialog: () => Promise.resolve('/tmp/timeline') });
    await createFileService(deps).save(save());
    expect([...written.keys()]).toEqual(['/tmp/timeline']);
  });

  it('reports a failed write as io-failed with the words from the writer', async () => {
    const { deps } = fakeDeps({
      writeFileAtomic: () => Promise.reject(new Error('The disk is full: "/tmp/x" could not be saved.')),
    });
    const error = await createFileService(deps)
      .save(save())
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HandlerError);
    expect(error).toMatchObject({ code: 'io-failed', message: 'The disk is full: "/tmp/x" could not be saved.' });
  });
});

describe('file:open', () => {
  it('returns the chosen file as its bytes in base64, with its name and size', async () => {
    const { deps, files } = fakeDeps();
    files.set('/home/desk/Documents/log.csv', new TextEncoder().encode('when,what\n08:00,Café opened\n'));
    const reply = await createFileService(deps).open(open({ title: 'Import a paper log' }));
    expect(deps.showOpenDialog).toHaveBeenCalledWith({ filters: CSV, title: 'Import a paper log' });
    expect(reply).toEqual({ file: { name: 'log.csv', base64: 'd2hlbix3aGF0CjA4OjAwLENhZsOpIG9wZW5lZAo=', size: 29 } });
  });

  it('answers file null when the dialog is cancelled', async () => {
    const { deps } = fakeDeps({ showOpenDialog: () => Promise.resolve(null) });
    expect(await createFileService(deps).open(open())).toEqual({ file: null });
  });

  it('refuses a file over the limit before reading it, naming the limit', async () => {
    const { deps, files } = fakeDeps();
    files.set('/home/desk/Documents/log.csv', new Uint8Array(3 * 1024 * 1024));
    const error = await createFileService(deps)
      .open(open({ maxBytes: 2 * 1024 * 1024 }))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'too-large' });
    expect((error as Error).message).toBe('"log.csv" is 3 MB; the desk opens files up to 2 MB.');
    expect(deps.readFile).not.toHaveBeenCalled();
  });

  it('refuses a file that grew past the limit between the size check and the read', async () => {
    const { deps } = fakeDeps({
      stat: () => Promise.resolve({ size: 10, isFile: () => true }),
      readFile: () => Promise.resolve(new Uint8Array(5000)),
    });
    await expect(createFileService(deps).open(open({ maxBytes: 4096 }))).rejects.toMatchObject({ code: 'too-large' });
  });

  it('hands over a Windows-1252 file byte for byte, leaving the encoding to the reader', async () => {
    const { deps, files } = fakeDeps();
    // "Réunion" in Windows-1252: é is the single byte 0xE9, which is not valid UTF-8.
    files.set('/home/desk/Documents/log.csv', new Uint8Array([0x52, 0xe9, 0x75, 0x6e, 0x69, 0x6f, 0x6e]));
    expect(await createFileService(deps).open(open())).toEqual({
      file: { name: 'log.csv', base64: 'Uul1bmlvbg==', size: 7 },
    });
  });

  it('reports a file that disappeared as io-failed, naming it', async () => {
    const { deps } = fakeDeps();
    await expect(createFileService(deps).open(open())).rejects.toMatchObject({
      code: 'io-failed',
      message: 'The file or its folder no longer exists: "/home/desk/Documents/log.csv" could not be read.',
    });
  });

  it('refuses a folder', async () => {
    const { deps } = fakeDeps({ stat: () => Promise.resolve({ size: 0, isFile: () => false }) });
    await expect(createFileService(deps).open(open())).rejects.toMatchObject({
      code: 'io-failed',
      message: '"log.csv" is not a file.',
    });
  });
});

describe('formatBytes', () => {
  it.each([
    [1, '1 byte'],
    [812, '812 bytes'],
    [1536, '1.5 KB'],
    [256 * 1024 * 1024, '256 MB'],
    [3.45 * 1024 * 1024 * 1024, '3.5 GB'],
  ])('formats %d as %s', (bytes, words) => {
    expect(formatBytes(bytes)).toBe(words);
  });
});

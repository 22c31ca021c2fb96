import * as fsp from 'node:fs/promises';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import {
  FileWriteError,
  tempPathFor,
  writeFileAtomic,
  type AtomicFileHandle,
  type AtomicFs,
} from '@main/adapters/atomicWrite';

const OLD = 'incident log, version 1\n';
const NEW = 'incident log, version 2, with the evening entries\n';

let dir: string;
let target: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'desk-atomic-'));
  target = join(dir, 'record.json');
  await writeFile(target, OLD);
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function fsError(code: string): Error {
  return Object.assign(new Error(`${code}: simulated failure`), { code });
}

/** The real file system, with the given calls replaced. */
function realFs(overrides: Partial<AtomicFs> = {}): AtomicFs {
  return {
    open: (path, flags) => fsp.open(path, flags),
    rename: (from, to) => fsp.rename(from, to),
    unlink: (path) => fsp.unlink(path),
    ...overrides,
  };
}

/** Opens files for real, but lets a test replace what happens on the temp file's handle. */
function withTempHandle(wrap: (real: AtomicFileHandle) => Partial<AtomicFileHandle>): AtomicFs {
  return realFs({
    open: async (path, flags) => {
      const real = await fsp.open(path, flags);
      if (flags !== 'wx') return real;
      return { writeFile: (d) => real.writeFile(d), sync: () => real.sync(), close: () => real.close(), ...wrap(real) };
    },
  });
}

const noSleep = { sleep: () => Promise.resolve() };

async function expectOldFileIntactAndNoTemp(): Promise<void> {
  expect(await readFile(target, 'utf8')).toBe(OLD);
  expect(await readdir(dir)).toEqual(['record.json']);
}

describe('writeFileAtomic', () => {
  it('replaces the file with the new content and leaves no temp file', async () => {
    await writeFileAtomic(target, NEW);
    expect(await readFile(target, 'utf8')).toBe(NEW);
    expect(await readdir(dir)).toEqual(['record.json']);
  });

  it('writes bytes exactly, including to a file that did not exist', async () => {
    const bytes = new Uint8Array([0, 255, 1, 254, 10, 13]);
    const fresh = join(dir, 'statement.docx');
    await writeFileAtomic(fresh, bytes);
    expect(new Uint8Array(await readFile(fresh))).toEqual(bytes);
  });

  it('writes the temp file beside the target, hidden and uniquely named, and never over an existing file', async () => {
    const opened: [string, string][] = [];
    const fs = realFs({
      open: (path, flags) => {
        opened.push([path, flags]);
        return fsp.open(path, flags);
      },
    });
    await writeFileAtomic(target, NEW, { fs, randomSuffix: () => 'abc123' });
    expect(opened[0]).toEqual([join(dir, '.record.json.tmp-abc123'), 'wx']);
    expect(tempPathFor('/x/y/report.md', 'z9')).toBe(join('/x/y', '.report.md.tmp-z9'));
  });

  it('leaves the previous file intact and removes the temp file when the disk fills mid-write', async () => {
    const fs = withTempHandle((real) => ({
      writeFile: async (data) => {
        const text = typeof data === 'string' ? data : new TextDecoder().decode(data);
        await real.writeFile(text.slice(0, 10));
        throw fsError('ENOSPC');
      },
    }));
    const failure = writeFileAtomic(target, NEW, { fs });
    await expect(failure).rejects.toBeInstanceOf(FileWriteError);
    await expect(failure).rejects.toThrow(/^The disk is full: /);
    await expectOldFileIntactAndNoTemp();
  });

  it('names the file and the remedy when the disk is full', async () => {
    const fs = withTempHandle(() => ({ writeFile: () => Promise.reject(fsError('ENOSPC')) }));
    const error = await writeFileAtomic(target, NEW, { fs }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileWriteError);
    expect((error as FileWriteError).code).toBe('ENOSPC');
    expect((error as FileWriteError).message).toContain(target);
    expect((error as FileWriteError).message).toContain('Free some space');
  });

  it('leaves the previous file intact when fsync fails', async () => {
    const fs = withTempHandle(() => ({ sync: () => Promise.reject(fsError('EIO')) }));
    await expect(writeFileAtomic(target, NEW, { fs })).rejects.toThrow(/disk reported an error/);
    await expectOldFileIntactAndNoTemp();
  });

  it('leaves the previous file intact when the rename keeps failing, after a few attempts with growing pauses', async () => {
    const pauses: number[] = [];
    let attempts = 0;
    const fs = realFs({
      rename: () => {
        attempts += 1;
        return Promise.reject(fsError('EPERM'));
      },
    });
    const sleep = (ms: number) => {
      pauses.push(ms);
      return Promise.resolve();
    };
    await expect(writeFileAtomic(target, NEW, { fs, sleep, renameAttempts: 4, renameBackoffMs: 10 })).rejects.toThrow(
      /Permission denied/,
    );
    expect(attempts).toBe(4);
    expect(pauses).toEqual([10, 20, 40]);
    await expectOldFileIntactAndNoTemp();
  });

  it('retries a rename that a virus scanner briefly blocks, then succeeds', async () => {
    let attempts = 0;
    const fs = realFs({
      rename: (from, to) => {
        attempts += 1;
        return attempts <= 2 ? Promise.reject(fsError(attempts === 1 ? 'EPERM' : 'EBUSY')) : fsp.rename(from, to);
      },
    });
    await writeFileAtomic(target, NEW, { fs, ...noSleep });
    expect(attempts).toBe(3);
    expect(await readFile(target, 'utf8')).toBe(NEW);
    expect(await readdir(dir)).toEqual(['record.json']);
  });

  it('does not retry a rename failure that is not a lock', async () => {
    let attempts = 0;
    const fs = realFs({
      rename: () => {
        attempts += 1;
        return Promise.reject(fsError('EXDEV'));
      },
    });
    await expect(writeFileAtomic(target, NEW, { fs, ...noSleep })).rejects.toBeInstanceOf(FileWriteError);
    expect(attempts).toBe(1);
    await expectOldFileIntactAndNoTemp();
  });

  it('succeeds where folders cannot be fsynced (Windows)', async () => {
    const fs = realFs({
      open: (path, flags) => (flags === 'r' ? Promise.reject(fsError('EISDIR')) : fsp.open(path, flags)),
    });
    await writeFileAtomic(target, NEW, { fs });
    expect(await readFile(target, 'utf8')).toBe(NEW);
  });

  it('never removes a file it did not create when the temp name is already taken', async () => {
    const planted = tempPathFor(target, 'fixed');
    await writeFile(planted, 'not ours');
    await expect(writeFileAtomic(target, NEW, { randomSuffix: () => 'fixed' })).rejects.toBeInstanceOf(FileWriteError);
    expect(await readFile(planted, 'utf8')).toBe('not ours');
    expect(await readFile(target, 'utf8')).toBe(OLD);
  });
});

import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { writeFileAtomic } from '@main/adapters/atomicWrite';
import { createDiskTempJournal } from '@main/adapters/tempJournal';

async function setUp() {
  const dir = await fs.mkdtemp(join(tmpdir(), 'desk-journal-'));
  const journalDir = join(dir, 'unfinished-writes');
  const journal = createDiskTempJournal(journalDir);
  return { dir, journalDir, journal };
}

describe('the journal of temp files', () => {
  it('forgets a temp file once a save completes or cleans up after itself', async () => {
    const { dir, journalDir, journal } = await setUp();
    await writeFileAtomic(join(dir, 'a.csv'), 'a,b\r\n', { journal });
    expect(await fs.readdir(journalDir)).toEqual([]);
    const failing = {
      open: fs.open,
      rename: () => Promise.reject(Object.assign(new Error('EXDEV'), { code: 'EXDEV' })),
      unlink: fs.unlink,
    };
    await expect(writeFileAtomic(join(dir, 'b.csv'), 'x', { journal, fs: failing })).rejects.toThrow();
    expect(await fs.readdir(journalDir)).toEqual([]);
    expect((await fs.readdir(dir)).sort()).toEqual(['a.csv', 'unfinished-writes']);
  });

  it('keeps a temp file it could not remove after a failed save, for the next start to remove', async () => {
    const { dir, journalDir, journal } = await setUp();
    const stuck = {
      open: fs.open,
      rename: () => Promise.reject(Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' })),
      unlink: () => Promise.reject(Object.assign(new Error('EBUSY'), { code: 'EBUSY' })),
    };
    await expect(writeFileAtomic(join(dir, 'c.json'), 'x', { journal, fs: stuck })).rejects.toThrow('The disk is full');
    const left = (await fs.readdir(dir)).filter((n) => n.startsWith('.c.json.tmp-'));
    expect(left).toHaveLength(1);
    expect(await journal.sweep()).toEqual([join(dir, left[0]!)]);
    expect((await fs.readdir(dir)).sort()).toEqual(['unfinished-writes']);
    expect(await fs.readdir(journalDir)).toEqual([]);
  });

  it('removes only a regular file with the desk’s temp name, whatever a marker says', async () => {
    const { dir, journalDir, journal } = await setUp();
    await fs.mkdir(journalDir);
    const keep = join(dir, 'minutes.docx');
    const link = join(dir, '.x.tmp-0123456789abcdef');
    await fs.writeFile(keep, 'the mayor’s minutes');
    await fs.symlink(keep, link);
    await fs.writeFile(join(journalDir, '1.json'), JSON.stringify({ temp: keep }));
    await fs.writeFile(join(journalDir, '2.json'), JSON.stringify({ temp: link }));
    await fs.writeFile(join(journalDir, '3.json'), 'not json');
    expect(await journal.sweep()).toEqual([]);
    expect(await fs.readFile(keep, 'utf8')).toBe('the mayor’s minutes');
    expect((await fs.lstat(link)).isSymbolicLink()).toBe(true);
    expect(await fs.readdir(journalDir)).toEqual([]);
  });
});

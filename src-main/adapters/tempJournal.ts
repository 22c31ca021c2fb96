import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs/promises';
import { basename, join } from 'node:path';

import type { AtomicFs } from './atomicWrite';
import { fsErrorCode } from './fsErrors';

/** The name writeFileAtomic gives its temp files: `.<target name>.tmp-<16 hex>`. */
export const DESK_TEMP_NAME = /^\..+\.tmp-[0-9a-f]{16}$/;

/** The file calls the journal needs beyond an atomic write's. */
export type TempJournalFs = Pick<AtomicFs, 'open' | 'unlink'> & {
  mkdir: (path: string) => Promise<unknown>;
  readdir: (path: string) => Promise<string[]>;
  readFile: (path: string) => Promise<Uint8Array>;
  lstat: (path: string) => Promise<{ isFile(): boolean }>;
};

/**
 * Remembers every temp file the desk creates, wherever it is (the backups folder, or a folder the
 * person chose in a save dialog), so that the next start can remove the ones a crash left behind
 * without ever touching a file the desk did not create: a marker is written (and synced) before
 * the temp file exists, and removed once the temp file is gone.
 */
export function createTempJournal(dir: string, fs: TempJournalFs, randomSuffix: () => string) {
  return {
    /** Records `tempPath` before it is created; the returned function forgets it once it is gone. */
    async begin(tempPath: string): Promise<() => Promise<void>> {
      const marker = join(dir, `${randomSuffix()}.json`);
      try {
        await fs.mkdir(dir);
        const handle = await fs.open(marker, 'wx');
        try {
          await handle.writeFile(JSON.stringify({ temp: tempPath }));
          await handle.sync();
        } finally {
          await handle.close();
        }
      } catch {
        // The save matters more than its bookkeeping: without a marker, the temp file is only at risk
        // of staying behind after a crash, which is what happened before the journal existed.
        return () => Promise.resolve();
      }
      return () => fs.unlink(marker).catch(() => undefined);
    },

    /** Removes the temp files of writes that never finished; returns their paths. */
    async sweep(): Promise<string[]> {
      let markers: string[];
      try {
        markers = (await fs.readdir(dir)).filter((n) => n.endsWith('.json'));
      } catch (error) {
        if (fsErrorCode(error) === 'ENOENT') return [];
        throw error;
      }
      const removed: string[] = [];
      for (const name of markers) {
        const marker = join(dir, name);
        let temp: unknown;
        try {
          temp = (JSON.parse(new TextDecoder().decode(await fs.readFile(marker))) as { temp?: unknown }).temp;
        } catch {
          temp = undefined;
        }
        // SECURITY: only a regular file with the desk's own temp name; never follow a link.
        if (typeof temp === 'string' && DESK_TEMP_NAME.test(basename(temp))) {
          const info = await fs.lstat(temp).catch(() => null);
          if (info?.isFile()) {
            try {
              await fs.unlink(temp);
              removed.push(temp);
            } catch {
              continue; // keep the marker: the next start tries again
            }
          }
        }
        await fs.unlink(marker).catch(() => undefined);
      }
      return removed;
    },
  };
}
export type TempJournal = ReturnType<typeof createTempJournal>;

/** The journal kept in `dir` on this computer's disk, its markers named at random. */
export function createDiskTempJournal(dir: string) {
  return createTempJournal(
    dir,
    {
      open: fs.open,
      unlink: fs.unlink,
      mkdir: (path) => fs.mkdir(path, { recursive: true }),
      readdir: fs.readdir,
      readFile: fs.readFile,
      lstat: fs.lstat,
    },
    () => randomBytes(8).toString('hex'),
  );
}

import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

import lockfile from 'proper-lockfile';

import type { Logger } from '../logging/logger';

/** The lock's name inside the data folder (a directory, which proper-lockfile creates atomically). */
export const DATA_FOLDER_LOCK = 'server.lock';

export type DataFolderLock = { release: () => Promise<void> };

/**
 * Holds the browser edition's data folder for one server at a time: two servers on different
 * ports sharing a folder would each clean up the other's unfinished temporary files and both
 * rotate the same backups. The lock is refreshed while the server runs and counts as abandoned
 * 30 s after a server died without releasing it, so a crash never locks the folder for good.
 */
export async function lockDataFolder(dataDir: string, log: Logger): Promise<{ ok: true; lock: DataFolderLock } | { ok: false; message: string }> {
  await mkdir(dataDir, { recursive: true });
  try {
    const release = await lockfile.lock(dataDir, {
      lockfilePath: join(dataDir, DATA_FOLDER_LOCK),
      realpath: false,
      stale: 30_000,
      update: 10_000,
      // Another process took the folder over (the lock went stale, e.g. the machine slept): say so and carry on.
      onCompromised: (error) => log.error('the lock on the data folder was lost', { error }),
    });
    return { ok: true, lock: { release: () => release().catch((error: unknown) => log.warn('the lock on the data folder could not be released', { error })) } };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') {
      return {
        ok: false,
        message:
          `Another Response Desk (browser edition) is already using its data folder ${dataDir}. ` +
          'Use that one, or stop it first; to run a second desk beside it, give this one a folder of its own with DESK_DATA_DIR=/absolute/path.',
      };
    }
    return { ok: false, message: `The data folder ${dataDir} cannot be used: ${error instanceof Error ? error.message : String(error)}.` };
  }
}

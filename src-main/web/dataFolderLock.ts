import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import lockfile from 'proper-lockfile';

import { format } from '@shared/i18n/format';

import type { Logger } from '../logging/logger';

/** The lock's name inside the data folder (a directory, which proper-lockfile creates atomically). */
export const DATA_FOLDER_LOCK = 'server.lock';
/**
 * Beside the lock: the process holding it, so a server killed outright does not hold the folder
 * for 30 s. Beside, not inside: the lock directory must stay empty for proper-lockfile to remove it.
 */
export const DATA_FOLDER_LOCK_OWNER = 'server.lock.owner.json';

/** Whether a process of this machine is still running (the server is loopback-only: its owner is local). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A lock left by a server that no longer runs (killed, or the machine lost power): safe to take over. */
async function isAbandoned(lockPath: string, ownerPath: string): Promise<boolean> {
  if ((await stat(lockPath).catch(() => null)) === null) return false;
  const owner = await readFile(ownerPath, 'utf8').then(
    (t) => JSON.parse(t) as { pid?: unknown },
    () => null,
  );
  // No owner written yet: another server is taking the lock this very moment.
  return owner !== null && typeof owner.pid === 'number' && owner.pid !== process.pid && !isRunning(owner.pid);
}

export type DataFolderLock = { release: () => Promise<void> };

/**
 * Holds the browser edition's data folder for one server at a time: two servers on different
 * ports sharing a folder would each clean up the other's unfinished temporary files and both
 * rotate the same backups. The lock names the process holding it: a server killed outright leaves
 * a lock the next one takes over at once; failing that (another user's process, an unreadable
 * lock), it counts as abandoned 30 s after it was last refreshed.
 */
export async function lockDataFolder(
  dataDir: string,
  log: Logger,
): Promise<{ ok: true; lock: DataFolderLock } | { ok: false; message: string }> {
  await mkdir(dataDir, { recursive: true });
  const lockPath = join(dataDir, DATA_FOLDER_LOCK);
  const ownerPath = join(dataDir, DATA_FOLDER_LOCK_OWNER);
  try {
    if (await isAbandoned(lockPath, ownerPath)) {
      log.warn('a server that stopped without letting go left its lock on the data folder: taken over', { lockPath });
      await rm(lockPath, { recursive: true, force: true });
    }
    const release = await lockfile.lock(dataDir, {
      lockfilePath: lockPath,
      realpath: false,
      stale: 30_000,
      update: 10_000,
      // Another process took the folder over (the lock went stale, e.g. the machine slept): say so and carry on.
      onCompromised: (error) => log.error('the lock on the data folder was lost', { error }),
    });
    await writeFile(ownerPath, JSON.stringify({ pid: process.pid }));
    return {
      ok: true,
      lock: {
        release: () =>
          release()
            .then(() => rm(ownerPath, { force: true }))
            .catch((error: unknown) => log.warn('the lock on the data folder could not be released', { error })),
      },
    };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') {
      return {
        ok: false,
        message: format('host.web.folderInUse', { folder: dataDir }),
      };
    }
    return {
      ok: false,
      message: format('host.web.folderUnusable', {
        folder: dataDir,
        reason: error instanceof Error ? error.message : String(error),
      }),
    };
  }
}

import { join } from 'node:path';

import type { BackupInfo, BackupPolicy } from '@shared/ipc/contract';

import { HandlerError } from '../ipc/handlerError';
import { backupName, backupTime, backupsToRemove } from './backupRotation';

/** What the automatic backups need from the machine; tests pass a temporary folder and a fake clock. */
export type BackupDeps = {
  folder: string;
  now: () => number;
  writeFileAtomic: (path: string, data: Uint8Array | string) => Promise<void>;
  mkdir: (path: string) => Promise<unknown>;
  readdir: (path: string) => Promise<string[]>;
  stat: (path: string) => Promise<{ size: number }>;
  readFile: (path: string) => Promise<Uint8Array>;
  unlink: (path: string) => Promise<void>;
};

/**
 * Rotating backups of the whole desk in the app's data folder. The renderer hands over the
 * backup file (it holds the data); main names it, writes it atomically and prunes old ones.
 */
export function createBackupService(deps: BackupDeps) {
  const list = async (): Promise<BackupInfo[]> => {
    await deps.mkdir(deps.folder);
    const names = (await deps.readdir(deps.folder)).filter((n) => backupTime(n) !== null);
    const infos = await Promise.all(names.map(async (name) => ({ name, createdAt: backupTime(name) ?? 0, size: (await deps.stat(join(deps.folder, name))).size })));
    return infos.sort((a, b) => b.createdAt - a.createdAt);
  };

  return {
    async write(request: { content: string; reason?: string | undefined; policy: BackupPolicy }): Promise<{ written: BackupInfo; removed: string[] }> {
      await deps.mkdir(deps.folder);
      const at = deps.now();
      const name = backupName(at, request.reason);
      await deps.writeFileAtomic(join(deps.folder, name), request.content);
      const names = (await deps.readdir(deps.folder)).filter((n) => backupTime(n) !== null);
      const removed = backupsToRemove(names, at, request.policy);
      for (const old of removed) await deps.unlink(join(deps.folder, old));
      return { written: { name, createdAt: at, size: Buffer.byteLength(request.content) }, removed };
    },

    list: async () => ({ folder: deps.folder, backups: await list() }),

    async read(name: string): Promise<{ text: string }> {
      // The contract already checked the name's shape; this guards the folder all the same.
      if (backupTime(name) === null) throw new HandlerError('invalid-request', `"${name}" is not an automatic backup.`);
      const bytes = await deps.readFile(join(deps.folder, name));
      return { text: new TextDecoder().decode(bytes) };
    },
  };
}

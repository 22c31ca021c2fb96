import { basename, join } from 'node:path';

import { readBackupEnvelope } from '@shared/domain/backup/backupFile';
import { AGE_ARMOR_BEGIN, isPassphraseArmor } from '@shared/domain/encryption/passphrase';
import { format } from '@shared/i18n/format';
import { BackupPolicySchema, DEFAULT_BACKUP_POLICY, type BackupInfo, type BackupPolicy } from '@shared/ipc/contract';

import { fsErrorCode } from '../adapters/fsErrors';
import { HandlerError } from '../ipc/handlerError';
import type { Logger } from '../logging/logger';
import { backupName, backupsToRemove, backupTime, isDatedAhead, roomFor } from './backupRotation';

/** What the automatic backups need from the machine; tests pass a temporary folder and a fake clock. */
export type BackupFolderDeps = {
  folder: string;
  /** Where main keeps the rotation policy (a small JSON file beside the data). */
  policyPath: string;
  now: () => number;
  writeFileAtomic: (path: string, data: Uint8Array | string) => Promise<void>;
  mkdir: (path: string) => Promise<unknown>;
  readdir: (path: string) => Promise<string[]>;
  stat: (path: string) => Promise<{ size: number }>;
  readFile: (path: string) => Promise<Uint8Array>;
  unlink: (path: string) => Promise<void>;
  log: Pick<Logger, 'info' | 'warn' | 'error'>;
};

/** The temp file writeFileAtomic leaves behind when killed mid-write: `.auto-….json.tmp-<16 hex>`. */
const DESK_TEMP = /^\.auto-\d{8}-\d{6}-\d{3}(?:-[a-z-]{1,30})?\.json(?:\.age)?\.tmp-[0-9a-f]{16}$/;

const NO_SPACE = new Set(['ENOSPC', 'EDQUOT']);

/** A failed write in one sentence a person can act on; the renderer adds when the next try is. */
function failure(error: unknown, folder: string, removed: number): HandlerError {
  const code = fsErrorCode(error);
  let message: string;
  if (code !== undefined && NO_SPACE.has(code)) {
    message =
      removed > 0
        ? format('backup.auto.diskFullAfterRemoving', { folder, removed })
        : format('backup.auto.diskFull', { folder });
  } else if (code === 'EACCES' || code === 'EPERM') message = format('backup.auto.permission', { folder });
  else if (code === 'EROFS') message = format('backup.auto.readOnly', { folder });
  else if (code === 'EIO') message = format('backup.auto.diskError', { folder });
  else
    message = format('backup.auto.failed', {
      reason: code ?? (error instanceof Error ? error.message : String(error)),
    });
  return new HandlerError('io-failed', message, { cause: error });
}

/**
 * The backup folder (main's side; the renderer's backup service makes and restores the files):
 * rotating backups of the whole desk in the app's data folder. The renderer hands over the
 * backup file (it holds the data); main checks it is one, names it, writes it atomically and
 * rotates by the policy it keeps itself. A plain Node service: every effect is a parameter.
 */
export function createBackupFolderService(deps: BackupFolderDeps) {
  const backupNames = async (): Promise<string[]> =>
    (await deps.readdir(deps.folder)).filter((n) => backupTime(n) !== null);

  const list = async (): Promise<BackupInfo[]> => {
    await deps.mkdir(deps.folder);
    const now = deps.now();
    const infos = await Promise.all(
      (await backupNames()).map(async (name) => {
        const createdAt = backupTime(name) ?? 0;
        return {
          name,
          createdAt,
          size: (await deps.stat(join(deps.folder, name))).size,
          datedAhead: isDatedAhead(createdAt, now),
        };
      }),
    );
    return infos.sort((a, b) => b.createdAt - a.createdAt);
  };

  const readPolicy = async (): Promise<BackupPolicy> => {
    let text: string;
    try {
      text = new TextDecoder().decode(await deps.readFile(deps.policyPath));
    } catch (error) {
      if (fsErrorCode(error) !== 'ENOENT')
        deps.log.warn('could not read the backup policy; using the default', { code: fsErrorCode(error) });
      return DEFAULT_BACKUP_POLICY;
    }
    try {
      const parsed = BackupPolicySchema.safeParse(JSON.parse(text));
      if (parsed.success) return parsed.data;
    } catch {
      // Not JSON: handled below as any other damaged policy file.
    }
    deps.log.warn('the backup policy file is damaged; using the default');
    return DEFAULT_BACKUP_POLICY;
  };

  const removeAll = async (names: readonly string[]): Promise<string[]> => {
    const removed: string[] = [];
    for (const name of names) {
      await deps.unlink(join(deps.folder, name));
      removed.push(name);
    }
    return removed;
  };

  /**
   * Removes the temp files of backups this desk began and never finished (killed mid-write,
   * power lost): in its own backups folder, with its own temp names only.
   */
  const cleanTemp = async (): Promise<string[]> => {
    let names: string[];
    try {
      names = await deps.readdir(deps.folder);
    } catch (error) {
      if (fsErrorCode(error) === 'ENOENT') return [];
      throw error;
    }
    const stale = names.filter((n) => DESK_TEMP.test(n));
    for (const name of stale) await deps.unlink(join(deps.folder, name)).catch(() => undefined);
    if (stale.length > 0) deps.log.info('removed unfinished backup files', { count: stale.length });
    return stale;
  };

  return {
    async write(request: {
      content: string;
      reason?: string | undefined;
    }): Promise<{ written: BackupInfo; removed: string[] }> {
      const policy = await readPolicy();
      // An encrypted backup cannot be read here (the passphrase stays with the person), so it is
      // taken as the age armor of a passphrase-encrypted file, which the restore then opens and checks.
      const encrypted = request.content.trimStart().startsWith(AGE_ARMOR_BEGIN);
      if (encrypted && !isPassphraseArmor(request.content)) {
        deps.log.warn('refused an encrypted automatic backup not sealed with a passphrase alone');
        throw new HandlerError('invalid-request', format('backup.auto.notPassphrase'));
      }
      // SECURITY: a desk set to encrypt its backups never writes the families' contact details in
      // clear, whatever the renderer sends (a window that lost its passphrase, an older version).
      if (!encrypted && policy.encrypted) {
        deps.log.warn('refused to write an automatic backup in clear: backups are set to be encrypted');
        throw new HandlerError('invalid-request', format('backup.auto.notEncrypted'));
      }
      if (!encrypted) {
        // SECURITY: only a whole desk backup is written into the rotation, whatever the renderer sends.
        // Its checksum is left to the restore, which verifies it before using the file: recomputing it
        // here would hold the main process (and every window) for seconds on a large desk, every few
        // minutes, and a renderer able to send junk could seal junk with a matching checksum anyway.
        const envelope = await readBackupEnvelope(request.content, {
          supportedSchemaVersion: Number.MAX_SAFE_INTEGER,
          sha256: null,
        });
        if (!envelope.ok) {
          deps.log.warn('refused to write an automatic backup that is not one', { code: envelope.error.code });
          throw new HandlerError('invalid-request', format('backup.auto.notABackup', { code: envelope.error.code }));
        }
      }
      await deps.mkdir(deps.folder);
      const at = deps.now();
      const name = backupName(at, request.reason, encrypted);
      const path = join(deps.folder, name);
      const removed: string[] = [];
      try {
        await deps.writeFileAtomic(path, request.content);
      } catch (error) {
        await cleanTemp().catch(() => undefined);
        const code = fsErrorCode(error);
        if (code === undefined || !NO_SPACE.has(code)) {
          deps.log.error('automatic backup failed', { code });
          throw failure(error, deps.folder, 0);
        }
        // A full disk: make room within the policy, then try once more.
        removed.push(...(await removeAll(roomFor(await backupNames(), name, at, policy))));
        try {
          if (removed.length === 0) throw error;
          await deps.writeFileAtomic(path, request.content);
        } catch (again) {
          await cleanTemp().catch(() => undefined);
          deps.log.error('automatic backup failed on a full disk', {
            code: fsErrorCode(again),
            removed: removed.length,
          });
          throw failure(again, deps.folder, removed.length);
        }
      }
      removed.push(...(await removeAll(backupsToRemove(await backupNames(), at, policy))));
      deps.log.info('automatic backup written', { name: basename(path), removed: removed.length });
      return { written: { name, createdAt: at, size: Buffer.byteLength(request.content), datedAhead: false }, removed };
    },

    list: async () => ({ folder: deps.folder, backups: await list() }),

    async read(name: string): Promise<{ text: string }> {
      // The contract already checked the name's shape; this guards the folder all the same.
      if (backupTime(name) === null)
        throw new HandlerError('invalid-request', format('files.error.notAnAutoBackup', { name }));
      const bytes = await deps.readFile(join(deps.folder, name));
      return { text: new TextDecoder().decode(bytes) };
    },

    policy: readPolicy,

    /** Saves a new policy (the contract bounds it); it applies from the next backup written. */
    async setPolicy(policy: BackupPolicy): Promise<BackupPolicy> {
      const checked = BackupPolicySchema.parse(policy);
      await deps.writeFileAtomic(deps.policyPath, `${JSON.stringify(checked)}\n`);
      deps.log.info('backup policy changed', { ...checked });
      return checked;
    },

    cleanTemp,
  };
}
export type BackupFolderService = ReturnType<typeof createBackupFolderService>;

// Sync with a folder (a USB stick): the stick holds one encrypted file per team. A sync
//   1. reads and decrypts that file into a working copy (a Corestore of replicas) on this disk,
//   2. replicates between this desk's store and the working copy in-process, both ways, with the
//      same handshake, verification and discovery as a network connection (the working copy
//      relays every desk, so a stick spreads the cores of desks this desk never met),
//   3. packs the working copy and writes it back to the stick atomically.
// What the stick held is in this desk's store before anything is written to the stick, so a stick
// pulled at any point loses nothing: the stick keeps its previous file, and the next sync completes.
import { randomUUID } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

import { err, ok, type Result } from '@shared/domain/result';
import { format } from '@shared/i18n/format';

import { writeFileAtomic as defaultWriteFileAtomic } from '../adapters/atomicWrite';
import { describeFsError, fsErrorCode } from '../adapters/fsErrors';
import type { Logger } from '../logging/logger';
import type { TeamSession } from './session';
import { MAX_ARCHIVE_BYTES, openArchive, sealArchive, type ArchiveFile } from './stickArchive';
import { stickFileName, type TeamCredentials, type TeamKeys } from './teamKeys';
import type { FolderSyncReport, TeamError } from './types';

/** The file calls a folder sync makes; tests replace them to pull the stick or fill the disk. */
export type FolderFs = {
  readFile(path: string): Promise<Buffer>;
  stat(path: string): Promise<{ size: number; isFile(): boolean; isDirectory(): boolean }>;
  readdir(path: string): Promise<string[]>;
  mkdir(path: string, opts: { recursive: true }): Promise<unknown>;
  writeFile(path: string, data: Uint8Array): Promise<void>;
  rm(path: string, opts: { recursive: true; force: true }): Promise<void>;
};

/**
 * What a folder sync needs of an engine: the desk's own, and the one opened on the stick's working
 * copy. Named here, by its user, so the engine can call the folder sync without the two importing
 * each other.
 */
export interface FolderSyncEngine {
  totalRecords(): number;
  listCores(): Promise<readonly unknown[]>;
  settle(): Promise<void>;
  applyRoster(): Promise<number>;
  linkInProcess(other: FolderSyncEngine, label: string): [TeamSession, TeamSession];
  close(): Promise<void>;
}

export type FolderSyncDeps = {
  keys: TeamKeys;
  team: TeamCredentials;
  logger: Logger;
  /** The desk's own store folder: working copies go beside it, on the same disk. */
  storeFolder: string;
  openCarrier(folder: string): Promise<Result<FolderSyncEngine, TeamError>>;
  fs: FolderFs;
  writeFileAtomic(path: string, data: Uint8Array): Promise<void>;
  /** A sync gives up when nothing moves for this long. */
  idleTimeoutMs: number;
};

export const nodeFolderFs: FolderFs = {
  readFile: (path) => nodeFs.readFile(path),
  stat: (path) => nodeFs.stat(path),
  readdir: (path) => nodeFs.readdir(path),
  mkdir: (path, opts) => nodeFs.mkdir(path, opts),
  writeFile: (path, data) => nodeFs.writeFile(path, data),
  rm: (path, opts) => nodeFs.rm(path, opts),
};

/** RocksDB's lock and its human-readable logs are not part of the data. */
function packable(path: string): boolean {
  const name = path.split('/').pop() ?? '';
  return name !== 'LOCK' && name !== 'LOG' && !name.startsWith('LOG.old');
}

async function listFiles(fs: FolderFs, root: string, dir = root): Promise<string[]> {
  const out: string[] = [];
  for (const name of await fs.readdir(dir)) {
    const full = join(dir, name);
    const info = await fs.stat(full);
    if (info.isDirectory()) out.push(...(await listFiles(fs, root, full)));
    else if (info.isFile()) out.push(relative(root, full).split(sep).join('/'));
  }
  return out;
}

function folderError(code: TeamError['code'], message: string): Result<never, TeamError> {
  return err({ code, message });
}

export async function syncWithFolder(
  local: FolderSyncEngine,
  folder: string,
  partial: Omit<FolderSyncDeps, 'fs' | 'writeFileAtomic' | 'idleTimeoutMs'> & Partial<FolderSyncDeps>,
): Promise<Result<FolderSyncReport, TeamError>> {
  const deps: FolderSyncDeps = {
    fs: nodeFolderFs,
    writeFileAtomic: (path, data) => defaultWriteFileAtomic(path, data),
    idleTimeoutMs: 60_000,
    ...partial,
  };
  const { fs } = deps;
  const fileName = stickFileName(deps.keys);
  const target = join(folder, fileName);

  try {
    const info = await fs.stat(folder);
    if (!info.isDirectory()) return folderError('folder-unusable', format('team.stick.notAFolder', { folder }));
  } catch (error) {
    return folderError('folder-unusable', describeFsError(error, 'read', folder));
  }

  // A temp file left on the stick by a sync that was killed or pulled mid-write is not the team
  // file (that one is replaced only by a rename); it is removed so the stick does not fill up.
  for (const name of await fs.readdir(folder).catch(() => [] as string[])) {
    if (name.startsWith(`.${fileName}.tmp-`))
      await fs.rm(join(folder, name), { recursive: true, force: true }).catch(() => undefined);
  }

  // Working copies live beside the desk's store; one left by a killed process is removed first.
  const workRoot = `${deps.storeFolder}.stick-work`;
  await fs.rm(workRoot, { recursive: true, force: true }).catch(() => undefined);
  const scratch = join(workRoot, randomUUID());

  let replacedDamaged: string | null = null;
  let stickBytes: Buffer | null = null;
  try {
    const info = await fs.stat(target);
    if (info.size > MAX_ARCHIVE_BYTES)
      return folderError('archive-damaged', format('team.stick.fileTooLarge', { path: target, bytes: info.size }));
    stickBytes = await fs.readFile(target);
  } catch (error) {
    if (fsErrorCode(error) !== 'ENOENT')
      return folderError(
        'folder-unusable',
        format('team.stick.unreadable', { reason: describeFsError(error, 'read', target) }),
      );
  }

  try {
    await fs.mkdir(join(scratch, 'db'), { recursive: true });
    if (stickBytes !== null) {
      const opened = openArchive(stickBytes, deps.keys.stick);
      if (!opened.ok) {
        // The name is derived from this team's key, so a file here that will not open is damaged
        // (most often cut short by a stick pulled mid-write), not another team's. Its records came
        // from desks that still hold them; it is replaced by a whole file.
        replacedDamaged = opened.error.message;
        deps.logger.warn('team file on the stick replaced', { reason: opened.error.code });
      } else {
        await writeFiles(fs, scratch, opened.value);
      }
    }
  } catch (error) {
    await fs.rm(workRoot, { recursive: true, force: true }).catch(() => undefined);
    return folderError(
      'write-failed',
      format('team.stick.unpackFailed', { reason: describeFsError(error, 'save', scratch) }),
    );
  }

  const opened = await deps.openCarrier(scratch);
  if (!opened.ok) {
    await fs.rm(workRoot, { recursive: true, force: true }).catch(() => undefined);
    return folderError('archive-damaged', format('team.stick.openFailed', { reason: opened.error.message }));
  }
  const carrier = opened.value;
  const receivedBefore = local.totalRecords();
  const carrierBefore = carrier.totalRecords();
  let carrierAfter = carrierBefore;
  let cores = 0;
  try {
    const synced = await replicateUntilEqual(local, carrier, deps.idleTimeoutMs);
    if (!synced.ok) {
      await fs.rm(workRoot, { recursive: true, force: true }).catch(() => undefined);
      return synced;
    }
    carrierAfter = carrier.totalRecords();
    cores = (await carrier.listCores()).length;
  } finally {
    await carrier.close();
  }
  const received = local.totalRecords() - receivedBefore;
  const sent = Math.max(0, carrierAfter - carrierBefore);

  const report = await (async (): Promise<Result<FolderSyncReport, TeamError>> => {
    const files: ArchiveFile[] = [];
    try {
      const paths = (await listFiles(fs, scratch)).filter(packable).sort();
      for (const path of paths) files.push({ path, bytes: await fs.readFile(join(scratch, ...path.split('/'))) });
    } catch (error) {
      return folderError(
        'write-failed',
        format('team.stick.readBackFailed', { reason: describeFsError(error, 'read', scratch) }),
      );
    }
    const sealed = sealArchive(files, deps.keys.stick);
    try {
      await deps.writeFileAtomic(target, sealed);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      return folderError('write-failed', format('team.stick.notWritten', { reason: detail }));
    }
    return ok({ file: target, received, sent, cores, bytes: sealed.byteLength, replacedDamaged });
  })();
  await fs.rm(workRoot, { recursive: true, force: true }).catch(() => undefined);
  if (report.ok)
    deps.logger.info('folder sync done', {
      received: report.value.received,
      sent: report.value.sent,
      bytes: report.value.bytes,
    });
  return report;
}

async function writeFiles(fs: FolderFs, root: string, files: readonly ArchiveFile[]): Promise<void> {
  for (const file of files) {
    const [dir, name] = file.path.split('/') as [string, string];
    await fs.mkdir(join(root, dir), { recursive: true });
    await fs.writeFile(join(root, dir, name), file.bytes);
  }
}

/**
 * Replicates until both stores hold the same records. When new roster records arrive, this desk's
 * roster may admit desks it refused a moment ago; their cores are taken in on the next round, so
 * one pass with a stick carries a newly admitted desk's records too.
 */
async function replicateUntilEqual(
  local: FolderSyncEngine,
  carrier: FolderSyncEngine,
  idleTimeoutMs: number,
): Promise<Result<void, TeamError>> {
  const [session, other] = local.linkInProcess(carrier, format('team.stick.label'));
  try {
    if (!(await session.admitted()))
      return folderError('write-failed', format('team.stick.notConnected', { reason: await session.closed() }));
    for (let round = 0; round < 8; round += 1) {
      const synced = await session.synced({ timeoutMs: idleTimeoutMs });
      if (!synced.ok) return synced;
      await local.settle();
      if ((await local.applyRoster()) === 0) break;
    }
    return ok(undefined);
  } finally {
    session.close(format('team.stick.syncDone'));
    other.close(format('team.stick.syncDone'));
  }
}

import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

import { describeFsError, fsErrorCode } from './fsErrors';

/** The part of a Node `FileHandle` an atomic write uses. */
export type AtomicFileHandle = {
  writeFile(data: Uint8Array | string): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
};

/** The part of `node:fs/promises` an atomic write uses; tests inject failures through it. */
export type AtomicFs = {
  open(path: string, flags: string): Promise<AtomicFileHandle>;
  rename(oldPath: string, newPath: string): Promise<void>;
  unlink(path: string): Promise<void>;
};

/** Collaborators of `writeFileAtomic`; every field has a production default. */
export type AtomicWriteDeps = {
  fs: AtomicFs;
  /** Makes the temp file name unique; eight random bytes by default. */
  randomSuffix: () => string;
  sleep: (ms: number) => Promise<void>;
  /** How many times a rename is tried when the target is briefly locked. */
  renameAttempts: number;
  /** First pause between rename attempts; doubles after each one. */
  renameBackoffMs: number;
  /** Records the temp file before it exists, so a start after a crash can remove it (tempJournal.ts). */
  journal?: { begin(tempPath: string): Promise<() => Promise<void>> } | undefined;
};

/** A failed atomic write: `message` is ready to show; `code` is the file-system code, if any. */
export class FileWriteError extends Error {
  override readonly name = 'FileWriteError';
  readonly code: string | undefined;

  constructor(message: string, code: string | undefined, cause: unknown) {
    super(message, { cause });
    this.code = code;
  }
}

const defaultDeps: AtomicWriteDeps = {
  fs: nodeFs,
  randomSuffix: () => randomBytes(8).toString('hex'),
  sleep: (ms) => new Promise((done) => setTimeout(done, ms)),
  renameAttempts: 5,
  renameBackoffMs: 40,
};

/** Windows antivirus and indexers hold new files open for a moment; these codes mean "try again". */
const TRANSIENT_RENAME_CODES = new Set(['EPERM', 'EACCES', 'EBUSY']);
/** Platforms where a folder cannot be opened or fsynced report these; the rename is still done. */
const UNSUPPORTED_DIR_SYNC_CODES = new Set(['EISDIR', 'EPERM', 'EINVAL', 'EACCES', 'ENOTSUP']);
/** Keeps `.name.tmp-<suffix>` under the usual 255-byte file name limit. */
const MAX_TEMP_STEM = 120;

/** The temp file's path: same folder as the target (so rename is atomic), hidden, unique. */
export function tempPathFor(targetPath: string, suffix: string): string {
  const stem = basename(targetPath).slice(0, MAX_TEMP_STEM);
  return join(dirname(targetPath), `.${stem}.tmp-${suffix}`);
}

async function renameWithRetry(deps: AtomicWriteDeps, from: string, to: string): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await deps.fs.rename(from, to);
      return;
    } catch (error) {
      const transient = TRANSIENT_RENAME_CODES.has(fsErrorCode(error) ?? '');
      if (!transient || attempt >= deps.renameAttempts) throw error;
      await deps.sleep(deps.renameBackoffMs * 2 ** (attempt - 1));
    }
  }
}

async function syncDirectory(fs: AtomicFs, dir: string): Promise<void> {
  let handle: AtomicFileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch (error) {
    if (!UNSUPPORTED_DIR_SYNC_CODES.has(fsErrorCode(error) ?? '')) throw error;
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/**
 * Writes `data` to `targetPath` so that a crash, a full disk or a locked file never leaves half a
 * file where a whole one is expected: temp file in the same folder, write, fsync, rename over the
 * target (retried while Windows holds a lock), fsync the folder. On failure the temp file is
 * removed and the previous target, if any, is untouched. Throws `FileWriteError` with words.
 */
export async function writeFileAtomic(
  targetPath: string,
  data: Uint8Array | string,
  overrides: Partial<AtomicWriteDeps> = {},
): Promise<void> {
  const deps: AtomicWriteDeps = { ...defaultDeps, ...overrides };
  const tempPath = tempPathFor(targetPath, deps.randomSuffix());
  let handle: AtomicFileHandle | undefined;
  let tempExists = false;
  const forget = (await deps.journal?.begin(tempPath)) ?? (() => Promise.resolve());
  try {
    // 'wx' fails if the name exists, so a stale or planted file (or symlink) is never written through.
    handle = await deps.fs.open(tempPath, 'wx');
    tempExists = true;
    await handle.writeFile(data);
    await handle.sync();
    const opened = handle;
    handle = undefined;
    await opened.close();
    await renameWithRetry(deps, tempPath, targetPath);
    tempExists = false;
    await forget();
    await syncDirectory(deps.fs, dirname(targetPath));
  } catch (error) {
    await handle?.close().catch(() => undefined);
    const gone =
      !tempExists ||
      (await deps.fs.unlink(tempPath).then(
        () => true,
        () => false,
      ));
    // A temp file that could not be removed stays in the journal, for the next start to remove.
    if (gone) await forget();
    throw new FileWriteError(describeFsError(error, 'save', targetPath), fsErrorCode(error), error);
  }
}

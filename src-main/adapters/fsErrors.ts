/** The errno-style code (`ENOSPC`, `EACCES`...) carried by a Node file-system error, if any. */
export function fsErrorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

/** What the desk was doing when a file-system call failed. */
export type FsAction = 'save' | 'read';

/**
 * Puts a file-system failure into words a responder can act on, naming the file:
 * "The disk is full: ...", never "ENOSPC: no space left on device, write".
 */
export function describeFsError(error: unknown, action: FsAction, path: string): string {
  const file = `"${path}"`;
  const verb = action === 'save' ? 'saved' : 'read';
  switch (fsErrorCode(error)) {
    case 'ENOSPC':
    case 'EDQUOT':
      return `The disk is full: ${file} could not be saved. Free some space or choose another disk, then try again.`;
    case 'EACCES':
    case 'EPERM':
      return action === 'save'
        ? `Permission denied: ${file} could not be saved. Choose a folder you can write to, or close any program that has the file open.`
        : `Permission denied: ${file} could not be read.`;
    case 'EROFS':
      return `The disk is read-only: ${file} could not be saved. Choose another disk.`;
    case 'EBUSY':
      return `The file is in use by another program: ${file} could not be ${verb}. Close that program and try again.`;
    case 'ENOENT':
    case 'ENOTDIR':
      return `The file or its folder no longer exists: ${file} could not be ${verb}.`;
    case 'EISDIR':
      return `That is a folder, not a file: ${file} could not be ${verb}.`;
    case 'ENAMETOOLONG':
      return `The file name is too long: ${file} could not be ${verb}. Choose a shorter name.`;
    case 'EIO':
      return `The disk reported an error: ${file} could not be ${verb}. Check the disk and try again.`;
    default: {
      const detail = error instanceof Error ? error.message : String(error);
      return `${file} could not be ${verb} (${detail}).`;
    }
  }
}

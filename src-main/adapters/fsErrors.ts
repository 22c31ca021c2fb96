import { format } from '@shared/i18n/format';

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
  switch (fsErrorCode(error)) {
    case 'ENOSPC':
    case 'EDQUOT':
      return format('files.error.diskFull', { path });
    case 'EACCES':
    case 'EPERM':
      return format(action === 'save' ? 'files.error.permissionSave' : 'files.error.permissionRead', { path });
    case 'EROFS':
      return format('files.error.readOnly', { path });
    case 'EBUSY':
      return format('files.error.inUse', { path, action });
    case 'ENOENT':
    case 'ENOTDIR':
      return format('files.error.gone', { path, action });
    case 'EISDIR':
      return format('files.error.isFolder', { path, action });
    case 'ENAMETOOLONG':
      return format('files.error.nameTooLong', { path, action });
    case 'EIO':
      return format('files.error.diskError', { path, action });
    default:
      return format('files.error.other', {
        path,
        action,
        detail: error instanceof Error ? error.message : String(error),
      });
  }
}

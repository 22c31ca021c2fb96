import { basename } from 'node:path';

import {
  MAX_SAVE_BYTES,
  type FileFilter,
  type OpenFileRequest,
  type OpenFileResponse,
  type SaveFileRequest,
  type SaveFileResponse,
} from '@shared/ipc/contract';
import { formatBytes } from '@shared/domain/text/formatBytes';
import { format } from '@shared/i18n/format';

import { describeFsError } from '../adapters/fsErrors';
import { HandlerError } from '../ipc/handlerError';

/** What the save dialog is asked to show. */
export type SaveDialogRequest = { suggestedName: string; filters: FileFilter[]; title?: string | undefined };
/** What the open dialog is asked to show. */
export type OpenDialogRequest = { filters: FileFilter[]; title?: string | undefined };

/** The I/O a file service needs; production passes the Electron dialog and Node fs adapters. */
export type FileServiceDeps = {
  /** Resolves to the chosen path, or null when the person cancels. Confirms overwriting itself. */
  showSaveDialog: (request: SaveDialogRequest) => Promise<string | null>;
  /** Resolves to the chosen path, or null when the person cancels. */
  showOpenDialog: (request: OpenDialogRequest) => Promise<string | null>;
  writeFileAtomic: (path: string, data: Uint8Array | string) => Promise<void>;
  stat: (path: string) => Promise<{ size: number; isFile: () => boolean }>;
  readFile: (path: string) => Promise<Uint8Array>;
};

/** The `file:save` and `file:open` capabilities. */
export type FileService = {
  save: (request: SaveFileRequest) => Promise<SaveFileResponse>;
  open: (request: OpenFileRequest) => Promise<OpenFileResponse>;
};

/** Strict base64: the alphabet only, whole quads, padding only at the end. */
function isBase64(text: string): boolean {
  if (text.length % 4 !== 0 || /[^A-Za-z0-9+/=]/.test(text)) return false;
  const padding = text.indexOf('=');
  return padding === -1 || (padding >= text.length - 2 && /^={1,2}$/.test(text.slice(padding)));
}

function decodeContent(request: SaveFileRequest): Uint8Array | string {
  if (request.encoding === 'utf8') return request.content;
  if (!isBase64(request.content)) {
    throw new HandlerError('invalid-request', format('files.error.notBase64'));
  }
  return new Uint8Array(Buffer.from(request.content, 'base64'));
}

function byteLength(data: Uint8Array | string): number {
  return typeof data === 'string' ? Buffer.byteLength(data, 'utf8') : data.byteLength;
}

/** Builds the file capabilities around injected dialogs and file-system calls. */
export function createFileService(deps: FileServiceDeps): FileService {
  return {
    async save(request) {
      const data = decodeContent(request);
      const size = byteLength(data);
      if (size > MAX_SAVE_BYTES) {
        throw new HandlerError(
          'too-large',
          format('files.error.tooLargeToSave', {
            name: request.suggestedName,
            size: formatBytes(size),
            limit: formatBytes(MAX_SAVE_BYTES),
          }),
        );
      }
      // SECURITY: the renderer proposes a file name only; the folder, and the decision to replace an
      // existing file, belong to the person in the OS save dialog (which asks before overwriting).
      // The chosen path is used exactly as returned: adding an extension here could silently
      // replace a file the dialog never asked about.
      const path = await deps.showSaveDialog({
        suggestedName: request.suggestedName,
        filters: request.filters,
        title: request.title,
      });
      if (path === null) return { savedTo: null };
      try {
        await deps.writeFileAtomic(path, data);
      } catch (error) {
        const message = error instanceof Error ? error.message : describeFsError(error, 'save', path);
        throw new HandlerError('io-failed', message, { cause: error });
      }
      return { savedTo: path };
    },

    async open(request) {
      const path = await deps.showOpenDialog({ filters: request.filters, title: request.title });
      if (path === null) return { file: null };
      const name = basename(path);
      const tooLarge = (size: number) =>
        new HandlerError(
          'too-large',
          format('files.error.tooLargeToOpen', {
            name,
            size: formatBytes(size),
            limit: formatBytes(request.maxBytes),
          }),
        );

      let bytes: Uint8Array;
      try {
        // Size first: a multi-gigabyte file picked by mistake must not be read into memory.
        const info = await deps.stat(path);
        if (!info.isFile()) throw new HandlerError('io-failed', format('files.error.notAFile', { name }));
        if (info.size > request.maxBytes) throw tooLarge(info.size);
        bytes = await deps.readFile(path);
      } catch (error) {
        if (error instanceof HandlerError) throw error;
        throw new HandlerError('io-failed', describeFsError(error, 'read', path), { cause: error });
      }
      // The file may have grown between the size check and the read.
      if (bytes.byteLength > request.maxBytes) throw tooLarge(bytes.byteLength);
      // The bytes go over as they are: reading them as text (and in which encoding) is the renderer's call.
      return {
        file: {
          name,
          base64: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'),
          size: bytes.byteLength,
        },
      };
    },
  };
}

import type { IpcError } from '@shared/ipc/contract';

/** Codes a handler may report itself; `forbidden` is decided by the IPC layer alone. */
export type HandlerErrorCode = Exclude<IpcError['code'], 'forbidden'>;

/**
 * An expected failure with words for the person at the desk (file too large, disk full).
 * `registerIpcHandlers` turns it into `{ ok: false, error: { code, message } }`.
 */
export class HandlerError extends Error {
  override readonly name = 'HandlerError';
  readonly code: HandlerErrorCode;

  constructor(code: HandlerErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

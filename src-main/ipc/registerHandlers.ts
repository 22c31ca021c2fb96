import type { z } from 'zod';

import { format } from '@shared/i18n/format';
import type { Channel } from '@shared/ipc/channels';
import { describeIssues, ipcContract, type IpcError, type IpcResult, type ResponseOf } from '@shared/ipc/contract';

import { fsErrorCode } from '../adapters/fsErrors';
import type { Logger } from '../logging/logger';
import { schemeOf } from '../security/trustedUrl';
import { HandlerError } from './handlerError';

/** The request a handler receives: already parsed by the contract's schema. */
export type ParsedRequestOf<C extends Channel> = z.output<(typeof ipcContract)[C]['request']>;

/** The page that made the call, for the few capabilities that act on it (printing it to PDF). */
export type SenderLike = { printToPDF(options: PrintToPdfOptions): Promise<Uint8Array> };
export type PrintToPdfOptions = {
  printBackground: boolean;
  pageSize: 'A4';
  landscape: boolean;
  generateDocumentOutline: boolean;
};

/** One handler per channel of the contract; the compiler rejects a missing or extra one. */
export type IpcHandlers = {
  [C in Channel]: (request: ParsedRequestOf<C>, sender: SenderLike | undefined) => Promise<ResponseOf<C>>;
};

/** The part of an `IpcMainInvokeEvent` the checks read. */
export type InvokeEventLike = { senderFrame?: { url: string } | null; sender?: SenderLike };

/** Anything with Electron's `ipcMain.handle` shape. */
export type IpcMainLike = {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
};

/** Collaborators of `registerIpcHandlers`. */
export type RegisterIpcDeps = {
  ipcMain: IpcMainLike;
  /** Decides from the sending frame's URL whether it may call main at all. */
  isTrustedSender: (frameUrl: string | undefined) => boolean;
  handlers: IpcHandlers;
  log: Pick<Logger, 'warn' | 'error'>;
};

const failure = (code: IpcError['code'], message: string): { ok: false; error: IpcError } => ({
  ok: false,
  error: { code, message },
});

/** Turns whatever a handler threw into a reply the renderer can put into words. */
function failureFrom(error: unknown): { ok: false; error: IpcError } {
  if (error instanceof HandlerError) return failure(error.code, error.message);
  const message = error instanceof Error ? error.message : String(error);
  if (fsErrorCode(error) !== undefined) return failure('io-failed', message);
  return failure('internal', format('host.desktop.failed', { reason: message }));
}

/**
 * Answers one call: check the sender, parse the request, run the handler, check the reply.
 * Never throws: every outcome is an `IpcResult`.
 */
export async function handleIpcCall<C extends Channel>(
  channel: C,
  event: InvokeEventLike,
  raw: unknown,
  deps: Omit<RegisterIpcDeps, 'ipcMain'>,
): Promise<IpcResult<ResponseOf<C>>> {
  const frameUrl = event.senderFrame?.url;
  // SECURITY: only the desk's own pages (app://desk/) may reach main; a frame that navigated
  // elsewhere, an iframe from another origin or a destroyed frame is refused before parsing.
  if (!deps.isTrustedSender(frameUrl)) {
    deps.log.warn('refused IPC from an untrusted frame', {
      channel,
      scheme: frameUrl === undefined ? 'none' : schemeOf(frameUrl),
    });
    return failure('forbidden', format('host.desktop.forbidden'));
  }

  const contract = ipcContract[channel];
  // SECURITY: the payload is `unknown` until the contract's schema has parsed it.
  const parsed = contract.request.safeParse(raw);
  if (!parsed.success) {
    deps.log.warn('refused an invalid IPC request', { channel });
    return failure('invalid-request', describeIssues(parsed.error));
  }

  let value: unknown;
  try {
    const handler = deps.handlers[channel] as (request: unknown, sender: SenderLike | undefined) => Promise<unknown>;
    value = await handler(parsed.data, event.sender);
  } catch (error) {
    const reply = failureFrom(error);
    const log = reply.error.code === 'internal' ? deps.log.error : deps.log.warn;
    log('IPC handler failed', {
      channel,
      code: reply.error.code,
      error: error instanceof Error ? error.name : typeof error,
    });
    return reply;
  }

  const checked = contract.response.safeParse(value);
  if (!checked.success) {
    deps.log.error('IPC handler produced a reply outside the contract', { channel });
    return failure('internal', format('host.desktop.badReply', { problems: describeIssues(checked.error) }));
  }
  return { ok: true, value: checked.data as ResponseOf<C> };
}

/**
 * Registers one `ipcMain.handle` listener per channel of the contract, and nothing else.
 * SECURITY: handlers never throw across IPC, and no channel exists outside the contract.
 */
export function registerIpcHandlers(deps: RegisterIpcDeps): void {
  const { ipcMain, ...callDeps } = deps;
  for (const channel of Object.keys(ipcContract) as Channel[]) {
    ipcMain.handle(channel, (event, raw) => handleIpcCall(channel, event, raw, callDeps));
  }
}

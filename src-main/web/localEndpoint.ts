import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

import { formatBytes } from '@shared/domain/text/formatBytes';
import { format } from '@shared/i18n/format';
import type { Channel } from '@shared/ipc/channels';
import { ipcContract, type IpcError } from '@shared/ipc/contract';
import { decodeWire, encodeWire, IPC_PATH_PREFIX, LOCAL_TOKEN_HEADER, maxRequestBytes } from '@shared/ipc/wire';

import { handleIpcCall, type IpcHandlers } from '../ipc/registerHandlers';
import type { Logger } from '../logging/logger';

/** A call the local endpoint turns away before any handler runs. */
export type Refusal = { status: number; error: IpcError };

const refuse = (status: number, code: IpcError['code'], message: string): Refusal => ({
  status,
  error: { code, message },
});

/** The loopback names the server answers to, with its port: the only Hosts and Origins it accepts. */
export function loopbackHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

/**
 * SECURITY: the Host header must name this server on loopback. A page on another site whose name
 * was made to resolve to 127.0.0.1 (DNS rebinding) sends its own name here, so it can neither read
 * the served page (and the secret in it) nor call a channel.
 */
export function checkHost(host: string | undefined, port: number): Refusal | null {
  if (host === undefined || !loopbackHosts(port).includes(host.toLowerCase())) {
    return refuse(403, 'forbidden', format('host.server.notLoopback'));
  }
  return null;
}

/** Equal-time comparison, so the secret cannot be guessed byte by byte from response times. */
function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

const single = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? undefined : value);

/**
 * Decides whether a call may reach the handlers at all: method, channel, Host, Origin, secret,
 * content type and declared size, in that order. Returns the channel, or why it was refused.
 */
export function checkCall(
  /** `path` is the request's decoded path: `/ipc/<channel>`. */
  request: { method: string | undefined; path: string; headers: IncomingMessage['headers'] },
  expected: { port: number; token: string },
): { ok: true; channel: Channel } | { ok: false; refusal: Refusal } {
  const no = (refusal: Refusal) => ({ ok: false as const, refusal });
  const hostRefusal = checkHost(single(request.headers.host), expected.port);
  if (hostRefusal) return no(hostRefusal);
  if (request.method !== 'POST') return no(refuse(405, 'invalid-request', format('host.server.postOnly')));
  const name = request.path.slice(IPC_PATH_PREFIX.length);
  // SECURITY: only the contract's own keys; never a property every object has (`constructor`, `__proto__`).
  if (!Object.hasOwn(ipcContract, name)) return no(refuse(404, 'invalid-request', format('host.server.noSuchChannel')));
  const channel = name as Channel;

  // SECURITY: a browser always sends Origin on a POST; it must be this very page's origin, so no
  // other site's page (nor a page that reached us under another name) can call a channel.
  const origin = single(request.headers.origin);
  const host = single(request.headers.host)?.toLowerCase();
  if (origin === undefined || origin.toLowerCase() !== `http://${host ?? ''}`) {
    return no(refuse(403, 'forbidden', format('host.server.otherPage')));
  }
  // SECURITY: the per-launch secret, which only the page served by this process holds.
  const token = single(request.headers[LOCAL_TOKEN_HEADER]);
  if (token === undefined || !sameSecret(token, expected.token)) {
    return no(refuse(403, 'forbidden', format('host.server.noSecret')));
  }
  // A JSON content type cannot be sent by a plain form, and is what the body is read as.
  const type = single(request.headers['content-type'])?.split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') return no(refuse(415, 'invalid-request', format('host.server.jsonOnly')));
  const declared = single(request.headers['content-length']);
  if (declared !== undefined && Number(declared) > maxRequestBytes(channel)) return no(tooLarge(channel));
  return { ok: true, channel };
}

function tooLarge(channel: Channel): Refusal {
  return refuse(413, 'too-large', format('host.server.tooLarge', { limit: formatBytes(maxRequestBytes(channel)) }));
}

/** Reads the body, stopping as soon as it passes `limit` bytes; null when it did. */
async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const piece = chunk as Buffer;
    size += piece.length;
    if (size > limit) return null;
    chunks.push(piece);
  }
  return Buffer.concat(chunks, size);
}

function reply(res: ServerResponse, status: number, body: string, close = false): void {
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...(close ? { Connection: 'close' } : {}),
  });
  res.end(body);
}

/** Collaborators of the local endpoint. */
export type LocalEndpointDeps = {
  /** The per-launch secret the served page carries. */
  token: string;
  /** The port the server listens on (known once it listens). */
  port: () => number;
  handlers: IpcHandlers;
  log: Pick<Logger, 'warn' | 'error'>;
};

/**
 * Answers `POST /ipc/<channel>` through the same call path as Electron's `ipcMain` (request
 * parsed by the contract, handler, reply checked by the contract); only the transport and the
 * sender check differ. Every reply is an `IpcResult`, refusals included.
 */
export function createLocalEndpoint(deps: LocalEndpointDeps) {
  return async (req: IncomingMessage, res: ServerResponse, path: string): Promise<void> => {
    const checked = checkCall(
      { method: req.method, path, headers: req.headers },
      { port: deps.port(), token: deps.token },
    );
    if (!checked.ok) {
      deps.log.warn('refused a call to the local endpoint', {
        status: checked.refusal.status,
        code: checked.refusal.error.code,
      });
      // The body, if any, is not read: the connection closes after the refusal.
      reply(res, checked.refusal.status, encodeWire({ ok: false, error: checked.refusal.error }), true);
      return;
    }
    const { channel } = checked;
    const body = await readBody(req, maxRequestBytes(channel));
    if (body === null) {
      reply(res, 413, encodeWire({ ok: false, error: tooLarge(channel).error }), true);
      return;
    }
    let text: string;
    try {
      text = body.toString('utf8');
    } catch {
      // Longer than the JavaScript engine can hold as one string.
      reply(res, 413, encodeWire({ ok: false, error: tooLarge(channel).error }));
      return;
    }
    let raw: unknown;
    try {
      // An empty body is a request of `undefined` (the channels that take none).
      raw = text.length === 0 ? undefined : decodeWire(text);
    } catch {
      reply(
        res,
        400,
        encodeWire({ ok: false, error: { code: 'invalid-request', message: format('host.server.notJson') } }),
      );
      return;
    }
    const origin = `http://${req.headers.host ?? ''}/`;
    // The caller was checked above (Host, Origin, secret); the frame check stands for the same decision.
    const result = await handleIpcCall(channel, { senderFrame: { url: origin } }, raw, {
      isTrustedSender: (url) => url === origin,
      handlers: deps.handlers,
      log: deps.log,
    });
    reply(res, 200, encodeWire(result));
  };
}

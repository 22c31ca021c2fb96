import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';

import { format } from '@shared/i18n/format';
import { IPC_PATH_PREFIX, LOCAL_TOKEN_META, TEST_MINUTE_META } from '@shared/ipc/wire';

import type { AtomicFs } from '../adapters/atomicWrite';
import type { TeamReadPace } from '../host/teamService';
import { createDeskServices } from '../host/deskServices';
import type { Logger } from '../logging/logger';
import { mimeTypeFor, resolveAppRequest } from '../security/appProtocol';
import { CONTENT_SECURITY_POLICY } from '../security/csp';
import { APP_HOST, APP_SCHEME } from '../security/trustedUrl';
import { lockDataFolder } from './dataFolderLock';
import { checkHost, createLocalEndpoint } from './localEndpoint';

/** FORMAT: the browser keeps the desk's data per address: http://127.0.0.1:5178 holds one desk. */
export const DEFAULT_PORT = 5178;
/** SECURITY: loopback only; nothing on the network can reach the desk or its channels. */
export const LOOPBACK = '127.0.0.1';

/** How the browser edition's server is started; `src-main/web/main.ts` reads these from the environment. */
export type WebHostOptions = {
  rendererRoot: string;
  /** 0 lets the system pick a free port (tests). */
  port: number;
  dataDir: string;
  version: string;
  platform: string;
  log: Logger;
  /** True when the build folder need not hold the desk's page (the benchmark's build, whose pages sit in subfolders). */
  pageOptional?: boolean;
  /** A fixed secret (tests); a fresh random one for every launch otherwise. */
  token?: string;
  /** End-to-end runs only: milliseconds the page counts as a minute of its backup schedule. */
  testMinuteMs?: number | null;
  /** End-to-end runs only: file calls with injected failures. */
  atomicFs?: AtomicFs;
  /** Look for the team's desks by multicast while sharing; end-to-end runs turn it off. */
  teamDiscovery?: boolean;
  /** End-to-end runs only: the team's records read slowly, to watch a catch-up. */
  teamReadPace?: TeamReadPace;
  now?: () => number;
};

/** A running browser edition. */
export type WebHost = { address: string; port: number; token: string; server: Server; close: () => Promise<void> };

/** The served page, with the per-launch secret (and, in end-to-end runs, the test clock) in its head. */
export function pageWithSecret(html: string, token: string, testMinuteMs: number | null): string {
  const tags = [`<meta name="${LOCAL_TOKEN_META}" content="${token}" />`];
  if (testMinuteMs !== null) tags.push(`<meta name="${TEST_MINUTE_META}" content="${String(testMinuteMs)}" />`);
  // FORMAT: right after <head>, before anything that runs.
  return html.replace(/<head>/i, `<head>\n    ${tags.join('\n    ')}`);
}

function staticHeaders(file: string): Record<string, string> {
  return {
    'Content-Type': mimeTypeFor(file),
    // SECURITY: the desktop shell's policy: only the desk's own files, and calls only to its own
    // origin (`connect-src 'self'`), where the local endpoint answers.
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  };
}

/** True when what answers at `address` is a Response Desk (another copy of this server). */
async function deskAlreadyThere(address: string): Promise<boolean> {
  try {
    const reply = await fetch(address, { signal: AbortSignal.timeout(2000) });
    return /<title>Response Desk<\/title>/.test(await reply.text());
  } catch {
    return false;
  }
}

/** What to tell the person when the port is taken: never another address (the desk there would be empty). */
async function portTakenLines(address: string, port: number): Promise<string[]> {
  const lines = (await deskAlreadyThere(address))
    ? [format('host.web.alreadyRunning', { address })]
    : [format('host.web.portTaken', { port: String(port), address }), format('host.web.closeThatProgram')];
  return [...lines, format('host.web.dataLivesAt', { address })];
}

/**
 * Starts the browser edition: serves the built renderer and answers the IPC contract on the same
 * origin, over the same services as the desktop app, with a data folder of its own.
 */
export async function startWebHost(
  options: WebHostOptions,
): Promise<{ ok: true; host: WebHost } | { ok: false; lines: string[] }> {
  const index = join(options.rendererRoot, 'index.html');
  const html = await readFile(index, 'utf8').catch(() => null);
  if (html === null && options.pageOptional !== true) {
    return {
      ok: false,
      lines: [format('host.web.notBuilt')],
    };
  }
  // SECURITY: a new secret every launch; a page served by an earlier run no longer gets answers.
  const token = options.token ?? randomBytes(32).toString('hex');
  const page = html === null ? null : pageWithSecret(html, token, options.testMinuteMs ?? null);

  const services = createDeskServices({
    dataDir: options.dataDir,
    name: 'Response Desk',
    version: options.version,
    platform: options.platform,
    dialogs: null,
    now: options.now ?? (() => Date.now()),
    log: options.log,
    ...(options.atomicFs ? { atomicFs: options.atomicFs } : {}),
    teamDiscovery: options.teamDiscovery ?? true,
    ...(options.teamReadPace ? { teamReadPace: options.teamReadPace } : {}),
  });
  let ready: Promise<void> = new Promise(() => undefined);
  let port = options.port;
  const endpoint = createLocalEndpoint({ token, port: () => port, handlers: services.handlers, log: options.log });

  const serveStatic = async (
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
    rawUrl: string,
  ): Promise<void> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { 'Content-Type': 'text/plain' }).end('Method not allowed');
      return;
    }
    if (page !== null && (path === '/' || path === '/index.html')) {
      // SECURITY: the page holding the secret is never cached: a later launch has another one.
      res
        .writeHead(200, { ...staticHeaders(index), 'Cache-Control': 'no-store' })
        .end(req.method === 'HEAD' ? undefined : page);
      return;
    }
    // SECURITY: the desktop shell's own path rules (no `..`, plain or encoded, nothing outside the build folder).
    const resolved = resolveAppRequest(
      options.rendererRoot,
      `${APP_SCHEME}://${APP_HOST}${rawUrl.startsWith('/') ? rawUrl : '/..'}`,
    );
    if (resolved.kind === 'forbidden') {
      res.writeHead(403, { 'Content-Type': 'text/plain' }).end('Forbidden');
      return;
    }
    const file = resolved.filePath;
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
      return;
    }
    res.writeHead(200, staticHeaders(file));
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  };

  const server = createServer((req, res) => {
    void (async () => {
      let path: string;
      try {
        path = decodeURIComponent(new URL(req.url ?? '/', `http://${LOOPBACK}`).pathname);
      } catch {
        res.writeHead(400, { 'Content-Type': 'text/plain' }).end('Bad address');
        return;
      }
      if (path.startsWith(IPC_PATH_PREFIX)) {
        // The endpoint checks Host, Origin and the secret itself, and refuses as the contract replies.
        await ready;
        await endpoint(req, res, path);
        return;
      }
      // SECURITY: the Host is checked on the pages too: under DNS rebinding, the page (and the
      // secret in it) must not be readable by another site either.
      const refused = checkHost(req.headers.host, port);
      if (refused) {
        res.writeHead(refused.status, { 'Content-Type': 'text/plain', Connection: 'close' }).end(refused.error.message);
        return;
      }
      await serveStatic(req, res, path, req.url ?? '/');
    })().catch((error: unknown) => {
      options.log.error('the browser edition could not answer a request', { error });
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end();
    });
  });

  const listening = await new Promise<{ ok: true } | { ok: false; code: string }>((done) => {
    server.once('error', (error: NodeJS.ErrnoException) => done({ ok: false, code: error.code ?? error.message }));
    server.listen(options.port, LOOPBACK, () => done({ ok: true }));
  });
  const wanted = `http://${LOOPBACK}:${options.port}/`;
  if (!listening.ok) {
    return {
      ok: false,
      lines:
        listening.code === 'EADDRINUSE'
          ? await portTakenLines(wanted, options.port)
          : [format('host.web.couldNotStartAt', { address: wanted, code: listening.code })],
    };
  }
  port = (server.address() as { port: number }).port;
  // One server per data folder, whatever its port: the clean-up below removes unfinished files.
  const locked = await lockDataFolder(options.dataDir, options.log);
  if (!locked.ok) {
    await new Promise<void>((done) => {
      server.close(() => done());
      server.closeAllConnections();
    });
    return { ok: false, lines: [locked.message] };
  }
  // Only once this process holds the address and the folder: a second copy that could not start
  // must not touch the files the running one is writing. Calls wait for the clean-up.
  ready = services.cleanUp();
  await ready;
  return {
    ok: true,
    host: {
      address: `http://${LOOPBACK}:${port}/`,
      port,
      token,
      server,
      close: async () => {
        await new Promise<void>((done) => {
          server.close(() => done());
          server.closeAllConnections();
        });
        await services.close();
        await locked.lock.release();
      },
    },
  };
}

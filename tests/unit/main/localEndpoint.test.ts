import { request as httpRequest } from 'node:http';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { MAX_SAVE_BYTES } from '@shared/ipc/contract';
import { SMALL_REQUEST_BYTES } from '@shared/ipc/wire';
import type { WebHost } from '@main/web/webHost';

import { startTestWebHost } from '../../support/webHost';

const TOKEN = 'a'.repeat(64);

type Reply = { status: number; headers: Record<string, string | string[] | undefined>; text: string };

/** One raw HTTP exchange, with whatever headers a caller (or an attacker) chooses to send. */
function send(
  port: number,
  opts: {
    path: string;
    method?: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
    endWithoutBody?: boolean;
  },
): Promise<Reply> {
  return new Promise((done, fail) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path: opts.path,
        method: opts.method ?? 'POST',
        headers: opts.headers ?? {},
        setHost: false,
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, text }));
      },
    );
    req.on('error', fail);
    if (opts.endWithoutBody === true) req.flushHeaders();
    else req.end(opts.body);
  });
}

let host: WebHost;
let dataDir: string;
let rendererRoot: string;

beforeEach(async () => {
  rendererRoot = await mkdtemp(join(tmpdir(), 'desk-page-'));
  await writeFile(
    join(rendererRoot, 'index.html'),
    '<!doctype html><html><head><title>Response Desk</title></head><body></body></html>',
  );
  dataDir = await mkdtemp(join(tmpdir(), 'desk-data-'));
  const started = await startTestWebHost({ rendererRoot, dataDir, token: TOKEN });
  if (!started.ok) throw new Error(started.lines.join('\n'));
  host = started.host;
});

afterEach(async () => {
  await host.close();
  await rm(dataDir, { recursive: true, force: true });
  await rm(rendererRoot, { recursive: true, force: true });
});

/** The headers the served page sends with each call. */
const pageHeaders = (overrides: Record<string, string> = {}): Record<string, string> => ({
  host: `127.0.0.1:${host.port}`,
  origin: `http://127.0.0.1:${host.port}`,
  'content-type': 'application/json',
  'x-desk-token': TOKEN,
  ...overrides,
});
/** Calls a channel as the served page does, with its request as JSON. */
const callAsPage = (channel: string, request: unknown) =>
  send(host.port, { path: `/ipc/${channel}`, headers: pageHeaders(), body: JSON.stringify(request) });
const without = (name: string): Record<string, string> =>
  Object.fromEntries(Object.entries(pageHeaders()).filter(([k]) => k !== name));
const errorOf = (reply: Reply) =>
  (JSON.parse(reply.text) as { ok: false; error: { code: string; message: string } }).error;

describe("the browser edition's local endpoint", () => {
  it('listens on loopback only', () => {
    expect(host.server.address()).toMatchObject({ address: '127.0.0.1' });
  });

  it('puts the per-launch secret into the served page, not into any address, and keeps the CSP', async () => {
    const page = await send(host.port, { path: '/', method: 'GET', headers: { host: `127.0.0.1:${host.port}` } });
    expect(page.status).toBe(200);
    expect(page.text).toContain(`<meta name="desk-local-token" content="${TOKEN}" />`);
    expect(page.headers['content-security-policy']).toContain("connect-src 'self'");
    expect(page.headers['cache-control']).toBe('no-store');
    // A normal launch has no test clock in its page.
    expect(page.text).not.toContain('desk-test-minute-ms');
  });

  it('serves nothing outside the build folder', async () => {
    for (const path of ['/%2e%2e/%2e%2e/etc/passwd', '/..%2fpackage.json', '/a/%2e%2e/%2e%2e/x']) {
      const reply = await send(host.port, { path, method: 'GET', headers: { host: `127.0.0.1:${host.port}` } });
      expect(reply.status, path).toBe(403);
    }
  });

  it('answers a call from its own page through the real services', async () => {
    const reply = await send(host.port, { path: '/ipc/backup:list', headers: pageHeaders() });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.text)).toEqual({ ok: true, value: { folder: join(dataDir, 'backups'), backups: [] } });
    expect(await readdir(dataDir)).toContain('backups');
  });

  it('gives every launch a different secret', async () => {
    const otherData = await mkdtemp(join(tmpdir(), 'desk-data-'));
    const other = await startTestWebHost({ rendererRoot, dataDir: otherData });
    if (!other.ok) throw new Error('did not start');
    try {
      expect(other.host.token).toMatch(/^[0-9a-f]{64}$/);
      expect(other.host.token).not.toBe(TOKEN);
    } finally {
      await other.host.close();
      await rm(otherData, { recursive: true, force: true });
    }
  });

  it.each([
    ['a missing secret', () => without('x-desk-token')],
    ['a wrong secret', () => pageHeaders({ 'x-desk-token': 'b'.repeat(64) })],
    ['a secret of another length', () => pageHeaders({ 'x-desk-token': 'a' })],
  ])('refuses %s', async (_what, headers) => {
    const reply = await send(host.port, { path: '/ipc/backup:list', headers: headers() });
    expect(reply.status).toBe(403);
    expect(errorOf(reply)).toEqual({
      code: 'forbidden',
      message: 'This call does not carry the secret of the page this server served; reload the desk.',
    });
  });

  it.each([
    ['another site', () => pageHeaders({ origin: 'https://attacker.example' })],
    ['another port on loopback', () => pageHeaders({ origin: 'http://127.0.0.1:1' })],
    ['an opaque origin (a sandboxed frame, a file)', () => pageHeaders({ origin: 'null' })],
    ['no Origin at all', () => without('origin')],
  ])('refuses a call whose Origin is %s', async (_what, headers) => {
    const reply = await send(host.port, { path: '/ipc/backup:list', headers: headers() });
    expect(reply.status).toBe(403);
    expect(errorOf(reply).code).toBe('forbidden');
  });

  it.each([
    ['a rebound name', 'attacker.example'],
    ['a rebound name with our port', 'attacker.example:PORT'],
    ['another port', '127.0.0.1:1'],
    ['the network address', '0.0.0.0:PORT'],
  ])('refuses a foreign Host (%s) on calls and on the page holding the secret', async (_what, name) => {
    const foreign = name.replace('PORT', String(host.port));
    const call = await send(host.port, {
      path: '/ipc/backup:list',
      headers: pageHeaders({ host: foreign, origin: `http://${foreign}` }),
    });
    expect(call.status).toBe(403);
    expect(errorOf(call).code).toBe('forbidden');
    const page = await send(host.port, { path: '/', method: 'GET', headers: { host: foreign } });
    expect(page.status).toBe(403);
    expect(page.text).not.toContain(TOKEN);
  });

  it('refuses a body larger than the channel takes, as it arrives', async () => {
    const small = await callAsPage('backup:read', { name: 'x'.repeat(SMALL_REQUEST_BYTES) });
    expect(small.status).toBe(413);
    expect(errorOf(small)).toEqual({
      code: 'too-large',
      message: 'What was sent is larger than the desk accepts on this channel (64 KB).',
    });
    // Declared larger than the contract's file limit: refused before a byte of it is read.
    const huge = await send(host.port, {
      path: '/ipc/backup:write-auto',
      headers: pageHeaders({ 'content-length': String(MAX_SAVE_BYTES + 1) }),
      endWithoutBody: true,
    });
    expect(huge.status).toBe(413);
    expect(errorOf(huge).code).toBe('too-large');
  });

  it.each(['nothing:here', 'constructor', '__proto__', 'toString', ''])(
    'refuses an unknown channel "%s"',
    async (name) => {
      const reply = await send(host.port, { path: `/ipc/${name}`, headers: pageHeaders() });
      expect(reply.status).toBe(404);
      expect(errorOf(reply)).toEqual({ code: 'invalid-request', message: 'There is no such channel.' });
    },
  );

  it('refuses an invalid request in the words of the contract, and JSON that is not JSON', async () => {
    const invalid = await callAsPage('backup:read', { name: '../../etc/passwd' });
    expect(invalid.status).toBe(200);
    expect(errorOf(invalid)).toEqual({
      code: 'invalid-request',
      message: 'name: is not the name of an automatic backup',
    });
    const policy = await callAsPage('backup:set-policy', { keepLast: 1, keepDailyForDays: 30 });
    expect(errorOf(policy).code).toBe('invalid-request');
    const garbage = await send(host.port, { path: '/ipc/backup:list', headers: pageHeaders(), body: '{not json' });
    expect(garbage.status).toBe(400);
    expect(errorOf(garbage)).toEqual({ code: 'invalid-request', message: 'What was sent is not JSON.' });
  });

  it('refuses a call that is not a JSON POST (a plain form cannot reach it)', async () => {
    const get = await send(host.port, { path: '/ipc/backup:list', method: 'GET', headers: pageHeaders() });
    expect(get.status).toBe(405);
    const form = await send(host.port, {
      path: '/ipc/backup:list',
      headers: pageHeaders({ 'content-type': 'application/x-www-form-urlencoded' }),
      body: 'a=1',
    });
    expect(form.status).toBe(415);
    // No CORS headers are ever sent: another origin's page cannot read a reply either.
    expect(form.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('sends the dialog channels back to the browser, in words', async () => {
    const reply = await callAsPage('file:open', { filters: [], maxBytes: 100 });
    expect(errorOf(reply)).toEqual({
      code: 'invalid-request',
      message:
        "The browser edition opens a file you choose through the browser itself, not through the desk's local server.",
    });
  });
});

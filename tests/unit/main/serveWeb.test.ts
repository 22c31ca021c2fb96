import { spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

/** Runs the browser edition's server on `port` and returns what it says when it cannot start. */
async function runServeWeb(port: number, rendererOut: string): Promise<{ code: number | null; text: string }> {
  const child = spawn(process.execPath, ['scripts/serve-web.mjs'], { env: { ...process.env, PORT: String(port), RENDERER_OUT: rendererOut }, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  child.stdout.on('data', (d: Buffer) => (text += d.toString()));
  child.stderr.on('data', (d: Buffer) => (text += d.toString()));
  const code = await new Promise<number | null>((done) => {
    const timer = setTimeout(() => child.kill(), 10_000);
    child.on('close', (c) => {
      clearTimeout(timer);
      done(c);
    });
  });
  return { code, text };
}

const listen = (server: Server): Promise<number> =>
  new Promise((done) => server.listen(0, '127.0.0.1', () => done((server.address() as { port: number }).port)));

let servers: Server[] = [];
afterEach(() => {
  for (const s of servers) s.close();
  servers = [];
});

async function builtRenderer(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'desk-renderer-'));
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>Response Desk</title>');
  return dir;
}

describe('the browser edition when its port is taken', () => {
  it('never sends the person to another address, and says where the data lives', async () => {
    const other = createServer((_req, res) => res.end('another program'));
    servers.push(other);
    const port = await listen(other);
    const { code, text } = await runServeWeb(port, await builtRenderer());
    expect(code).toBe(1);
    expect(text).toContain(`Port ${port} is taken by another program`);
    expect(text).toContain(`browser's profile, under the address http://127.0.0.1:${port}/`);
    // No other port or address is offered: the same desk there would open empty.
    expect(text.match(/\b\d{4,5}\b/g)?.every((n) => n === String(port))).toBe(true);
    expect(text).not.toMatch(/PORT=/);
  });

  it('says the desk is already running when the port holds one, at that same address', async () => {
    const desk = createServer((_req, res) => res.end('<!doctype html><html><head><title>Response Desk</title></head></html>'));
    servers.push(desk);
    const port = await listen(desk);
    const { code, text } = await runServeWeb(port, await builtRenderer());
    expect(code).toBe(1);
    expect(text).toContain(`Response Desk is already running at http://127.0.0.1:${port}/: open that address in your browser.`);
    expect(text).not.toMatch(/PORT=/);
  });
});

import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { BUILT_PAGE, startTestWebHost } from '../../support/webHost';

const listen = (server: Server): Promise<number> =>
  new Promise((done) => server.listen(0, '127.0.0.1', () => done((server.address() as { port: number }).port)));

let servers: Server[] = [];
let folders: string[] = [];
afterEach(async () => {
  for (const s of servers) s.close();
  servers = [];
  for (const f of folders) await rm(f, { recursive: true, force: true });
  folders = [];
});

async function folder(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  folders.push(dir);
  return dir;
}

/** Starts the browser edition on `port` and returns what it says when it cannot start. */
async function startOn(port: number, built = true): Promise<string> {
  const rendererRoot = await folder('desk-renderer-');
  if (built) await writeFile(join(rendererRoot, 'index.html'), BUILT_PAGE);
  const started = await startTestWebHost({ rendererRoot, port, dataDir: await folder('desk-data-') });
  if (started.ok) {
    await started.host.close();
    throw new Error('started where it should not have');
  }
  return started.lines.join('\n');
}

describe('the browser edition when it cannot start', () => {
  it('never sends the person to another address, and says where the data lives', async () => {
    const other = createServer((_req, res) => res.end('another program'));
    servers.push(other);
    const port = await listen(other);
    const text = await startOn(port);
    expect(text).toContain(`Port ${port} is taken by another program`);
    expect(text).toContain(`browser's profile, under the address http://127.0.0.1:${port}/`);
    // No other port or address is offered: the same desk there would open empty.
    expect(text.match(/\b\d{4,5}\b/g)?.every((n) => n === String(port))).toBe(true);
    expect(text).not.toMatch(/PORT=/);
  });

  it('says the desk is already running when the port holds one, at that same address', async () => {
    const desk = createServer((_req, res) =>
      res.end('<!doctype html><html><head><title>Response Desk</title></head></html>'),
    );
    servers.push(desk);
    const port = await listen(desk);
    const text = await startOn(port);
    expect(text).toContain(
      `Response Desk is already running at http://127.0.0.1:${port}/: open that address in your browser.`,
    );
  });

  it('says how to build the renderer when it is not built', async () => {
    expect(await startOn(0, false)).toBe(
      'The renderer is not built: run "npm run web" (it builds first) or "npm run build:renderer".',
    );
  });
});

describe('the browser edition and its data folder', () => {
  it('refuses to share the data folder with a server already running on another port, and takes it once that one stops', async () => {
    const rendererRoot = await folder('desk-renderer-');
    await writeFile(join(rendererRoot, 'index.html'), BUILT_PAGE);
    const dataDir = await folder('desk-data-');
    const start = () => startTestWebHost({ rendererRoot, dataDir });
    const first = await start();
    if (!first.ok) throw new Error(first.lines.join('\n'));
    const second = await start();
    expect(second.ok).toBe(false);
    if (!second.ok) {
      expect(second.lines.join('\n')).toContain(
        `Another Response Desk (browser edition) is already using its data folder ${dataDir}`,
      );
      expect(second.lines.join('\n')).toContain('DESK_DATA_DIR');
    }
    await first.host.close();
    const third = await start();
    expect(third.ok).toBe(true);
    if (third.ok) await third.host.close();
  });

  it('takes over at once the folder of a server that was killed without letting go', async () => {
    const rendererRoot = await folder('desk-renderer-');
    await writeFile(join(rendererRoot, 'index.html'), BUILT_PAGE);
    const dataDir = await folder('desk-data-');
    // What a killed server leaves: its lock, naming a process that no longer runs.
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    await mkdir(join(dataDir, 'server.lock'));
    await writeFile(join(dataDir, 'server.lock.owner.json'), JSON.stringify({ pid: Number(gone.stdout) }));
    const started = await startTestWebHost({ rendererRoot, dataDir });
    expect(started.ok).toBe(true);
    if (started.ok) await started.host.close();
  });
});

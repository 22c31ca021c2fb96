import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Browser, Page } from '@playwright/test';

// Specs that start their own browser-edition servers, each on a port the system picks and with a
// fresh data folder (to act out a full disk, a kill in the middle of a write, or a second session).

/** One "minute" of the page's backup schedule, in these runs: the desk's 10 minutes last 3 s. */
export const MINUTE_MS = 300;

export type DeskServer = { url: string; dataDir: string; child: ChildProcess; output: () => string };

const started: ChildProcess[] = [];
const folders: string[] = [];
/** Stops the servers a test started and removes their data folders: each spec calls it after each test. */
export async function stopServers(): Promise<void> {
  for (const child of started.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const dir of folders.splice(0)) await rm(dir, { recursive: true, force: true });
}

export async function freshFolder(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'desk-e2e-data-'));
  folders.push(dir);
  return dir;
}

/** Starts `node out/web/server.cjs` as `npm run web` does, with the end-to-end switches given. */
export async function startServer(dataDir: string, env: Record<string, string> = {}): Promise<DeskServer> {
  const child = spawn(process.execPath, ['out/web/server.cjs'], {
    env: {
      ...process.env,
      PORT: '0',
      DESK_E2E: '1',
      DESK_E2E_MINUTE_MS: String(MINUTE_MS),
      DESK_DATA_DIR: dataDir,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  let text = '';
  child.stdout.on('data', (d: Buffer) => (text += d.toString()));
  child.stderr.on('data', (d: Buffer) => (text += d.toString()));
  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`the server did not start: ${text}`)), 20_000);
    const look = () => {
      const m = /running at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(text);
      if (m?.[1]) {
        clearTimeout(timer);
        done(m[1]);
      }
    };
    child.stdout.on('data', look);
    child.on('exit', () => fail(new Error(`the server stopped: ${text}`)));
  });
  return { url, dataDir, child, output: () => text };
}

/** A fresh browser context (its own IndexedDB) on the server's page. */
export async function deskPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  return context.newPage();
}

export const backupsIn = async (dataDir: string): Promise<string[]> =>
  (await readdir(join(dataDir, 'backups')).catch(() => [])).sort();

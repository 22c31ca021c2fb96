import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { defineConfig } from '@playwright/test';

import { chromiumLaunch } from './scripts/chromium.mjs';

const PORT = Number(process.env.E2E_PORT ?? 5199);
// The shared server's data folder (automatic backups): a fresh temporary one per run. Set once in
// the runner's environment, which the test workers inherit, so specs can look into it.
process.env['DESK_E2E_DATA_DIR'] ??= mkdtempSync(join(tmpdir(), 'desk-e2e-'));

/** E2E runs the browser edition in Debian's Chromium; Playwright never downloads a browser here. */
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // One worker: on the 2-core build machine each test's browser and server already keep both cores busy, and two
  // workers made every test about twice as slow for little gain in total (measured: long scenarios passed 60 s).
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    browserName: 'chromium',
    launchOptions: { ...chromiumLaunch, args: [...chromiumLaunch.args, '--disable-sync'] },
    viewport: { width: 1280, height: 860 },
    trace: 'retain-on-failure',
  },
  webServer: {
    command: `node out/web/server.cjs`,
    env: { PORT: String(PORT), DESK_E2E: '1', DESK_DATA_DIR: process.env['DESK_E2E_DATA_DIR'] },
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});

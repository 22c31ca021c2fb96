import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

import { format } from '@shared/i18n/format';

import { createConsoleLogger } from '../logging/logger';
import { browserEditionDataFolder } from '../paths';
import { faultyAtomicFs, readTestSwitches } from './testFaults';
import { DEFAULT_PORT, startWebHost } from './webHost';

// The browser edition's server: wiring only. Bundled to out/web/server.cjs (scripts/build-web.mjs).
declare const __APP_VERSION__: string;

const log = createConsoleLogger('web');
const env = process.env;
const bundleDir = __dirname;
// RENDERER_OUT lets several checkouts' test runs build side by side (relative to src-renderer/, as in vite.config.ts).
const rendererRoot = env['RENDERER_OUT']
  ? resolve(bundleDir, '..', '..', 'src-renderer', env['RENDERER_OUT'])
  : resolve(dirname(bundleDir), 'renderer');
const dataDir = browserEditionDataFolder(process.platform, env, homedir());
const tests = readTestSwitches(env);

startWebHost({
  rendererRoot,
  port: Number(env['PORT'] ?? DEFAULT_PORT),
  pageOptional: Boolean(env['RENDERER_OUT']),
  dataDir,
  version: __APP_VERSION__,
  platform: process.platform,
  log,
  testMinuteMs: tests.minuteMs,
  ...(tests.clockOffsetMs === null ? {} : { now: () => Date.now() + (tests.clockOffsetMs ?? 0) }),
  // End-to-end runs dial each other by address: no multicast on the build machine's network.
  teamDiscovery: env['DESK_E2E'] !== '1',
  ...(tests.teamReadPace ? { teamReadPace: tests.teamReadPace } : {}),
  ...(tests.fault
    ? { atomicFs: faultyAtomicFs(tests.fault, (path) => console.log(`[e2e] a write is stalled halfway: ${path}`)) }
    : {}),
}).then(
  (started) => {
    if (!started.ok) {
      console.error(started.lines.join('\n'));
      process.exit(1);
    }
    console.log(format('host.web.running', { address: started.host.address }));
    console.log(format('host.web.entriesLiveHere'));
    console.log(format('host.web.backupsKept', { folder: join(dataDir, 'backups') }));
  },
  (error: unknown) => {
    console.error(format('host.web.couldNotStart', { reason: error instanceof Error ? error.message : String(error) }));
    process.exit(1);
  },
);

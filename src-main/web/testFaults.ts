import * as fs from 'node:fs/promises';

import type { AtomicFileHandle, AtomicFs } from '../adapters/atomicWrite';
import type { TeamReadPace } from '../host/teamService';

/** The failures an end-to-end run may ask the browser edition's server to act out. */
export type TestFault = 'disk-full' | 'stall-mid-write';

/** The furthest an end-to-end run may set the server's clock from the machine's: a day either way. */
const CLOCK_OFFSET_LIMIT_MS = 24 * 60 * 60 * 1000;

/**
 * The end-to-end tests' switches, read only when the server is started with `DESK_E2E=1`:
 * `DESK_E2E_MINUTE_MS` (how long a minute of the page's backup schedule lasts),
 * `DESK_E2E_FAULT` (a failure to act out), `DESK_E2E_CLOCK_OFFSET_MS` (how far the server's
 * clock runs from the machine's, as a laptop's wrong clock would) and `DESK_E2E_TEAM_READ_SLOW=1`
 * (the team's records read one at a time, 0.4 s apart, so that a catch-up lasts
 * long enough to be seen). SECURITY: a normal launch never reads any of them.
 */
export function readTestSwitches(env: Readonly<Record<string, string | undefined>>): {
  minuteMs: number | null;
  fault: TestFault | null;
  clockOffsetMs: number | null;
  teamReadPace: TeamReadPace | null;
} {
  if (env['DESK_E2E'] !== '1') return { minuteMs: null, fault: null, clockOffsetMs: null, teamReadPace: null };
  const minute = Number(env['DESK_E2E_MINUTE_MS']);
  const fault = env['DESK_E2E_FAULT'];
  const offset = Number(env['DESK_E2E_CLOCK_OFFSET_MS']);
  return {
    minuteMs: Number.isInteger(minute) && minute >= 50 && minute <= 60_000 ? minute : null,
    fault: fault === 'disk-full' || fault === 'stall-mid-write' ? fault : null,
    clockOffsetMs:
      Number.isInteger(offset) && offset !== 0 && Math.abs(offset) <= CLOCK_OFFSET_LIMIT_MS ? offset : null,
    teamReadPace: env['DESK_E2E_TEAM_READ_SLOW'] === '1' ? { entries: 1, delayMs: 400 } : null,
  };
}

function noSpace(path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`ENOSPC: no space left on device, write '${path}'`), {
    code: 'ENOSPC',
    errno: -28,
    syscall: 'write',
    path,
  });
}

/**
 * The file calls of an atomic write, with `fault` acted out on every temp file: `disk-full` fails
 * the write as a full disk does; `stall-mid-write` writes half the data, syncs it, says so on
 * stdout (`onStall`) and never finishes, so the test can kill the server in the middle of a write.
 */
export function faultyAtomicFs(fault: TestFault, onStall: (tempPath: string) => void): AtomicFs {
  return {
    rename: fs.rename,
    unlink: fs.unlink,
    async open(path: string, flags: string): Promise<AtomicFileHandle> {
      const handle = await fs.open(path, flags);
      if (flags !== 'wx') return handle;
      return {
        sync: () => handle.sync(),
        close: () => handle.close(),
        async writeFile(data) {
          if (fault === 'disk-full') throw noSpace(path);
          const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
          await handle.writeFile(bytes.subarray(0, Math.floor(bytes.length / 2)));
          await handle.sync();
          onStall(path);
          await new Promise<never>(() => undefined);
        },
      };
    },
  };
}

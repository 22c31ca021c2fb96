// Desks for the team engine's tests: each an engine on its own temp folder, one shared roster that
// tests edit at will, and a logger that keeps its lines instead of printing them.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { Logger } from '@main/logging/logger';
import { nodeFolderFs, type FolderFs } from '@main/team/folderSync';
import { HypercoreTeamEngine, type TeamEngineOptions } from '@main/team/hypercoreEngine';
import { duplexPair } from '@main/team/duplexPair';
import type { TeamCredentials } from '@main/team/teamKeys';
import type { CoreInfo, RosterStanding, TeamScope } from '@main/team/types';

import { bundleForNode as bundleScript } from '../../../scripts/nodeBundle.mjs';

/**
 * Stores on disk are slow on a busy shared machine; these tests wait on real I/O, so they get more
 * than Vitest's default before a slow run counts as a failure.
 */
export const SLOW_DISK_MS = 60_000;

export const TEAM: TeamCredentials = { teamId: 'team_riverside', secret: Buffer.alloc(32, 0x2a) };

export type LogLine = {
  level: 'info' | 'warn' | 'error';
  message: string;
  fields: Record<string, unknown> | undefined;
};

export function memoryLogger(lines: LogLine[] = []): Logger & { lines: LogLine[] } {
  return {
    lines,
    info: (message, fields) => lines.push({ level: 'info', message, fields }),
    warn: (message, fields) => lines.push({ level: 'warn', message, fields }),
    error: (message, fields) => lines.push({ level: 'error', message, fields }),
  };
}

export type TestDesk = {
  name: string;
  folder: string;
  engine: HypercoreTeamEngine;
  logger: Logger & { lines: LogLine[] };
};

/** A team of test desks sharing one roster; `cleanup()` closes every engine and removes the folders. */
export class TestTeam {
  readonly roster = new Map<string, RosterStanding>();
  readonly desks: TestDesk[] = [];
  private readonly folders: string[] = [];

  constructor(readonly credentials: TeamCredentials = TEAM) {}

  async tempFolder(prefix = 'desk-team-'): Promise<string> {
    const folder = await mkdtemp(join(tmpdir(), prefix));
    this.folders.push(folder);
    return folder;
  }

  /** Opens a desk; by default it is admitted to the roster at once. */
  async desk(name: string, opts: Partial<TeamEngineOptions> & { admit?: boolean } = {}): Promise<TestDesk> {
    const folder = opts.folder ?? join(await this.tempFolder(), 'store');
    const logger = memoryLogger();
    const opened = await HypercoreTeamEngine.open({
      folder,
      team: this.credentials,
      roster: (key) => this.roster.get(key),
      logger,
      ...opts,
    });
    if (!opened.ok) throw new Error(`${name}: ${opened.error.message}`);
    const desk = { name, folder, engine: opened.value, logger };
    if (opts.admit !== false) this.roster.set(desk.engine.deskKey, { status: 'member' });
    this.desks.push(desk);
    return desk;
  }

  /** Opens admitted desks one after another, so their keys join the roster in the order named. */
  async openDesks<const Names extends readonly string[]>(...names: Names): Promise<{ [K in keyof Names]: TestDesk }> {
    const opened: TestDesk[] = [];
    for (const name of names) opened.push(await this.desk(name));
    return opened as { [K in keyof Names]: TestDesk };
  }

  async close(desk: TestDesk): Promise<void> {
    await desk.engine.close();
    this.desks.splice(this.desks.indexOf(desk), 1);
  }

  async cleanup(): Promise<void> {
    for (const desk of this.desks) await desk.engine.close().catch(() => undefined);
    this.desks.length = 0;
    for (const folder of this.folders) await rm(folder, { recursive: true, force: true });
    await rm(`${this.folders[0] ?? ''}.stick-work`, { recursive: true, force: true }).catch(() => undefined);
  }
}

/** Connects two desks over an in-memory stream pair and waits until both hold the same records. */
export async function exchange(a: TestDesk, b: TestDesk, timeoutMs = 20_000): Promise<void> {
  const [x, y] = duplexPair();
  const sa = a.engine.replicate(x, { initiator: true, label: b.name });
  const sb = b.engine.replicate(y, { initiator: false, label: a.name });
  try {
    const synced = await sa.synced({ timeoutMs });
    if (!synced.ok) throw new Error(`${a.name} ↔ ${b.name}: ${synced.error.message}`);
  } finally {
    sa.close('exchange done');
    sb.close('exchange done');
  }
}

export const incident = (incidentId: string): TeamScope => ({ kind: 'incident', incidentId });

export function records(prefix: string, count: number, from = 0): Buffer[] {
  return Array.from({ length: count }, (_, i) => Buffer.from(`${prefix} #${from + i}`, 'utf8'));
}

/** What a desk holds, in a form two desks can be compared by. */
export function holdings(cores: CoreInfo[]): string[] {
  return cores.map((core) => `${core.deskKey.slice(0, 8)} ${core.scope} ${core.length} ${core.head ?? '-'}`);
}

/** Reads all records of a core as text. */
export async function readAll(desk: TestDesk, coreKey: string): Promise<string[]> {
  const out: string[] = [];
  for (;;) {
    const batch = await desk.engine.read(coreKey, { start: out.length });
    if (!batch.ok) throw new Error(batch.error.message);
    if (batch.value.length === 0) return out;
    for (const record of batch.value)
      out.push('bytes' in record ? Buffer.from(record.bytes).toString('utf8') : `<refused ${record.refused}>`);
  }
}

export async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The real file system for folder syncs, with the given calls replaced (a pulled stick, a full disk). */
export function folderFs(overrides: Partial<FolderFs>): FolderFs {
  return { ...nodeFolderFs, ...overrides };
}

/** The project's root folder. */
export const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * Bundles a TypeScript entry (with the project's path aliases) into one CommonJS file for a child
 * process; the packages stay external and load from the project's node_modules (NODE_PATH).
 */
export const bundleForNode = (entry: string, outfile: string): Promise<void> =>
  bundleScript(entry, outfile, { packages: 'external' });

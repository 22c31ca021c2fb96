import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

import { afterEach, describe, expect, it } from 'vitest';

import { createLanSharing, type LanSharing } from '@main/team/lan';
import { parsePeerArgs, startPeer, statusLine, type RunningPeer } from '@main/team/peer';
import { TEAM_INVITATION_FORMAT } from '@shared/schemas/teamInvitation';

import {
  bundleForNode,
  holdings,
  incident,
  memoryLogger,
  PROJECT_ROOT,
  records,
  SLOW_DISK_MS,
  TEAM,
  type TestDesk,
  TestTeam,
  until,
} from './harness';

let team: TestTeam;
let peer: RunningPeer | null = null;
const sharings: LanSharing[] = [];

afterEach(async () => {
  for (const sharing of sharings.splice(0)) await sharing.stop();
  await peer?.stop();
  peer = null;
  await team.cleanup();
});

function invitationFor(desks: TestDesk[]): string {
  return JSON.stringify({
    format: TEAM_INVITATION_FORMAT,
    version: 1,
    teamId: TEAM.teamId,
    teamName: 'Riverside crisis team',
    secret: Buffer.from(TEAM.secret).toString('hex'),
    roster: desks.map((desk) => ({
      deskKey: desk.engine.deskKey,
      name: desk.name,
      status: 'member',
      admittedBy: null,
    })),
    peers: [],
    createdAt: '2025-03-14T09:30:00.000Z',
  });
}

function dial(desk: TestDesk, port: number): LanSharing {
  const sharing = createLanSharing({
    engine: desk.engine,
    host: '127.0.0.1',
    port: 0,
    logger: desk.logger,
    peers: [`127.0.0.1:${port}`],
    backoff: { initialMs: 40, maxMs: 200 },
  });
  sharings.push(sharing);
  return sharing;
}

/** Starts a headless peer on loopback, reading the invitation file in its data folder, and admits it. */
async function startAdmittedPeer(data: string, opts: Parameters<typeof startPeer>[2] = {}): Promise<RunningPeer> {
  const started = await startPeer(
    {
      data,
      port: 0,
      host: '127.0.0.1',
      invitation: join(data, 'invitation.json'),
      peers: [],
      discovery: false,
      statusEverySeconds: 0,
    },
    memoryLogger(),
    opts,
  );
  if (!started.ok) throw new Error(started.error);
  team.roster.set(started.value.engine.deskKey, { status: 'member' });
  return started.value;
}

describe('the headless peer', { timeout: SLOW_DISK_MS }, () => {
  it('reads its command line, refusing what it does not know', () => {
    team = new TestTeam();
    expect(parsePeerArgs(['--data', '/srv/desk-peer', '--port', '5220'])).toEqual({
      ok: true,
      value: {
        data: '/srv/desk-peer',
        port: 5220,
        host: '0.0.0.0',
        invitation: join('/srv/desk-peer', 'invitation.json'),
        peers: [],
        discovery: true,
        statusEverySeconds: 60,
      },
    });
    expect(
      parsePeerArgs([
        '--data',
        'x',
        '--port',
        '5220',
        '--peer',
        '10.0.0.5:5220',
        '--no-discovery',
        '--host',
        '10.0.0.2',
      ]).ok,
    ).toBe(true);
    expect(parsePeerArgs(['--port', '5220'])).toEqual({ ok: false, error: '--data <folder> is required.' });
    expect(parsePeerArgs(['--data', 'x', '--port', '99999'])).toEqual({
      ok: false,
      error: '--port must be a whole number from 1 to 65535, not "99999".',
    });
    expect(parsePeerArgs(['--data', 'x', '--port', '5220', '--peer', 'nowhere'])).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^--peer: "nowhere" is not an address/) as unknown,
    });
    expect(parsePeerArgs(['--data', '--port', '5220'])).toEqual({ ok: false, error: '--data needs a value.' });
    expect(parsePeerArgs(['--data', 'x', '--port', '1', '--dht'])).toEqual({
      ok: false,
      error: 'Unknown option "--dht".',
    });
  });

  it('refuses to start on an invalid invitation, naming the file and the problem', async () => {
    team = new TestTeam();
    const data = await team.tempFolder('desk-peer-');
    await writeFile(join(data, 'invitation.json'), '{"format":"response-desk-team-invitation","version":2}');
    const args = parsePeerArgs(['--data', data, '--port', '1']);
    if (!args.ok) throw new Error(args.error);
    const started = await startPeer({ ...args.value, port: 0, host: '127.0.0.1', discovery: false }, memoryLogger());
    expect(started.ok ? '' : started.error).toMatch(/invitation\.json: The team invitation is not valid: version/);
  });

  it('keeps a copy of a desk’s records and hands them to a desk that was away', async () => {
    team = new TestTeam();
    const [scribe, mayor] = await team.openDesks('scribe', 'mayor');
    const data = await team.tempFolder('desk-peer-');
    await writeFile(join(data, 'invitation.json'), invitationFor([scribe, mayor]));
    peer = await startAdmittedPeer(data);

    await scribe.engine.append(incident('inc_1'), records('scribe', 40));
    const scribeLink = dial(scribe, peer.port);
    await scribeLink.start();
    await until(async () => (await peer!.engine.listCores()).some((c) => c.length === 40), 'the peer’s copy');
    await scribeLink.stop();
    expect(await statusLine(peer)).toMatch(/holding 40 records of 1 desk in 1 core;/);

    // The scribe's laptop is off; the mayor's desk, which never met it, catches up from the peer.
    const mayorLink = dial(mayor, peer.port);
    await mayorLink.start();
    await until(async () => (await mayor.engine.listCores()).some((c) => c.length === 40), 'the mayor’s catch-up');
    expect(holdings(await mayor.engine.listCores())).toEqual(holdings(await scribe.engine.listCores()));
  });

  it('takes a new roster from a changed invitation file without a restart', async () => {
    team = new TestTeam();
    const [scribe, newcomer] = await team.openDesks('scribe', 'newcomer');
    const data = await team.tempFolder('desk-peer-');
    const file = join(data, 'invitation.json');
    await writeFile(file, invitationFor([scribe]));
    peer = await startAdmittedPeer(data, { rosterCheckMs: 50 });
    await newcomer.engine.append(incident('inc_1'), records('newcomer', 2));
    const link = dial(newcomer, peer.port);
    await link.start();
    await until(() => peer!.engine.faults().some((f) => f.kind === 'unknown-desk'), 'the refusal');
    await writeFile(file, invitationFor([scribe, newcomer]));
    await until(
      async () => (await peer!.engine.listCores()).some((c) => c.length === 2),
      'the newcomer’s records',
      15_000,
    );
  });
});

describe('npm run team:peer', () => {
  it('starts from the command line, prints its desk key, and stops cleanly on SIGTERM', async () => {
    team = new TestTeam();
    const scribe = await team.desk('scribe');
    const data = await team.tempFolder('desk-peer-');
    await writeFile(join(data, 'invitation.json'), invitationFor([scribe]));
    const script = join(data, 'team-peer.cjs');
    await bundleForNode('src-main/team/peerCli.ts', script);
    const child = spawn(
      process.execPath,
      [script, '--data', data, '--port', '5221', '--host', '127.0.0.1', '--no-discovery', '--status-every', '0'],
      {
        env: { ...process.env, NODE_PATH: join(PROJECT_ROOT, 'node_modules') },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const lines: string[] = [];
    createInterface({ input: child.stdout }).on('line', (line) => lines.push(line));
    createInterface({ input: child.stderr }).on('line', (line) => lines.push(line));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      await until(
        () => lines.some((line) => line.startsWith("This peer's desk key: ")),
        `the desk key (${lines.join(' | ')})`,
        15_000,
      );
      expect(lines).toContain('Response Desk team peer listening on 127.0.0.1:5221.');
      expect(lines.find((line) => line.startsWith('This peer'))).toMatch(/^This peer's desk key: [0-9a-f]{64}$/);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(lines.at(-1)).toBe('Stopping: closing connections and the store.');
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 30_000);
});

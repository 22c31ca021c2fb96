import * as net from 'node:net';

import { afterEach, describe, expect, it } from 'vitest';

import { BEACON_BYTES, decodeBeacon, encodeBeacon, startBeacon, type BeaconSocket } from '@main/team/beacon';
import { createLanSharing, parseAddress, type LanSharing } from '@main/team/lan';
import { deriveTeamKeys } from '@main/team/teamKeys';

import {
  holdings,
  incident,
  memoryLogger,
  records,
  SLOW_DISK_MS,
  TEAM,
  TestTeam,
  until,
  type TestDesk,
} from './harness';

let team: TestTeam;
const sharings: LanSharing[] = [];

afterEach(async () => {
  for (const sharing of sharings.splice(0)) await sharing.stop();
  await team.cleanup();
});

/** Shares a desk on the loopback interface; port 0 lets the system choose a free one. */
function shareOnLoopback(desk: TestDesk, opts: Partial<Parameters<typeof createLanSharing>[0]> = {}): LanSharing {
  const sharing = createLanSharing({
    engine: desk.engine,
    host: '127.0.0.1',
    port: 0,
    logger: desk.logger,
    backoff: { initialMs: 40, maxMs: 300 },
    ...opts,
  });
  sharings.push(sharing);
  return sharing;
}

async function listenOnLoopback(desk: TestDesk): Promise<{ listening: LanSharing; port: number }> {
  const listening = shareOnLoopback(desk);
  const started = await listening.start();
  if (!started.ok) throw new Error(started.error.message);
  return { listening, port: started.value.port };
}

function dialOnLoopback(desk: TestDesk, port: number): LanSharing {
  return shareOnLoopback(desk, { peers: [`127.0.0.1:${port}`] });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('sharing over the local network', { timeout: SLOW_DISK_MS }, () => {
  it('listens only while sharing is on, on the chosen interface', async () => {
    team = new TestTeam();
    const scribe = await team.desk('scribe');
    const sharing = shareOnLoopback(scribe);
    const started = await sharing.start();
    expect(started.ok && started.value.host).toBe('127.0.0.1');
    const port = started.ok ? started.value.port : 0;
    expect(await canConnect(port)).toBe(true);
    await sharing.stop();
    expect(await canConnect(port)).toBe(false);
  });

  it('dials a desk by address; new records reach it, and each side shows the other connected', async () => {
    team = new TestTeam();
    const [scribe, comms] = await team.openDesks('scribe', 'comms');
    const { listening, port } = await listenOnLoopback(scribe);
    const dialling = dialOnLoopback(comms, port);
    await dialling.start();
    await until(() => dialling.status()[0]?.state === 'connected', 'the connection');
    expect(dialling.status()[0]).toMatchObject({ source: 'added', deskKey: scribe.engine.deskKey, lastError: null });
    await until(
      () => listening.status().some((p) => p.source === 'incoming' && p.deskKey === comms.engine.deskKey),
      'the incoming desk',
    );

    let arrived = 0;
    comms.engine.subscribe((event) => {
      arrived = event.end;
    });
    await scribe.engine.append(incident('inc_1'), records('log', 3));
    await until(() => arrived === 3, 'the records');
    await until(
      () => dialling.status()[0]?.toReceive === 0 && listening.status()[0]?.toSend === 0,
      'nothing left to send',
    );
  });

  it('redials with backoff when the other desk goes away, and catches up when it is back', async () => {
    team = new TestTeam();
    const [scribe, comms] = await team.openDesks('scribe', 'comms');
    const { listening: first, port } = await listenOnLoopback(scribe);
    const dialling = dialOnLoopback(comms, port);
    await dialling.start();
    await until(() => dialling.status()[0]?.state === 'connected', 'the connection');
    await first.stop();
    await until(() => dialling.status()[0]?.state === 'waiting', 'the drop to be seen');
    const waiting = dialling.status()[0]!;
    expect(waiting.lastSeen).not.toBeNull();
    expect(waiting.nextAttemptAt).not.toBeNull();
    expect(waiting.lastError).not.toBeNull();

    // Records written while apart reach the other desk once the listener is back on the same port.
    await scribe.engine.append(incident('inc_1'), records('while apart', 5));
    const again = shareOnLoopback(scribe, { port });
    expect((await again.start()).ok).toBe(true);
    await until(async () => (await comms.engine.listCores()).some((c) => c.length === 5), 'the catch-up', 15_000);
    expect(holdings(await comms.engine.listCores())).toEqual(holdings(await scribe.engine.listCores()));
  });

  it('names a port already in use, and refuses addresses that are not host:port', async () => {
    team = new TestTeam();
    const scribe = await team.desk('scribe');
    const { port } = await listenOnLoopback(scribe);
    const second = shareOnLoopback(scribe, { port });
    const clash = await second.start();
    expect(clash.ok ? '' : clash.error.message).toBe(
      `Port ${port} on 127.0.0.1 is already in use: choose another port for team sharing.`,
    );
    expect(parseAddress('city-hall-desk.local:5220')).toEqual({
      ok: true,
      value: { host: 'city-hall-desk.local', port: 5220 },
    });
    expect(parseAddress('[fe80::1]:5220')).toEqual({ ok: true, value: { host: 'fe80::1', port: 5220 } });
    expect(parseAddress('192.168.1.20')).toMatchObject({
      ok: false,
      error: expect.stringContaining('write it as host:port') as unknown,
    });
    expect(parseAddress('192.168.1.20:70000')).toEqual({ ok: false, error: 'Port 70000 is outside 1 to 65535.' });
  });

  it('turns away a stranger on the LAN without the team key, and logs it', async () => {
    team = new TestTeam();
    const outsiders = new TestTeam({ teamId: TEAM.teamId, secret: Buffer.alloc(32, 9) });
    try {
      const scribe = await team.desk('scribe');
      const outsider = await outsiders.desk('outsider');
      const { port } = await listenOnLoopback(scribe);
      const dialling = dialOnLoopback(outsider, port);
      await dialling.start();
      await until(() => scribe.engine.faults().some((f) => f.kind === 'team-key-mismatch'), 'the refusal');
      expect(
        scribe.logger.lines.some((l) => l.level === 'warn' && /does not hold this team’s key/.test(l.message)),
      ).toBe(true);
      expect(dialling.status()[0]?.state).not.toBe('connected');
      await dialling.stop();
    } finally {
      await outsiders.cleanup();
    }
  });
});

describe('finding desks on the local network', { timeout: SLOW_DISK_MS }, () => {
  const keys = deriveTeamKeys(TEAM);

  it('announces a MAC of the team id, a nonce and the port, and nothing else (known answer)', () => {
    const nonce = Buffer.from('000102030405060708090a0b0c0d0e0f', 'hex');
    const beacon = encodeBeacon(keys, TEAM.teamId, 5220, nonce);
    expect(beacon.byteLength).toBe(BEACON_BYTES);
    expect(beacon.toString('hex')).toBe(
      '52444231000102030405060708090a0b0c0d0e0f14641bb82ffd2ddb9571fc51a848c778478969b122c0f9e118917b4e9542c68614fb',
    );
    expect(beacon.includes(Buffer.from(TEAM.teamId))).toBe(false);
    expect(decodeBeacon(keys, TEAM.teamId, beacon)).toEqual({ port: 5220, nonce: nonce.toString('hex') });
    const otherTeam = deriveTeamKeys({ teamId: TEAM.teamId, secret: Buffer.alloc(32, 1) });
    expect(decodeBeacon(otherTeam, TEAM.teamId, beacon)).toBeNull();
    const tampered = Buffer.from(beacon);
    tampered[21] = 0x15;
    expect(decodeBeacon(keys, TEAM.teamId, tampered)).toBeNull();
    expect(decodeBeacon(keys, TEAM.teamId, Buffer.from('hello'))).toBeNull();
  });

  it('ignores its own announcements and reports the team’s, over an in-memory network', async () => {
    const bus: { socket: BeaconSocket; listeners: ((m: Buffer, f: { address: string }) => void)[]; address: string }[] =
      [];
    const makeSocket = (address: string) => (): BeaconSocket => {
      const entry = {
        listeners: [] as ((m: Buffer, f: { address: string }) => void)[],
        address,
        socket: null as unknown as BeaconSocket,
      };
      entry.socket = {
        bind: (_port, done) => setImmediate(done),
        addMembership: () => undefined,
        setMulticastInterface: () => undefined,
        setMulticastTTL: (ttl) => expect(ttl).toBe(1),
        setMulticastLoopback: () => undefined,
        send: (message, _port, _group, done) => {
          for (const other of bus) for (const listener of other.listeners) listener(message, { address });
          done?.(null);
        },
        on: ((event: string, listener: (m: Buffer, f: { address: string }) => void) => {
          if (event === 'message') entry.listeners.push(listener);
        }) as BeaconSocket['on'],
        close: () => undefined,
      };
      bus.push(entry);
      return entry.socket;
    };
    const found: string[] = [];
    const logger = memoryLogger();
    /** A desk on the in-memory network at `10.0.0.<host>`, announcing TCP port `5220 + host`. */
    const announce = (name: string, host: number, teamKeys: { keys: typeof keys; teamId: string }) =>
      startBeacon({
        ...teamKeys,
        iface: `10.0.0.${host}`,
        tcpPort: 5220 + host,
        logger,
        onPeer: (h, p) => found.push(`${name} sees ${h}:${p}`),
        createSocket: makeSocket(`10.0.0.${host}`),
      });
    const a = announce('a', 1, { keys, teamId: TEAM.teamId });
    const b = announce('b', 2, { keys, teamId: TEAM.teamId });
    const stranger = announce('stranger', 3, {
      keys: deriveTeamKeys({ teamId: 'other', secret: Buffer.alloc(32, 3) }),
      teamId: 'other',
    });
    await until(() => found.length >= 2, 'both announcements');
    a.stop();
    b.stop();
    stranger.stop();
    expect([...new Set(found)].sort()).toEqual(['a sees 10.0.0.2:5222', 'b sees 10.0.0.1:5221']);
  });

  it('finds a desk by multicast on the loopback interface and connects to it', async () => {
    team = new TestTeam();
    const [scribe, comms] = await team.openDesks('scribe', 'comms');
    await scribe.engine.append(incident('inc_1'), records('log', 2));
    const discovery = { keys, teamId: TEAM.teamId, udpPort: 5227, intervalMs: 200 };
    const a = shareOnLoopback(scribe, { discovery });
    const b = shareOnLoopback(comms, { discovery });
    await a.start();
    await b.start();
    await until(
      async () => (await comms.engine.listCores()).some((c) => c.length === 2),
      'the desk found by multicast',
    );
    expect([...a.status(), ...b.status()].some((p) => p.source === 'found')).toBe(true);
  });
});

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { CHANNELS, type Channel } from '@shared/ipc/channels';
import type { IpcResult } from '@shared/ipc/contract';
import type { TeamStatus } from '@shared/ipc/teamContract';

import { createDeskServices, type DeskServices } from '@main/host/deskServices';
import { handleIpcCall } from '@main/ipc/registerHandlers';
import { createTeamService } from '@main/host/teamService';

import { memoryLogger, SLOW_DISK_MS, until } from '../team/harness';
import { freePort } from '../../support/freePort';

// The team channels as the screens reach them: through the contract's checks and the handler
// table both shells answer with, over two desks' data folders on this machine.

const running: DeskServices[] = [];
const folders: string[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
  await Promise.all(folders.splice(0).map((f) => rm(f, { recursive: true, force: true })));
});

async function desk() {
  const dataDir = await mkdtemp(join(tmpdir(), 'desk-team-channels-'));
  folders.push(dataDir);
  const services = createDeskServices({
    dataDir,
    name: 'Response Desk',
    version: 'test',
    platform: 'linux',
    dialogs: null,
    now: () => Date.now(),
    log: memoryLogger(),
    teamDiscovery: false,
  });
  running.push(services);
  const call = (channel: Channel, request?: unknown): Promise<IpcResult<unknown>> =>
    handleIpcCall(channel, { senderFrame: { url: 'app://desk/index.html' } }, request, {
      isTrustedSender: () => true,
      handlers: services.handlers,
      log: memoryLogger(),
    });
  const status = async (channel: Channel, request?: unknown): Promise<Extract<TeamStatus, { teamId: string }>> => {
    const reply = await call(channel, request);
    if (!reply.ok) throw new Error(reply.error.message);
    const value = reply.value as TeamStatus;
    if (value.state === 'none') throw new Error('the desk is in no team');
    return value;
  };
  return { call, status };
}

describe('the team channels', () => {
  it(
    'a desk creates a team, another joins from its invitation, is admitted, and hears it over loopback',
    async () => {
      const cityHall = await desk();
      const comms = await desk();
      expect(await cityHall.call(CHANNELS.teamStatus)).toEqual({
        ok: true,
        value: { state: 'none', unavailable: null },
      });

      const created = await cityHall.status(CHANNELS.teamCreate, { teamName: 'Crisis team', deskName: 'City hall' });
      expect(created.roster.map((m) => m.name)).toEqual(['City hall']);
      expect(created.addresses).toContain('127.0.0.1');
      const port = await freePort();
      await cityHall.status(CHANNELS.teamStartSharing, { host: '127.0.0.1', port });
      const invitation = await cityHall.call(CHANNELS.teamInvitation);
      if (!invitation.ok) throw new Error(invitation.error.message);
      const text = (invitation.value as { text: string }).text;
      expect(JSON.parse(text)).toMatchObject({ teamName: 'Crisis team', peers: [`127.0.0.1:${port}`] });

      const joined = await comms.status(CHANNELS.teamJoin, { invitationText: text, deskName: 'Comms lead' });
      expect(joined.state).toBe('waiting-for-admission');
      await comms.status(CHANNELS.teamStartSharing, { host: '127.0.0.1', port: await freePort() });
      await cityHall.status(CHANNELS.teamAdmit, { deskKey: joined.deskKey, name: 'Comms lead' });
      await until(
        async () => (await comms.status(CHANNELS.teamStatus)).state === 'member',
        'the joining desk hears it was admitted',
        30_000,
      );
      const seen = await comms.status(CHANNELS.teamStatus);
      expect(seen.roster.map((m) => `${m.name}: ${m.status}`)).toEqual(['City hall: member', 'Comms lead: member']);
      expect(seen.peers.some((p) => p.state === 'connected' && p.deskKey !== null)).toBe(true);

      // Once both hold the same records, both show the same team fingerprint, to be read aloud.
      await until(
        async () =>
          (await comms.status(CHANNELS.teamStatus)).fingerprint.hex ===
          (await cityHall.status(CHANNELS.teamStatus)).fingerprint.hex,
        'the two desks show the same team fingerprint',
        30_000,
      );
      expect((await cityHall.status(CHANNELS.teamStatus)).fingerprint.hex).not.toBe(joined.fingerprint.hex);
    },
    SLOW_DISK_MS,
  );

  it(
    'a USB stick carries the admission to a desk that never connected, and syncs both ways',
    async () => {
      const cityHall = await desk();
      const hospital = await desk();
      const stick = await mkdtemp(join(tmpdir(), 'desk-team-stick-'));
      folders.push(stick);
      await cityHall.status(CHANNELS.teamCreate, { teamName: 'Crisis team', deskName: 'City hall' });
      const invitation = await cityHall.call(CHANNELS.teamInvitation);
      const text = invitation.ok ? (invitation.value as { text: string }).text : '';
      const joined = await hospital.status(CHANNELS.teamJoin, { invitationText: text, deskName: 'Hospital liaison' });
      await cityHall.status(CHANNELS.teamAdmit, { deskKey: joined.deskKey, name: 'Hospital liaison' });

      const written = await cityHall.call(CHANNELS.teamSyncFolder, { folder: stick });
      expect(written).toMatchObject({ ok: true, value: { report: { received: 0 } } });
      const wrote = written.ok ? (written.value as { report: { sent: number } }).report.sent : 0;
      expect(wrote).toBeGreaterThan(0);
      expect((await hospital.status(CHANNELS.teamStatus)).state).toBe('waiting-for-admission');

      const taken = await hospital.call(CHANNELS.teamSyncFolder, { folder: stick });
      expect(taken).toMatchObject({ ok: true, value: { report: { received: wrote } } });
      await until(
        async () => (await hospital.status(CHANNELS.teamStatus)).state === 'member',
        'the hospital desk reads its admission from the stick',
        10_000,
      );
      // Back at city hall, the stick brings what the hospital desk wrote; then both are in step.
      await cityHall.call(CHANNELS.teamSyncFolder, { folder: stick });
      expect((await cityHall.status(CHANNELS.teamStatus)).fingerprint).toEqual(
        (await hospital.status(CHANNELS.teamStatus)).fingerprint,
      );
    },
    SLOW_DISK_MS,
  );

  it('a stick sync names what is wrong with the folder', async () => {
    const cityHall = await desk();
    await cityHall.status(CHANNELS.teamCreate, { teamName: 'Crisis team', deskName: 'City hall' });
    expect(await cityHall.call(CHANNELS.teamSyncFolder, { folder: 'usb' })).toMatchObject({
      ok: false,
      error: { message: '“usb” is not a whole path: type it from the start, e.g. /media/usb or E:\\.' },
    });
    // The browser edition has no folder dialog: the path must be typed.
    expect(await cityHall.call(CHANNELS.teamSyncFolder, { folder: null })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('Type the folder of the USB stick') as unknown },
    });
    const missing = await cityHall.call(CHANNELS.teamSyncFolder, { folder: join(tmpdir(), 'no-such-stick-here') });
    expect(missing).toMatchObject({ ok: false, error: { code: 'invalid-request' } });

    // In the desktop app the folder comes from the dialog; cancelling it does nothing.
    const team = createTeamService({
      folder: await mkdtemp(join(tmpdir(), 'desk-team-cancel-')),
      log: memoryLogger(),
      now: () => Date.now(),
      discovery: false,
      chooseFolder: () => Promise.resolve(null),
    });
    expect(await team.syncFolder({ folder: null })).toEqual({ report: null });
  });

  it('refuses, in words, what a person could get wrong', async () => {
    const cityHall = await desk();
    // Nothing to invite to yet.
    const early = await cityHall.call(CHANNELS.teamInvitation);
    expect(early).toMatchObject({
      ok: false,
      error: { code: 'invalid-request', message: 'This desk is not in a team.' },
    });
    // A name with a text-direction override is refused by the contract before the team is made.
    const spoofed = await cityHall.call(CHANNELS.teamCreate, { teamName: 'Crisis\u202Eteam', deskName: 'City hall' });
    expect(spoofed).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await cityHall.call(CHANNELS.teamStatus)).toMatchObject({ ok: true, value: { state: 'none' } });

    await cityHall.status(CHANNELS.teamCreate, { teamName: 'Crisis team', deskName: 'City hall' });
    // Listening on every interface at once, or on someone else's address, is not offered.
    const everywhere = await cityHall.call(CHANNELS.teamStartSharing, { host: '0.0.0.0', port: 5220 });
    expect(everywhere).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('“0.0.0.0”') as unknown },
    });
    const junk = await cityHall.call(CHANNELS.teamJoin, { invitationText: 'hello', deskName: 'Spare' });
    expect(junk).toMatchObject({ ok: false, error: { message: 'This is not a team invitation: it is not JSON.' } });
    const own = await cityHall.call(CHANNELS.teamInvitation);
    const again = await cityHall.call(CHANNELS.teamJoin, {
      invitationText: own.ok ? (own.value as { text: string }).text : '',
      deskName: 'Spare',
    });
    expect(again).toMatchObject({ ok: false, error: { message: 'This desk is already in the team “Crisis team”.' } });
    const address = await cityHall.call(CHANNELS.teamAddPeer, { address: '10.0.0.9:5220' });
    expect(address).toMatchObject({
      ok: false,
      error: { message: 'Turn sharing on before adding a desk by its address.' },
    });
  });

  it('a machine that cannot load the engine says so, and the desk goes on without a team', async () => {
    const team = createTeamService({
      folder: '/nowhere',
      log: memoryLogger(),
      now: () => 0,
      discovery: false,
      open: () => Promise.reject(new Error('sodium-native: no prebuild for this platform')),
    });
    expect(await team.status()).toEqual({
      state: 'none',
      unavailable: expect.stringContaining('no prebuild for this platform') as unknown,
    });
    await expect(team.create({ teamName: 'Crisis team', deskName: 'City hall' })).rejects.toMatchObject({
      code: 'io-failed',
      message: expect.stringContaining('Team sync cannot run on this computer') as unknown,
    });
  });

  it('a membership that failed to open is tried again: at once for an action, after a while for the status', async () => {
    let now = 0;
    let attempts = 0;
    const member = { status: () => ({ state: 'none' }), engine: () => null, close: async () => {} };
    const team = createTeamService({
      folder: '/nowhere',
      log: memoryLogger(),
      now: () => now,
      discovery: false,
      open: () => {
        attempts += 1;
        // The first open finds the store locked by another copy of the desk; that copy is then closed.
        return Promise.resolve(
          attempts === 1
            ? { ok: false, error: 'The team store is in use by another desk.' }
            : { ok: true, value: member },
        ) as never;
      },
    });
    expect(await team.status()).toMatchObject({
      state: 'none',
      unavailable: 'The team store is in use by another desk.',
    });
    now = 5_000;
    expect(await team.status()).toMatchObject({ unavailable: 'The team store is in use by another desk.' });
    expect(attempts).toBe(1);
    now = 31_000;
    expect(await team.status()).toEqual({ state: 'none', unavailable: null });
    expect(attempts).toBe(2);
    expect(await team.status()).toEqual({ state: 'none', unavailable: null });
    expect(attempts).toBe(2);
  });
});

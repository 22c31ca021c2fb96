import { afterEach, describe, expect, it } from 'vitest';

import { duplexPair } from '@main/team/duplexPair';
import type { RosterStanding } from '@main/team/types';

import { exchange, holdings, incident, readAll, records, SLOW_DISK_MS, TestTeam, until } from './harness';

let team: TestTeam;
let stranger: TestTeam | null = null;

afterEach(async () => {
  await team.cleanup();
  await stranger?.cleanup();
  stranger = null;
});

function connect(
  a: { engine: { replicate: TestTeam['desks'][number]['engine']['replicate'] } },
  b: typeof a,
  labels: [string, string] = ['b', 'a'],
) {
  const [x, y] = duplexPair();
  return [
    a.engine.replicate(x, { initiator: true, label: labels[0] }),
    b.engine.replicate(y, { initiator: false, label: labels[1] }),
  ] as const;
}

describe('admission at the connection', { timeout: SLOW_DISK_MS }, () => {
  it('drops a desk without the team key at the first message: neither side learns who the other is', async () => {
    team = new TestTeam();
    stranger = new TestTeam({ teamId: team.credentials.teamId, secret: Buffer.alloc(32, 0x01) });
    const scribe = await team.desk('scribe');
    await scribe.engine.append(incident('inc_1'), records('log', 3));
    const outsider = await stranger.desk('outsider');
    const [toScribe, toOutsider] = connect(outsider, scribe, ['scribe', 'a laptop on the LAN']);
    expect(await toScribe.admitted()).toBe(false);
    expect(await toOutsider.admitted()).toBe(false);
    // The scribe refuses the very first message; the outsider only sees the connection close.
    expect(toOutsider.status()).toMatchObject({ deskKey: null, state: 'closed' });
    expect(toOutsider.status().closeReason).toMatch(/does not hold this team’s key/);
    expect(toScribe.status()).toMatchObject({
      deskKey: null,
      state: 'closed',
      closeReason: 'The connection closed during the handshake.',
    });
    expect(scribe.engine.faults().map((f) => f.kind)).toEqual(['team-key-mismatch']);
    expect(await outsider.engine.listCores()).toEqual([]);
  });

  it('drops a desk that holds the key but is not in the roster, with the reason logged', async () => {
    team = new TestTeam();
    const scribe = await team.desk('scribe');
    await scribe.engine.append(incident('inc_1'), records('log', 3));
    const newcomer = await team.desk('newcomer', { admit: false });
    const [toScribe, toNewcomer] = connect(newcomer, scribe, ['scribe', 'newcomer']);
    expect(await toNewcomer.admitted()).toBe(false);
    await toScribe.closed();
    const fault = scribe.engine.faults().find((f) => f.kind === 'unknown-desk');
    expect(fault?.reason).toMatch(/is not in this team's roster: connection refused/);
    expect(scribe.logger.lines.some((line) => line.level === 'warn' && line.message === fault?.reason)).toBe(true);
    expect(await newcomer.engine.listCores()).toEqual([]);

    // Admitted a minute later: the same desk now connects and receives the incident.
    team.roster.set(newcomer.engine.deskKey, { status: 'member' });
    await exchange(newcomer, scribe);
    expect((await newcomer.engine.listCores()).map((c) => c.length)).toEqual([3]);
  });

  it('disconnects a desk revoked while connected, and refuses it afterwards', async () => {
    team = new TestTeam();
    const [scribe, lost] = await team.openDesks('scribe', 'lost laptop');
    const [toLost] = connect(scribe, lost);
    expect(await toLost.admitted()).toBe(true);
    team.roster.set(lost.engine.deskKey, { status: 'revoked', lengths: {} });
    scribe.engine.rosterChanged();
    expect(await toLost.closed()).toMatch(/was revoked/);
    const [again] = connect(scribe, lost);
    expect(await again.admitted()).toBe(false);
    expect(scribe.engine.faults().some((f) => f.kind === 'revoked-desk')).toBe(true);
  });

  it('keeps one connection when two desks dial each other at once', async () => {
    team = new TestTeam();
    const [scribe, comms] = await team.openDesks('scribe', 'comms');
    const [one] = connect(scribe, comms);
    const [two] = connect(comms, scribe);
    await Promise.all([one.admitted(), two.admitted()]);
    await until(
      () =>
        scribe.engine.peers().filter((p) => p.state === 'connected').length === 1 &&
        comms.engine.peers().filter((p) => p.state === 'connected').length === 1,
      'one connection each',
    );
    await scribe.engine.append(incident('inc_1'), records('log', 2));
    await until(
      async () => (await comms.engine.listCores()).some((c) => c.length === 2),
      'records over the surviving connection',
    );
    one.close();
    two.close();
  });
});

describe('desks that never met', { timeout: SLOW_DISK_MS }, () => {
  it('receive each other’s cores through a desk that met both, verified against the writer’s key', async () => {
    team = new TestTeam();
    const [scribe, liaison, mayor] = await team.openDesks('scribe', 'liaison', 'mayor');
    await scribe.engine.append(incident('inc_1'), records('scribe', 4));
    await mayor.engine.append({ kind: 'roster' }, records('admit', 1));
    await exchange(scribe, liaison);
    await exchange(liaison, mayor);
    const held = await mayor.engine.listCores();
    expect(held.map((c) => [c.deskKey, c.scope, c.length])).toEqual(
      [
        [scribe.engine.deskKey, 'incident:inc_1', 4],
        [mayor.engine.deskKey, 'roster', 1],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    const scribeCore = held.find((c) => c.deskKey === scribe.engine.deskKey)!;
    expect(await readAll(mayor, scribeCore.coreKey)).toEqual(['scribe #0', 'scribe #1', 'scribe #2', 'scribe #3']);
  });

  it('takes in a desk refused as unknown once the roster admits it, while still connected', async () => {
    team = new TestTeam();
    const mayorRoster = new Map<string, RosterStanding>();
    const [scribe, liaison] = await team.openDesks('scribe', 'liaison');
    const mayor = await team.desk('mayor', { roster: (key) => mayorRoster.get(key) });
    mayorRoster.set(liaison.engine.deskKey, { status: 'member' });
    await scribe.engine.append(incident('inc_1'), records('scribe', 2));
    await exchange(scribe, liaison);
    const [toLiaison] = connect(mayor, liaison);
    await toLiaison.synced();
    expect(await mayor.engine.listCores()).toEqual([]);
    const refusal = mayor.engine.faults().find((f) => f.kind === 'unknown-desk');
    expect(refusal).toMatchObject({ deskKey: scribe.engine.deskKey });
    expect(refusal?.reason).toMatch(/offers records of desk .* which is not in this team's roster: not taken in/);
    expect(toLiaison.status().toReceive).toBe(0);

    mayorRoster.set(scribe.engine.deskKey, { status: 'member' });
    mayor.engine.rosterChanged();
    await until(async () => (await mayor.engine.listCores()).some((c) => c.length === 2), 'the scribe’s records');
    expect(holdings(await mayor.engine.listCores())).toEqual(holdings(await scribe.engine.listCores()));
    toLiaison.close();
  });
});

describe('revoked desks', { timeout: SLOW_DISK_MS }, () => {
  it('keeps a revoked desk’s later records, reports how many came after the revocation point', async () => {
    team = new TestTeam();
    const [scribe, lost] = await team.openDesks('scribe', 'lost laptop');
    await lost.engine.append(incident('inc_1'), records('before', 2));
    await exchange(lost, scribe);
    const point = await scribe.engine.lengthsOf(lost.engine.deskKey);
    expect(point).toEqual({ 'incident:inc_1': 2 });
    team.roster.set(lost.engine.deskKey, { status: 'revoked', lengths: point });

    // The lost laptop kept writing; a desk that never learnt of the revocation carries it over.
    await lost.engine.append(incident('inc_1'), records('after', 3));
    const courier = await team.desk('courier', {
      roster: (key) => (key === lost.engine.deskKey ? { status: 'member' } : team.roster.get(key)),
    });
    await exchange(lost, courier);
    await exchange(courier, scribe);
    const core = (await scribe.engine.listCores()).find((c) => c.deskKey === lost.engine.deskKey)!;
    expect(core).toMatchObject({ length: 5, afterRevocation: 3 });
    const flagged = scribe.engine.faults().filter((f) => f.kind === 'after-revocation');
    expect(flagged.at(-1)?.reason).toMatch(/has 3 records in incident:inc_1 after its revocation: kept and flagged/);
  });
});

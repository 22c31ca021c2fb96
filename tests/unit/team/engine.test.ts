import { afterEach, describe, expect, it } from 'vitest';

import { duplexPair } from '@main/team/duplexPair';
import type { RecordsArrived } from '@main/team/types';
import { notableSkew } from '@shared/domain/team/clockSkew';

import { exchange, holdings, incident, readAll, records, SLOW_DISK_MS, TestTeam, until } from './harness';

let team: TestTeam;

afterEach(async () => {
  await team.cleanup();
});

describe('the team engine on one desk', { timeout: SLOW_DISK_MS }, () => {
  it('appends records to one core per scope and reads them back in order', async () => {
    team = new TestTeam();
    const scribe = await team.desk('scribe');
    const first = await scribe.engine.append(incident('inc_1'), records('log', 3));
    const second = await scribe.engine.append(incident('inc_1'), records('log', 2, 3));
    const desk = await scribe.engine.append({ kind: 'desk' }, records('contact', 1));
    expect(first.ok && second.ok && desk.ok).toBe(true);
    if (!first.ok || !second.ok || !desk.ok) return;
    expect(second.value).toEqual({ coreKey: first.value.coreKey, start: 3, end: 5 });
    expect(desk.value.coreKey).not.toBe(first.value.coreKey);
    expect(await readAll(scribe, first.value.coreKey)).toEqual(['log #0', 'log #1', 'log #2', 'log #3', 'log #4']);
    const cores = await scribe.engine.listCores();
    expect(cores.map((c) => [c.scope, c.length, c.own])).toEqual([
      ['desk', 1, true],
      ['incident:inc_1', 5, true],
    ]);
  });

  it('refuses an oversized record by name and adds none of the batch', async () => {
    team = new TestTeam();
    const scribe = await team.desk('scribe', { maxRecordBytes: 100 });
    const result = await scribe.engine.append(incident('inc_1'), [Buffer.alloc(10), Buffer.alloc(101)]);
    expect(result.ok ? null : result.error.code).toBe('record-too-large');
    expect(result.ok ? '' : result.error.message).toContain(
      'Record 2 of 2 has 101 bytes, above the team limit of 100 bytes',
    );
    expect(await scribe.engine.listCores()).toEqual([]);
  });

  it('refuses a scope that names no valid incident', async () => {
    team = new TestTeam();
    const scribe = await team.desk('scribe');
    const result = await scribe.engine.append(incident('../../etc'), records('x', 1));
    expect(result.ok ? null : result.error.code).toBe('invalid-scope');
  });

  it('keeps its cores across a restart, with the same keys and heads', async () => {
    team = new TestTeam();
    const scribe = await team.desk('scribe');
    await scribe.engine.append(incident('inc_1'), records('log', 4));
    const before = await scribe.engine.listCores();
    const deskKey = scribe.engine.deskKey;
    await team.close(scribe);
    const again = await team.desk('scribe again', { folder: scribe.folder });
    expect(again.engine.deskKey).toBe(deskKey);
    expect(await again.engine.listCores()).toEqual(before);
    const more = await again.engine.append(incident('inc_1'), records('log', 1, 4));
    expect(more.ok && more.value.end).toBe(5);
  });
});

describe('two desks', { timeout: SLOW_DISK_MS }, () => {
  it('exchange records both ways over a stream, and a subscriber hears of them in order', async () => {
    team = new TestTeam();
    const [scribe, comms] = await team.openDesks('scribe', 'comms');
    await scribe.engine.append(incident('inc_1'), records('scribe', 5));
    await comms.engine.append(incident('inc_1'), records('comms', 3));
    await comms.engine.append({ kind: 'desk' }, records('template', 2));
    const heard: RecordsArrived[] = [];
    comms.engine.subscribe((event) => {
      heard.push(event);
    });
    await exchange(scribe, comms);
    expect(holdings(await scribe.engine.listCores())).toEqual(holdings(await comms.engine.listCores()));
    expect((await comms.engine.listCores()).length).toBe(3);
    const scribeCore = (await scribe.engine.listCores()).find((c) => c.own)!;
    expect(await readAll(comms, scribeCore.coreKey)).toEqual([
      'scribe #0',
      'scribe #1',
      'scribe #2',
      'scribe #3',
      'scribe #4',
    ]);
    const fromScribe = heard.filter((e) => e.deskKey === scribe.engine.deskKey);
    expect(fromScribe[0]?.start).toBe(0);
    expect(fromScribe.at(-1)?.end).toBe(5);
    for (let i = 1; i < fromScribe.length; i += 1) expect(fromScribe[i]?.start).toBe(fromScribe[i - 1]?.end);
  });

  it('passes new records on while connected', async () => {
    team = new TestTeam();
    const [scribe, comms] = await team.openDesks('scribe', 'comms');
    const [x, y] = duplexPair();
    const sa = scribe.engine.replicate(x, { initiator: true, label: 'comms' });
    comms.engine.replicate(y, { initiator: false, label: 'scribe' });
    expect(await sa.admitted()).toBe(true);
    let arrived = 0;
    comms.engine.subscribe((event) => {
      arrived = event.end;
    });
    await scribe.engine.append(incident('inc_1'), records('live', 1));
    await until(() => arrived === 1, 'the first record');
    await scribe.engine.append(incident('inc_1'), records('live', 999, 1));
    await until(() => arrived === 1000, 'a thousand records');
    expect(sa.status()).toMatchObject({ state: 'connected', deskKey: comms.engine.deskKey });
    sa.close();
  });

  it('hears how far another desk’s clock is from its own, and the team screen says so past a minute', async () => {
    team = new TestTeam();
    const realNow = Date.now;
    const scribe = await team.desk('scribe', { now: () => realNow() + 7 * 60_000 });
    const comms = await team.desk('comms');
    await scribe.engine.append(incident('inc_1'), records('scribe', 1));
    const [x, y] = duplexPair();
    const sa = scribe.engine.replicate(x, { initiator: true, label: 'comms' });
    const sb = comms.engine.replicate(y, { initiator: false, label: 'scribe' });
    await until(() => sb.status().clockSkew !== null && sa.status().clockSkew !== null, 'both clocks heard');
    const seenByComms = sb.status().clockSkew ?? 0;
    const seenByScribe = sa.status().clockSkew ?? 0;
    // Seven minutes, give or take the moment the summary spent on its way.
    expect(Math.abs(seenByComms - 7 * 60_000)).toBeLessThan(5_000);
    expect(Math.abs(seenByScribe + 7 * 60_000)).toBeLessThan(5_000);
    expect(notableSkew(seenByComms)).toEqual({ direction: 'ahead', minutes: 7 });
    expect(notableSkew(seenByScribe)).toEqual({ direction: 'behind', minutes: 7 });
    expect(notableSkew(20_000)).toBeNull();
    expect(notableSkew(null)).toBeNull();
    sa.close();
    sb.close();
  });
});

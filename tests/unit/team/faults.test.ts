// Faults, each refused or recovered with its reason and nothing already stored lost. Every test
// prints its counts, so a run shows what was refused and what survived.
import { cp, rm } from 'node:fs/promises';
import { join } from 'node:path';

import Corestore from 'corestore';
import type Hypercore from 'hypercore';
import { afterEach, describe, expect, it } from 'vitest';

import { duplexPair } from '@main/team/duplexPair';
import type { HypercoreTeamEngine } from '@main/team/hypercoreEngine';
import type { RecordsArrived } from '@main/team/types';

import {
  exchange,
  folderFs,
  holdings,
  incident,
  readAll,
  records,
  SLOW_DISK_MS,
  type TestDesk,
  TestTeam,
  until,
} from './harness';

let team: TestTeam;

afterEach(async () => {
  await team.cleanup();
});

/** The engine's store, reached only here to play a misbehaving peer. */
function storeOf(engine: HypercoreTeamEngine): Corestore {
  return (engine as unknown as { store: Corestore }).store;
}

function kinds(desk: TestDesk): string[] {
  return desk.engine.faults().map((fault) => fault.kind);
}

async function ownCore(desk: TestDesk, scope = 'incident:inc_1') {
  return (await desk.engine.listCores()).find((c) => c.own && c.scope === scope)!;
}

/**
 * One desk that wrote `shared` records, copied to a second laptop the way a restore tool that
 * drops the device file would leave it (a copy that opens), then each laptop writing on its own.
 */
async function twoCopiesOfOneDesk(shared: number, fromA: number, fromB: number) {
  const original = await team.desk('original');
  await original.engine.append(incident('inc_1'), records('shared', shared));
  await team.close(original);
  const copyFolder = join(await team.tempFolder(), 'restored');
  await cp(original.folder, copyFolder, { recursive: true });
  await rm(join(copyFolder, 'CORESTORE'));
  const laptopA = await team.desk('laptop A', { folder: original.folder });
  const laptopB = await team.desk('laptop B', { folder: copyFolder });
  await laptopA.engine.append(incident('inc_1'), records('from A', fromA));
  await laptopB.engine.append(incident('inc_1'), records('from B', fromB));
  return { laptopA, laptopB };
}

/** Connects the copy to a desk that already holds the original's records, until it flags the fork. */
async function meetCopy(laptopB: TestDesk, scribe: TestDesk) {
  const [x, y] = duplexPair();
  const session = laptopB.engine.replicate(x, { initiator: true, label: 'scribe' });
  scribe.engine.replicate(y, { initiator: false, label: 'laptop B' });
  await until(() => kinds(scribe).includes('forked'), 'the fork to be flagged');
  session.close();
}

describe('a copied desk', { timeout: SLOW_DISK_MS }, () => {
  it('refuses to open a store folder copied elsewhere, and one already open', async () => {
    team = new TestTeam();
    const scribe = await team.desk('scribe');
    await scribe.engine.append(incident('inc_1'), records('log', 2));
    const inUse = await HypercoreTeamEngineOpen(scribe.folder);
    expect(inUse.ok ? null : inUse.error).toMatchObject({ code: 'store-in-use' });
    await team.close(scribe);
    const copy = join(await team.tempFolder(), 'copied-store');
    await cp(scribe.folder, copy, { recursive: true });
    const opened = await HypercoreTeamEngineOpen(copy);
    expect(opened.ok ? null : opened.error.code).toBe('store-copied');
    expect(opened.ok ? '' : opened.error.message).toMatch(/was copied or moved from another place/);
    console.log('copied store: 1 refused at open, 1 refused while in use');
  });

  it('flags a forked writer: two copies of one desk wrote different records', async () => {
    team = new TestTeam();
    const { laptopA, laptopB } = await twoCopiesOfOneDesk(2, 1, 3);
    expect(laptopB.engine.deskKey).toBe(laptopA.engine.deskKey);
    const scribe = await team.desk('scribe');
    await exchange(laptopA, scribe);
    const before = await readAll(scribe, (await ownCore(laptopA)).coreKey);
    await meetCopy(laptopB, scribe);
    const core = (await scribe.engine.listCores()).find((c) => c.deskKey === laptopA.engine.deskKey)!;
    expect(core).toMatchObject({ forked: true, length: 3 });
    expect(await readAll(scribe, core.coreKey)).toEqual(before);
    expect(scribe.engine.faults().find((f) => f.kind === 'forked')?.reason).toMatch(/two different signed histories/);

    // The two laptops meeting each other: the same identity twice.
    const [p, q] = duplexPair();
    const meet = laptopA.engine.replicate(p, { initiator: true, label: 'laptop B' });
    laptopB.engine.replicate(q, { initiator: false, label: 'laptop A' });
    expect(await meet.admitted()).toBe(false);
    expect(kinds(laptopA)).toContain('copied-desk');
    console.log(
      `forked writer: ${kinds(scribe).filter((k) => k === 'forked').length} core flagged, ${before.length} records kept; copied desk refused ${kinds(laptopA).filter((k) => k === 'copied-desk').length} time(s)`,
    );
  });

  it('flags two histories of the same length, which Hypercore alone would not notice', async () => {
    team = new TestTeam();
    const { laptopA, laptopB } = await twoCopiesOfOneDesk(1, 1, 1);
    const scribe = await team.desk('scribe');
    await exchange(laptopA, scribe);
    await meetCopy(laptopB, scribe);
    expect(await readAll(scribe, (await ownCore(laptopA)).coreKey)).toEqual(['shared #0', 'from A #0']);
  });
});

async function HypercoreTeamEngineOpen(folder: string) {
  const { HypercoreTeamEngine } = await import('@main/team/hypercoreEngine');
  const { TEAM, memoryLogger } = await import('./harness');
  const opened = await HypercoreTeamEngine.open({
    folder,
    team: TEAM,
    roster: () => ({ status: 'member' }),
    logger: memoryLogger(),
  });
  if (opened.ok) await opened.value.close();
  return opened;
}

describe('records a peer should not send', { timeout: SLOW_DISK_MS }, () => {
  it('refuses records signed by a key that is not the writer’s, keeping what was verified', async () => {
    team = new TestTeam();
    const [scribe, rogue, comms] = await team.openDesks('scribe', 'rogue member', 'comms');
    await scribe.engine.append(incident('inc_1'), records('scribe', 2));
    await exchange(scribe, rogue);
    await exchange(scribe, comms);
    const coreKey = (await ownCore(scribe)).coreKey;

    // The rogue desk appends to its copy of the scribe's core, signing with a key of its own.
    const forgedCore: Hypercore = storeOf(rogue.engine).get({ key: Buffer.from(coreKey, 'hex') });
    await forgedCore.ready();
    const { keyPair } = await import('hypercore-crypto');
    const stranger = keyPair();
    const verifier = (
      forgedCore as unknown as {
        core: {
          verifier: {
            sign: unknown;
            assemble: (i: unknown[]) => Buffer;
            signers: { sign: (b: unknown, k: unknown) => Buffer }[];
          };
        };
      }
    ).core.verifier;
    verifier.sign = (batch: unknown) =>
      verifier.assemble([{ signer: 0, signature: verifier.signers[0]!.sign(batch, stranger), patch: 0, nodes: null }]);
    await (forgedCore as unknown as { append(b: Buffer[], o: object): Promise<unknown> }).append(
      [Buffer.from('forged: statement approved')],
      { keyPair: stranger },
    );

    const [x, y] = duplexPair();
    const s1 = rogue.engine.replicate(x, { initiator: true, label: 'comms' });
    comms.engine.replicate(y, { initiator: false, label: 'rogue member' });
    await until(() => kinds(comms).includes('invalid-record'), 'the forged record to be refused');
    s1.close();
    expect(comms.engine.faults().find((f) => f.kind === 'invalid-record')?.reason).toMatch(
      /failed verification \(INVALID_SIGNATURE\): refused, nothing stored/,
    );
    expect(await readAll(comms, coreKey)).toEqual(['scribe #0', 'scribe #1']);
    console.log(
      `forged record: ${kinds(comms).filter((k) => k === 'invalid-record').length} refusal(s), 2 verified records kept, 0 forged stored`,
    );
  });

  it('withholds a record above this desk’s size limit, naming it, and keeps the rest', async () => {
    team = new TestTeam();
    const scribe = await team.desk('scribe', { maxRecordBytes: 64 * 1024 });
    const comms = await team.desk('comms', { maxRecordBytes: 1024 });
    await scribe.engine.append(incident('inc_1'), [
      Buffer.from('small'),
      Buffer.alloc(2000, 0x61),
      Buffer.from('after'),
    ]);
    await exchange(scribe, comms);
    const batch = await comms.engine.read((await ownCore(scribe)).coreKey, { start: 0 });
    expect(batch.ok && batch.value).toEqual([
      { index: 0, bytes: new Uint8Array(Buffer.from('small')) },
      { index: 1, refused: 'too-large', byteLength: 2000 },
      { index: 2, bytes: new Uint8Array(Buffer.from('after')) },
    ]);
    expect(comms.engine.faults().find((f) => f.kind === 'too-large')?.reason).toMatch(
      /record 1 of incident:inc_1 with 2,000 bytes, above the 1,024-byte limit/,
    );
    console.log('oversized record: 1 withheld, 2 delivered');
  });

  it('reports records only in sequence: what arrives past a gap waits until the gap is filled', async () => {
    team = new TestTeam();
    const [scribe, comms] = await team.openDesks('scribe', 'comms');
    await scribe.engine.append(incident('inc_1'), records('log', 1));
    await exchange(scribe, comms);
    await scribe.engine.append(incident('inc_1'), records('log', 99, 1));
    const coreKey = (await ownCore(scribe)).coreKey;
    await team.close(scribe);
    await team.close(comms);

    // Records 50 to 59 reach the comms desk's store first, out of sequence.
    const source = new Corestore(scribe.folder);
    const target = new Corestore(comms.folder);
    const from = source.get({ key: Buffer.from(coreKey, 'hex') });
    const to = target.get({ key: Buffer.from(coreKey, 'hex') });
    await Promise.all([from.ready(), to.ready()]);
    const a = source.replicate(true);
    const b = target.replicate(false);
    a.pipe(b).pipe(a);
    await to.download({ start: 50, end: 60 }).done();
    expect(to.contiguousLength).toBe(1);
    await Promise.all([source.close(), target.close()]);

    const scribeAgain = await team.desk('scribe', { folder: scribe.folder });
    const commsAgain = await team.desk('comms', { folder: comms.folder });
    expect((await commsAgain.engine.listCores()).map((c) => c.length)).toEqual([1]);
    expect(await readAll(commsAgain, coreKey)).toEqual(['log #0']);
    const heard: RecordsArrived[] = [];
    commsAgain.engine.subscribe((event) => {
      heard.push(event);
    });
    await exchange(scribeAgain, commsAgain);
    expect(heard[0]?.start).toBe(1);
    for (let i = 1; i < heard.length; i += 1) expect(heard[i]?.start).toBe(heard[i - 1]?.end);
    expect(heard.at(-1)?.end).toBe(100);
    console.log(
      `out of sequence: 10 records held past a gap, reported after it filled, in ${heard.length} in-order notice(s)`,
    );
  });
});

describe('a member offering too much', { timeout: SLOW_DISK_MS }, () => {
  it('stops taking in desks beyond what a team can have, and says so once', async () => {
    team = new TestTeam();
    const relay = await team.desk('relay', { policy: 'relay-all' });
    const offer = (from: number) => ({
      v: 1 as const,
      seq: from + 1,
      ack: 0,
      complete: false,
      refused: [],
      cores: Array.from({ length: 300 }, (_, i) => ({
        desk: (from + i).toString(16).padStart(64, '0'),
        scope: null,
        core: 'ee'.repeat(32),
        length: 1,
        head: null,
      })),
    });
    const session = { label: 'a hostile member' };
    const onRemoteSummary = (
      relay.engine as unknown as { onRemoteSummary(s: unknown, r: unknown): Promise<void> }
    ).onRemoteSummary.bind(relay.engine);
    await onRemoteSummary(session, offer(1));
    await onRemoteSummary(session, offer(301));
    await onRemoteSummary(session, offer(601));
    const desks = (relay.engine as unknown as { desks: Map<string, unknown> }).desks.size;
    expect(desks).toBe(500);
    expect(kinds(relay).filter((k) => k === 'bad-message')).toHaveLength(1);
    console.log(`flood of 900 desks offered: ${desks} held (the limit), 1 warning`);
  });
});

describe('interrupted transfers', () => {
  it('keeps what arrived when the connection drops mid-transfer, and the next connection completes', async () => {
    team = new TestTeam();
    const [scribe, comms] = await team.openDesks('scribe', 'comms');
    await scribe.engine.append(incident('inc_1'), records('log', 5_000));
    const [x, y] = duplexPair();
    scribe.engine.replicate(x, { initiator: true, label: 'comms' });
    comms.engine.replicate(y, { initiator: false, label: 'scribe' });
    // The line is cut the moment the first records land, not after a poll: on a fast machine the
    // whole transfer could otherwise finish before the drop.
    let held = 0;
    comms.engine.subscribe((event) => {
      if (held === 0 && event.end > 0) x.destroy();
      held = event.end;
    });
    await until(() => held > 0, 'the first records');
    await until(() => comms.engine.peers().every((p) => p.state === 'closed'), 'the drop to be noticed');
    const cores = await comms.engine.listCores();
    const kept = cores[0]?.length ?? 0;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(5_000);
    const prefix = await comms.engine.read(cores[0]!.coreKey, { start: kept - 1 });
    expect(prefix.ok && prefix.value).toEqual([
      { index: kept - 1, bytes: new Uint8Array(Buffer.from(`log #${kept - 1}`)) },
    ]);
    await exchange(scribe, comms);
    expect(holdings(await comms.engine.listCores())).toEqual(holdings(await scribe.engine.listCores()));
    console.log(`dropped connection: ${kept} of 5000 records kept at the drop, the rest after reconnecting`);
  }, 60_000);

  it('refuses an append on a full disk with the reason, keeps every stored record, and works once space is back', async () => {
    team = new TestTeam();
    const scribe = await team.desk('scribe');
    await scribe.engine.append(incident('inc_1'), records('log', 3));
    const coreKey = (await ownCore(scribe)).coreKey;
    const core = (
      scribe.engine as unknown as { cores: Map<string, { core: { append: (b: unknown) => Promise<unknown> } }> }
    ).cores.get(coreKey)!.core;
    const realAppend = core.append.bind(core);
    core.append = () =>
      Promise.reject(new Error('IO error: No space left on device: While appending to file: 000004.log'));
    const full = await scribe.engine.append(incident('inc_1'), records('log', 1, 3));
    expect(full.ok ? null : full.error).toEqual({
      code: 'write-failed',
      message:
        'The disk is full: the records were not added. Free some space and try again; nothing already stored was lost.',
    });
    expect(await readAll(scribe, coreKey)).toEqual(['log #0', 'log #1', 'log #2']);
    core.append = realAppend;
    const after = await scribe.engine.append(incident('inc_1'), records('log', 1, 3));
    expect(after.ok && after.value).toMatchObject({ start: 3, end: 4 });
    console.log('full disk on append: 1 refused with the reason, 3 records kept, the next append succeeded');
  });

  it('stops a stick sync when this computer’s disk is full, changing nothing', async () => {
    team = new TestTeam();
    const stick = await team.tempFolder('desk-stick-');
    const scribe = await team.desk('scribe');
    await scribe.engine.append(incident('inc_1'), records('log', 3));
    expect((await scribe.engine.syncFolder(stick)).ok).toBe(true);
    const comms = await team.desk('comms', {
      folderSync: {
        fs: folderFs({
          writeFile: () =>
            Promise.reject(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' })),
        }),
      },
    });
    await comms.engine.append(incident('inc_1'), records('comms', 1));
    const result = await comms.engine.syncFolder(stick);
    expect(result.ok ? '' : result.error.message).toMatch(
      /could not be unpacked on this computer: The disk is full: .* Nothing was changed\./,
    );
    expect((await comms.engine.listCores()).map((c) => c.length)).toEqual([1]);
  });
});

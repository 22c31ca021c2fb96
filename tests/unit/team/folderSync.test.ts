import * as fsp from 'node:fs/promises';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { writeFileAtomic, type AtomicFs } from '@main/adapters/atomicWrite';
import { openArchive } from '@main/team/stickArchive';
import { deriveTeamKeys, stickFileName } from '@main/team/teamKeys';
import type { RosterStanding } from '@main/team/types';

import { folderFs, holdings, incident, readAll, records, SLOW_DISK_MS, type TestDesk, TestTeam } from './harness';

let team: TestTeam;

afterEach(async () => {
  await team.cleanup();
});

async function sync(desk: TestDesk, stick: string) {
  const result = await desk.engine.syncFolder(stick);
  if (!result.ok) throw new Error(`${desk.name}: ${result.error.message}`);
  return result.value;
}

function fsError(code: string): Error {
  return Object.assign(new Error(`${code}: simulated`), { code });
}

/** A real file system whose writes stop after `budget` bytes, as when a stick is pulled. */
function pulledAfter(budget: number): AtomicFs {
  return {
    open: async (path, flags) => {
      const handle = await fsp.open(path, flags);
      return {
        writeFile: async (data) => {
          const bytes = typeof data === 'string' ? Buffer.from(data) : data;
          await handle.writeFile(bytes.subarray(0, Math.min(budget, bytes.byteLength)));
          if (budget < bytes.byteLength) throw fsError('EIO');
        },
        sync: () => handle.sync(),
        close: () => handle.close(),
      };
    },
    rename: (from, to) => fsp.rename(from, to),
    unlink: (path) => fsp.unlink(path),
  };
}

describe('sync with a USB stick (a folder)', { timeout: SLOW_DISK_MS }, () => {
  it('carries records both ways, including those of desks the laptop never met', async () => {
    team = new TestTeam();
    const stick = await team.tempFolder('desk-stick-');
    const [scribe, hospital, mayor] = await team.openDesks('scribe', 'hospital liaison', 'mayor');
    await scribe.engine.append(incident('inc_1'), records('scribe', 5));
    await hospital.engine.append(incident('inc_1'), records('hospital', 2));
    await mayor.engine.append({ kind: 'desk' }, records('template', 1));

    const first = await sync(scribe, stick);
    expect(first).toMatchObject({ received: 0, sent: 5, cores: 1, replacedDamaged: null });
    const second = await sync(hospital, stick);
    expect(second).toMatchObject({ received: 5, sent: 2, cores: 2 });
    const third = await sync(mayor, stick);
    expect(third).toMatchObject({ received: 7, sent: 1, cores: 3 });
    await sync(scribe, stick);
    await sync(hospital, stick);

    const everything = holdings(await mayor.engine.listCores());
    expect(everything).toHaveLength(3);
    expect(holdings(await scribe.engine.listCores())).toEqual(everything);
    expect(holdings(await hospital.engine.listCores())).toEqual(everything);
    const hospitalCore = (await mayor.engine.listCores()).find((c) => c.deskKey === hospital.engine.deskKey)!;
    expect(await readAll(mayor, hospitalCore.coreKey)).toEqual(['hospital #0', 'hospital #1']);
    console.log(`stick file after 3 desks and 8 records: ${third.bytes} bytes`);
  });

  it('writes one encrypted file whose name and bytes say nothing of the team or its records', async () => {
    team = new TestTeam();
    const stick = await team.tempFolder('desk-stick-');
    const scribe = await team.desk('scribe');
    await scribe.engine.append(incident('inc_1'), [Buffer.from('Police confirm road closures on Main St')]);
    const report = await sync(scribe, stick);
    expect(await readdir(stick)).toEqual([stickFileName(deriveTeamKeys(team.credentials))]);
    expect(report.file).toBe(join(stick, stickFileName(deriveTeamKeys(team.credentials))));
    const bytes = await readFile(report.file);
    expect(bytes.includes(Buffer.from('Main St'))).toBe(false);
    expect(bytes.includes(Buffer.from(team.credentials.teamId))).toBe(false);
    expect(report.file).not.toContain('riverside');
    const otherTeam = deriveTeamKeys({ teamId: team.credentials.teamId, secret: Buffer.alloc(32, 7) });
    expect(openArchive(bytes, otherTeam.stick)).toMatchObject({ ok: false, error: { code: 'wrong-key-or-damaged' } });
    expect(openArchive(bytes, deriveTeamKeys(team.credentials).stick).ok).toBe(true);
  });

  it('loses nothing when the stick is pulled at random points while it is written; the next sync completes', async () => {
    team = new TestTeam();
    const stick = await team.tempFolder('desk-stick-');
    const scribe = await team.desk('scribe');
    let cut = 0;
    const comms = await team.desk('comms', {
      folderSync: { writeFileAtomic: (path, data) => writeFileAtomic(path, data, { fs: pulledAfter(cut) }) },
    });
    await scribe.engine.append(incident('inc_1'), records('scribe', 20));
    await sync(scribe, stick);
    const before = await readFile(join(stick, stickFileName(deriveTeamKeys(team.credentials))));

    // Deterministic "random" cut points across the whole file.
    let seed = 20;
    const cuts: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      cuts.push(seed % before.byteLength);
    }
    let refused = 0;
    for (const [round, cutAt] of cuts.entries()) {
      cut = cutAt;
      await comms.engine.append(incident('inc_1'), records(`comms round ${round}`, 1));
      const pulled = await comms.engine.syncFolder(stick);
      // Where the cut falls, comms has already taken in everything the stick held...
      expect(pulled.ok).toBe(false);
      if (!pulled.ok)
        expect(pulled.error.message).toMatch(/the stick keeps its previous team file\. Sync again to complete/);
      refused += 1;
      expect((await comms.engine.listCores()).find((c) => c.deskKey === scribe.engine.deskKey)?.length).toBe(20);
      // ...and the stick still holds its previous file, whole.
      expect(await readFile(join(stick, stickFileName(deriveTeamKeys(team.credentials))))).toEqual(before);
      expect((await readdir(stick)).length).toBe(1);
    }
    // Reconfigure the same desk without the fault: it completes.
    await team.close(comms);
    const commsAgain = await team.desk('comms again', { folder: comms.folder });
    const done = await sync(commsAgain, stick);
    expect(done.sent).toBe(5);
    await sync(scribe, stick);
    expect(holdings(await scribe.engine.listCores())).toEqual(holdings(await commsAgain.engine.listCores()));
    console.log(
      `stick pulled mid-write: ${refused} syncs refused with the reason, 0 records lost, next sync completed`,
    );
  }, 60_000);

  it('replaces a half-written file left by a stick pulled without an atomic rename, and says so', async () => {
    team = new TestTeam();
    const stick = await team.tempFolder('desk-stick-');
    const [scribe, comms] = await team.openDesks('scribe', 'comms');
    await scribe.engine.append(incident('inc_1'), records('scribe', 3));
    const written = await sync(scribe, stick);
    const whole = await readFile(written.file);
    await writeFile(written.file, whole.subarray(0, Math.floor(whole.byteLength / 2)));
    const report = await sync(comms, stick);
    expect(report.replacedDamaged).toMatch(/incomplete: the stick was probably removed while it was being written/);
    expect(report.received).toBe(0);
    await sync(scribe, stick);
    await sync(comms, stick);
    expect(holdings(await comms.engine.listCores())).toEqual(holdings(await scribe.engine.listCores()));
  });

  it('says the stick is full, and changes nothing on it', async () => {
    team = new TestTeam();
    const stick = await team.tempFolder('desk-stick-');
    const scribe = await team.desk('scribe', {
      folderSync: {
        writeFileAtomic: (path, data) =>
          writeFileAtomic(path, data, {
            fs: { ...pulledAfter(Number.MAX_SAFE_INTEGER), open: () => Promise.reject(fsError('ENOSPC')) },
          }),
      },
    });
    await scribe.engine.append(incident('inc_1'), records('scribe', 3));
    const result = await scribe.engine.syncFolder(stick);
    expect(result.ok ? '' : result.error.message).toMatch(/^The disk is full: .* could not be saved/);
    expect(await readdir(stick)).toEqual([]);
  });

  it('refuses a folder that does not exist or cannot be read, changing nothing', async () => {
    team = new TestTeam();
    const scribe = await team.desk('scribe');
    const gone = await scribe.engine.syncFolder('/nonexistent/stick');
    expect(gone.ok ? null : gone.error.code).toBe('folder-unusable');
    const stick = await team.tempFolder('desk-stick-');
    await sync(scribe, stick);
    const failing = await team.desk('comms', {
      folderSync: {
        fs: folderFs({
          readFile: (path) => (path.endsWith('.rdsync') ? Promise.reject(fsError('EIO')) : fsp.readFile(path)),
        }),
      },
    });
    const unreadable = await failing.engine.syncFolder(stick);
    expect(unreadable.ok ? '' : unreadable.error.message).toMatch(
      /The disk reported an error: .* could not be read\..*Nothing was changed/,
    );
  });

  it('takes in a newly admitted desk’s records in the same pass that brings its admission', async () => {
    team = new TestTeam();
    const stick = await team.tempFolder('desk-stick-');
    const [scribe, newcomer] = await team.openDesks('scribe', 'newcomer');
    // The mayor's roster is projected from roster records ("admit <key>"), as the desk will do.
    const mayorRoster = new Map<string, RosterStanding>([[scribe.engine.deskKey, { status: 'member' }]]);
    const mayor = await team.desk('mayor', { roster: (key) => mayorRoster.get(key) });
    mayor.engine.subscribe(async (event) => {
      if (event.scope !== 'roster') return;
      const batch = await mayor.engine.read(event.coreKey, { start: event.start, end: event.end });
      for (const record of batch.ok ? batch.value : []) {
        if ('bytes' in record)
          mayorRoster.set(Buffer.from(record.bytes).toString('utf8').replace('admit ', ''), { status: 'member' });
      }
    });
    await newcomer.engine.append(incident('inc_1'), records('newcomer', 2));
    await scribe.engine.append({ kind: 'roster' }, [Buffer.from(`admit ${newcomer.engine.deskKey}`)]);
    await sync(scribe, stick);
    await sync(newcomer, stick);
    const report = await sync(mayor, stick);
    expect(report.received).toBe(3);
    expect(holdings(await mayor.engine.listCores())).toEqual(holdings(await newcomer.engine.listCores()));
  });
});

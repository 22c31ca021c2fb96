import { mkdir, mkdtemp, readdir, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it, vi } from 'vitest';

import { backupName, backupTime, backupsToRemove, roomFor } from '@main/services/backupRotation';
import { createBackupFolderService, type BackupFolderDeps } from '@main/services/backupFolderService';
import { writeFileAtomic } from '@main/adapters/atomicWrite';
import { armor, Encrypter, generateIdentity, identityToRecipient } from 'age-encryption';

import { buildBackup } from '@shared/domain/backup/backupFile';
import { encryptTextToArmor } from '@shared/domain/encryption/passphrase';
import { CHANNELS } from '@shared/ipc/channels';
import { ipcContract } from '@shared/ipc/contract';
import { TABLE_NAMES, type TableRows } from '@shared/schemas/tables';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2026, 10, 24, 12, 0);
const policy = { keepLast: 12, keepDailyForDays: 30, encrypted: false };
const sha256 = (text: string) => Promise.resolve(createHash('sha256').update(text, 'utf8').digest('hex'));

/** A real desk backup file, as the renderer hands it over. */
async function deskBackup(cityName = 'Kristiansand', padding = 0): Promise<string> {
  const rows = Object.fromEntries(TABLE_NAMES.map((t) => [t, []])) as unknown as TableRows;
  const file = await buildBackup(
    rows,
    {
      schemaVersion: 2,
      createdAt: new Date(NOW).toISOString(),
      createdBy: 'automatic backup',
      appVersion: '0.1.0',
      cityName: cityName + ' '.repeat(padding),
    },
    sha256,
  );
  return JSON.stringify(file);
}

describe('backup rotation', () => {
  it('names backups by their moment and reads the moment back', () => {
    expect(backupName(Date.UTC(2026, 10, 24, 6, 55, 1, 123))).toBe('auto-20261124-065501-123.json');
    expect(backupName(Date.UTC(2026, 10, 24, 6, 55, 1, 123), 'before-restore')).toBe(
      'auto-20261124-065501-123-before-restore.json',
    );
    expect(backupTime('auto-20261124-065501-123-before-restore.json')).toBe(Date.UTC(2026, 10, 24, 6, 55, 1, 123));
    expect(backupTime('notes.json')).toBeNull();
  });

  it('keeps the last twelve, then one a day for thirty days', () => {
    // Every ten minutes for the last six hours, plus every six hours for the last 40 days.
    const names = [
      ...Array.from({ length: 36 }, (_, i) => backupName(NOW - i * 10 * 60_000)),
      ...Array.from({ length: 160 }, (_, i) => backupName(NOW - 7 * HOUR - i * 6 * HOUR)),
    ];
    const removed = new Set(backupsToRemove(names, NOW, policy));
    const kept = names.filter((n) => !removed.has(n));
    expect(kept.slice(0, 12)).toEqual(names.slice(0, 12));
    const days = new Set(kept.map((n) => Math.floor((backupTime(n) ?? 0) / DAY)));
    expect(days.size).toBe(kept.length - 11); // the last twelve share today; then one per day
    expect(Math.min(...kept.map((n) => backupTime(n) ?? 0))).toBeGreaterThanOrEqual(NOW - 30 * DAY);
    expect(kept.length).toBe(12 + 30);
  });

  it('never removes the newest backup, whatever the policy', () => {
    const names = [backupName(NOW - 90 * DAY), backupName(NOW - 100 * DAY)];
    expect(backupsToRemove(names, NOW, { keepLast: 1, keepDailyForDays: 0 })).toEqual([names[1]]);
  });

  it('keeps the last twelve of the real present after the clock ran a year fast and was put right', () => {
    // Twelve backups written while the clock read a year ahead, then twelve after it was corrected.
    const ahead = Array.from({ length: 12 }, (_, i) => backupName(NOW + 365 * DAY - i * 10 * 60_000));
    const present = Array.from({ length: 12 }, (_, i) => backupName(NOW - i * 10 * 60_000));
    const removed = backupsToRemove([...ahead, ...present], NOW, policy);
    // Every backup written since the correction is kept: the ones dated ahead take none of their places.
    expect(removed.filter((n) => present.includes(n))).toEqual([]);
    // And the ones dated ahead, which may hold the latest work, are kept apart, up to the same count.
    expect(removed).toEqual([]);
    const moreAhead = [...ahead, backupName(NOW + 366 * DAY)];
    expect(backupsToRemove([...moreAhead, ...present], NOW, policy)).toEqual([ahead[11]]);
  });

  it('makes room within the policy only, and never takes the newest backup already there', () => {
    const names = Array.from({ length: 12 }, (_, i) => backupName(NOW - (i + 1) * 10 * 60_000));
    const next = backupName(NOW);
    expect(roomFor(names, next, NOW, policy)).toEqual([names[11]]);
    // A policy that would let the newest go (the minimum) still keeps it until the next one exists.
    expect(roomFor(names.slice(0, 1), next, NOW, { keepLast: 1, keepDailyForDays: 0 })).toEqual([]);
  });
});

describe('automatic backups on disk', () => {
  async function service(now: { t: number }, overrides: Partial<BackupFolderDeps> = {}) {
    const data = await mkdtemp(join(tmpdir(), 'desk-backups-'));
    const folder = join(data, 'backups');
    const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
    const s = createBackupFolderService({
      folder,
      policyPath: join(data, 'backup-policy.json'),
      now: () => now.t,
      writeFileAtomic: (path, content) => writeFileAtomic(path, content),
      mkdir: (path) => mkdir(path, { recursive: true }),
      readdir: (path) => readdir(path),
      stat: (path) => stat(path),
      readFile: (path) => readFile(path),
      unlink: (path) => unlink(path),
      log,
      ...overrides,
    });
    return { s, folder, data, log };
  }

  it('writes each backup whole, lists them newest first, reads one back, and rotates by its own policy', async () => {
    const clock = { t: NOW };
    const { s, folder } = await service(clock);
    const contents: string[] = [];
    for (let i = 0; i < 15; i += 1) {
      clock.t = NOW + i * 10 * 60_000;
      contents.push(await deskBackup(`City ${i}`));
      await s.write({ content: contents[i]! });
    }
    const { backups } = await s.list();
    expect(backups).toHaveLength(12);
    expect(backups[0]).toMatchObject({ name: backupName(NOW + 14 * 10 * 60_000), datedAhead: false });
    expect((await s.read(backups[0]!.name)).text).toBe(contents[14]);
    // Files that are not automatic backups are left alone.
    await writeFile(join(folder, 'notes.txt'), 'keep me');
    await s.write({ content: await deskBackup(), reason: 'before-restore' });
    expect(await readdir(folder)).toContain('notes.txt');
    expect((await s.list()).backups[0]?.name).toMatch(/-before-restore\.json$/);
  });

  it.each([
    ['a JSON file of another kind', () => '{"name":"package"}'],
    ['text', () => 'hello'],
    ['a backup cut short', (b: string) => b.slice(0, -20)],
    ['a backup missing a table', (b: string) => b.replace('"contacts":[],', '')],
    [
      'a backup with a field the desk never writes',
      (b: string) => b.replace('{"format"', '{"policy":{"keepLast":1},"format"'),
    ],
  ])('refuses to write %s, and writes nothing', async (_label, damage) => {
    const { s, folder } = await service({ t: NOW });
    await expect(s.write({ content: damage(await deskBackup()) })).rejects.toThrow(/not a whole Response Desk backup/);
    expect(await readdir(folder).catch(() => [])).toEqual([]);
  });

  it('takes no policy from the renderer: the contract has no such field, and the policy call is bounded', () => {
    const write = ipcContract[CHANNELS.writeAutoBackup].request;
    expect(write.safeParse({ content: '{}', policy: { keepLast: 1, keepDailyForDays: 0 } }).success).toBe(false);
    const set = ipcContract[CHANNELS.setBackupPolicy].request;
    expect(set.safeParse({ keepLast: 12, keepDailyForDays: 30 }).success).toBe(true);
    expect(set.safeParse({ keepLast: 1, keepDailyForDays: 30 }).success).toBe(false);
    expect(set.safeParse({ keepLast: 12, keepDailyForDays: 0 }).success).toBe(false);
    expect(set.safeParse({ keepLast: 501, keepDailyForDays: 30 }).success).toBe(false);
    expect(set.safeParse({ keepLast: 12, keepDailyForDays: 30, folder: '/' }).success).toBe(false);
  });

  it('keeps the policy itself: the default until changed, then the saved one; a damaged file falls back to the default', async () => {
    const clock = { t: NOW };
    const { s, data, log } = await service(clock);
    expect(await s.policy()).toEqual({ keepLast: 12, keepDailyForDays: 30, encrypted: false });
    await s.setPolicy({ keepLast: 3, keepDailyForDays: 7, encrypted: false });
    expect(JSON.parse(await readFile(join(data, 'backup-policy.json'), 'utf8'))).toEqual({
      keepLast: 3,
      keepDailyForDays: 7,
      encrypted: false,
    });
    for (let i = 0; i < 5; i += 1) {
      clock.t = NOW + i * 60_000;
      await s.write({ content: await deskBackup() });
    }
    expect((await s.list()).backups).toHaveLength(3);
    await writeFile(join(data, 'backup-policy.json'), '{"keepLast": 0}');
    expect(await s.policy()).toEqual({ keepLast: 12, keepDailyForDays: 30, encrypted: false });
    expect(log.warn).toHaveBeenCalled();
  });

  it('on a full disk, makes room within the policy and writes the backup; never the newest one already there', async () => {
    const clock = { t: NOW };
    const content = await deskBackup();
    const size = Buffer.byteLength(content);
    const real = await service(clock);
    for (let i = 0; i < 13; i += 1) {
      clock.t = NOW + i * 60_000;
      await real.s.write({ content });
    }
    // A disk with room for exactly thirteen backups: the fourteenth fits only once one is gone.
    const capacity = 13 * size;
    const used = async () =>
      (
        await Promise.all((await readdir(real.folder)).map(async (n) => (await stat(join(real.folder, n))).size))
      ).reduce((a, b) => a + b, 0);
    const fullDisk = (path: string, data: Uint8Array | string) =>
      used().then((bytes) =>
        bytes + Buffer.byteLength(data) > capacity
          ? Promise.reject(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }))
          : writeFileAtomic(path, data),
      );
    const { s } = await service(clock, { folder: real.folder, writeFileAtomic: fullDisk });
    const before = (await s.list()).backups.map((b) => b.name);
    expect(before).toHaveLength(12);
    await writeFile(join(real.folder, 'ballast.bin'), Buffer.alloc(size));
    clock.t = NOW + 20 * 60_000;
    const written = await s.write({ content });
    expect(written.removed).toEqual([before[11]]);
    const after = (await s.list()).backups.map((b) => b.name);
    expect(after[0]).toBe(written.written.name);
    expect(after).toContain(before[0]);
    expect(after).toHaveLength(12);
  });

  it('says in one clean sentence when even that is not enough, and leaves no temp file behind', async () => {
    const clock = { t: NOW };
    const real = await service(clock);
    await real.s.write({ content: await deskBackup() });
    const noSpace = (path: string) =>
      writeFile(`${join(real.folder, `.${path.split('/').at(-1) ?? ''}`)}.tmp-0123456789abcdef`, 'half').then(() =>
        Promise.reject(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' })),
      );
    const { s, log } = await service(clock, { folder: real.folder, writeFileAtomic: noSpace });
    clock.t = NOW + 60_000;
    const failure = await s.write({ content: await deskBackup() }).then(
      () => null,
      (e: unknown) => (e instanceof Error ? e.message : String(e)),
    );
    expect(failure).toMatch(
      /^The automatic backup could not be written: the disk holding .* is full, and the policy lets no older backup go$/,
    );
    expect(failure?.split(/[.!?](\s|$)/).filter(Boolean)).toHaveLength(1);
    expect(log.error).toHaveBeenCalledWith(
      expect.stringContaining('full disk'),
      expect.objectContaining({ code: 'ENOSPC' }),
    );
    expect((await readdir(real.folder)).filter((n) => n.includes('.tmp-'))).toEqual([]);
    expect((await s.list()).backups).toHaveLength(1);
  });

  it("cleans only the desk's own unfinished backups from its folder", async () => {
    const { s, folder } = await service({ t: NOW });
    await s.write({ content: await deskBackup() });
    const desk = [
      '.auto-20261124-120000-000.json.tmp-0123456789abcdef',
      '.auto-20261124-120000-000-before-restore.json.tmp-fedcba9876543210',
    ];
    const others = [
      '.notes.txt.tmp-0123456789abcdef',
      '.auto-x.json.tmp-0123456789abcdef',
      'auto-20261124-120000-000.json.tmp-0123456789abcdef',
      '.auto-20261124-120000-000.json.tmp-zz',
    ];
    for (const n of [...desk, ...others]) await writeFile(join(folder, n), 'x');
    expect((await s.cleanTemp()).sort()).toEqual([...desk].sort());
    expect((await readdir(folder)).sort()).toEqual([backupName(NOW), ...others].sort());
  });

  it('refuses a name that is not an automatic backup, at the contract and in the service', async () => {
    const request = ipcContract[CHANNELS.readBackup].request;
    expect(request.safeParse({ name: '../../etc/passwd' }).success).toBe(false);
    expect(request.safeParse({ name: 'auto-20261124-065501-123.json' }).success).toBe(true);
    const { s } = await service({ t: NOW });
    await expect(s.read('../secrets.json')).rejects.toThrow('is not an automatic backup');
  });

  it('lists a backup dated ahead of the clock as such', async () => {
    const clock = { t: NOW + 365 * DAY };
    const { s } = await service(clock);
    await s.write({ content: await deskBackup() });
    clock.t = NOW;
    await s.write({ content: await deskBackup() });
    expect((await s.list()).backups.map((b) => b.datedAhead)).toEqual([true, false]);
  });

  describe('encrypted backups', () => {
    const armored = async (text: string) => {
      const sealed = await encryptTextToArmor(text, 'Candles at the town hall', { workFactor: 10 });
      if (!sealed.ok) throw new Error(sealed.error.code);
      return sealed.value;
    };

    it('writes a passphrase-encrypted backup as auto-….json.age, lists it and reads it back as written', async () => {
      const { s, folder } = await service({ t: NOW });
      const content = await armored(await deskBackup());
      const { written } = await s.write({ content });
      expect(written.name).toBe('auto-20261124-120000-000.json.age');
      expect(await readdir(folder)).toEqual(['auto-20261124-120000-000.json.age']);
      expect((await s.list()).backups.map((b) => b.name)).toEqual(['auto-20261124-120000-000.json.age']);
      expect((await s.read(written.name)).text).toBe(content);
      expect(
        ipcContract[CHANNELS.readBackup].request.safeParse({ name: 'auto-20261124-120000-000-before-restore.json.age' })
          .success,
      ).toBe(true);
      expect(ipcContract[CHANNELS.readBackup].request.safeParse({ name: 'auto-20261124-120000-000.age' }).success).toBe(
        false,
      );
    });

    it('when backups are to be encrypted, refuses one in clear and writes nothing; encrypted ones go on', async () => {
      const { s, folder, log } = await service({ t: NOW });
      await s.setPolicy({ keepLast: 12, keepDailyForDays: 30, encrypted: true });
      await expect(s.write({ content: await deskBackup() })).rejects.toThrow(
        'The automatic backup was not written: backups are set to be encrypted, and this one is not',
      );
      expect(await readdir(folder).catch(() => [])).toEqual([]);
      expect(log.warn).toHaveBeenCalledWith(
        'refused to write an automatic backup in clear: backups are set to be encrypted',
      );
      await s.write({ content: await armored(await deskBackup()) });
      expect(await readdir(folder)).toEqual(['auto-20261124-120000-000.json.age']);
    });

    it('refuses an age file that a passphrase does not open (encrypted to a key), or armor that is not age', async () => {
      const { s, folder } = await service({ t: NOW });
      const encrypter = new Encrypter();
      encrypter.addRecipient(await identityToRecipient(await generateIdentity()));
      const toKey = armor.encode(await encrypter.encrypt(await deskBackup()));
      await expect(s.write({ content: toKey })).rejects.toThrow(/not a backup encrypted with a passphrase/);
      await expect(
        s.write({
          content: '-----BEGIN AGE ENCRYPTED FILE-----\nnot base64 at all\n-----END AGE ENCRYPTED FILE-----\n',
        }),
      ).rejects.toThrow(/not a backup encrypted with a passphrase/);
      expect(await readdir(folder).catch(() => [])).toEqual([]);
    });

    it('reads a policy file written before encryption existed as "not encrypted"', async () => {
      const { s, data } = await service({ t: NOW });
      await writeFile(join(data, 'backup-policy.json'), '{"keepLast":20,"keepDailyForDays":60}\n');
      expect(await s.policy()).toEqual({ keepLast: 20, keepDailyForDays: 60, encrypted: false });
      await s.write({ content: await deskBackup() });
      expect((await s.list()).backups).toHaveLength(1);
    });
  });
});

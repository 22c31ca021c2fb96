import { mkdir, mkdtemp, readdir, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { backupName, backupTime, backupsToRemove } from '@main/services/backupRotation';
import { createBackupService } from '@main/services/backupService';
import { writeFileAtomic } from '@main/adapters/atomicWrite';
import { CHANNELS } from '@shared/ipc/channels';
import { ipcContract } from '@shared/ipc/contract';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2026, 10, 24, 12, 0);
const policy = { keepLast: 12, keepDailyForDays: 30 };

describe('backup rotation', () => {
  it('names backups by their moment and reads the moment back', () => {
    expect(backupName(Date.UTC(2026, 10, 24, 6, 55, 1, 123))).toBe('auto-20261124-065501-123.json');
    expect(backupName(Date.UTC(2026, 10, 24, 6, 55, 1, 123), 'before-restore')).toBe('auto-20261124-065501-123-before-restore.json');
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
});

describe('automatic backups on disk', () => {
  async function service(now: { t: number }) {
    const folder = join(await mkdtemp(join(tmpdir(), 'desk-backups-')), 'backups');
    const s = createBackupService({
      folder,
      now: () => now.t,
      writeFileAtomic: (path, data) => writeFileAtomic(path, data),
      mkdir: (path) => mkdir(path, { recursive: true }),
      readdir: (path) => readdir(path),
      stat: (path) => stat(path),
      readFile: (path) => readFile(path),
      unlink: (path) => unlink(path),
    });
    return { s, folder };
  }

  it('writes each backup whole, lists them newest first, reads one back, and rotates', async () => {
    const clock = { t: NOW };
    const { s, folder } = await service(clock);
    for (let i = 0; i < 15; i += 1) {
      clock.t = NOW + i * 10 * 60_000;
      await s.write({ content: JSON.stringify({ n: i }), policy: { keepLast: 12, keepDailyForDays: 30 } });
    }
    const { backups } = await s.list();
    expect(backups).toHaveLength(12);
    expect(backups[0]?.name).toBe(backupName(NOW + 14 * 10 * 60_000));
    expect(JSON.parse((await s.read(backups[0]!.name)).text)).toEqual({ n: 14 });
    // Files that are not automatic backups are left alone.
    await writeFile(join(folder, 'notes.txt'), 'keep me');
    await s.write({ content: '{}', reason: 'before-restore', policy });
    expect(await readdir(folder)).toContain('notes.txt');
    expect((await s.list()).backups[0]?.name).toMatch(/-before-restore\.json$/);
  });

  it('refuses a name that is not an automatic backup, at the contract and in the service', async () => {
    const request = ipcContract[CHANNELS.readBackup].request;
    expect(request.safeParse({ name: '../../etc/passwd' }).success).toBe(false);
    expect(request.safeParse({ name: 'auto-20261124-065501-123.json' }).success).toBe(true);
    const { s } = await service({ t: NOW });
    await expect(s.read('../secrets.json')).rejects.toThrow('is not an automatic backup');
  });
});

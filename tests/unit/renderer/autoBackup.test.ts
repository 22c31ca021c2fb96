import { createHash } from 'node:crypto';

import { describe, expect, it, vi } from 'vitest';

import { startAutoBackups } from '@renderer/features/settings/autoBackup';
import { createBackupService } from '@renderer/features/settings/backupService';
import type { AutoBackups, DeskPlatform } from '@renderer/platform/platform';
import { ok } from '@shared/domain/result';
import { validateIncidentDraft } from '@shared/domain/incident/commands';

import { actor, makeDraft } from '../../factories/incident';
import { freshDesk } from './testDb';

const sha256 = (text: string) => Promise.resolve(createHash('sha256').update(text).digest('hex'));

/** A scheduler the test drives: each run() fires the pending timer and waits for its work. */
function manualScheduler() {
  const pending: { run: () => void; ms: number }[] = [];
  return {
    schedule: (run: () => void, ms: number) => {
      pending.push({ run, ms });
      return () => undefined;
    },
    async fire(): Promise<number> {
      const next = pending.shift();
      if (!next) throw new Error('nothing scheduled');
      next.run();
      await vi.waitFor(() => expect(pending.length).toBe(1), { timeout: 5000 });
      return next.ms;
    },
  };
}

describe('automatic backups', () => {
  it('writes a backup every ten minutes while data changes, and none when nothing changed', async () => {
    const desk = freshDesk();
    await desk.repos.settings.save({ cityName: 'Kristiansand', operatorName: 'Ingrid Berg', defaultTimeZone: 'Europe/Oslo' }, actor());
    const written: { content: string; keepLast: number }[] = [];
    const autoBackups: AutoBackups = {
      write: (content, policy) => {
        written.push({ content, keepLast: policy.keepLast });
        return Promise.resolve(ok({ written: { name: `auto-${written.length}`, createdAt: 0, size: content.length }, removed: [] }));
      },
      list: () => Promise.resolve(ok({ folder: '/backups', backups: [] })),
      read: () => Promise.resolve(ok('')),
    };
    const platform = { autoBackups } as unknown as DeskPlatform;
    const backup = createBackupService({ backup: desk.repos.backup, platform, sha256, appVersion: 'test' });
    const outcomes: unknown[] = [];
    const timers = manualScheduler();
    const stop = startAutoBackups({ db: desk.db, backup, autoBackups, settings: () => desk.repos.settings.get(), now: () => 0, onResult: (r) => outcomes.push(r), schedule: timers.schedule });

    expect(await timers.fire()).toBe(60_000);
    expect(written).toHaveLength(1);
    expect(JSON.parse(written[0]!.content)).toMatchObject({ format: 'response-desk-backup' });
    expect(written[0]!.keepLast).toBe(12);

    expect(await timers.fire()).toBe(10 * 60_000);
    expect(written).toHaveLength(1);

    const fields = validateIncidentDraft(makeDraft());
    if (fields.ok) await desk.repos.incidents.create(fields.value, actor());
    await timers.fire();
    expect(written).toHaveLength(2);
    expect(outcomes).toEqual([{ ok: true, name: 'auto-1' }, { ok: true, name: 'auto-2' }]);
    stop();
  });
});

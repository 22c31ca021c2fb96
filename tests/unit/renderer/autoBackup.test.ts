import { describe, expect, it, vi } from 'vitest';

import { autoBackupFailureNotice, startAutoBackups } from '@renderer/desk/backup/autoBackup';
import type { AutoBackups, DeskPlatform } from '@renderer/platform/platform';
import { err, ok } from '@shared/domain/result';
import { validateIncidentDraft } from '@shared/domain/incident/commands';

import { actor, makeDraft } from '../../factories/incident';
import { backupServiceOf, freshDesk, setUpDesk } from './testDb';
import { written } from '../../support/written';

/** A scheduler the test drives: each fire() runs the pending timer and waits for the next to be set. */
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

function fakeAutoBackups(write: AutoBackups['write']): AutoBackups {
  return {
    write,
    list: () => Promise.resolve(ok({ folder: '/backups', backups: [] })),
    read: () => Promise.resolve(ok('')),
    policy: () => Promise.resolve(ok({ keepLast: 12, keepDailyForDays: 30, encrypted: false })),
    setPolicy: (p) => Promise.resolve(ok(p)),
  };
}

/** Starts the schedule on a desk, at time 0, with the test's scheduler; `extra` overrides any part. */
function startOn(
  desk: ReturnType<typeof freshDesk>,
  autoBackups: AutoBackups,
  timers: ReturnType<typeof manualScheduler>,
  extra: Partial<Parameters<typeof startAutoBackups>[0]> = {},
) {
  return startAutoBackups({
    fingerprint: desk.fingerprint,
    backup: backupServiceOf(desk, { autoBackups } as unknown as DeskPlatform, 'test'),
    autoBackups,
    settings: () => desk.useCases.settings.get(),
    now: () => 0,
    onResult: () => undefined,
    schedule: timers.schedule,
    ...extra,
  });
}

const addIncident = async (desk: ReturnType<typeof freshDesk>) => {
  const fields = validateIncidentDraft(makeDraft());
  if (fields.ok) await written(desk.useCases.incidents.create(fields.value, actor()));
};

describe('automatic backups', () => {
  it('writes a backup every ten minutes while data changes, and none when nothing changed', async () => {
    const desk = await setUpDesk();
    const written: string[] = [];
    const autoBackups = fakeAutoBackups((content) => {
      written.push(content);
      return Promise.resolve(
        ok({
          written: { name: `auto-${written.length}`, createdAt: 0, size: content.length, datedAhead: false },
          removed: [],
        }),
      );
    });
    const outcomes: unknown[] = [];
    const timers = manualScheduler();
    const stop = startOn(desk, autoBackups, timers, { onResult: (r) => outcomes.push(r) });

    expect(await timers.fire()).toBe(60_000);
    expect(written).toHaveLength(1);
    expect(JSON.parse(written[0]!)).toMatchObject({ format: 'response-desk-backup' });

    expect(await timers.fire()).toBe(10 * 60_000);
    expect(written).toHaveLength(1);

    await addIncident(desk);
    await timers.fire();
    expect(written).toHaveLength(2);
    expect(outcomes).toEqual([
      { at: 0, ok: true, name: 'auto-1', headsNotLogged: null, everyMinutes: 10 },
      { at: 0, ok: true, name: 'auto-2', headsNotLogged: null, everyMinutes: 10 },
    ]);
    stop();
  });

  it('a change made while a backup is being written gets a backup of its own at the next run', async () => {
    const desk = await setUpDesk();
    const contents: string[] = [];
    const autoBackups = fakeAutoBackups(async (content) => {
      contents.push(content);
      // Someone logs an incident while the (slow, encrypted) backup is being written.
      if (contents.length === 1) await addIncident(desk);
      return ok({
        written: { name: `auto-${contents.length}`, createdAt: 0, size: content.length, datedAhead: false },
        removed: [],
      });
    });
    const timers = manualScheduler();
    const stop = startOn(desk, autoBackups, timers);
    const incidentsIn = (content: string) =>
      (JSON.parse(content) as { data: { incidents: unknown[] } }).data.incidents.length;

    await timers.fire();
    expect(contents.map(incidentsIn)).toEqual([0]);
    await timers.fire();
    expect(contents.map(incidentsIn)).toEqual([0, 1]);
    // Then quiet: nothing changed since, nothing more is written.
    await timers.fire();
    expect(contents).toHaveLength(2);
    stop();
  });

  it('shows and logs a failed run, whether refused by main or thrown, and the schedule goes on', async () => {
    const desk = await setUpDesk();
    let calls = 0;
    const autoBackups = fakeAutoBackups(() => {
      calls += 1;
      if (calls === 1) return Promise.reject(new Error('An object could not be cloned.'));
      if (calls === 2)
        return Promise.resolve(
          err({
            code: 'io-failed',
            message:
              'The automatic backup could not be written: the disk holding /data/backups is full, and the policy lets no older backup go',
          }),
        );
      return Promise.resolve(
        ok({ written: { name: 'auto-3', createdAt: 0, size: 2, datedAhead: false }, removed: [] }),
      );
    });
    const outcomes: { ok: boolean }[] = [];
    const log = vi.fn();
    const timers = manualScheduler();
    startOn(desk, autoBackups, timers, { onResult: (r) => outcomes.push(r), log });

    expect(await timers.fire()).toBe(60_000);
    expect(await timers.fire()).toBe(10 * 60_000);
    expect(await timers.fire()).toBe(10 * 60_000);
    expect(outcomes).toMatchObject([
      { ok: false, message: 'An object could not be cloned.' },
      { ok: false, message: expect.stringContaining('is full') as unknown },
      { ok: true, name: 'auto-3' },
    ]);
    expect(log).toHaveBeenCalledTimes(2);
  });

  it('reports a backup written as written, with the reason its chain heads were not logged', async () => {
    const desk = await setUpDesk();
    await addIncident(desk);
    const autoBackups = fakeAutoBackups(() =>
      Promise.resolve(ok({ written: { name: 'auto-1', createdAt: 0, size: 2, datedAhead: false }, removed: [] })),
    );
    const refusal = { code: 'refused' as const, message: 'The log of published heads is being changed elsewhere.' };
    const backup = backupServiceOf(desk, { autoBackups } as unknown as DeskPlatform, 'test', {
      publishedHeads: { appendAll: () => Promise.resolve(err(refusal)) },
    });
    const outcomes: unknown[] = [];
    const timers = manualScheduler();
    startOn(desk, autoBackups, timers, { backup, onResult: (r) => outcomes.push(r) });
    await timers.fire();
    expect(outcomes).toEqual([
      {
        at: 0,
        ok: true,
        name: 'auto-1',
        headsNotLogged: 'The log of published heads is being changed elsewhere.',
        everyMinutes: 10,
      },
    ]);
  });

  it('goes on when reading the desk itself fails', async () => {
    const desk = await setUpDesk();
    const autoBackups = fakeAutoBackups(() =>
      Promise.resolve(ok({ written: { name: 'auto-1', createdAt: 0, size: 2, datedAhead: false }, removed: [] })),
    );
    const backup = backupServiceOf(desk, { autoBackups } as unknown as DeskPlatform, 'test');
    const outcomes: { ok: boolean }[] = [];
    const timers = manualScheduler();
    let broken = true;
    startAutoBackups({
      fingerprint: desk.fingerprint,
      backup,
      autoBackups,
      now: () => 0,
      onResult: (r) => outcomes.push(r),
      log: () => undefined,
      schedule: timers.schedule,
      settings: () =>
        broken ? Promise.reject(new Error('The database connection was closed.')) : desk.useCases.settings.get(),
    });
    await timers.fire();
    broken = false;
    await timers.fire();
    expect(outcomes.map((o) => o.ok)).toEqual([false, true]);
  });

  it.each([
    [
      'The automatic backup could not be written: the disk holding /data/backups is full, even after removing the 2 older backups the policy lets go',
    ],
    ['The desktop shell sent an unexpected reply (written.datedAhead: Required).'],
    ['The disk is full: "/x" could not be saved.  '],
  ])('says a failure in one clean sentence: %s', (reason) => {
    const text = autoBackupFailureNotice(reason, 10);
    expect(text).toMatch(
      /^The automatic backup .*; the desk tries again in 10 minutes, and meanwhile a backup can be saved by hand in Settings\.$/,
    );
    expect(text).not.toMatch(/\.\.|\. [A-Z].*;/);
    expect(text.endsWith('..')).toBe(false);
  });
});

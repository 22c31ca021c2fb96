import { useCallback, useEffect, useState, type ReactElement } from 'react';

import { BACKUP_POLICY_BOUNDS, type BackupInfo, type BackupPolicy } from '@shared/ipc/contract';
import type { DeskSettings } from '@shared/schemas/entities';
import { formatBytes } from '@shared/domain/text/formatBytes';

import { actorFrom, useDesk } from '../../desk/DeskContext';
import { useAppStore } from '../../store';
import { DEFAULT_BACKUP_EVERY_MINUTES } from '../../desk/backup/autoBackup';
import type { PendingRestore } from '../../desk/backup/backupService';
import { computerTime } from '../../lib/LocaleContext';
import { RestoreConfirmation } from './RestoreConfirmation';

const { keepLast: LAST, keepDailyForDays: DAYS } = BACKUP_POLICY_BOUNDS;
const whole = (text: string, min: number, max: number): number | null => {
  const n = Number(text.trim());
  return text.trim() !== '' && Number.isInteger(n) && n >= min && n <= max ? n : null;
};

/** The rotating backups main keeps in its data folder (either shell): policy, last run, list, restore. */
export function AutoBackupsPanel({ settings }: { settings: DeskSettings }): ReactElement {
  const { platform, useCases, useCases: { backup }, clock } = useDesk();
  const showNotice = useAppStore((s) => s.showNotice);
  const lastRun = useAppStore((s) => s.autoBackup);
  const auto = platform.autoBackups;
  const [list, setList] = useState<{ folder: string; backups: BackupInfo[] } | null>(null);
  const [policy, setPolicy] = useState<BackupPolicy | null>(null);
  const [pending, setPending] = useState<{ info: BackupInfo; checked: PendingRestore } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [form, setForm] = useState<{ every: string; last: string; days: string } | null>(null);

  const refresh = useCallback(() => {
    if (!auto) return;
    void auto.list().then((r) => (r.ok ? setList(r.value) : setProblem(r.error.message)));
  }, [auto]);
  useEffect(refresh, [refresh, lastRun]);
  useEffect(() => {
    if (!auto) return;
    void auto.policy().then((r) => {
      if (!r.ok) return setProblem(r.error.message);
      setPolicy(r.value);
      setForm((f) => f ?? { every: String(settings.backupEveryMinutes ?? DEFAULT_BACKUP_EVERY_MINUTES), last: String(r.value.keepLast), days: String(r.value.keepDailyForDays) });
    });
  }, [auto, settings.backupEveryMinutes]);

  if (!auto) {
    return (
      <section className="panel" aria-labelledby="auto-backups-title">
        <h2 id="auto-backups-title">Automatic backups</h2>
        <p>The desk keeps a backup of the whole desk in its data folder every {DEFAULT_BACKUP_EVERY_MINUTES} minutes while data changes (the last 12, and one a day for 30 days).</p>
        <p className="warning-text">This page was not served by the desk's own server (started with “npm run web”), so it has no folder of its own and makes no automatic backups. Save a backup by hand above, often, and keep it off this computer.</p>
      </section>
    );
  }

  const save = (f: { every: string; last: string; days: string }) => {
    const every = whole(f.every, 1, 1440);
    const keepLast = whole(f.last, LAST.min, LAST.max);
    const keepDailyForDays = whole(f.days, DAYS.min, DAYS.max);
    if (every === null || keepLast === null || keepDailyForDays === null) {
      return setProblem(`Use whole numbers: every 1–1440 minutes, keep the last ${LAST.min}–${LAST.max} backups, and one a day for ${DAYS.min}–${DAYS.max} days.`);
    }
    setProblem(null);
    void (async () => {
      const saved = await auto.setPolicy({ keepLast, keepDailyForDays });
      if (!saved.ok) return setProblem(`The policy was not saved: ${saved.error.message}`);
      setPolicy(saved.value);
      if (every !== (settings.backupEveryMinutes ?? DEFAULT_BACKUP_EVERY_MINUTES)) {
        await useCases.settings.save({ cityName: settings.cityName, operatorName: settings.operatorName, defaultTimeZone: settings.defaultTimeZone, backupEveryMinutes: every }, actorFrom(settings.operatorName, clock));
      }
      showNotice('success', `Backup policy saved: every ${every} minutes, the last ${keepLast}, and one a day for ${keepDailyForDays} days.`);
    })();
  };

  return (
    <section className="panel" aria-labelledby="auto-backups-title">
      <h2 id="auto-backups-title">Automatic backups</h2>
      <p>Kept in <span className="mono break">{list?.folder ?? '…'}</span>, written whole or not at all. The {platform.edition === 'desktop' ? 'desktop app' : 'desk’s local server'} keeps the policy; saving a new one removes nothing until the next backup is written.</p>
      {lastRun && (
        <p className={lastRun.ok ? 'muted' : 'form-error'} role={lastRun.ok ? undefined : 'alert'}>
          {lastRun.ok ? `Last automatic backup: ${computerTime(lastRun.at)}.` : `The last automatic backup failed at ${computerTime(lastRun.at)}: ${lastRun.message}`}
        </p>
      )}
      {form && (
        <form className="form-row" noValidate onSubmit={(e) => { e.preventDefault(); save(form); }}>
          <label className="field">Every (minutes)<input inputMode="numeric" value={form.every} onChange={(e) => setForm({ ...form, every: e.target.value })} /></label>
          <label className="field">Keep the last<input inputMode="numeric" value={form.last} onChange={(e) => setForm({ ...form, last: e.target.value })} /></label>
          <label className="field">And one a day for (days)<input inputMode="numeric" value={form.days} onChange={(e) => setForm({ ...form, days: e.target.value })} /></label>
          <button type="submit" className="button">Save policy</button>
        </form>
      )}
      {policy && <p className="muted">At least the last {LAST.min} backups and {DAYS.min} days of daily ones are always kept.</p>}
      {problem && <p className="form-error" role="alert">{problem}</p>}
      {list && list.backups.length === 0 && <p className="muted">No automatic backup yet: the first is written a minute after the desk opens.</p>}
      {list && list.backups.length > 0 && (
        <table className="table table--compact">
          <thead><tr><th scope="col">Made</th><th scope="col">Size</th><th scope="col"><span className="visually-hidden">Action</span></th></tr></thead>
          <tbody>
            {list.backups.map((b) => (
              <tr key={b.name}>
                <td>
                  {computerTime(b.createdAt)}
                  {b.name.includes('before-restore') ? ' (before a restore)' : ''}
                  {b.datedAhead ? ' (dated ahead of the clock: written while the computer’s clock ran fast)' : ''}
                </td>
                <td>{formatBytes(b.size)}</td>
                <td><button type="button" className="button button--ghost" onClick={() => {
                  setProblem(null);
                  void (async () => {
                    const text = await auto.read(b.name);
                    if (!text.ok) return setProblem(`Nothing was restored: ${text.error.message}`);
                    const checked = await backup.check(text.value, b.name);
                    if (!checked.ok) return setProblem(checked.error);
                    setPending({ info: b, checked: checked.value });
                  })();
                }}>Restore…</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pending && (
        <RestoreConfirmation
          pending={pending.checked}
          title="Restore this automatic backup?"
          intro={<p>The current state is saved as a backup first, so this can be undone.</p>}
          confirmLabel="Back up the current state, then restore"
          onCancel={() => setPending(null)}
          onConfirm={(acceptBrokenChains) => {
            const chosen = pending;
            setPending(null);
            void (async () => {
              const actor = actorFrom(settings.operatorName, clock);
              const current = await auto.write(await backup.text(actor, settings.cityName), 'before-restore');
              if (!current.ok) return setProblem(`Nothing was restored: the current state could not be backed up first (${current.error.message}).`);
              const restored = await backup.restore(chosen.checked, actor, { acceptBrokenChains });
              if (!restored.ok) return setProblem(restored.error);
              showNotice('success', `Desk restored from the automatic backup of ${computerTime(chosen.info.createdAt)}; the state before it is kept as a backup.`);
              refresh();
            })();
          }}
        />
      )}
    </section>
  );
}

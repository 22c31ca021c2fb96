import { useCallback, useEffect, useState, type ReactElement } from 'react';

import type { BackupInfo } from '@shared/ipc/contract';
import type { DeskSettings } from '@shared/schemas/entities';

import { actorFrom, useDesk } from '../../app/DeskContext';
import { formatBytes } from '../../lib/formatBytes';
import { useAppStore } from '../../store';
import { Dialog } from '../../ui/Dialog';
import { backupPolicyOf, DEFAULT_BACKUP_EVERY_MINUTES } from './autoBackup';

/** The rotating backups the desktop app keeps in its data folder: policy, list, restore. */
export function AutoBackupsPanel({ settings }: { settings: DeskSettings }): ReactElement {
  const { platform, repos, backup, clock } = useDesk();
  const showNotice = useAppStore((s) => s.showNotice);
  const auto = platform.autoBackups;
  const [list, setList] = useState<{ folder: string; backups: BackupInfo[] } | null>(null);
  const [confirm, setConfirm] = useState<BackupInfo | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const policy = backupPolicyOf(settings);
  const [form, setForm] = useState({ every: String(settings.backupEveryMinutes ?? DEFAULT_BACKUP_EVERY_MINUTES), last: String(policy.keepLast), days: String(policy.keepDailyForDays) });

  const refresh = useCallback(() => {
    if (!auto) return;
    void auto.list().then((r) => (r.ok ? setList(r.value) : setProblem(r.error.message)));
  }, [auto]);
  useEffect(refresh, [refresh]);

  if (!auto) {
    return (
      <section className="panel" aria-labelledby="auto-backups-title">
        <h2 id="auto-backups-title">Automatic backups</h2>
        <p>The desktop app keeps a backup of the whole desk in its data folder every {DEFAULT_BACKUP_EVERY_MINUTES} minutes while data changes (the last 12, and one a day for 30 days).</p>
        <p className="warning-text">This browser edition cannot write to a folder of its own, so it makes no automatic backups. Save a backup by hand above, often, and keep it off this computer.</p>
      </section>
    );
  }

  const numbers = { every: Number(form.every), last: Number(form.last), days: Number(form.days) };
  const valid = Number.isInteger(numbers.every) && numbers.every >= 1 && numbers.every <= 1440 && Number.isInteger(numbers.last) && numbers.last >= 1 && numbers.last <= 500 && Number.isInteger(numbers.days) && numbers.days >= 0 && numbers.days <= 3650;

  return (
    <section className="panel" aria-labelledby="auto-backups-title">
      <h2 id="auto-backups-title">Automatic backups</h2>
      <p>Kept in <span className="mono break">{list?.folder ?? '…'}</span>, written whole or not at all.</p>
      <form className="form-row" noValidate onSubmit={(e) => {
        e.preventDefault();
        if (!valid) return setProblem('Use whole numbers: every 1–1440 minutes, keep 1–500 recent backups, and 0–3650 days of daily ones.');
        setProblem(null);
        void repos.settings
          .save({ cityName: settings.cityName, operatorName: settings.operatorName, defaultTimeZone: settings.defaultTimeZone, backupEveryMinutes: numbers.every, backupKeepLast: numbers.last, backupKeepDailyForDays: numbers.days }, actorFrom(settings.operatorName, clock))
          .then(() => showNotice('success', 'Backup policy saved.'));
      }}>
        <label className="field">Every (minutes)<input inputMode="numeric" value={form.every} onChange={(e) => setForm({ ...form, every: e.target.value })} /></label>
        <label className="field">Keep the last<input inputMode="numeric" value={form.last} onChange={(e) => setForm({ ...form, last: e.target.value })} /></label>
        <label className="field">And one a day for (days)<input inputMode="numeric" value={form.days} onChange={(e) => setForm({ ...form, days: e.target.value })} /></label>
        <button type="submit" className="button">Save policy</button>
      </form>
      {problem && <p className="form-error" role="alert">{problem}</p>}
      {list && list.backups.length === 0 && <p className="muted">No automatic backup yet: the first is written a minute after the desk opens.</p>}
      {list && list.backups.length > 0 && (
        <table className="table table--compact">
          <thead><tr><th scope="col">Made</th><th scope="col">Size</th><th scope="col"><span className="visually-hidden">Action</span></th></tr></thead>
          <tbody>
            {list.backups.map((b) => (
              <tr key={b.name}>
                <td>{new Date(b.createdAt).toLocaleString()}{b.name.includes('before-restore') ? ' (before a restore)' : ''}</td>
                <td>{formatBytes(b.size)}</td>
                <td><button type="button" className="button button--ghost" onClick={() => setConfirm(b)}>Restore…</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {confirm && (
        <Dialog title="Restore this automatic backup?" onClose={() => setConfirm(null)}>
          <p>Made {new Date(confirm.createdAt).toLocaleString()}. Restoring replaces everything now on this desk with it. The current state is saved as a backup first, so this can be undone.</p>
          <div className="dialog__actions">
            <button type="button" className="button" onClick={() => setConfirm(null)}>Cancel</button>
            <button type="button" className="button button--danger" onClick={() => {
              const chosen = confirm;
              setConfirm(null);
              void (async () => {
                const actor = actorFrom(settings.operatorName, clock);
                const current = await auto.write(await backup.text(actor, settings.cityName), policy, 'before-restore');
                if (!current.ok) return setProblem(`Nothing was restored: the current state could not be backed up first (${current.error.message}).`);
                const text = await auto.read(chosen.name);
                if (!text.ok) return setProblem(`Nothing was restored: ${text.error.message}`);
                const checked = await backup.check(text.value, chosen.name);
                if (!checked.ok) return setProblem(checked.error);
                const restored = await backup.restore(checked.value, actor);
                if (!restored.ok) return setProblem(restored.error);
                showNotice('success', `Desk restored from the automatic backup of ${new Date(chosen.createdAt).toLocaleString()}; the state before it is kept as a backup.`);
                refresh();
              })();
            }}>Back up the current state, then restore</button>
          </div>
        </Dialog>
      )}
    </section>
  );
}

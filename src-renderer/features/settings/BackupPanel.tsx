import { useState, type ReactElement } from 'react';

import type { DeskSettings } from '@shared/schemas/entities';

import { actorFrom, useDesk } from '../../app/DeskContext';
import { useAppStore } from '../../store';
import { Dialog } from '../../ui/Dialog';
import { ProblemAlert } from '../../ui/ProblemAlert';
import type { PendingRestore } from './backupService';

const COUNTED: { table: string; label: string }[] = [
  { table: 'incidents', label: 'incidents' },
  { table: 'timelineEntries', label: 'timeline entries' },
  { table: 'contacts', label: 'contacts' },
  { table: 'statements', label: 'statements' },
  { table: 'checklistItems', label: 'checklist items' },
  { table: 'auditLog', label: 'audit log lines' },
];

/**
 * Restore: choose a file, see what it holds once every check has passed, then confirm.
 * Nothing is written before the confirmation; a refused file leaves the desk untouched.
 */
export function RestoreBackup({ operatorName, suggestedOperator = operatorName, label = 'Restore from a backup…' }: {
  operatorName: string;
  /** Who to offer as the person at the keyboard once restored (empty when nobody is named yet). */
  suggestedOperator?: string;
  label?: string;
}): ReactElement {
  const { backup, clock } = useDesk();
  const showNotice = useAppStore((s) => s.showNotice);
  const askIdentity = useAppStore((s) => s.askIdentity);
  const [pending, setPending] = useState<PendingRestore | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <>
      <button type="button" className="button" onClick={() => {
        setProblem(null);
        void backup.choose().then((r) => {
          if (!r.ok) setProblem(r.error);
          else setPending(r.value);
        });
      }}>{label}</button>
      <ProblemAlert className="restore-problem">{problem}</ProblemAlert>
      {pending && (
        <Dialog title="Restore this backup?" onClose={() => setPending(null)}>
          <p><strong className="break">{pending.fileName}</strong></p>
          <p>Made {new Date(pending.meta.createdAt).toLocaleString()} by {pending.meta.createdBy} for {pending.meta.cityName} (desk version {pending.meta.appVersion}). The file checked out: format, checksum and every record.</p>
          <ul>{COUNTED.map((c) => <li key={c.table}>{pending.counts[c.table] ?? 0} {c.label}</li>)}</ul>
          <p className="warning-text">Restoring replaces everything now on this desk with the backup&apos;s contents. Save a backup of the current state first if you may need it.</p>
          <div className="dialog__actions">
            <button type="button" className="button" onClick={() => setPending(null)}>Cancel</button>
            <button type="button" className="button button--danger" onClick={() => {
              const chosen = pending;
              setPending(null);
              void backup.restore(chosen, actorFrom(operatorName, clock)).then((r) => {
                if (!r.ok) return setProblem(r.error);
                showNotice('success', `Desk restored from ${chosen.fileName}.`);
                // The restored settings name whoever made the backup: ask who is here now.
                askIdentity({ reason: 'restore', fileName: chosen.fileName, backupOperator: chosen.meta.createdBy, suggested: suggestedOperator });
              });
            }}>Replace everything and restore</button>
          </div>
        </Dialog>
      )}
    </>
  );
}

/** Save the whole desk to one file, or put a saved file back after checking all of it. */
export function BackupPanel({ settings }: { settings: DeskSettings }): ReactElement {
  const { backup, clock, platform } = useDesk();
  const showNotice = useAppStore((s) => s.showNotice);
  const [busy, setBusy] = useState(false);

  return (
    <section className="panel" aria-labelledby="backup-title">
      <h2 id="backup-title">Backup and restore</h2>
      <p>
        A backup is one file holding everything on this desk, with a checksum that shows whether it has been altered.
        Keep copies off this computer (a USB stick in the crisis kit).
      </p>
      {platform.edition === 'browser' && <p className="muted">In the browser edition the backup is saved as a download.</p>}
      <div className="button-row">
        <button type="button" className="button button--primary" disabled={busy} onClick={() => {
          setBusy(true);
          void backup.save(actorFrom(settings.operatorName, clock), settings.cityName).then((r) => {
            setBusy(false);
            if (!r.ok) showNotice('error', r.error);
            else if (r.value !== null) showNotice('success', `Backup saved: ${r.value}`);
          });
        }}>Save a backup…</button>
        <RestoreBackup operatorName={settings.operatorName} />
      </div>
    </section>
  );
}

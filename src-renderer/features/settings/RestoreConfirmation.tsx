import { useState, type ReactElement, type ReactNode } from 'react';

import { Dialog } from '../../ui/Dialog';
import { UserText } from '../../ui/UserText';
import { computerTime } from '../../lib/LocaleContext';
import { brokenChainsOf, type PendingRestore } from '../../desk/backup/backupService';
import { t } from '../../i18n/messages';

const COUNTED: { table: string; label: string }[] = [
  { table: 'incidents', label: 'incidents' },
  { table: 'timelineEntries', label: 'timeline entries' },
  { table: 'contacts', label: 'contacts' },
  { table: 'statements', label: 'statements' },
  { table: 'checklistItems', label: 'checklist items' },
  { table: 'auditLog', label: 'audit log lines' },
];

/**
 * The last look before a restore replaces the desk: what the file holds, what did not check out,
 * and what was recorded past today's limits. A broken timeline chain is restored only when the
 * person ticks that they read it; the audit log then records it, incident by incident.
 */
export function RestoreConfirmation({ pending, title, intro, caution = '', confirmLabel, onCancel, onConfirm }: {
  pending: PendingRestore;
  title: string;
  intro: ReactNode;
  /** Said after the warning that everything is replaced. */
  caution?: string;
  confirmLabel: string;
  onCancel: () => void;
  onConfirm: (acceptBrokenChains: boolean) => void;
}): ReactElement {
  const broken = brokenChainsOf(pending);
  const overLimit = pending.warnings.filter((w) => w.kind === 'over-limit');
  const [accepted, setAccepted] = useState(false);
  return (
    <Dialog title={title} onClose={onCancel} wide={broken.length > 0}>
      {intro}
      <p>
        Made {computerTime(Date.parse(pending.meta.createdAt))} by <UserText text={pending.meta.createdBy} /> for <UserText text={pending.meta.cityName} /> (desk version {pending.meta.appVersion}).{' '}
        {broken.length === 0 ? 'The file checked out: format, checksum, every record and every incident’s timeline chain.' : 'The format, checksum and every record checked out, but not every timeline chain.'}
      </p>
      <ul>{COUNTED.map((c) => <li key={c.table}>{pending.counts[c.table] ?? 0} {c.label}</li>)}</ul>
      {broken.length > 0 && (
        <div className="restore-warning" role="alert">
          <h3>{t('restore.brokenIncidents', { count: broken.length })}</h3>
          <ul>
            {broken.map((b) => (
              <li key={b.incidentId}>
                <strong><UserText text={b.incidentTitle} /></strong>: <UserText text={b.detail} />
              </li>
            ))}
          </ul>
          <p>An entry was changed, added or removed outside the desk after it was logged. Restoring keeps the break visible: the incident&apos;s integrity check will go on reporting it, and the audit log records that you restored it anyway.</p>
          <label className="checkbox">
            <input type="checkbox" checked={accepted} onChange={(e) => setAccepted(e.target.checked)} /> I have read this: restore the backup with {broken.length === 1 ? 'this broken chain' : 'these broken chains'}, and record it in the audit log
          </label>
        </div>
      )}
      {overLimit.length > 0 && (
        <details className="restore-notes">
          <summary>{overLimit.length} {overLimit.length === 1 ? 'record was' : 'records were'} logged by an earlier version past today&apos;s limits; {overLimit.length === 1 ? 'it is' : 'they are'} kept exactly as recorded</summary>
          <ul>
            {overLimit.slice(0, 50).map((w) => (
              <li key={w.id}>
                “<UserText text={w.title.length > 80 ? `${w.title.slice(0, 80)}…` : w.title} />”: {w.notes.join('; ')}
              </li>
            ))}
          </ul>
          {overLimit.length > 50 && <p>…and {overLimit.length - 50} more.</p>}
        </details>
      )}
      <p className="warning-text">Restoring replaces everything now on this desk with the backup&apos;s contents.{caution && ` ${caution}`}</p>
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onCancel}>Cancel</button>
        <button type="button" className="button button--danger" disabled={broken.length > 0 && !accepted} onClick={() => onConfirm(broken.length > 0 && accepted)}>
          {confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}

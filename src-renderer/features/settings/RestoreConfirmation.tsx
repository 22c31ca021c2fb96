import { useState, type ReactElement, type ReactNode } from 'react';

import { Dialog } from '../../ui/Dialog';
import { DialogActions } from '../../ui/Field';
import { UserText } from '../../ui/UserText';
import { computerTime } from '../../lib/LocaleContext';
import { brokenChainsOf, type PendingRestore } from '../../desk/backup/backupService';
import { t, tRich } from '../../i18n/messages';
import { CheckboxField } from '../../ui/FieldControls';

/** The tables whose rows are counted for the person, each named in the message `settings.restore.count`. */
const COUNTED = ['incidents', 'timelineEntries', 'contacts', 'statements', 'checklistItems', 'auditLog'];

/**
 * The last look before a restore replaces the desk: what the file holds, what did not check out,
 * and what was recorded past today's limits. A broken timeline chain is restored only when the
 * person ticks that they read it; the audit log then records it, incident by incident.
 */
export function RestoreConfirmation({
  pending,
  title,
  intro,
  caution = '',
  confirmLabel,
  onCancel,
  onConfirm,
}: {
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
        {tRich(
          'settings.restore.made',
          {
            time: computerTime(Date.parse(pending.meta.createdAt)),
            by: <UserText text={pending.meta.createdBy} />,
            city: <UserText text={pending.meta.cityName} />,
            version: pending.meta.appVersion,
          },
          {},
        )}{' '}
        {broken.length === 0 ? t('settings.restore.checkedOut') : t('settings.restore.chainsBroken')}
      </p>
      <ul>
        {COUNTED.map((table) => (
          <li key={table}>{t('settings.restore.count', { table, count: pending.counts[table] ?? 0 })}</li>
        ))}
      </ul>
      {broken.length > 0 && (
        <div className="restore-warning" role="alert">
          <h3>{t('restore.brokenIncidents', { count: broken.length })}</h3>
          <ul>
            {broken.map((b) => (
              <li key={b.incidentId}>
                {tRich(
                  'settings.restore.brokenLine',
                  { title: <UserText text={b.incidentTitle} />, detail: <UserText text={b.detail} /> },
                  { b: (chunks) => <strong>{chunks}</strong> },
                )}
              </li>
            ))}
          </ul>
          <p>{t('settings.restore.brokenExplain')}</p>
          <CheckboxField
            label={t('settings.restore.accept', { count: broken.length })}
            checked={accepted}
            onChange={setAccepted}
          />
        </div>
      )}
      {overLimit.length > 0 && (
        <details className="restore-notes">
          <summary>{t('settings.restore.overLimit', { count: overLimit.length })}</summary>
          <ul>
            {overLimit.slice(0, 50).map((w) => (
              <li key={w.id}>
                {tRich(
                  'settings.restore.overLimitLine',
                  {
                    title: <UserText text={w.title.length > 80 ? `${w.title.slice(0, 80)}…` : w.title} />,
                    notes: w.notes.join('; '),
                  },
                  {},
                )}
              </li>
            ))}
          </ul>
          {overLimit.length > 50 && <p>{t('settings.restore.more', { count: overLimit.length - 50 })}</p>}
        </details>
      )}
      <p className="warning-text">
        {caution ? t('settings.restore.replacesCaution', { caution }) : t('settings.restore.replaces')}
      </p>
      <DialogActions cancelLabel={t('settings.restore.cancel')} onCancel={onCancel}>
        <button
          type="button"
          className="button button--danger"
          disabled={broken.length > 0 && !accepted}
          onClick={() => onConfirm(broken.length > 0 && accepted)}
        >
          {confirmLabel}
        </button>
      </DialogActions>
    </Dialog>
  );
}

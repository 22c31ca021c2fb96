import { useState, type ReactElement } from 'react';

import type { DeskSettings } from '@shared/schemas/entities';

import { actorFrom, useDesk } from '../../desk/DeskContext';
import { useAppStore } from '../../store';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { UserText } from '../../ui/UserText';
import type { PendingRestore } from '../../desk/backup/backupService';
import { RestoreConfirmation } from './RestoreConfirmation';
import { useOpenBackup } from './PassphrasePrompt';
import { t } from '../../i18n/messages';

/**
 * Restore: choose a file, see what it holds once every check has passed, then confirm.
 * Nothing is written before the confirmation; a refused file leaves the desk untouched.
 */
export function RestoreBackup({
  operatorName,
  suggestedOperator = operatorName,
  label = t('settings.backup.restoreButton'),
}: {
  operatorName: string;
  /** Who to offer as the person at the keyboard once restored (empty when nobody is named yet). */
  suggestedOperator?: string;
  label?: string;
}): ReactElement {
  const {
    useCases: { backup },
    clock,
  } = useDesk();
  const showNotice = useAppStore((s) => s.showNotice);
  const askIdentity = useAppStore((s) => s.askIdentity);
  const [pending, setPending] = useState<PendingRestore | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const opener = useOpenBackup();
  return (
    <>
      <button
        type="button"
        className="button"
        onClick={() => {
          setProblem(null);
          void (async () => {
            const chosen = await backup.choose();
            if (!chosen.ok) return setProblem(chosen.error);
            if (chosen.value === null) return;
            const opened = await opener.open(chosen.value.text, chosen.value.fileName);
            if (!opened.ok) setProblem(opened.error);
            else setPending(opened.value);
          })();
        }}
      >
        {label}
      </button>
      {opener.prompt}
      <ProblemAlert className="restore-problem">{problem}</ProblemAlert>
      {pending && (
        <RestoreConfirmation
          pending={pending}
          title={t('settings.backup.restoreTitle')}
          intro={
            <p>
              <strong className="break">
                <UserText text={pending.fileName} />
              </strong>
            </p>
          }
          caution={t('settings.backup.restoreCaution')}
          confirmLabel={t('settings.backup.restoreConfirm')}
          onCancel={() => setPending(null)}
          onConfirm={(acceptBrokenChains) => {
            const chosen = pending;
            setPending(null);
            void backup.restore(chosen, actorFrom(operatorName, clock), { acceptBrokenChains }).then((r) => {
              if (!r.ok) return setProblem(r.error);
              showNotice('success', t('settings.backup.restored', { file: chosen.fileName }));
              // The restored settings name whoever made the backup: ask who is here now.
              askIdentity({
                reason: 'restore',
                fileName: chosen.fileName,
                backupOperator: chosen.meta.createdBy,
                suggested: suggestedOperator,
              });
            });
          }}
        />
      )}
    </>
  );
}

/** Save the whole desk to one file, or put a saved file back after checking all of it. */
export function BackupPanel({ settings }: { settings: DeskSettings }): ReactElement {
  const {
    useCases: { backup },
    clock,
    platform,
  } = useDesk();
  const showNotice = useAppStore((s) => s.showNotice);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    setBusy(true);
    const r = await backup.save(actorFrom(settings.operatorName, clock), settings.cityName);
    setBusy(false);
    if (!r.ok) return showNotice('error', r.error);
    if (r.value === null) return;
    const { path, headsNotLogged } = r.value;
    if (headsNotLogged === null) showNotice('success', t('settings.backup.saved', { path }));
    else showNotice('error', t('settings.backup.savedHeadsNotLogged', { path, reason: headsNotLogged }));
  };

  return (
    <section className="panel" aria-labelledby="backup-title">
      <h2 id="backup-title">{t('settings.backup.title')}</h2>
      <p>{t('settings.backup.intro')}</p>
      {platform.edition === 'browser' && <p className="muted">{t('settings.backup.browser')}</p>}
      <div className="button-row">
        <button type="button" className="button button--primary" disabled={busy} onClick={() => void save()}>
          {t('settings.backup.save')}
        </button>
        <RestoreBackup operatorName={settings.operatorName} />
      </div>
    </section>
  );
}

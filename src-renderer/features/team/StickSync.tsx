import { useState, type ReactElement } from 'react';

import type { FolderSyncReport } from '@shared/ipc/teamContract';

import { useDesk } from '../../desk/DeskContext';
import { t } from '../../i18n/messages';
import type { TeamLink } from '../../platform/platform';
import { SubmitButton, TeamForm, VerbatimField } from './TeamForm';
import type { TeamView } from './useTeamStatus';

/**
 * Sync with a USB stick: the team's records go onto the stick and what it holds comes in, both
 * ways, so a stick carried from laptop to laptop spreads everything when there is no network.
 * The desktop app asks for the stick in its own dialog; the browser edition takes the path typed.
 */
export function StickSync({ team, view }: { team: TeamLink; view: TeamView }): ReactElement {
  const { platform } = useDesk();
  const [folder, setFolder] = useState('');
  const [report, setReport] = useState<FolderSyncReport | null>(null);
  const [syncing, setSyncing] = useState(false);
  const typed = platform.edition === 'browser';

  const sync = async () => {
    setSyncing(true);
    setReport(null);
    const done = await team.syncFolder(typed ? folder : null);
    setSyncing(false);
    if (!done.ok) view.refuse(done.error.message);
    else if (done.value) {
      view.refuse(null);
      setReport(done.value);
    }
  };

  return (
    <section className="panel" aria-labelledby="team-stick-title">
      <h2 id="team-stick-title">{t('teamScreen.stick.title')}</h2>
      <p className="muted">{t('teamScreen.stick.intro')}</p>
      <TeamForm onSubmit={() => void sync()}>
        {typed && (
          <VerbatimField
            label={t('teamScreen.stick.folder')}
            hint={t('teamScreen.stick.folderHint')}
            value={folder}
            onChange={setFolder}
          />
        )}
        <SubmitButton label={syncing ? t('teamScreen.stick.syncing') : t('teamScreen.stick.sync')} busy={syncing} />
      </TeamForm>
      {report && (
        <div role="status" className="team-stick-report" data-testid="team-stick-report">
          <p>
            {t('teamScreen.stick.done', {
              received: report.received,
              sent: report.sent,
              cores: report.cores,
            })}
          </p>
          <p className="muted break">{t('teamScreen.stick.file', { file: report.file })}</p>
          {report.replacedDamaged !== null && (
            <p className="warning-text">{t('teamScreen.stick.replaced', { file: report.replacedDamaged })}</p>
          )}
        </div>
      )}
    </section>
  );
}

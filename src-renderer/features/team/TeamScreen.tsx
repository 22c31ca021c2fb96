import type { ReactElement } from 'react';

import { useDesk } from '../../desk/DeskContext';
import { t } from '../../i18n/messages';
import type { TeamSync } from '../../desk/team/teamSync';
import type { TeamLink } from '../../platform/platform';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { FingerprintText, useDeskIdentity } from '../settings/IdentityFacts';
import { Sharing } from './Sharing';
import { StartTeam } from './StartTeam';
import { StickSync } from './StickSync';
import { TeamRecords } from './TeamRecords';
import { groupedKey, InviteDesk, TeamMembers } from './TeamMembers';
import { useTeamStatus } from './useTeamStatus';

/**
 * The team: several desks (laptops) sharing one picture of an incident, over the local network or
 * a USB stick. Off until a team exists; this screen creates or joins one, admits and revokes desks,
 * and turns sharing on the local network on and off.
 */
export function TeamScreen(): ReactElement {
  const { platform, teamSync } = useDesk();
  return (
    <main className="page" aria-labelledby="team-title">
      <div className="page__header">
        <h1 id="team-title">{t('teamScreen.title')}</h1>
      </div>
      {platform.team === null || teamSync === null ? (
        <section className="panel">
          <p>{t('teamScreen.noHost')}</p>
        </section>
      ) : (
        <TeamPanels team={platform.team} sync={teamSync} />
      )}
    </main>
  );
}

function TeamPanels({ team, sync }: { team: TeamLink; sync: TeamSync }): ReactElement {
  const view = useTeamStatus(sync);
  const { desk } = useDeskIdentity();
  const { status } = view;
  const problem = <ProblemAlert>{view.problem}</ProblemAlert>;
  if (status === null)
    return (
      <>
        {problem}
        <p className="muted">{t('teamScreen.loading')}</p>
      </>
    );
  if (status.state === 'none')
    return status.unavailable !== null ? (
      <section className="panel">
        <p className="warning-text" role="alert">
          {status.unavailable}
        </p>
      </section>
    ) : (
      <>
        <p className="muted">{t('teamScreen.intro')}</p>
        {problem}
        <StartTeam team={team} view={view} deskName={desk?.identity.name ?? ''} />
      </>
    );
  return (
    <>
      <section className="panel team-summary" aria-label={t('teamScreen.summary')}>
        <p>
          {t('teamScreen.inTeam', { team: status.teamName, desk: status.deskName })}{' '}
          {status.state === 'revoked' && <span className="badge badge--open">{t('teamScreen.members.revoked')}</span>}
        </p>
        {status.state === 'waiting-for-admission' && (
          <div className="warning-text" data-testid="team-waiting">
            <p>{t('teamScreen.waiting')}</p>
            <p className="mono" data-testid="team-own-key">
              {groupedKey(status.deskKey)}
            </p>
          </div>
        )}
        <dl className="facts">
          <dt>{t('teamScreen.fingerprint')}</dt>
          <dd data-testid="team-fingerprint">
            <FingerprintText fingerprint={status.fingerprint} />
            <p className="muted">{t('teamScreen.fingerprintHint')}</p>
          </dd>
        </dl>
        {status.ignoredRosterChanges > 0 && (
          <p className="muted">{t('teamScreen.ignored', { count: status.ignoredRosterChanges })}</p>
        )}
      </section>
      {problem}
      <div className="settings-grid">
        <TeamMembers team={team} view={view} status={status} />
        <Sharing team={team} view={view} status={status} />
        {status.state === 'member' && <InviteDesk team={team} view={view} status={status} />}
        <StickSync team={team} view={view} />
        <TeamRecords sync={sync} />
      </div>
    </>
  );
}

import type { ReactElement } from 'react';

import { useDesk } from '../../desk/DeskContext';
import type { TeamSync } from '../../desk/team/teamSync';
import { t } from '../../i18n/messages';
import { CatchUpProgress } from './CatchUpProgress';
import { useTeamSync } from './useTeamStatus';

/**
 * The team at a glance, beside "Team" in the top bar once the desk is in a team: how many desks
 * are connected, how many records are still to send, and how far a catch-up has come. Nothing
 * without a team.
 */
export function TeamIndicator(): ReactElement | null {
  const { teamSync } = useDesk();
  return teamSync === null ? null : <TeamGlance sync={teamSync} />;
}

function TeamGlance({ sync }: { sync: TeamSync }): ReactElement | null {
  const { status, catchUp } = useTeamSync(sync);
  if (status === null || status.state === 'none') return null;
  const connected = status.peers.filter((p) => p.state === 'connected').length;
  const toSend = status.peers.reduce((sum, p) => sum + p.toSend, 0);
  const words =
    status.state === 'waiting-for-admission'
      ? t('teamScreen.indicator.waiting')
      : status.state === 'revoked'
        ? t('teamScreen.indicator.revoked')
        : status.sharing === null
          ? t('teamScreen.indicator.off')
          : t('teamScreen.indicator.connected', { connected, toSend });
  return (
    <span className={`topbar__team${connected > 0 ? ' topbar__team--connected' : ''}`} data-testid="team-indicator">
      {/* While it catches up, how far it has come is what matters: the rest shows again after. */}
      {catchUp === null ? words : <CatchUpProgress catchUp={catchUp} compact />}
    </span>
  );
}

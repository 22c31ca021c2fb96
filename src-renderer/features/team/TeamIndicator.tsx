import { useEffect, useState, type ReactElement } from 'react';

import type { TeamStatus } from '@shared/ipc/teamContract';

import { useDesk } from '../../desk/DeskContext';
import { t } from '../../i18n/messages';

/** How often the top bar asks for the team's state: a glance, not a live feed. */
const POLL_MS = 5_000;

/**
 * The team at a glance, beside "Team" in the top bar once the desk is in a team: how many desks
 * are connected and how many records are still to send. Nothing without a team.
 */
export function TeamIndicator(): ReactElement | null {
  const { platform } = useDesk();
  const [status, setStatus] = useState<TeamStatus | null>(null);
  useEffect(() => {
    const team = platform.team;
    if (team === null) return;
    let stopped = false;
    const ask = () =>
      void team.status().then((reply) => {
        if (!stopped && reply.ok) setStatus(reply.value);
      });
    ask();
    const timer = setInterval(ask, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [platform]);
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
      {words}
    </span>
  );
}

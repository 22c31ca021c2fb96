import type { ReactElement } from 'react';

import type { TeamSyncState } from '../../desk/team/teamSync';
import { t } from '../../i18n/messages';

/**
 * How far a long catch-up has come (a desk joining a busy incident): a bar and the count, so a
 * person knows the desk is working and when it will be in step. Nothing once it is.
 */
export function CatchUpProgress({
  catchUp,
  compact = false,
}: {
  catchUp: TeamSyncState['catchUp'];
  compact?: boolean;
}): ReactElement | null {
  if (catchUp === null) return null;
  const counts = t('teamScreen.catchUp.long', { done: catchUp.done, of: catchUp.of });
  // The top bar keeps one width whatever the counts: a share there, the counts in full on the team screen.
  const words = compact ? t('teamScreen.catchUp.short', { share: catchUp.done / catchUp.of }) : counts;
  return (
    <span
      className="team-catch-up"
      data-testid={compact ? 'team-catch-up-bar' : 'team-catch-up'}
      role="status"
      title={compact ? counts : undefined}
    >
      <progress max={catchUp.of} value={catchUp.done} aria-label={counts} />
      <span>{words}</span>
    </span>
  );
}

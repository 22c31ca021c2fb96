import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';

import type { TeamStatus } from '@shared/ipc/teamContract';
import type { Result } from '@shared/domain/result';

import type { TeamSync, TeamSyncState } from '../../desk/team/teamSync';
import type { PlatformError } from '../../platform/platform';

export type TeamView = {
  status: TeamStatus | null;
  /** Why the last request was refused, in the desk's words; cleared by the next one that succeeds. */
  problem: string | null;
  busy: boolean;
  /** Runs a request that answers with the team's new state, and shows that state. */
  act: (request: () => Promise<Result<TeamStatus, PlatformError>>) => Promise<boolean>;
  /** Shows a refusal of a request that did not answer with a state (the invitation, a file); null clears it. */
  refuse: (message: string | null) => void;
};

/** The team's state and record exchange, kept in step while the calling view shows. */
export function useTeamSync(sync: TeamSync): TeamSyncState {
  useEffect(() => sync.start(), [sync]);
  return useSyncExternalStore(sync.subscribe, sync.getState);
}

/** The team's state as main (or the local server) keeps it, and the actions of the team screen. */
export function useTeamStatus(sync: TeamSync): TeamView {
  const state = useTeamSync(sync);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const act = useCallback(
    async (request: () => Promise<Result<TeamStatus, PlatformError>>) => {
      setBusy(true);
      const reply = await request();
      setBusy(false);
      if (!reply.ok) {
        setProblem(reply.error.message);
        return false;
      }
      setProblem(null);
      sync.statusChanged(reply.value);
      return true;
    },
    [sync],
  );

  return { status: state.status, problem: problem ?? state.problem, busy, act, refuse: setProblem };
}

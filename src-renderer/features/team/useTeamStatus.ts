import { useCallback, useEffect, useRef, useState } from 'react';

import type { TeamStatus } from '@shared/ipc/teamContract';
import type { Result } from '@shared/domain/result';

import type { PlatformError, TeamLink } from '../../platform/platform';

/** How often the screen asks for the team's state: peers connect and records arrive on their own. */
const POLL_MS = 2_000;

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

/** The team's state as main (or the local server) keeps it, asked again every two seconds. */
export function useTeamStatus(team: TeamLink): TeamView {
  const [status, setStatus] = useState<TeamStatus | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // A poll answered after an action must not put back the state from before it.
  const generation = useRef(0);

  useEffect(() => {
    let stopped = false;
    const ask = async () => {
      const asked = generation.current;
      const reply = await team.status();
      if (stopped || asked !== generation.current) return;
      if (reply.ok) setStatus(reply.value);
      else setProblem(reply.error.message);
    };
    void ask();
    const timer = setInterval(() => void ask(), POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [team]);

  const act = useCallback(async (request: () => Promise<Result<TeamStatus, PlatformError>>) => {
    generation.current += 1;
    setBusy(true);
    const reply = await request();
    setBusy(false);
    if (!reply.ok) {
      setProblem(reply.error.message);
      return false;
    }
    setProblem(null);
    setStatus(reply.value);
    return true;
  }, []);

  return { status, problem, busy, act, refuse: setProblem };
}

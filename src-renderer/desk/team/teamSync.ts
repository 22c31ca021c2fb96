import type { TeamStatus } from '@shared/ipc/teamContract';

import type { TeamLink } from '../../platform/platform';
import type { ChangeFeed } from '../changeFeed';
import type { ExchangeReport, TeamExchange } from './exchange';

export type TeamSyncState = {
  status: TeamStatus | null;
  /** Why the last status request failed, in words; null once one succeeds. */
  problem: string | null;
  /** The last exchange of records with the engine, and when it ended. */
  last: ExchangeReport | null;
  lastAt: number | null;
  /** Why the last exchange failed, in words; null once one succeeds. */
  exchangeProblem: string | null;
  /** Since the window opened: records taken in from other desks, entries refused, conflicts opened. */
  totals: { stored: number; refused: number; conflicts: number };
};

/** How often the team's state is asked and records exchanged: peers connect and records arrive on their own. */
const POLL_MS = 2_000;
/** A change made on this desk goes out this soon after it is stored. */
const AFTER_CHANGE_MS = 250;

/**
 * The window's one link with its team: asks the team's state and exchanges records every two
 * seconds while anything shows the team (the top bar, the team screen), and soon after each change
 * this desk makes. Every view reads the same state: the team is asked once, not once per view.
 */
export function createTeamSync(deps: {
  team: TeamLink;
  exchange: TeamExchange;
  feed: ChangeFeed;
  clock: () => number;
  pollMs?: number;
}) {
  let state: TeamSyncState = {
    status: null,
    problem: null,
    last: null,
    lastAt: null,
    exchangeProblem: null,
    totals: { stored: 0, refused: 0, conflicts: 0 },
  };
  const listeners = new Set<() => void>();
  const set = (next: Partial<TeamSyncState>) => {
    state = { ...state, ...next };
    for (const listener of listeners) listener();
  };
  let generation = 0;
  let users = 0;
  let timer: ReturnType<typeof setInterval> | null = null;
  let soon: ReturnType<typeof setTimeout> | null = null;
  let unsubscribe: (() => void) | null = null;

  async function exchangeNow(): Promise<void> {
    const done = await deps.exchange.exchange();
    if (!done.ok) {
      set({ exchangeProblem: done.error });
      return;
    }
    const r = done.value;
    set({
      last: r,
      lastAt: deps.clock(),
      exchangeProblem: null,
      totals: {
        stored: state.totals.stored + r.stored,
        refused: state.totals.refused + r.refused + r.flagged,
        conflicts: state.totals.conflicts + r.conflicts,
      },
    });
  }

  async function refresh(): Promise<void> {
    const asked = generation;
    const reply = await deps.team.status();
    // A status asked before an action answered must not put back the state from before it.
    if (asked === generation) set(reply.ok ? { status: reply.value, problem: null } : { problem: reply.error.message });
    if (reply.ok && reply.value.state !== 'none') await exchangeNow();
  }

  return {
    getState: (): TeamSyncState => state,
    subscribe: (listener: () => void): (() => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Keeps the team in step while the returned function is not called; views call it when they show. */
    start(): () => void {
      users += 1;
      if (users === 1) {
        void refresh();
        timer = setInterval(() => void refresh(), deps.pollMs ?? POLL_MS);
        unsubscribe = deps.feed.subscribe((notice) => {
          if (notice.kind === 'team.received' || state.status === null || state.status.state === 'none') return;
          if (soon) clearTimeout(soon);
          soon = setTimeout(() => void exchangeNow(), AFTER_CHANGE_MS);
        });
      }
      let stopped = false;
      return () => {
        if (stopped) return;
        stopped = true;
        users -= 1;
        if (users > 0) return;
        if (timer) clearInterval(timer);
        if (soon) clearTimeout(soon);
        unsubscribe?.();
        timer = soon = unsubscribe = null;
      };
    },
    /** The team's state as an action answered it (create, join, admit…): shown at once, records exchanged. */
    statusChanged(status: TeamStatus): void {
      generation += 1;
      set({ status, problem: null });
      if (status.state !== 'none') void exchangeNow();
    },
    refresh,
  };
}
export type TeamSync = ReturnType<typeof createTeamSync>;

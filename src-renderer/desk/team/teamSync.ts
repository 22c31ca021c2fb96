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
  /**
   * A long catch-up under way (a desk joining a busy incident, a laptop back from days away):
   * entries read since it began, of how many; null once nothing is left to read.
   */
  catchUp: { done: number; of: number } | null;
};

/** How often the team's state is asked and records exchanged: peers connect and records arrive on their own. */
const POLL_MS = 2_000;
/**
 * How often a desk in no team asks: only this window's own actions (create, join) make a team, and
 * they answer with the new state at once, so the question is only a check that nothing changed behind it.
 */
const IDLE_POLL_MS = 30_000;
/** A change made on this desk goes out this soon after it is stored. */
const AFTER_CHANGE_MS = 250;
/**
 * While other desks' entries are still to read, the next exchange follows this soon rather than
 * at the team's pace: a joining desk takes in 100,000 entries in minutes, not in an hour of pauses,
 * and the pause leaves the window time to answer between exchanges.
 */
const CATCH_UP_MS = 20;

/**
 * The window's one link with its team: asks the team's state and exchanges records every two
 * seconds (every thirty while the desk is in no team) while anything shows the team (the top
 * bar, the team screen), soon after each change this desk makes, and one exchange after another
 * while other desks' entries are still to read. Every view reads the same state: the team is
 * asked once, not once per view.
 */
export function createTeamSync(deps: {
  team: TeamLink;
  exchange: TeamExchange;
  feed: ChangeFeed;
  clock: () => number;
  pollMs?: number;
  idlePollMs?: number;
}) {
  let state: TeamSyncState = {
    status: null,
    problem: null,
    last: null,
    lastAt: null,
    exchangeProblem: null,
    totals: { stored: 0, refused: 0, conflicts: 0 },
    catchUp: null,
  };
  const listeners = new Set<() => void>();
  const set = (next: Partial<TeamSyncState>) => {
    state = { ...state, ...next };
    for (const listener of listeners) listener();
  };
  let generation = 0;
  let users = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let loop = 0;
  let soon: ReturnType<typeof setTimeout> | null = null;
  let unsubscribe: (() => void) | null = null;

  async function exchangeNow(): Promise<void> {
    const begun = state.catchUp?.done ?? 0;
    const progress = (read: number, toRead: number) =>
      toRead > 0 ? { done: begun + read, of: begun + read + toRead } : null;
    const done = await deps.exchange.exchange(({ read, toRead }) => set({ catchUp: progress(read, toRead) }));
    if (!done.ok) {
      set({ exchangeProblem: done.error });
      return;
    }
    const r = done.value;
    set({
      catchUp: progress(r.read, r.toRead),
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

  /** One loop at a time: a loop left over from before the views last stopped ends at its next turn. */
  async function poll(mine: number): Promise<void> {
    // No turn is waiting while this one runs: statusChanged must not start a second loop beside it.
    timer = null;
    await refresh();
    if (mine !== loop) return;
    const inTeam = state.status !== null && state.status.state !== 'none';
    const pace = !inTeam
      ? (deps.idlePollMs ?? IDLE_POLL_MS)
      : state.catchUp !== null
        ? CATCH_UP_MS
        : (deps.pollMs ?? POLL_MS);
    timer = setTimeout(() => void poll(mine), pace);
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
        void poll(++loop);
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
        loop += 1;
        if (timer) clearTimeout(timer);
        if (soon) clearTimeout(soon);
        unsubscribe?.();
        timer = soon = unsubscribe = null;
      };
    },
    /** The team's state as an action answered it (create, join, admit…): shown at once, records exchanged. */
    statusChanged(status: TeamStatus): void {
      generation += 1;
      set({ status, problem: null });
      if (status.state === 'none') return;
      void exchangeNow();
      // A desk that has just joined or made a team is asked again at the team's pace, not the idle one.
      if (users > 0 && timer !== null) {
        clearTimeout(timer);
        const mine = loop;
        timer = setTimeout(() => void poll(mine), deps.pollMs ?? POLL_MS);
      }
    },
    refresh,
  };
}
export type TeamSync = ReturnType<typeof createTeamSync>;

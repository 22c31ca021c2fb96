import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import type { TeamStatus } from '@shared/ipc/teamContract';
import { ok } from '@shared/domain/result';

import { createTeamSync } from '../../../../src-renderer/desk/team/teamSync';
import type { TeamLink } from '../../../../src-renderer/platform/platform';
import type { ChangeFeed } from '../../../../src-renderer/desk/changeFeed';
import type { TeamExchange } from '../../../../src-renderer/desk/team/exchange';

// How often the window asks its team: at the team's pace in a team, rarely when there is none.

const none: TeamStatus = { state: 'none', unavailable: null };
const inTeam = { state: 'member', teamId: 'team_1' } as unknown as TeamStatus;

const report = (read: number, toRead: number) =>
  ok({ published: 0, stored: read, duplicates: 0, refused: 0, conflicts: 0, flagged: 0, read, toRead });

function harness(reports: ReturnType<typeof report>[] = []) {
  let status: TeamStatus = none;
  let asked = 0;
  let exchanged = 0;
  let slow: Promise<void> | null = null;
  const team = {
    status: async () => {
      asked += 1;
      if (slow) await slow;
      return ok(status);
    },
  } as unknown as TeamLink;
  const exchange = {
    exchange: () => {
      exchanged += 1;
      return Promise.resolve(reports.shift() ?? report(0, 0));
    },
  } as unknown as TeamExchange;
  const feed = { subscribe: () => () => {} } as unknown as ChangeFeed;
  const sync = createTeamSync({ team, exchange, feed, clock: () => 0, pollMs: 2_000, idlePollMs: 30_000 });
  return {
    sync,
    asked: () => asked,
    exchanged: () => exchanged,
    become: (next: TeamStatus) => (status = next),
    /** The team's answers wait until the returned function is called. */
    holdAnswers: () => {
      let release = () => {};
      slow = new Promise<void>((resolve) => (release = resolve));
      return () => {
        slow = null;
        release();
      };
    },
  };
}

// Every pace here is counted on fake timers.
beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** Starts the sync and lets its first question reach the team; returns the stop function. */
async function startAndAskOnce(h: ReturnType<typeof harness>): Promise<() => void> {
  const stop = h.sync.start();
  await vi.advanceTimersByTimeAsync(0);
  expect(h.asked()).toBe(1);
  return stop;
}

describe('the team link asks the team', () => {
  it('every thirty seconds while the desk is in no team, every two once it joins one', async () => {
    const h = harness();
    const stop = await startAndAskOnce(h);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(h.asked()).toBe(1);
    expect(h.exchanged()).toBe(0);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(h.asked()).toBe(2);

    // The person creates a team: the answer is shown at once and the team's pace starts.
    h.become(inTeam);
    h.sync.statusChanged(inTeam);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(h.asked()).toBe(3);
    await vi.advanceTimersByTimeAsync(6_000);
    expect(h.asked()).toBe(6);
    expect(h.exchanged()).toBeGreaterThanOrEqual(4);

    stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(h.asked()).toBe(6);
  });

  it('a view shown again after all had stopped runs one loop, not two', async () => {
    const h = harness();
    h.become(inTeam);
    const first = h.sync.start();
    first();
    const second = h.sync.start();
    await vi.advanceTimersByTimeAsync(10_000);
    // Asked at start twice (once per start), then every two seconds by one loop only.
    expect(h.asked()).toBe(2 + 5);
    second();
  });
});

describe('an action answered while the team is being asked', () => {
  it('keeps one loop asking at the team pace', async () => {
    const h = harness();
    const stop = await startAndAskOnce(h);

    // The idle turn comes and its question is still unanswered when the person makes a team.
    const release = h.holdAnswers();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(h.asked()).toBe(2);
    h.become(inTeam);
    h.sync.statusChanged(inTeam);
    release();
    await vi.advanceTimersByTimeAsync(0);

    await vi.advanceTimersByTimeAsync(10_000);
    // One loop every two seconds: two loops would have asked about ten times.
    expect(h.asked()).toBe(2 + 5);
    stop();
  });
});

describe('a long catch-up', () => {
  it('goes on exchange after exchange while entries are left to read, showing how far it has come, then keeps the team pace', async () => {
    const h = harness([report(5_000, 15_000), report(5_000, 10_000), report(5_000, 5_000), report(5_000, 0)]);
    h.become(inTeam);
    h.sync.statusChanged(inTeam);
    await vi.advanceTimersByTimeAsync(0);
    expect(h.sync.getState().catchUp).toEqual({ done: 5_000, of: 20_000 });
    const stop = h.sync.start();
    // Three more exchanges within a fraction of a second, not one every two seconds.
    await vi.advanceTimersByTimeAsync(0);
    expect(h.sync.getState().catchUp).toEqual({ done: 10_000, of: 20_000 });
    await vi.advanceTimersByTimeAsync(100);
    expect(h.exchanged()).toBe(4);
    expect(h.sync.getState().catchUp).toBeNull();
    expect(h.sync.getState().totals.stored).toBe(20_000);

    // In step: the team's pace again.
    await vi.advanceTimersByTimeAsync(1_900);
    expect(h.exchanged()).toBe(4);
    await vi.advanceTimersByTimeAsync(200);
    expect(h.exchanged()).toBe(5);
    stop();
  });
});

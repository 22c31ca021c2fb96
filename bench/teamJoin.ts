// A desk joining a team whose incident holds many entries: the other desk's records, as the
// engine holds them once replicated, are read, checked and projected by the desk's own exchange
// (the same code a joining window runs), in Chromium's IndexedDB. Bundled into the bench harness.
import { ok } from '../shared/domain/result';
import { entriesToPublish } from '../shared/domain/team/teamEntry';
import { DeskDatabase, teamIntakeConnection } from '../src-renderer/db/database';
import { createDeskCore } from '../src-renderer/desk/core';
import { createTeamExchange } from '../src-renderer/desk/team/exchange';
import { sha256Hex } from '../src-renderer/lib/sha256';
import { recordLink } from '../tests/support/recordLink';
import { signMany } from './signedBench';

export type JoinFigures = {
  records: number;
  signMs: number;
  joinMs: number;
  exchanges: number;
  /** The longest the page's main thread did not answer a 16 ms timer while the join ran. */
  worstStallMs: number;
  entriesShown: number;
  /** Entries taken in per second in each tenth of the join, as a person watching the progress would see it. */
  progress: { atMs: number; taken: number; of: number; worstStallMs: number }[];
};

function deleteDatabase(name: string): Promise<void> {
  return new Promise<void>((resolve) => {
    const d = indexedDB.deleteDatabase(name);
    d.onsuccess = d.onerror = d.onblocked = () => resolve();
  });
}

/** `n` records of one desk, one timeline entry each, taken in by a desk that holds none of them. */
export async function teamJoin(n: number): Promise<JoinFigures> {
  const t0 = performance.now();
  const signed = await signMany(crypto.subtle, n);
  const [identity] = signed.roster;
  if (!identity) throw new Error('no identity');
  const texts = entriesToPublish({ identity, published: null, records: signed.records });
  const signMs = performance.now() - t0;

  const name = 'bench-team-join';
  await deleteDatabase(name);
  const db = new DeskDatabase(name);
  let seq = 0;
  const core = createDeskCore({ db, gen: () => `join-${(seq += 1)}`, sha256: sha256Hex });
  await core.useCases.settings.save(
    { cityName: 'Benchmark City', operatorName: 'Joining desk', defaultTimeZone: 'Europe/Oslo' },
    { operator: 'Joining desk', now: Date.now() },
  );
  const coreKey = 'c'.repeat(64);
  const link = recordLink({
    heads: () =>
      Promise.resolve(
        ok({
          own: [],
          cores: [
            { coreKey, teamDesk: 'd'.repeat(64), scope: 'incident:inc_bench', length: texts.length, revokedFrom: null },
          ],
        }),
      ),
    read: (_key, start, max) => Promise.resolve(ok(texts.slice(start, start + max))),
    // The joining desk's own records (its settings) go out as they would; nobody reads them here.
    publish: (_scope, entries) => Promise.resolve(ok({ appended: entries.length })),
  });
  const exchange = createTeamExchange({
    db,
    intakeDb: teamIntakeConnection(db),
    feed: core.feed,
    identities: core.identities,
    team: link,
    sha256: sha256Hex,
    clock: () => Date.now(),
  });

  let worstStallMs = 0;
  let stallThisExchange = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    worstStallMs = Math.max(worstStallMs, now - last - 16);
    stallThisExchange = Math.max(stallThisExchange, now - last - 16);
    last = now;
  }, 16);
  const started = performance.now();
  const progress: JoinFigures['progress'] = [];
  let exchanges = 0;
  let taken = 0;
  try {
    for (;;) {
      const done = await exchange.exchange();
      if (!done.ok) throw new Error(done.error);
      exchanges += 1;
      taken += done.value.stored;
      progress.push({ atMs: performance.now() - started, taken, of: n, worstStallMs: stallThisExchange });
      stallThisExchange = 0;
      if (done.value.toRead === 0) break;
    }
  } finally {
    clearInterval(timer);
  }
  const joinMs = performance.now() - started;
  const entriesShown = await db.timelineEntries.count();
  db.close();
  await deleteDatabase(name);
  return { records: n, signMs, joinMs, exchanges, worstStallMs, entriesShown, progress };
}

import { err, ok, type Result } from '@shared/domain/result';
import { webCryptoVerifier, type Ed25519Verify } from '@shared/domain/signed/ed25519';
import {
  checkEntries,
  entriesToPublish,
  type CheckedBatch,
  type HeldChains,
  type PublishedTip,
} from '@shared/domain/team/teamEntry';
import { MAX_TEAM_BATCH, type TeamCore, type TeamHeads } from '@shared/ipc/teamContract';

import type { DeskDatabase } from '../../db/database';
import { createSignedRecordsRepo } from '../../db/repos/signedRecordsRepo';
import { createTeamRepo } from '../../db/repos/teamRepo';
import { sha256Bytes } from '../../lib/sha256';
import type { TeamLink } from '../../platform/platform';
import type { ChangeFeed } from '../changeFeed';
import type { DeskIdentities } from '../identity/identity';
import { flagRevoked, storeReceived, type ReceivedReport } from './receive';

/** What one exchange did: records sent to the engine, and taken in from other desks' cores. */
export type ExchangeReport = ReceivedReport & {
  published: number;
  /** Entries a revoked desk wrote after its revocation: listed with the refusals, never applied. */
  flagged: number;
  /** Entries of other desks' cores read (taken in, held already, refused or flagged). */
  read: number;
  /** Entries of other desks' cores still to read: the next exchange goes on with them. */
  toRead: number;
};

type OnProgress = (progress: { read: number; toRead: number }) => void;

const EMPTY: ExchangeReport = {
  published: 0,
  stored: 0,
  duplicates: 0,
  refused: 0,
  conflicts: 0,
  flagged: 0,
  read: 0,
  toRead: 0,
};

/** Records read from the desk's database per publish, and characters of JSON one publish carries at most. */
const PUBLISH_RECORDS = 200;
const PUBLISH_CHARS = 8 * 1024 * 1024;
/** Entries read per step, and per exchange: a long catch-up goes on over several, the window stays responsive. */
const READ_STEP = 200;
const READ_PER_EXCHANGE = 5_000;

/**
 * The desk's side of a team: its own signed records go to the engine, core by core, and other
 * desks' records come back, each checked (its desk's published identity, its signature, its place
 * in that desk's chain) before it is stored and shown. Everything is idempotent: an exchange
 * interrupted anywhere is simply run again.
 */
export function createTeamExchange(deps: {
  db: DeskDatabase;
  /** The connection other desks' records are written through (teamIntakeConnection); `db` when absent. */
  intakeDb?: DeskDatabase;
  feed: ChangeFeed;
  identities: DeskIdentities;
  team: TeamLink;
  sha256: (text: string) => Promise<string>;
  clock: () => number;
  verify?: Ed25519Verify;
  /** Entries read per exchange at most, and per step (smaller in tests of a long catch-up). */
  readPerExchange?: number;
  readStep?: number;
}) {
  const { db, team } = deps;
  const intakeDb = deps.intakeDb ?? db;
  const records = createSignedRecordsRepo(db);
  const teamRepo = createTeamRepo(db);
  const verify = deps.verify ?? webCryptoVerifier(crypto.subtle);

  async function publish(heads: TeamHeads): Promise<Result<number, string>> {
    const { identity } = await deps.identities.current();
    const published = new Map(heads.own.map((h) => [h.scope, { deskId: h.deskId, seq: h.seq }]));
    const incidents = await db.incidents.toCollection().primaryKeys();
    let sent = 0;
    for (const scope of ['desk', ...incidents.map((id) => `incident:${id}`)]) {
      const tip = await records.tip(identity.deskId, scope);
      let at: PublishedTip = published.get(scope) ?? null;
      const after = () => (at?.deskId === identity.deskId ? at.seq : 0);
      while (tip !== null && tip.seq > after()) {
        const batch = (await teamRepo.chainAfter(identity.deskId, scope, after(), PUBLISH_RECORDS)).map(
          (r) => r.record,
        );
        const entries = entriesToPublish({ identity, published: at, records: batch });
        if (entries.length === 0) break;
        for (const slice of slices(entries)) {
          const done = await team.publish(scope, slice);
          if (!done.ok) return err(done.error.message);
        }
        const last = batch.at(-1);
        if (!last) break;
        at = { deskId: identity.deskId, seq: last.seq };
        sent += batch.length;
      }
    }
    return ok(sent);
  }

  async function receive(heads: TeamHeads, onProgress: OnProgress): Promise<Result<ExchangeReport, string>> {
    const report = { ...EMPTY };
    const cursors = new Map((await teamRepo.cursors()).map((c) => [c.coreKey, c.consumed]));
    // Everything the cores hold beyond what is read: what a catch-up's progress is measured against.
    const behind = heads.cores.reduce((sum, c) => sum + Math.max(0, c.length - (cursors.get(c.coreKey) ?? 0)), 0);
    const ownIds = await deps.identities.ownIds();
    // The batch being stored while the next one is read and checked: what it holds counts as held.
    let storing: { batch: CheckedBatch; teamDesk: string; done: Promise<ReceivedReport> } | null = null;
    const storedLast = async () => {
      if (storing === null) return;
      const stored = await storing.done;
      storing = null;
      report.stored += stored.stored;
      report.duplicates += stored.duplicates;
      report.refused += stored.refused;
      report.conflicts += stored.conflicts;
    };
    const beingStored = (deskId: string, scope: string) =>
      storing?.batch.accepted.filter((a) => a.record.deskId === deskId && a.scope === scope) ?? [];
    const held: HeldChains = {
      identity: async (deskId) => {
        if (ownIds.has(deskId)) return { identity: (await deps.identities.current()).identity, teamDesk: 'this desk' };
        const fresh = storing?.batch.identities.find((i) => i.deskId === deskId);
        if (storing && fresh) return { identity: fresh, teamDesk: storing.teamDesk };
        const stored = await db.teamIdentities.get(deskId);
        return stored ? { identity: stored.identity, teamDesk: stored.teamDesk } : null;
      },
      hashAt: async (deskId, scope, seq) =>
        beingStored(deskId, scope).find((a) => a.record.seq === seq)?.hash ?? teamRepo.hashAt(deskId, scope, seq),
      tip: async (deskId, scope) => {
        const last = beingStored(deskId, scope).at(-1);
        return last ? { seq: last.record.seq, hash: last.hash } : records.tip(deskId, scope);
      },
    };
    let budget = deps.readPerExchange ?? READ_PER_EXCHANGE;
    for (const core of heads.cores) {
      let consumed = cursors.get(core.coreKey) ?? 0;
      // A revoked desk's entries after its revocation are flagged, never read into the desk's rows.
      const revokedFrom = core.revokedFrom ?? core.length;
      while (consumed < revokedFrom && budget > 0) {
        const step = Math.min(deps.readStep ?? READ_STEP, MAX_TEAM_BATCH, budget, revokedFrom - consumed);
        const read = await team.read(core.coreKey, consumed, step);
        if (!read.ok) {
          await storedLast();
          return err(read.error.message);
        }
        if (read.value.length === 0) break;
        // Checked while the batch before is still being stored: the signatures of one and the
        // database's writes of the other go on side by side.
        const batch = await checkEntries({
          teamDesk: core.teamDesk,
          scope: core.scope,
          start: consumed,
          texts: read.value,
          held,
          verify,
          sha256: sha256Bytes,
        });
        await storedLast();
        const done = storeReceived({
          db: intakeDb,
          feed: deps.feed,
          batch,
          core: { ...coreOf(core), consumedTo: consumed + read.value.length },
          ownDeskIds: ownIds,
          now: deps.clock(),
          sha256: deps.sha256,
        });
        // A failure is answered where the store is awaited, not as an unhandled rejection before.
        done.catch(() => {});
        storing = { batch, teamDesk: core.teamDesk, done };
        consumed += read.value.length;
        budget -= read.value.length;
        report.read += read.value.length;
        onProgress({ read: report.read, toRead: behind - report.read });
      }
      await storedLast();
      if (consumed >= revokedFrom && consumed < core.length) {
        report.read += core.length - consumed;
        report.flagged += await flagRevoked({
          db: intakeDb,
          core: coreOf(core),
          from: consumed,
          to: core.length,
          now: deps.clock(),
        });
        consumed = core.length;
      }
      report.toRead += Math.max(0, core.length - consumed);
    }
    return ok(report);
  }

  let running: Promise<Result<ExchangeReport, string>> | null = null;
  return {
    /**
     * One exchange both ways; a second call while one runs waits for it rather than racing it.
     * `onProgress` hears, after each step read, how many entries are read and how many are left.
     */
    exchange(onProgress: OnProgress = () => {}): Promise<Result<ExchangeReport, string>> {
      running ??= (async () => {
        try {
          const heads = await team.heads();
          if (!heads.ok) return err(heads.error.message);
          const sent = await publish(heads.value);
          if (!sent.ok) return sent;
          const got = await receive(heads.value, onProgress);
          return got.ok ? ok({ ...got.value, published: sent.value }) : got;
        } catch (e) {
          // A write refused by the database (another window stored the same records first, a full
          // disk): nothing of the batch was kept, and the next exchange reads it again.
          return err(e instanceof Error ? e.message : String(e));
        } finally {
          running = null;
        }
      })();
      return running;
    },
  };
}
export type TeamExchange = ReturnType<typeof createTeamExchange>;

const coreOf = (core: TeamCore) => ({ coreKey: core.coreKey, teamDesk: core.teamDesk, scope: core.scope });

/** Entries cut into publishes the channel carries: at most MAX_TEAM_BATCH, and PUBLISH_CHARS of text. */
function slices(entries: readonly string[]): string[][] {
  const out: string[][] = [];
  let current: string[] = [];
  let chars = 0;
  for (const entry of entries) {
    if (current.length > 0 && (current.length >= MAX_TEAM_BATCH || chars + entry.length > PUBLISH_CHARS)) {
      out.push(current);
      current = [];
      chars = 0;
    }
    current.push(entry);
    chars += entry.length;
  }
  if (current.length > 0) out.push(current);
  return out;
}

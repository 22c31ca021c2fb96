import { entriesFromRevisions, rowKey } from '@shared/domain/signed/project';
import type { SignedRecord } from '@shared/domain/signed/format';
import type { CheckedBatch } from '@shared/domain/team/teamEntry';
import {
  APPEND_ONLY_TABLES,
  DESK_OWN_TABLES,
  agreeApart,
  decideRow,
  rowAfterChange,
  knows,
  writerOf,
  type RowWriter,
} from '@shared/domain/team/merge';
import { TABLE_NAMES, type TableName } from '@shared/schemas/tables';
import type { TimelineRevision } from '@shared/schemas/timeline';
import { openCorrections } from '@shared/domain/timeline/tree';
import { format } from '@shared/i18n/format';

import { releasesSupersededApart } from '@shared/domain/statements/releasedApart';
import type { Statement } from '@shared/schemas/statements';

import type { DeskDatabase, ReleasedApart, StoredConflict } from '../../db/database';
import { teamTablesOf } from '../../db/repos/teamRepo';
import { createTimelineRepo, orderKey } from '../../db/repos/timelineRepo';
import type { ChangeFeed, ChangeScope } from '../changeFeed';
import { conflictId } from './rowWriters';

/** The core a batch was read from, and how far it is settled once the batch is stored. */
export type ReadCore = { coreKey: string; teamDesk: string; scope: string; consumedTo: number };

export type ReceivedReport = { stored: number; duplicates: number; refused: number; conflicts: number };

const sameWriter = (a: RowWriter, b: RowWriter) => a.deskId === b.deskId && a.seq === b.seq;

/**
 * Stores records another desk made, checked by `checkEntries`, and shows what they changed: in ONE
 * transaction, the records, the rows they project to, the timeline entries their revisions make,
 * and how far the core is read. Rows follow the team's rules (shared/domain/team/merge.ts): a
 * change made knowing what is there replaces it; one made apart is a conflict, both kept, one shown
 * by the fixed rule. A desk's own settings never take another desk's. Nothing is written when any
 * part fails: the batch is read again at the next exchange.
 */
export async function storeReceived(input: {
  db: DeskDatabase;
  feed: ChangeFeed;
  batch: CheckedBatch;
  core: ReadCore;
  ownDeskIds: ReadonlySet<string>;
  now: number;
  sha256: (text: string) => Promise<string>;
}): Promise<ReceivedReport> {
  const { db, batch, core, now } = input;
  const timeline = createTimelineRepo(db, input.sha256);
  const touchedTables = new Set<TableName>();
  const revisedInside = new Set<string>();
  let conflicts = 0;
  let stored = 0;

  await db.transaction(
    'rw',
    [...TABLE_NAMES.map((t) => db.tableByName(t)), db.timelineOrder, db.records, ...teamTablesOf(db)],
    async () => {
      await db.teamIdentities.bulkPut(
        batch.identities.map((identity) => ({
          deskId: identity.deskId,
          teamDesk: core.teamDesk,
          identity,
          receivedAt: now,
        })),
      );
      if (batch.refused.length > 0)
        await db.teamRefusals.bulkAdd(
          batch.refused.map((r) => ({
            ...r,
            coreKey: core.coreKey,
            teamDesk: core.teamDesk,
            scope: core.scope,
            at: now,
          })),
        );
      const revisedEntries = new Map<string, RowWriter>();
      for (const { record, hash } of batch.accepted) {
        // A copy of this desk's own records, published again by another: held already.
        if (input.ownDeskIds.has(record.deskId)) continue;
        await db.records.add({ deskId: record.deskId, scope: core.scope, seq: record.seq, hash, record });
        await db.peerHeads.put({ scope: core.scope, deskId: record.deskId, seq: record.seq, hash });
        stored += 1;
        conflicts += await project(record);
        for (const r of record.content.put.timelineRevisions ?? []) revisedEntries.set(r.entryId, writerOf(record));
      }
      conflicts += await settleEntries(revisedEntries);
      await db.teamCursors.put({
        coreKey: core.coreKey,
        teamDesk: core.teamDesk,
        scope: core.scope,
        consumed: core.consumedTo,
      });
    },
  );

  /** One record's deletions then rows, each weighed against the row's current writer. */
  async function project(record: SignedRecord): Promise<number> {
    const writer = writerOf(record);
    let opened = 0;
    const changes: { table: string; key: string; row: object | null }[] = [
      ...Object.entries(record.content.delete).flatMap(([table, keys]) =>
        keys.map((key) => ({ table, key, row: null })),
      ),
      ...Object.entries(record.content.put).flatMap(([table, rows]) =>
        (rows as object[]).map((row) => ({ table, key: rowKey(row), row })),
      ),
    ];
    for (const { table, key, row } of changes) {
      if (DESK_OWN_TABLES.includes(table)) continue;
      const store = db.tableByName(table as TableName);
      if (APPEND_ONLY_TABLES.includes(table)) {
        // Rows never changed once written: added when new, never replaced nor removed by another desk.
        if (row !== null && (await store.get(key)) === undefined) {
          await store.add(row);
          touchedTables.add(table as TableName);
          if (table === 'timelineRevisions') await noteRevision(row as TimelineRevision);
        }
        continue;
      }
      const held = await db.rowWriters.get([table, key]);
      const decision = decideRow(writer, held?.writer ?? null);
      if (decision.kind === 'stale') continue;
      const shown = decision.kind === 'apply' || decision.apply;
      const current = (await store.get(key)) as object | undefined;
      if (decision.kind === 'conflict' && held && !agreeApart(current, row)) {
        const notes = await releasedApartOf(table, current, row, held.writer, writer);
        opened += await openConflict(table, key, [held.writer, writer], shown, notes);
      }
      if (decision.kind === 'apply') await settleConflict(table, key, writer);
      // What the rule shows, with what the other side holds that is never lost (a statement's releases).
      const next = rowAfterChange(table, shown ? row : (current ?? null), shown ? (current ?? null) : row);
      if (!shown) {
        if (next !== null && next !== current) {
          await store.put(next);
          touchedTables.add(table as TableName);
        }
        continue;
      }
      if (next === null) await store.delete(key);
      else await store.put(next);
      touchedTables.add(table as TableName);
      await db.rowWriters.put({ table, key, scope: core.scope, writer, deleted: next === null });
    }
    return opened;
  }

  /** Statements weighed apart: the releases one side made of a version the other had replaced. */
  async function releasedApartOf(
    table: string,
    current: object | undefined,
    row: object | null,
    heldBy: RowWriter,
    arrivingBy: RowWriter,
  ): Promise<ReleasedApart[]> {
    if (table !== 'statements' || current === undefined || row === null) return [];
    const held = current as Statement;
    const arriving = row as Statement;
    const numbers = new Map(
      (await db.statementVersions.where('statementId').equals(held.id).toArray()).map((v) => [v.id, v.number]),
    );
    return releasesSupersededApart(held, arriving, (id) => numbers.get(id) ?? null).map((r) => ({
      releaseId: r.releaseId,
      released: r.released,
      newer: r.newer,
      releasedOn: (r.side === 'a' ? heldBy : arrivingBy).deskId,
      newerOn: (r.side === 'a' ? arrivingBy : heldBy).deskId,
    }));
  }

  async function openConflict(
    table: string,
    key: string,
    writers: RowWriter[],
    arrivingShown: boolean,
    notes: readonly ReleasedApart[],
  ) {
    const id = conflictId(table, key);
    const existing = await db.teamConflicts.get(id);
    const all = [...(existing?.writers ?? [])];
    for (const w of writers) if (!all.some((x) => sameWriter(x, w))) all.push(w);
    const shown = arrivingShown ? (writers[1] as RowWriter) : (writers[0] as RowWriter);
    const releasedApart = [...(existing?.releasedApart ?? [])];
    for (const n of notes) if (!releasedApart.some((x) => x.releaseId === n.releaseId)) releasedApart.push(n);
    const conflict: StoredConflict = {
      id,
      table,
      key,
      scope: core.scope,
      writers: all,
      shown,
      at: existing?.at ?? now,
      ...(releasedApart.length > 0 ? { releasedApart } : {}),
    };
    await db.teamConflicts.put(conflict);
    return existing ? 0 : 1;
  }

  /** A change made knowing every side of a conflict settles it. */
  async function settleConflict(table: string, key: string, writer: RowWriter) {
    const id = conflictId(table, key);
    const existing = await db.teamConflicts.get(id);
    if (existing && existing.writers.every((w) => knows(writer, w))) await db.teamConflicts.delete(id);
  }

  /** A revision that lands inside the chain already held (two desks wrote apart): its entry is named to the caches. */
  async function noteRevision(revision: TimelineRevision) {
    const head = await timeline.head(revision.incidentId);
    if (revision.chainSeq <= head.chainSeq) revisedInside.add(revision.entryId);
  }

  /**
   * Each entry with new revisions is its revisions folded again, by the one rule every desk
   * applies, and listed as a conflict while it holds corrections made apart that no merge named.
   */
  async function settleEntries(revised: ReadonlyMap<string, RowWriter>): Promise<number> {
    let opened = 0;
    for (const [id, writer] of revised) {
      const history = await timeline.history(id);
      const [entry] = entriesFromRevisions(history);
      if (!entry) continue;
      const conflict = conflictId('timelineEntries', id);
      if (openCorrections(history).length === 0) await db.teamConflicts.delete(conflict);
      else if ((await db.teamConflicts.get(conflict)) === undefined) {
        await db.teamConflicts.put({
          id: conflict,
          table: 'timelineEntries',
          key: id,
          scope: core.scope,
          writers: [writer],
          shown: writer,
          at: now,
        });
        opened += 1;
      }
      const before = await db.timelineEntries.get(id);
      if (before && before.occurredAt !== entry.occurredAt)
        await db.timelineOrder.delete([before.incidentId, before.occurredAt, before.id]);
      await db.timelineEntries.put(entry);
      await db.timelineOrder.put(orderKey(entry));
      touchedTables.add('timelineEntries');
    }
    return opened;
  }

  const scope: ChangeScope = core.scope.startsWith('incident:')
    ? { incidentId: core.scope.slice('incident:'.length) }
    : 'desk';
  if (stored > 0)
    input.feed.tell({
      scope,
      kind: 'team.received',
      tables: [...touchedTables],
      replacedAll: false,
      rebuilt: false,
      ...(revisedInside.size > 0 ? { revisedInside: [...revisedInside] } : {}),
    });
  return { stored, duplicates: batch.duplicates, refused: batch.refused.length, conflicts };
}

/**
 * Entries `from`..`to` of a core, written by its desk after the team revoked it (a lost or stolen
 * laptop): the engine keeps them, nothing of them is applied here, and each is listed with the
 * refusals so the team sees that the desk went on writing. The cursor moves past them in the same
 * transaction. Returns how many were flagged.
 */
export async function flagRevoked(input: {
  db: DeskDatabase;
  core: Omit<ReadCore, 'consumedTo'>;
  from: number;
  to: number;
  now: number;
}): Promise<number> {
  const { db, core, from, to, now } = input;
  if (to <= from) return 0;
  const reason = format('team.entry.afterRevocation');
  let flagged = 0;
  await db.transaction('rw', [db.teamRefusals, db.teamCursors], async () => {
    // A cursor lost after an earlier flagging (a crash, a second window) reads the same entries again: listed once.
    const listed = new Set(
      (await db.teamRefusals.where('coreKey').equals(core.coreKey).toArray())
        .filter((r) => r.reason === reason)
        .map((r) => r.index),
    );
    const rows = Array.from({ length: to - from }, (_, i) => from + i)
      .filter((index) => !listed.has(index))
      .map((index) => ({ coreKey: core.coreKey, teamDesk: core.teamDesk, scope: core.scope, index, reason, at: now }));
    await db.teamRefusals.bulkAdd(rows);
    await db.teamCursors.put({ coreKey: core.coreKey, teamDesk: core.teamDesk, scope: core.scope, consumed: to });
    flagged = rows.length;
  });
  return flagged;
}

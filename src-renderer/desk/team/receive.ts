import { changesOf, entriesFromRevisions, rowKey, type RowChangeOf } from '@shared/domain/signed/project';
import type { SignedRecord } from '@shared/domain/signed/format';
import type { AcceptedRecord, CheckedBatch } from '@shared/domain/team/teamEntry';
import {
  APPEND_ONLY_TABLES,
  agreeApart,
  decideRow,
  isMergedTable,
  rowAfterChange,
  knows,
  writerOf,
  type RowWriter,
} from '@shared/domain/team/merge';
import { TABLE_NAMES, type TableName } from '@shared/schemas/tables';
import type { TimelineEntry, TimelineRevision } from '@shared/schemas/timeline';
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

/** A record's changes of the tables whose changes are weighed against the row's current writer. */
const mergedChangesOf = (record: SignedRecord): RowChangeOf[] =>
  changesOf(record.content).filter((change) => isMergedTable(change.table));

/** The newest record of each desk in a batch: where the desk's chain, as this desk holds it, now ends. */
function lastOfEachDesk(accepted: readonly AcceptedRecord[]) {
  const heads = new Map<string, { scope: string; deskId: string; seq: number; hash: string }>();
  for (const { record, hash, scope } of accepted) {
    const held = heads.get(record.deskId);
    if (!held || held.seq < record.seq)
      heads.set(record.deskId, { scope, deskId: record.deskId, seq: record.seq, hash });
  }
  return heads;
}

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
      // A copy of this desk's own records, published again by another: held already.
      const incoming = batch.accepted.filter(({ record }) => !input.ownDeskIds.has(record.deskId));
      await db.records.bulkAdd(
        incoming.map(({ record, hash }) => ({
          deskId: record.deskId,
          scope: core.scope,
          seq: record.seq,
          hash,
          record,
        })),
      );
      await db.peerHeads.bulkPut([...lastOfEachDesk(incoming).values()]);
      stored = incoming.length;
      const added = await addAppendOnly(incoming.map((a) => a.record));
      const revisedEntries = new Map<string, RowWriter>();
      for (const { record } of incoming) {
        // Awaited only when there is something to weigh: an await with no database work behind
        // it, in a loop, would let the transaction end before the batch is written.
        const changes = mergedChangesOf(record);
        if (changes.length > 0) conflicts += await project(record, changes);
        for (const r of record.content.put.timelineRevisions ?? []) revisedEntries.set(r.entryId, writerOf(record));
      }
      conflicts += await settleEntries(revisedEntries, added);
      await db.teamCursors.put({
        coreKey: core.coreKey,
        teamDesk: core.teamDesk,
        scope: core.scope,
        consumed: core.consumedTo,
      });
    },
  );

  /**
   * Rows never changed once written (revisions, audit lines…), of every record of the batch at once:
   * added when new, never replaced nor removed by another desk. A revision placed at or below the
   * chain's head held before the batch landed inside it (two desks wrote apart): its entry is named
   * to the caches, which otherwise read only what comes after the head.
   */
  async function addAppendOnly(records: readonly SignedRecord[]): Promise<Map<string, TimelineRevision[]>> {
    const added = new Map<string, TimelineRevision[]>();
    const rowsOf = new Map<string, Map<string, object>>();
    for (const record of records)
      for (const [table, rows] of Object.entries(record.content.put)) {
        if (!APPEND_ONLY_TABLES.includes(table)) continue;
        const byKey = rowsOf.get(table) ?? new Map<string, object>();
        rowsOf.set(table, byKey);
        for (const row of rows as object[]) if (!byKey.has(rowKey(row))) byKey.set(rowKey(row), row);
      }
    const revisions = [...(rowsOf.get('timelineRevisions')?.values() ?? [])] as TimelineRevision[];
    const heads = new Map<string, number>();
    for (const incidentId of new Set(revisions.map((r) => r.incidentId)))
      heads.set(incidentId, (await timeline.head(incidentId)).chainSeq);
    for (const [table, byKey] of rowsOf) {
      const store = db.tableByName(table as TableName);
      const keys = [...byKey.keys()];
      const held = await store.bulkGet(keys);
      const fresh = keys.filter((_, i) => held[i] === undefined);
      if (fresh.length === 0) continue;
      await store.bulkAdd(fresh.map((key) => byKey.get(key)));
      touchedTables.add(table as TableName);
      if (table !== 'timelineRevisions') continue;
      for (const key of fresh) {
        const revision = byKey.get(key) as TimelineRevision;
        if (revision.chainSeq <= (heads.get(revision.incidentId) ?? 0)) revisedInside.add(revision.entryId);
        added.set(revision.entryId, [...(added.get(revision.entryId) ?? []), revision]);
      }
    }
    return added;
  }

  /** One record's changes of merged tables, each weighed against the row's current writer. */
  async function project(record: SignedRecord, changes: readonly RowChangeOf[]): Promise<number> {
    const writer = writerOf(record);
    let opened = 0;
    for (const { table, key, row } of changes) {
      const store = db.tableByName(table as TableName);
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

  /**
   * Each entry with new revisions is its revisions folded again, by the one rule every desk
   * applies, and listed as a conflict while it holds corrections made apart that no merge named.
   */
  async function settleEntries(
    revised: ReadonlyMap<string, RowWriter>,
    added: ReadonlyMap<string, readonly TimelineRevision[]>,
  ): Promise<number> {
    const ids = [...revised.keys()];
    if (ids.length === 0) return 0;
    // An entry whose revisions held are all ones this batch added (a new entry, the common case)
    // is folded from them, and has neither a row nor a conflict to weigh; only the others are read.
    const counts = await timeline.revisionCounts(ids);
    const known = ids.filter((id, i) => counts[i] !== (added.get(id)?.length ?? 0));
    const [histories, heldConflicts, rows] = [
      await timeline.histories(known),
      await db.teamConflicts.bulkGet(known.map((id) => conflictId('timelineEntries', id))),
      await db.timelineEntries.bulkGet(known),
    ];
    const heldOf = new Map(
      known.map((id, i) => [id, { history: histories[i], conflict: heldConflicts[i], row: rows[i] }]),
    );
    const settled: string[] = [];
    const opened: StoredConflict[] = [];
    const shown: TimelineEntry[] = [];
    const moved: [string, number, string][] = [];
    for (const id of ids) {
      const held = heldOf.get(id);
      const history = held?.history ?? [...(added.get(id) ?? [])].sort((a, b) => a.revisionNo - b.revisionNo);
      const [entry] = entriesFromRevisions(history);
      if (!entry) continue;
      const writer = revised.get(id) as RowWriter;
      const conflict = conflictId('timelineEntries', id);
      if (openCorrections(history).length === 0) {
        if (held?.conflict !== undefined) settled.push(conflict);
      } else if (held?.conflict === undefined)
        opened.push({
          id: conflict,
          table: 'timelineEntries',
          key: id,
          scope: core.scope,
          writers: [writer],
          shown: writer,
          at: now,
        });
      const was = held?.row;
      if (was && was.occurredAt !== entry.occurredAt) moved.push([was.incidentId, was.occurredAt, was.id]);
      shown.push(entry);
    }
    await db.teamConflicts.bulkDelete(settled);
    await db.teamConflicts.bulkPut(opened);
    await db.timelineOrder.bulkDelete(moved);
    await db.timelineEntries.bulkPut(shown);
    await db.timelineOrder.bulkPut(shown.map(orderKey));
    if (shown.length > 0) touchedTables.add('timelineEntries');
    return opened.length;
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

import Dexie from 'dexie';

import type { ChainHead } from '@shared/domain/signed/format';
import { changesOf } from '@shared/domain/signed/project';

import { TABLE_NAMES, type TableName } from '@shared/schemas/tables';

import type { DeskDatabase } from '../database';

const isTableName = (table: string): table is TableName => (TABLE_NAMES as readonly string[]).includes(table);

/** The tables the desk keeps of its exchange with the team's other desks (all local: never backed up). */
export function teamTablesOf(db: DeskDatabase) {
  return [db.teamIdentities, db.teamCursors, db.peerHeads, db.rowWriters, db.teamConflicts, db.teamRefusals];
}

/** Reads of what the desk holds of its team's desks. */
export function createTeamRepo(db: DeskDatabase) {
  return {
    /** The newest record held of every other desk's chain in a scope, in order of desk id. */
    async seenHeads(scope: string): Promise<ChainHead[]> {
      const heads = await db.peerHeads
        .where('[scope+deskId]')
        .between([scope, Dexie.minKey], [scope, Dexie.maxKey])
        .toArray();
      return heads.map((h) => ({ deskId: h.deskId, seq: h.seq, hash: h.hash }));
    },

    /** Records of one desk's chain in a scope after `afterSeq`, in order (at most `limit`). */
    chainAfter(deskId: string, scope: string, afterSeq: number, limit = Number.MAX_SAFE_INTEGER) {
      return db.records
        .where('[deskId+scope+seq]')
        .between([deskId, scope, afterSeq], [deskId, scope, Dexie.maxKey], false, true)
        .limit(limit)
        .toArray();
    },

    /**
     * A row as one desk's record wrote it: the row, null when the record removed it, undefined
     * when the record is not held or did not touch it.
     */
    async rowWrittenBy(
      writer: { deskId: string; seq: number },
      scope: string,
      table: string,
      key: string,
    ): Promise<unknown> {
      const held = await db.records.where('[deskId+scope+seq]').equals([writer.deskId, scope, writer.seq]).first();
      return held ? changesOf(held.record.content).find((c) => c.table === table && c.key === key)?.row : undefined;
    },

    async hashAt(deskId: string, scope: string, seq: number): Promise<string | null> {
      return (await db.records.where('[deskId+scope+seq]').equals([deskId, scope, seq]).first())?.hash ?? null;
    },

    openConflicts: () => db.teamConflicts.orderBy('at').toArray(),
    /** The conflicts open in one scope (an incident's, or the desk-wide one), oldest first. */
    conflictsIn: async (scope: string) =>
      (await db.teamConflicts.where('scope').equals(scope).toArray()).sort((a, b) => a.at - b.at),
    /** The row a conflict is about, as this desk shows it (undefined when it was removed). */
    rowOf: (table: string, key: string): Promise<unknown> =>
      isTableName(table) ? db.tableByName(table).get(key) : Promise.resolve(undefined),
    refusals: (limit: number) => db.teamRefusals.orderBy('at').reverse().limit(limit).toArray(),
    refusalCount: () => db.teamRefusals.count(),
    identities: () => db.teamIdentities.toArray(),
    cursors: () => db.teamCursors.toArray(),
  };
}
export type TeamRepo = ReturnType<typeof createTeamRepo>;

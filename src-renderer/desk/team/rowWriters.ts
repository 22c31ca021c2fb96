import { rowKey } from '@shared/domain/signed/project';
import { isMergedTable, writerOf, type RowWriter } from '@shared/domain/team/merge';
import type { SignedRecord } from '@shared/domain/signed/format';

import type { DeskDatabase, StoredRowWriter } from '../../db/database';

export const conflictId = (table: string, key: string): string => `${table}:${key}`;

/** Every row of a table desks may change apart that a record puts or deletes, with the record as its writer. */
export function writesOf(record: SignedRecord, scope: string): StoredRowWriter[] {
  const writer: RowWriter = writerOf(record);
  const out: StoredRowWriter[] = [];
  for (const [table, keys] of Object.entries(record.content.delete))
    if (isMergedTable(table)) for (const key of keys) out.push({ table, key, scope, writer, deleted: true });
  for (const [table, rows] of Object.entries(record.content.put))
    if (isMergedTable(table))
      for (const row of rows as object[]) out.push({ table, key: rowKey(row), scope, writer, deleted: false });
  return out;
}

/**
 * Inside the door's transaction: this desk's own records become the writers of the rows they
 * change. A change made here is made knowing every record the desk holds, so it also settles any
 * conflict open on those rows.
 */
export async function noteOwnWrites(db: DeskDatabase, records: readonly { scope: string; record: SignedRecord }[]) {
  const latest = new Map<string, StoredRowWriter>();
  // An entry of the timeline is settled by a merge (a revision naming the corrections it weighs),
  // and a merge written here weighs every set left open; another correction leaves them open.
  const merged = new Set<string>();
  for (const { scope, record } of records) {
    for (const w of writesOf(record, scope)) latest.set(conflictId(w.table, w.key), w);
    for (const r of record.content.put.timelineRevisions ?? [])
      if (r.mergeOf !== undefined) merged.add(conflictId('timelineEntries', r.entryId));
  }
  await db.teamConflicts.bulkDelete([...latest.keys(), ...merged]);
  if (latest.size > 0) await db.rowWriters.bulkPut([...latest.values()]);
}

import { entryFromRevision } from '../timeline/revisions';
import { compareRevisions } from '../timeline/tree';
import { TABLE_NAMES, type TableName, type TableRows } from '../../schemas/tables';
import type { TimelineEntry, TimelineRevision } from '../../schemas/timeline';
import type { SignedRecord } from './format';

/** A row's key as its table stores it: `id`, or `key` for the settings row. */
export function rowKey(row: object): string {
  const value = (row as { id?: unknown }).id ?? (row as { key?: unknown }).key;
  if (typeof value !== 'string') throw new Error('A recorded row has neither an id nor a key.');
  return value;
}

/** One row a record changes: put (`row`) or removed (`row` null). */
export type RowChangeOf = { table: string; key: string; row: object | null };

/** A record's changes row by row, its removals first, then the rows it puts, as the projector applies them. */
export function changesOf(content: SignedRecord['content']): RowChangeOf[] {
  return [
    ...Object.entries(content.delete).flatMap(([table, keys]) => keys.map((key) => ({ table, key, row: null }))),
    ...Object.entries(content.put).flatMap(([table, rows]) =>
      (rows as object[]).map((row) => ({ table, key: rowKey(row), row })),
    ),
  ];
}

/**
 * The timeline's entries as the projector derives them: each entry is its revisions folded in
 * revision order, exactly as the door writes an entry beside each new revision; concurrent
 * corrections (desks that corrected apart) are folded by the same rule, so the newest shows.
 */
export function entriesFromRevisions(revisions: Iterable<TimelineRevision>): TimelineEntry[] {
  const byEntry = new Map<string, TimelineRevision[]>();
  for (const r of revisions) {
    const list = byEntry.get(r.entryId);
    if (list) list.push(r);
    else byEntry.set(r.entryId, [r]);
  }
  const entries: TimelineEntry[] = [];
  for (const list of byEntry.values()) {
    let entry: TimelineEntry | null = null;
    for (const r of list.sort(compareRevisions)) entry = entryFromRevision(entry, r);
    if (entry) entries.push(entry);
  }
  return entries;
}

/**
 * The desk's tables rebuilt from its signed records, applied in the order given (the order they
 * were written): each record's deletions, then its rows, replacing a row with the same key. The
 * derived tables follow (timeline entries from their revisions). Rows are returned per table in
 * key order. Deterministic: the same records give the same rows, on any desk.
 */
export function rebuildFromRecords(records: Iterable<SignedRecord>): TableRows {
  const tables = new Map<TableName, Map<string, object>>(TABLE_NAMES.map((t) => [t, new Map()]));
  const tableOf = (name: string) => {
    const table = tables.get(name as TableName);
    if (!table) throw new Error(`A record names a table the desk does not have: ${name}.`);
    return table;
  };
  for (const record of records) {
    for (const [name, keys] of Object.entries(record.content.delete)) for (const key of keys) tableOf(name).delete(key);
    for (const [name, rows] of Object.entries(record.content.put))
      for (const row of rows) tableOf(name).set(rowKey(row), row);
  }
  const revisions = [...(tables.get('timelineRevisions')?.values() ?? [])] as TimelineRevision[];
  const entries = tableOf('timelineEntries');
  for (const entry of entriesFromRevisions(revisions)) entries.set(entry.id, entry);
  const byKey = (a: object, b: object) => (rowKey(a) < rowKey(b) ? -1 : rowKey(a) > rowKey(b) ? 1 : 0);
  return Object.fromEntries(TABLE_NAMES.map((t) => [t, [...(tables.get(t)?.values() ?? [])].sort(byKey)])) as TableRows;
}

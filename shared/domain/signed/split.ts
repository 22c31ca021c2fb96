import { utf8ToBytes } from '@noble/hashes/utils.js';

import { RECORDED_TABLES, type BasedOn, type RecordedTable, type RowChange } from './content';
import { MAX_SIGNED_RECORD_BYTES } from './format';

/** Rows a record's content holds at most, per table (RowChangeSchema's limit). */
export const MAX_ROWS_PER_TABLE = 10_000;

/**
 * The bytes of content one record takes: what a record may hold less room for everything around
 * the content (kind, scope, operator, heads seen, signature), which stays far below 64 KiB.
 */
export const CONTENT_BUDGET_BYTES = MAX_SIGNED_RECORD_BYTES - 64 * 1024;

const isTable = (t: string): t is RecordedTable => (RECORDED_TABLES as readonly string[]).includes(t);

/** The UTF-8 size of a value's JSON, as canonical JSON writes it (only the order of keys differs). */
function jsonBytes(value: unknown): number {
  const text = JSON.stringify(value);
  // eslint-disable-next-line no-control-regex -- ASCII text is one byte a character; anything else is counted exactly
  return /^[\u0000-\u007f]*$/.test(text) ? text.length : utf8ToBytes(text).length;
}

/**
 * FORMAT: the content of one change as signed records, in order. A change small enough is ONE
 * record. A larger one (an import of 100,000 entries, a restore) is split so that each record
 * holds at most 10,000 rows of a table and stays under the size a team carries: its deletions
 * first, then its rows, table by table in the order given, as the door writes them; what the
 * change was based on goes with the first record. Derived tables are never in it (see
 * DERIVED_FROM_RECORDS): pass only recorded tables. A projector applying the records in order,
 * each one's deletions before its rows, ends where the change ended.
 */
export function splitContent(input: {
  put: Partial<Record<string, readonly object[]>>;
  delete: Partial<Record<string, readonly string[]>>;
  basedOn?: readonly BasedOn[];
  budget?: number;
}): RowChange[] {
  const budget = input.budget ?? CONTENT_BUDGET_BYTES;
  const out: RowChange[] = [];
  let current: RowChange = { put: {}, delete: {}, basedOn: [...(input.basedOn ?? [])] };
  let bytes = jsonBytes(current.basedOn);
  let empty = true;
  const flush = () => {
    if (!empty) out.push(current);
    current = { put: {}, delete: {}, basedOn: [] };
    bytes = 2;
    empty = true;
  };
  const add = (kind: 'put' | 'delete', table: RecordedTable, item: object | string) => {
    const size = jsonBytes(item) + 1;
    const bucket = (current[kind] as Record<string, unknown[]>)[table];
    if (!empty && (bytes + size > budget || (bucket?.length ?? 0) >= MAX_ROWS_PER_TABLE)) flush();
    const list = ((current[kind] as Record<string, unknown[]>)[table] ??= []);
    list.push(item);
    bytes += size + (list.length === 1 ? table.length + 4 : 0);
    empty = false;
  };
  for (const [table, keys] of Object.entries(input.delete))
    if (isTable(table)) for (const key of keys ?? []) add('delete', table, key);
  for (const [table, rows] of Object.entries(input.put))
    if (isTable(table)) for (const row of rows ?? []) add('put', table, row);
  // A change that puts and deletes nothing recorded (only derived rows) is still one record of its kind.
  if (Object.keys(current.put).length + Object.keys(current.delete).length > 0 || out.length === 0) out.push(current);
  return out;
}

import type { DBCore, Middleware } from 'dexie';

import { checkStoredRow, type RowProblem } from '@shared/schemas/rowCheck';
import { STORED_TABLE_SCHEMAS, type TableName } from '@shared/schemas/tables';

/** A row the database refused to store, because the desk could not read it back. */
export class WriteRefusedError extends Error {
  override readonly name = 'WriteRefusedError';

  constructor(
    readonly table: string,
    readonly rowId: string,
    readonly problem: RowProblem,
  ) {
    super(`Nothing was saved: ${problem.message}.`);
  }
}

const idOf = (row: unknown): string => {
  if (typeof row !== 'object' || row === null) return '?';
  const value = 'id' in row ? row.id : 'key' in row ? row.key : undefined;
  return typeof value === 'string' ? value : '?';
};

const isTable = (name: string): name is TableName => Object.prototype.hasOwnProperty.call(STORED_TABLE_SCHEMAS, name);

/** Per table, the row objects the desk's door has just checked exactly as this guard would. */
const checkedByTheDoor = new Map<TableName, WeakSet<object>>();

/**
 * The door (desk/door.ts) checked these rows of `table` with checkStoredRow moments before writing
 * them: the guard lets each through once without checking it again. An import of 100,000 entries
 * is then parsed once, not twice: checking every row is most of what the desk adds to IndexedDB's
 * own work. It holds for the very objects the door checked, for their next write, until the door
 * withdraws it when its change is done; a copy, a row written any other way, or the same row
 * written again is checked here.
 */
export function passedTheDoor(table: TableName, rows: readonly unknown[]): () => void {
  let checked = checkedByTheDoor.get(table);
  if (!checked) checkedByTheDoor.set(table, (checked = new WeakSet()));
  const passed = checked;
  const objects = rows.filter((row): row is object => typeof row === 'object' && row !== null);
  for (const row of objects) passed.add(row);
  return () => {
    for (const row of objects) passed.delete(row);
  };
}

/**
 * SECURITY: the one door every row passes on its way into IndexedDB, whatever code wrote it.
 * Each row is checked exactly as backup restore and record import will check it (the stored
 * schema, no unknown fields); a row that fails rejects the write, so its transaction rolls back
 * whole and nothing of it is stored. Use-cases check new input first, against today's stricter
 * limits, so a person sees words rather than this guard.
 */
export const writeDoor: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'write-door',
  create: (down) => ({
    ...down,
    table: (name) => {
      const table = down.table(name);
      if (!isTable(name)) return table;
      return {
        ...table,
        mutate: (request) => {
          // An upgrade rewrites rows earlier versions wrote (each migration has its own test against
          // the schemas); refusing one here would leave the desk unable to open at all.
          if ((request.trans as { mode?: IDBTransactionMode }).mode === 'versionchange') return table.mutate(request);
          if (request.type === 'add' || request.type === 'put') {
            const passed = checkedByTheDoor.get(name);
            for (const row of request.values as readonly unknown[]) {
              if (passed !== undefined && typeof row === 'object' && row !== null && passed.delete(row)) continue;
              const checked = checkStoredRow(name, row);
              if (!checked.ok) return Promise.reject(new WriteRefusedError(name, idOf(row), checked.error));
            }
          }
          return table.mutate(request);
        },
      };
    },
  }),
};

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
            for (const row of request.values) {
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

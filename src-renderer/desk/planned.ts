import { err, ok, type Result } from '@shared/domain/result';
import type { TableName, TableRows } from '@shared/schemas/tables';

import { t } from '../i18n/messages';
import { rowIs, writePlanned, type Change, type Door, type Precondition, type WriteRefused } from './door';

type Row<T extends TableName> = TableRows[T][number];

/** A change planned on what was read, and what the use-case returns once it is written. */
export type Planned<V> = { change: Change<unknown>; value: V };

/** What a change was planned on moved before it could be written: plan again. */
export type Moved = { code: 'moved' };
const MOVED: Moved = { code: 'moved' };

// Rows read twice from IndexedDB come back with their fields in the same order.
const sameRow = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The row is still stored exactly as the use-case read it (nobody changed it meanwhile). */
export function stillAsRead<T extends TableName>(table: T, key: string, read: Row<T>): Precondition<Moved> {
  return rowIs(table, key, `${table} ${key} is as read`, (now) => now !== undefined && sameRow(now, read), MOVED);
}

/** The row is still absent (nobody created it meanwhile). */
export function stillAbsent(table: TableName, key: string): Precondition<Moved> {
  return rowIs(table, key, `${table} ${key} is still absent`, (now) => now === undefined, MOVED);
}

/** A condition on what a query read: it still gives the same answer. */
export function stillReads<A>(
  what: string,
  reads: readonly TableName[],
  query: () => Promise<A>,
  read: A,
): Precondition<Moved> {
  return { what, reads, failure: MOVED, holds: async () => sameRow(await query(), read) };
}

/**
 * The load-and-plan step every change of one stored row repeats: read the row (missing: `missing`),
 * plan the change on it with the domain's command, and have the door write it on condition that
 * the row is still as read. When another window changed it first, the row is read and the change
 * planned again, so two changes come out as if they had waited in line; `busy` after three tries.
 */
export function changeRow<T extends TableName, V, E>(
  door: Door,
  spec: {
    table: T;
    key: string;
    read: (key: string) => Promise<Row<T> | undefined>;
    missing: E;
    busy: E;
    plan: (row: Row<T>) => Promise<Result<Planned<V>, E>> | Result<Planned<V>, E>;
  },
): Promise<Result<V, E | WriteRefused>> {
  return writePlanned<V, E>(
    door,
    async () => {
      const row = await spec.read(spec.key);
      if (row === undefined) return err(spec.missing);
      const planned = await spec.plan(row);
      if (!planned.ok) return planned;
      const { change, value } = planned.value;
      return ok({
        change: { ...change, preconditions: [stillAsRead(spec.table, spec.key, row), ...(change.preconditions ?? [])] },
        value,
      });
    },
    spec.busy,
  );
}

/**
 * Changes rows of one table by key, each through `changeRow`: the use-case names the table, how a
 * row is read, and its refusals once. Both are asked again on every change (a refusal in the
 * language of that moment).
 */
export function rowChanger<T extends TableName, E>(
  door: Door,
  table: T,
  read: (key: string) => Promise<Row<T> | undefined>,
  refusals: (key: string) => { missing: E; busy: E },
) {
  return <V>(key: string, plan: (row: Row<T>) => Promise<Result<Planned<V>, E>> | Result<Planned<V>, E>) =>
    changeRow<T, V, E>(door, { table, key, read, ...refusals(key), plan });
}

/**
 * Nothing was stored, in words: a row the door refused (WriteRefused is one) or another window
 * that kept changing the same thing. Every use-case's errors include it.
 */
export type NotWritten = { code: 'refused'; message: string };

/** What another window was changing at the same moment, as `busy` names it. */
export type BusyThing =
  'lesson' | 'item' | 'checklist' | 'incident' | 'callTree' | 'contact' | 'settings' | 'publishedHeads';

export const busy = (thing: BusyThing): NotWritten => ({
  code: 'refused',
  message: t('ui.notWritten.busy', { thing }),
});

import { err, ok, type Result } from '@shared/domain/result';
import type { AuditEvent } from '@shared/schemas/entities';
import { checkStoredRow } from '@shared/schemas/rowCheck';
import { TABLE_NAMES, type TableName, type TableRows } from '@shared/schemas/tables';
import type { TimelineEntry } from '@shared/schemas/timeline';

import { DERIVED_FROM_RECORDS, type BasedOn } from '@shared/domain/signed/content';
import { scopeKey } from '@shared/domain/signed/format';

import type { DeskDatabase } from '../db/database';
import { passedTheDoor } from '../db/writeDoor';
import { orderKey } from '../db/repos/timelineRepo';
import { t } from '../i18n/messages';
import type { ChangeFeed, ChangeKind, ChangeScope } from './changeFeed';
import { recordScopeOf, type PlannedRecords, type Recorder } from './identity/recorder';

export type { ChangeKind, ChangeNotice, ChangeScope } from './changeFeed';

/** The rows a change puts, per table, as each table stores them. */
export type RowPuts = { readonly [T in TableName]?: readonly TableRows[T][number][] };
/** The primary keys a change deletes, per table. */
export type RowDeletes = { readonly [T in TableName]?: readonly string[] };

/**
 * A condition the change was planned on, checked inside the transaction before anything is
 * written ("the incident's chain head is still X", "the statement is still at version N").
 * When it no longer holds, nothing is written and the door returns `failure`, which the
 * use-case may answer by planning again.
 */
export type Precondition<E> = {
  /** What must still hold, in words (for the record and for a developer reading a failure). */
  readonly what: string;
  /** The tables it reads, which the transaction must hold. */
  readonly reads: readonly TableName[];
  /** Reads what it needs through the transaction's tables; true when the condition holds. */
  readonly holds: (db: DeskDatabase) => Promise<boolean>;
  readonly failure: E;
};

/** One change to the desk's data, declared rather than performed: the door performs it. */
export type Change<E = never> = {
  readonly scope: ChangeScope;
  readonly kind: ChangeKind;
  /** Rows that are new: a key already stored refuses the whole change. */
  readonly add?: RowPuts;
  /** Rows that are new or replace the stored row with the same key. */
  readonly put?: RowPuts;
  readonly delete?: RowDeletes;
  /** Empties every table before the rows are put (a restore); tables listed in `keep` excepted. */
  readonly replaceAll?: { readonly keep: readonly TableName[] };
  /** The scope's rows arrive whole from elsewhere (an incident imported from its record), not as a step of its history. */
  readonly rebuilds?: true;
  /** The audit line(s) that say who did what; written in the same transaction as the rows. */
  readonly audit: readonly AuditEvent[];
  readonly preconditions?: readonly Precondition<E>[];
  /** What the change was made on (the entity's revision or version it replaces), as its signed record names it. */
  readonly basedOn?: readonly BasedOn[];
  /** With replaceAll: the backup the desk continues from (its checksum), which the desk's new identity names. */
  readonly continues?: {
    readonly backupChecksum: string | null;
    readonly backupFile: string | null;
    /** The desk that made the backup, as the backup names it; null for a backup from before desks had identities. */
    readonly desk: { readonly deskId: string; readonly name: string } | null;
  };
};

/** A row the door refused: the desk could not read it back. Nothing of the change was written. */
export type RowRefused = {
  code: 'refused';
  reason: 'row';
  table: TableName;
  rowId: string;
  /** What is wrong with the row, in words ("the title is 612 characters long; it takes up to 500"). */
  problem: string;
  /** The whole sentence for a person: "Nothing was saved: …". */
  message: string;
};

/**
 * Another window kept extending the desk's signed chain while this change was being signed, so
 * the door gave up signing it again. Nothing was written; trying again a moment later succeeds.
 */
export type ChainKeptMoving = {
  code: 'refused';
  reason: 'chain-kept-moving';
  /** The whole sentence for a person. */
  message: string;
};

/** Why the door wrote nothing of a change, whatever the use-case planned. */
export type WriteRefused = RowRefused | ChainKeptMoving;

/** The refusal names a row (and what is wrong with it), rather than another window's changes. */
export const isRowRefused = (e: WriteRefused): e is RowRefused => e.reason === 'row';

/** How a long change reports its progress, and how it is stopped before it commits. */
/** `onProgress` hears how many rows of the longest table are written, before each slice. */
export type WriteOptions = { onProgress?: (done: number, total: number) => void; signal?: AbortSignal };

/** Rows written per step of the transaction: small enough to report progress and stop between steps. */
const WRITE_SLICE = 2000;

const rowId = (row: unknown): string => {
  const value =
    typeof row === 'object' && row !== null
      ? ((row as { id?: unknown }).id ?? (row as { key?: unknown }).key)
      : undefined;
  return typeof value === 'string' ? value : '?';
};

export type Door = {
  /**
   * Performs one change: every row checked against the schema its readers use, the
   * preconditions checked, then rows, deletions, derived rows and audit lines written in ONE
   * transaction, and the change feed told once it has committed. A row refused or a
   * precondition failed leaves nothing written, and comes back as a value.
   */
  write<E = never>(change: Change<E>, options?: WriteOptions): Promise<Result<void, E | WriteRefused>>;
};

/** How often a change is signed again when another window extended the desk's chain first. */
const SIGN_ATTEMPTS = 5;

/** The records were signed on a chain tip that moved before the transaction: sign again. */
const TIP_MOVED = Symbol('tip moved');

const isDerived = (table: string) => (DERIVED_FROM_RECORDS as readonly string[]).includes(table);

/**
 * The door of a desk. With a recorder, every change it writes also becomes this desk's signed
 * record(s), stored in the same transaction as the rows (see identity/recorder.ts).
 */
export function createDoor(db: DeskDatabase, feed: ChangeFeed, recorder?: Recorder): Door {
  /** This window's changes of one scope wait in line, so they never race each other for the chain's tip. */
  const lines = new Map<string, Promise<unknown>>();
  const inLine = <T>(scope: ChangeScope, task: () => Promise<T>): Promise<T> => {
    const key = scopeKey(recordScopeOf(scope));
    const run = (lines.get(key) ?? Promise.resolve()).then(task, task);
    lines.set(
      key,
      run.catch(() => undefined),
    );
    return run;
  };

  /** The rows of recorded tables a change puts and the keys it deletes, as its signed record carries them. */
  async function recordInput(change: Change<unknown>) {
    const put: Record<string, object[]> = {};
    // Row by row: spreading an import's rows into one call overflows the stack past about 120,000.
    const putAll = (table: string, rows: readonly object[]) => {
      const list = (put[table] ??= []);
      for (const row of rows) list.push(row);
    };
    for (const rows of [change.add ?? {}, change.put ?? {}]) {
      for (const [table, list] of Object.entries(rows) as [string, readonly object[]][])
        if (!isDerived(table) && list.length > 0) putAll(table, list);
    }
    if (change.audit.length > 0) putAll('auditLog', change.audit);
    // A restore keeps some tables as they are: their rows are part of the desk it records.
    for (const table of change.replaceAll?.keep ?? []) {
      const given = new Set((put[table] ?? []).map(rowId));
      const kept = (await db.tableByName(table).toArray()) as object[];
      const rest = kept.filter((row) => !given.has(rowId(row)));
      if (rest.length > 0) putAll(table, rest);
    }
    const deletes: Record<string, readonly string[]> = {};
    for (const [table, keys] of Object.entries(change.delete ?? {}))
      if (!isDerived(table) && keys.length > 0) deletes[table] = keys;
    // When and by whom: as the audit lines say, or the timeline revisions (which are their own audit).
    const revisions = [...(change.add?.timelineRevisions ?? []), ...(change.put?.timelineRevisions ?? [])];
    const at = [...change.audit.map((a) => a.at), ...revisions.map((r) => r.recordedAt)].reduce(
      (max, t) => Math.max(max, t),
      0,
    );
    return {
      scope: change.scope,
      kind: change.kind,
      put,
      delete: deletes,
      ...(change.basedOn ? { basedOn: change.basedOn } : {}),
      at: at > 0 ? at : Date.now(),
      by: change.audit[0]?.operator ?? revisions[0]?.operator,
      ...(change.replaceAll
        ? { replacesDesk: change.continues ?? { backupChecksum: null, backupFile: null, desk: null } }
        : {}),
    };
  }

  /** The timeline's order index follows its entries: a moved entry's old key goes, its new key comes. */
  async function deriveOrder(entries: readonly TimelineEntry[], deletedIds: readonly string[]): Promise<void> {
    // A first revision has no earlier row to move; only corrected entries are read back.
    const revised = entries.filter((e) => e.revisionCount > 1).map((e) => e.id);
    const earlier = await db.timelineEntries.bulkGet([...revised, ...deletedIds]);
    const moving = new Map(entries.map((e) => [e.id, e.occurredAt]));
    const stale = earlier.flatMap((e) =>
      e && moving.get(e.id) !== e.occurredAt ? [[e.incidentId, e.occurredAt, e.id] as [string, number, string]] : [],
    );
    if (stale.length > 0) await db.timelineOrder.bulkDelete(stale);
  }

  return {
    write<E>(change: Change<E>, options: WriteOptions = {}): Promise<Result<void, E | WriteRefused>> {
      return inLine(change.scope, () => writeNow(change, options));
    },
  };

  async function writeNow<E>(change: Change<E>, options: WriteOptions): Promise<Result<void, E | WriteRefused>> {
    const writes = [
      ...(Object.entries(change.add ?? {}) as [TableName, readonly unknown[]][]).map(([table, rows]) => ({
        table,
        rows,
        op: 'add' as const,
      })),
      ...(Object.entries(change.put ?? {}) as [TableName, readonly unknown[]][]).map(([table, rows]) => ({
        table,
        rows,
        op: 'put' as const,
      })),
    ];
    // SECURITY: every row is checked as backup restore and record import will check it, before
    // the transaction opens: the database's own guard (db/writeDoor.ts) stays as the last line,
    // for anything written another way; the rows checked here it lets through without a second parse.
    const checkedRows = [...writes, { table: 'auditLog' as const, rows: change.audit }];
    for (const { table, rows } of checkedRows) {
      for (const row of rows) {
        const checked = checkStoredRow(table, row);
        if (!checked.ok) return err(refused(table, rowId(row), checked.error.message));
      }
    }
    const withdraw = checkedRows.map(({ table, rows }) => passedTheDoor(table, rows));
    try {
      return await writeChecked(change, options, writes);
    } finally {
      for (const w of withdraw) w();
    }
  }

  async function writeChecked<E>(
    change: Change<E>,
    options: WriteOptions,
    writes: readonly { table: TableName; rows: readonly unknown[]; op: 'add' | 'put' }[],
  ): Promise<Result<void, E | WriteRefused>> {
    const deletes = Object.entries(change.delete ?? {}) as [TableName, readonly string[]][];
    // A change that writes nothing (the text saved as it was) is no change: nothing to tell.
    if (
      !change.replaceAll &&
      change.audit.length === 0 &&
      writes.every((w) => w.rows.length === 0) &&
      deletes.every(([, keys]) => keys.length === 0)
    )
      return ok(undefined);
    const touched = change.replaceAll
      ? [...TABLE_NAMES]
      : [
          ...new Set([
            ...writes.map((w) => w.table),
            ...deletes.map(([t]) => t),
            ...(change.audit.length > 0 ? ['auditLog' as const] : []),
          ]),
        ];
    const longest = Math.max(0, ...writes.map((w) => w.rows.length));
    const held = [...new Set([...touched, ...(change.preconditions ?? []).flatMap((p) => p.reads)])];
    const entries = [
      ...(change.add?.timelineEntries ?? []),
      ...(change.put?.timelineEntries ?? []),
    ] as readonly TimelineEntry[];
    // The table being written when IndexedDB refused a row (a closure sets it, so it is held in an object).
    const at: { table: TableName | null } = { table: null };
    let failed: E | null | typeof TIP_MOVED = TIP_MOVED;
    let planned: PlannedRecords | null = null;
    for (let attempt = 0; failed === TIP_MOVED && attempt < SIGN_ATTEMPTS; attempt += 1) {
      // Signing is asynchronous and a transaction cannot wait on it: sign first, check the tip inside.
      planned = recorder ? await recorder.plan(await recordInput(change)) : null;
      const plan = planned;
      try {
        failed = await db.transaction(
          'rw',
          [...held.map((t) => db.tableByName(t)), db.timelineOrder, ...(recorder?.tables() ?? [])],
          async (): Promise<E | null | typeof TIP_MOVED> => {
            for (const p of change.preconditions ?? []) if (!(await p.holds(db))) return p.failure;
            if (recorder && plan && !(await recorder.holds(plan))) return TIP_MOVED;
            if (change.replaceAll) {
              const keep = new Set(change.replaceAll.keep);
              for (const name of TABLE_NAMES) if (!keep.has(name)) await db.tableByName(name).clear();
              // A kept table takes the change's rows in place of its own with the same keys.
              for (const w of writes)
                if (keep.has(w.table)) await db.tableByName(w.table).bulkDelete(w.rows.map(rowId));
              await db.timelineOrder.clear();
            } else {
              const deletedEntries = change.delete?.timelineEntries ?? [];
              if (entries.length > 0 || deletedEntries.length > 0) await deriveOrder(entries, deletedEntries);
            }
            for (const [table, keys] of deletes) await db.tableByName(table).bulkDelete([...keys]);
            // In slices, every table side by side, so a long import reports progress and can still be
            // stopped: stopping throws, which aborts the transaction, and IndexedDB then keeps none of it.
            for (let i = 0; i < longest; i += WRITE_SLICE) {
              options.signal?.throwIfAborted();
              options.onProgress?.(i, longest);
              for (const w of writes) {
                if (i >= w.rows.length) continue;
                at.table = w.table;
                const slice = w.rows.slice(i, i + WRITE_SLICE);
                await (w.op === 'add'
                  ? db.tableByName(w.table).bulkAdd(slice)
                  : db.tableByName(w.table).bulkPut(slice));
              }
            }
            options.signal?.throwIfAborted();
            for (let i = 0; i < entries.length; i += WRITE_SLICE)
              await db.timelineOrder.bulkPut(entries.slice(i, i + WRITE_SLICE).map(orderKey));
            at.table = 'auditLog';
            if (change.audit.length > 0) await db.auditLog.bulkAdd([...change.audit]);
            at.table = null;
            if (recorder && plan) await recorder.store(plan);
            return null;
          },
        );
      } catch (e) {
        // A row added under a key already stored: the change is refused whole, in words.
        const name = e instanceof Error ? e.name : '';
        if (at.table !== null && (name === 'BulkError' || name === 'ConstraintError'))
          return err(refused(at.table, '?', t('ui.notWritten.sameId')));
        throw e;
      }
    }
    if (failed === TIP_MOVED) return err(CHAIN_KEPT_MOVING());
    if (failed !== null) return err(failed);
    if (recorder && planned) recorder.committed(planned);
    feed.tell({
      scope: change.scope,
      kind: change.kind,
      tables: touched,
      replacedAll: change.replaceAll !== undefined,
      rebuilt: change.rebuilds === true,
    });
    return ok(undefined);
  }
}

const refused = (table: TableName, id: string, problem: string): RowRefused => ({
  code: 'refused',
  reason: 'row',
  table,
  rowId: id,
  problem,
  message: t('ui.notWritten.refused', { problem }),
});

const CHAIN_KEPT_MOVING = (): ChainKeptMoving => ({
  code: 'refused',
  reason: 'chain-kept-moving',
  message: t('ui.notWritten.chainKeptMoving'),
});

/** A precondition on one row: it is (still) there and as the use-case read it, or (still) absent. */
export function rowIs<T extends TableName, E>(
  table: T,
  id: string,
  what: string,
  holds: (row: TableRows[T][number] | undefined) => boolean,
  failure: E,
): Precondition<E> {
  return {
    what,
    failure,
    reads: [table],
    holds: async (db) => holds((await db.tableByName(table).get(id)) as TableRows[T][number] | undefined),
  };
}

/**
 * Plans a change on what was just read and has the door write it; when a precondition no longer
 * holds (another window changed the same thing first), reads and plans again, so two changes come
 * out as if they had waited in line. After `attempts` tries it gives up with `busy`.
 */
export async function writePlanned<T, E>(
  door: Door,
  plan: () => Promise<Result<{ change: Change<unknown>; value: T }, E>>,
  busy: E,
  attempts = 3,
): Promise<Result<T, E | WriteRefused>> {
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    const planned = await plan();
    if (!planned.ok) return planned;
    const written = await door.write(planned.value.change);
    if (written.ok) return ok(planned.value.value);
    if (isRefusal(written.error)) return err(written.error);
  }
  return err(busy);
}

const isRefusal = (e: unknown): e is WriteRefused =>
  typeof e === 'object' && e !== null && (e as { code?: unknown }).code === 'refused';

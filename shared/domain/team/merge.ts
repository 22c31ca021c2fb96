import { canonicalJson } from '../integrity/canonical';
import type { SignedRecord } from '../signed/format';
import { withReleasesOf } from '../statements/releasedApart';
import type { Statement } from '../../schemas/statements';

/**
 * A change of one row as the projector weighs it: which desk's record made it, and what that desk
 * held of the others' chains when it did (its record's `seen` heads, and its own chain up to it).
 */
export type RowWriter = {
  deskId: string;
  seq: number;
  recordedAt: number;
  /** Desk id → the highest record of that desk's chain (in the same scope) the writer had seen. */
  seen: Readonly<Record<string, number>>;
};

export const writerOf = (record: SignedRecord): RowWriter => ({
  deskId: record.deskId,
  seq: record.seq,
  recordedAt: record.recordedAt,
  seen: Object.fromEntries(record.seen.map((h) => [h.deskId, h.seq])),
});

/** True when `later` was made by a desk that already held `earlier`: it knew that change and built on it. */
export function knows(later: RowWriter, earlier: RowWriter): boolean {
  if (later.deskId === earlier.deskId) return later.seq >= earlier.seq;
  return (later.seen[earlier.deskId] ?? 0) >= earlier.seq;
}

/**
 * The fixed rule that picks what is shown when two changes of the same row were made apart:
 * the later by its recorded time, then the greater desk id, then the greater sequence number.
 * Every desk applies the same rule, so desks holding the same records show the same row.
 */
export function shownOf(a: RowWriter, b: RowWriter): RowWriter {
  if (a.recordedAt !== b.recordedAt) return a.recordedAt > b.recordedAt ? a : b;
  if (a.deskId !== b.deskId) return a.deskId > b.deskId ? a : b;
  return a.seq >= b.seq ? a : b;
}

/**
 * What a change arriving from another desk does to a row whose current writer is `current`
 * (null when nothing this desk holds wrote it, or the arriving desk had seen whatever did):
 *   - `apply`: it follows what is there (or nothing is there): it is shown;
 *   - `stale`: what is there was made with this change known: it stays;
 *   - `conflict`: the two were made apart; both are kept, `apply` says whether the arriving one is shown.
 */
export type RowDecision = { kind: 'apply' } | { kind: 'stale' } | { kind: 'conflict'; apply: boolean };

export function decideRow(arriving: RowWriter, current: RowWriter | null): RowDecision {
  if (current === null || knows(arriving, current)) return { kind: 'apply' };
  if (knows(current, arriving)) return { kind: 'stale' };
  return { kind: 'conflict', apply: shownOf(arriving, current) === arriving };
}

/**
 * Tables whose rows are never changed once written (each change adds a row of its own): a row
 * from another desk is added if it is not held yet, and no two desks can disagree about it.
 */
export const APPEND_ONLY_TABLES: readonly string[] = [
  'timelineRevisions',
  'auditLog',
  'publishedHeads',
  'callAttempts',
];

/** The desk's own settings (its operator, locale, backup policy) stay on the desk: another desk's never apply. */
export const DESK_OWN_TABLES: readonly string[] = ['settings'];

/** Rows whose changes are weighed one against the other by `decideRow`. */
export const isMergedTable = (table: string): boolean =>
  !APPEND_ONLY_TABLES.includes(table) && !DESK_OWN_TABLES.includes(table);

/** Who wrote a row and when: two desks that wrote the same content apart differ only in these. */
const WRITTEN_BY_FIELDS = new Set(['createdAt', 'createdBy', 'updatedAt', 'updatedBy']);

/**
 * Whether two changes of a row made apart say the same thing: both removed it, or both wrote the
 * same content (who wrote it and when aside), as two desks installing the shipped templates do.
 * Such changes agree; they are not a conflict for anyone to settle.
 */
export function agreeApart(a: object | null | undefined, b: object | null): boolean {
  if (a === null || a === undefined || b === null) return (a ?? null) === b;
  const content = (row: object) =>
    canonicalJson(Object.fromEntries(Object.entries(row).filter(([field]) => !WRITTEN_BY_FIELDS.has(field))));
  return content(a) === content(b);
}

/**
 * The row a change leaves, given the row the team's rule shows (`shown`, null: removed) and the
 * other side weighed against it. Most rows are the shown one as it is; a statement keeps every
 * release either side made, since a release is a fact and the workflow never removes one. The
 * same on every desk, whatever order the changes arrive in. Returns `shown` itself when nothing
 * is added.
 */
export function rowAfterChange(table: string, shown: object | null, other: object | null): object | null {
  if (table !== 'statements' || shown === null || other === null) return shown;
  return withReleasesOf(shown as Statement, other as Statement);
}

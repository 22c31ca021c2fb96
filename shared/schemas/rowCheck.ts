import type { z } from 'zod';

// zod's own words come from the catalogue wherever a schema of the desk is checked.
import '../i18n/zodMessages';

import { err, ok, type Result } from '../domain/result';
import { format } from '../i18n/format';
import { STORED_TABLE_SCHEMAS, TABLE_SCHEMAS, type TableName } from './tables';

/** Why a row would not be read back: where in the row, and what is wrong there. */
export type RowProblem = { kind: 'invalid' | 'unknown-field'; path: string; message: string };

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const joinPath = (path: readonly PropertyKey[]): string => path.map(String).join('.');

/**
 * The fields of `input` that a schema's parse left out of `output`: fields the format does not
 * have. zod drops them silently, so a reader that only parsed would pass a file that is not as
 * written (a field added to an entry, a `__proto__` key) and then lose them on the next write.
 * An undefined value counts as absent, as it does in JSON.
 */
export function unknownFieldPaths(input: unknown, output: unknown, path: readonly PropertyKey[] = [], found: string[] = []): string[] {
  if (input === output || found.length >= 10) return found;
  if (Array.isArray(input) && Array.isArray(output)) {
    input.forEach((item, i) => unknownFieldPaths(item, output[i], [...path, i], found));
  } else if (isPlainObject(input) && isPlainObject(output)) {
    for (const key of Object.keys(input)) {
      if (input[key] === undefined) continue;
      if (!Object.prototype.hasOwnProperty.call(output, key)) found.push(joinPath([...path, key]));
      else unknownFieldPaths(input[key], output[key], [...path, key], found);
    }
  }
  return found;
}

/** "overrideReason" → "override reason": the last named field of a path, as words. */
function fieldWords(path: readonly PropertyKey[]): string {
  const key = [...path].reverse().find((p) => typeof p === 'string');
  return key === undefined ? format('text.row.wholeRecord') : format('text.row.field', { words: key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase() });
}

/** One schema issue in words: a limit says how long the value is and how long it may be. */
function issueWords(issue: z.core.$ZodIssue, row: unknown): string {
  if (issue.code === 'too_big' && (issue.origin === 'string' || issue.origin === 'array')) {
    const value = issue.path.reduce<unknown>((v, key) => (typeof v === 'object' && v !== null ? (v as Record<PropertyKey, unknown>)[key] : undefined), row);
    const field = fieldWords(issue.path);
    const maximum = Number(issue.maximum);
    if (typeof value !== 'string' && !Array.isArray(value)) return format('text.row.tooLong', { field, maximum });
    return format('text.row.tooBig', { field, size: value.length, unit: issue.origin === 'array' ? 'items' : 'characters', maximum });
  }
  return format('text.issue', { path: joinPath(issue.path) || format('text.row.wholeRecord'), message: issue.message });
}

/**
 * Checks one row exactly as a reader will: the schema passes, and the row holds no field the
 * schema does not know. The row itself is what gets stored (never the parse's output, which
 * may trim text the revision's hash was taken over).
 */
export function checkRow(schema: z.ZodType, row: unknown): Result<void, RowProblem> {
  const parsed = schema.safeParse(row);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return err({ kind: 'invalid', path: joinPath(issue?.path ?? []), message: issue ? issueWords(issue, row) : format('text.row.invalid') });
  }
  const unknown = unknownFieldPaths(row, parsed.data)[0];
  return unknown === undefined ? ok(undefined) : err({ kind: 'unknown-field', path: unknown, message: format('text.row.unknownField', { field: unknown }) });
}

/** Checks a row of a table as every reader of the desk's data does (see STORED_TABLE_SCHEMAS). */
export const checkStoredRow = (table: TableName, row: unknown): Result<void, RowProblem> => checkRow(STORED_TABLE_SCHEMAS[table], row);

const LEGACY_TABLES = new Set<TableName>(['timelineEntries', 'timelineRevisions', 'auditLog']);

/**
 * Where a stored row exceeds today's limits (it was written by an earlier version), in words:
 * ["title: 612 characters, over today's 500"]. Empty for a row within them. Only meaningful for
 * rows that already passed checkStoredRow.
 */
export function legacyNotes(table: TableName, row: unknown): string[] {
  if (!LEGACY_TABLES.has(table)) return [];
  const strict = TABLE_SCHEMAS[table].safeParse(row);
  if (strict.success) return [];
  // sourceKey only mirrors the source, for the index: the source's own note says it.
  return strict.error.issues.filter((issue) => issue.path[0] !== 'sourceKey').map((issue) => {
    const where = joinPath(issue.path.filter((p) => p !== 'content'));
    if (issue.code === 'too_big') {
      const value = issue.path.reduce<unknown>((v, key) => (isPlainObject(v) || Array.isArray(v) ? (v as Record<PropertyKey, unknown>)[key] : undefined), row);
      const size = typeof value === 'string' || Array.isArray(value) ? value.length : null;
      const unit = issue.origin === 'array' ? 'items' : 'characters';
      const maximum = Number(issue.maximum);
      return size === null ? format('text.row.overLimitUnknown', { where, unit, maximum }) : format('text.row.overLimit', { where, size, unit, maximum });
    }
    return format('text.issue', { path: where, message: issue.message });
  });
}

import Papa from 'papaparse';

import { err, ok, type Result } from '../result';
import { unneutraliseCell } from './safeCell';

/** A spreadsheet as read: its header row and the rows under it, cells as typed. */
export type CsvTable = { headers: string[]; rows: string[][] };

export type CsvError = { code: 'empty' } | { code: 'unreadable'; detail: string };

/**
 * Reads a CSV file (RFC 4180, with or without a byte-order mark). Blank lines are skipped; an
 * unclosed quote is the one error that makes the rest unreadable, so it is named with its row.
 */
export function readCsvTable(text: string): Result<CsvTable, CsvError> {
  const clean = text.replace(/^\uFEFF/, '');
  if (clean.trim() === '') return err({ code: 'empty' });
  const parsed = Papa.parse<string[]>(clean, { skipEmptyLines: 'greedy' });
  const fatal = parsed.errors.find((e) => e.type === 'Quotes');
  if (fatal) return err({ code: 'unreadable', detail: `row ${fatal.row !== undefined ? fatal.row + 1 : '?'}: ${fatal.message}` });
  const [headers, ...rows] = parsed.data;
  if (!headers || headers.every((h) => h.trim() === '')) return err({ code: 'empty' });
  // A cell an exporter neutralised against formula injection reads back as the text typed.
  return ok({ headers: headers.map((h) => h.trim()), rows: rows.map((row) => row.map(unneutraliseCell)) });
}

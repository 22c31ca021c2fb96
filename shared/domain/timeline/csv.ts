import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import Papa from 'papaparse';

import { safeCell } from '../csv/safeCell';
import { checkEntryContent } from './contentCheck';
import { wallClockToInstant } from '../incident/wallClock';
import { err, ok, type Result } from '../result';
import {
  TIMELINE_CATEGORIES,
  VERIFICATION_STATES,
  type EntryContent,
  type TimelineCategory,
  type TimelineEntry,
  type Verification,
} from '../../schemas/timeline';
import { CATEGORY_LABELS, VERIFICATION_LABELS, parseTags } from './entryForm';

/** FORMAT: the columns of a timeline CSV export, in order. Timestamps are ISO 8601 with the zone's offset. */
export const CSV_COLUMNS = [
  'occurred_at', 'occurred_local', 'time_zone', 'precision', 'reported_at', 'recorded_at', 'recorded_by', 'category', 'title', 'body',
  'source', 'verification', 'tags', 'release', 'on_behalf_of', 'transcribed', 'retracted', 'retraction_reason', 'revisions', 'entry_id',
] as const;

const iso = (at: number | null, timeZone: string) => (at === null ? '' : format(new TZDate(at, timeZone), "yyyy-MM-dd'T'HH:mm:ssXXX"));

/**
 * RFC 4180 CSV (CRLF line ends, quoted where needed), UTF-8 with a byte-order mark so spreadsheets
 * read accents; no cell can start a formula (safeCell).
 */
export function timelineToCsv(entries: readonly TimelineEntry[], timeZone: string): string {
  const rows = entries.map((e) => [
    iso(e.occurredAt, timeZone), format(new TZDate(e.occurredAt, timeZone), 'yyyy-MM-dd HH:mm'), timeZone, e.occurredPrecision, iso(e.reportedAt, timeZone),
    iso(e.recordedAt, timeZone), e.recordedBy, e.category, e.title, e.body, e.source, e.verification, e.tags.join(' '), e.release,
    e.onBehalfOf ?? '', e.transcribed ? 'yes' : 'no', e.retracted ? 'yes' : 'no', e.retractionReason ?? '', String(e.revisionCount), e.id,
  ].map(safeCell));
  return `\uFEFF${Papa.unparse({ fields: [...CSV_COLUMNS], data: rows }, { newline: '\r\n', quotes: false })}\r\n`;
}

// ---------------------------------------------------------------- import

export const IMPORT_FIELDS = ['occurred', 'date', 'time', 'title', 'body', 'source', 'category', 'verification', 'tags', 'reported'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
export type ColumnMapping = Partial<Record<ImportField, number>>;

export const IMPORT_FIELD_LABELS: Record<ImportField, string> = {
  occurred: 'Date and time it happened',
  date: 'Date it happened',
  time: 'Time it happened',
  title: 'What happened (title)',
  body: 'Notes',
  source: 'Source',
  category: 'Category',
  verification: 'Verification',
  tags: 'Tags',
  reported: 'When the city heard of it',
};

const SYNONYMS: Record<ImportField, string[]> = {
  occurred: ['occurred_at', 'occurred', 'datetime', 'date_time', 'timestamp', 'when', 'occurred_local'],
  date: ['date', 'day', 'dato'],
  time: ['time', 'clock', 'tid', 'hour'],
  title: ['title', 'what', 'event', 'summary', 'entry', 'description of event', 'subject'],
  body: ['body', 'notes', 'note', 'details', 'description', 'comments'],
  source: ['source', 'who', 'reported by', 'from', 'caller'],
  category: ['category', 'type', 'kind'],
  verification: ['verification', 'verified', 'status', 'confirmed'],
  tags: ['tags', 'tag', 'labels'],
  reported: ['reported_at', 'reported', 'heard', 'received'],
};

export { readCsvTable as readCsv, type CsvError, type CsvTable } from '../csv/readCsvTable';
import type { CsvTable } from '../csv/readCsvTable';

/** Guesses which column holds which field from the header names. */
export function autoMap(headers: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  const norm = headers.map((h) => h.trim().toLowerCase().replace(/[\s-]+/g, '_'));
  for (const field of IMPORT_FIELDS) {
    const i = norm.findIndex((h, idx) => SYNONYMS[field].some((s) => s.replace(/\s+/g, '_') === h) && !Object.values(mapping).includes(idx));
    if (i >= 0) mapping[field] = i;
  }
  if (mapping.occurred !== undefined) {
    delete mapping.date;
    delete mapping.time;
  }
  return mapping;
}

export type RowError = { row: number; column: string; problem: string };

const DATE_FORMS: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^(\d{4})-(\d{2})-(\d{2})$/, (m) => `${m[1]}-${m[2]}-${m[3]}`],
  [/^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/, (m) => `${m[3]}-${(m[2] ?? '').padStart(2, '0')}-${(m[1] ?? '').padStart(2, '0')}`],
];

function normaliseDate(text: string): string | null {
  for (const [re, to] of DATE_FORMS) {
    const m = re.exec(text.trim());
    if (m) return to(m);
  }
  return null;
}

/** "2026-11-24 14:05", "24/11/2026 14:05", or ISO with an offset ("…T14:05:00+01:00"). */
function parseMoment(dateText: string, timeText: string | null, timeZone: string): Result<number, string> {
  const whole = timeText === null ? dateText.trim() : `${dateText.trim()} ${timeText.trim()}`;
  if (/[zZ]$|[+-]\d{2}:?\d{2}$/.test(whole) && /\d{4}-\d{2}-\d{2}T/.test(whole)) {
    const t = Date.parse(whole);
    return Number.isNaN(t) ? err(`“${whole}” is not a date and time`) : ok(t);
  }
  const m = /^(\S+)[ T](\d{1,2}[:.]\d{2})(?::\d{2})?$/.exec(whole);
  const date = normaliseDate(m ? (m[1] ?? '') : whole);
  if (!date) return err(`“${whole}” is not a date (use YYYY-MM-DD HH:MM or DD/MM/YYYY HH:MM)`);
  const time = m ? (m[2] ?? '').replace('.', ':') : null;
  if (time === null) return err(`“${whole}” has no time of day`);
  const r = wallClockToInstant(date, time.padStart(5, '0'), timeZone);
  if (r.ok) return r;
  return err(r.error.code === 'nonexistent-time' ? `${date} ${time} did not exist in ${timeZone} (clocks skipped that hour)` : `“${whole}” is not a valid date and time`);
}

function matchChoice<T extends string>(text: string, ids: readonly T[], labels: Record<T, string>): T | null {
  const t = text.trim().toLowerCase();
  return ids.find((id) => id === t || labels[id].toLowerCase() === t || labels[id].toLowerCase().startsWith(t)) ?? null;
}

/**
 * Checks every row against the mapping and turns the good ones into entries. Nothing is
 * written here: the caller shows the errors and writes only when the operator confirms.
 */
export function importRows(
  table: CsvTable,
  mapping: ColumnMapping,
  options: { timeZone: string },
): Result<{ contents: EntryContent[]; errors: RowError[] }, string> {
  if (mapping.title === undefined) return err('Choose the column that says what happened (the title).');
  if (mapping.occurred === undefined && mapping.date === undefined) return err('Choose the column with the date (and time) it happened.');
  const col = (f: ImportField) => (mapping[f] === undefined ? null : (table.headers[mapping[f]] ?? `column ${mapping[f] + 1}`));
  const cell = (row: string[], f: ImportField) => (mapping[f] === undefined ? '' : (row[mapping[f]] ?? '').trim());

  const contents: EntryContent[] = [];
  const errors: RowError[] = [];
  table.rows.forEach((row, i) => {
    const rowNo = i + 2; // the header is row 1, as a spreadsheet numbers it
    const problems: RowError[] = [];
    const bad = (f: ImportField, problem: string) => problems.push({ row: rowNo, column: col(f) ?? IMPORT_FIELD_LABELS[f], problem });

    let occurredAt = 0;
    const whenField: ImportField = mapping.occurred !== undefined ? 'occurred' : 'date';
    const whenText = cell(row, whenField);
    const timeText = mapping.occurred === undefined && mapping.time !== undefined ? cell(row, 'time') : null;
    const timeMatch = timeText === null || timeText === '' ? null : /^(\d{1,2})[:.](\d{2})(?::\d{2})?$/.exec(timeText);
    if (whenText === '') bad(whenField, 'is empty');
    else if (timeText !== null && timeText !== '' && (!timeMatch || Number(timeMatch[1]) > 23 || Number(timeMatch[2]) > 59)) {
      bad('time', `“${timeText}” is not a time of day (use HH:MM, 24-hour)`);
    } else {
      const r = parseMoment(whenText, timeText === null ? null : timeText || '00:00', options.timeZone);
      if (r.ok) occurredAt = r.value;
      else bad(whenField, r.error);
    }
    let reportedAt: number | null = null;
    const reportedText = cell(row, 'reported');
    if (reportedText !== '') {
      const r = parseMoment(reportedText, null, options.timeZone);
      if (r.ok) reportedAt = r.value;
      else bad('reported', r.error);
    }
    const title = cell(row, 'title');
    if (title === '') bad('title', 'is empty');
    else if (title.length > 500) bad('title', 'is longer than 500 characters');
    const categoryText = cell(row, 'category');
    const category: TimelineCategory | null = categoryText === '' ? 'event' : matchChoice(categoryText, TIMELINE_CATEGORIES, CATEGORY_LABELS);
    if (category === null) bad('category', `“${categoryText}” is not a category (${TIMELINE_CATEGORIES.join(', ')})`);
    const verificationText = cell(row, 'verification');
    const verification: Verification | null = verificationText === '' ? 'unverified' : matchChoice(verificationText, VERIFICATION_STATES, VERIFICATION_LABELS);
    if (verification === null) bad('verification', `“${verificationText}” is not unverified, confirmed or disproven`);
    const tags = parseTags(cell(row, 'tags'));
    const badTag = tags.find((t) => !/^[\p{L}\p{N}_-]{1,40}$/u.test(t));
    if (badTag !== undefined) bad('tags', `“${badTag}” cannot be a tag`);
    const body = cell(row, 'body');
    if (body.length > 20_000) bad('body', 'is longer than 20,000 characters');
    const source = cell(row, 'source');
    if (source.length > 200) bad('source', 'is longer than 200 characters');

    if (problems.length > 0 || category === null || verification === null) {
      errors.push(...problems);
      return;
    }
    const content: EntryContent = {
      occurredAt, occurredPrecision: 'exact', reportedAt, category, title, body, source, sourceContactId: null, verification, tags,
      release: 'internal', links: [], onBehalfOf: null, transcribed: true, retracted: false, retractionReason: null,
    };
    // The timeline's own check on every new entry, said here by row and column rather than at import.
    const checked = checkEntryContent(content);
    if (!checked.ok) {
      errors.push(...checked.error.map((p) => ({ row: rowNo, column: col(p.field as ImportField) ?? p.field, problem: p.message })));
      return;
    }
    contents.push(content);
  });
  return ok({ contents, errors });
}

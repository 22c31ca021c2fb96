import type { CsvTable, CsvWarning } from '../csv/readCsvTable';
import { formatWallClock } from '../incident/wallClock';
import type { DateOrder } from '../locale/dateOrder';
import { err, ok, type Result } from '../result';
import { DAY_MS } from '../time';
import {
  TIMELINE_CATEGORIES,
  VERIFICATION_STATES,
  type EntryContent,
  type TimelineCategory,
  type Verification,
} from '../../schemas/timeline';
import { checkEntryContent } from './contentCheck';
import { checkTimeCell, orderedDateParts, readMoment, type AmbiguousMoment } from './csvMoment';
import { CATEGORY_LABELS, VERIFICATION_LABELS, parseTags } from './entryForm';
import { categoryFromWord } from './quickEntry';
import { plainEntry } from './plainEntry';
import { format } from '../../i18n/format';

/**
 * Importing a timeline kept by hand in a spreadsheet: map the columns, read every row, and say
 * what each row will become before anything is written.
 */

export const IMPORT_FIELDS = [
  'occurred',
  'date',
  'time',
  'title',
  'body',
  'source',
  'category',
  'verification',
  'tags',
  'reported',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
export type ColumnMapping = Partial<Record<ImportField, number>>;

/** What each field of the import is called beside its column picker. */
export function importFieldLabel(field: ImportField): string {
  return format('timeline.import.field', { field });
}

/** Every field's label, for the column pickers. */
export function importFieldLabels(): Record<ImportField, string> {
  return Object.fromEntries(IMPORT_FIELDS.map((f) => [f, importFieldLabel(f)])) as Record<ImportField, string>;
}

const SYNONYMS: Record<ImportField, string[]> = {
  occurred: [
    'occurred_at',
    'occurred',
    'datetime',
    'date_time',
    'date_and_time',
    'date/time',
    'timestamp',
    'when',
    'occurred_local',
  ],
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

const normHeader = (h: string) =>
  h
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

/** Guesses which column holds which field from the header names. */
export function autoMap(headers: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  const norm = headers.map(normHeader);
  for (const field of IMPORT_FIELDS) {
    const i = norm.findIndex(
      (h, idx) => SYNONYMS[field].some((s) => normHeader(s) === h) && !Object.values(mapping).includes(idx),
    );
    if (i >= 0) mapping[field] = i;
  }
  if (mapping.occurred !== undefined) {
    delete mapping.date;
    delete mapping.time;
  }
  return mapping;
}

const looksLikeDate = (cell: string) =>
  readMoment(cell, '00:00', { timeZone: 'UTC', order: 'day-first' }).ok ||
  readMoment(cell, '00:00', { timeZone: 'UTC', order: 'month-first' }).ok;
const looksLikeMoment = (cell: string) =>
  readMoment(cell, null, { timeZone: 'UTC', order: 'day-first' }).ok ||
  readMoment(cell, null, { timeZone: 'UTC', order: 'month-first' }).ok;
const looksLikeTime = (cell: string) => checkTimeCell(cell) === null;

/**
 * Whether the first row of a file is already data (no header row): none of its cells is a
 * column name the desk knows, and one of them is a date.
 */
export function firstRowLooksLikeData(firstRow: readonly string[]): boolean {
  const mapped = autoMap(firstRow);
  if (mapped.title !== undefined || mapped.occurred !== undefined || mapped.date !== undefined) return false;
  return firstRow.some((c) => looksLikeDate(c.trim()) || looksLikeMoment(c.trim()));
}

/**
 * For a file without a header row, guesses the columns from what the first rows hold: a date
 * and time, a date, a time, then the first column of words as the title.
 */
export function mapByContent(rows: readonly string[][]): ColumnMapping {
  const sample = rows.slice(0, 20);
  const width = sample.reduce((w, r) => Math.max(w, r.length), 0);
  const mostly = (i: number, test: (cell: string) => boolean) => {
    const cells = sample.map((r) => (r[i] ?? '').trim()).filter((c) => c !== '');
    return cells.length > 0 && cells.filter(test).length >= cells.length * 0.8;
  };
  const mapping: ColumnMapping = {};
  const used = new Set<number>();
  const take = (field: ImportField, test: (cell: string) => boolean) => {
    for (let i = 0; i < width; i += 1) {
      if (!used.has(i) && mostly(i, test)) {
        mapping[field] = i;
        used.add(i);
        return;
      }
    }
  };
  take('occurred', looksLikeMoment);
  if (mapping.occurred === undefined) {
    take('date', looksLikeDate);
    take('time', looksLikeTime);
  }
  take('category', (c) => matchChoice(c, TIMELINE_CATEGORIES, CATEGORY_LABELS) !== null);
  take('title', (c) => /\p{L}/u.test(c));
  return mapping;
}

/** What the file itself says about its date order: a 13/07/2026 settles it. */
export type DateOrderEvidence = { order: DateOrder; row: number; text: string } | null;

/** Finds the first date in the file that only one order can read, or null when every date reads both ways. */
export function dateOrderFromFile(table: CsvTable, mapping: ColumnMapping): DateOrderEvidence {
  const column = mapping.occurred ?? mapping.date;
  if (column === undefined) return null;
  for (const [i, row] of table.rows.entries()) {
    const text = (row[column] ?? '').trim();
    const parts = orderedDateParts(text);
    if (!parts) continue;
    const [a, b] = parts;
    if (a > 12 && b <= 12) return { order: 'day-first', row: table.rowNumbers?.[i] ?? i + 2, text };
    if (b > 12 && a <= 12) return { order: 'month-first', row: table.rowNumbers?.[i] ?? i + 2, text };
  }
  return null;
}

function matchChoice<T extends string>(text: string, ids: readonly T[], labels: Record<T, string>): T | null {
  const t = text.trim().toLowerCase();
  if (t === '') return null;
  return ids.find((id) => id === t || labels[id].toLowerCase() === t || labels[id].toLowerCase().startsWith(t)) ?? null;
}

/** The key that says two entries are the same: when, and the same words. */
export function sameEntryKey(c: Pick<EntryContent, 'occurredAt' | 'title' | 'body'>): string {
  const words = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();
  return `${String(c.occurredAt)}\u0000${words(c.title)}\u0000${words(c.body)}`;
}

export type RowProblem = { row: number; column: string; problem: string };

/** A row the import can write, with what the preview must say about it. */
export type ImportRow = {
  row: number;
  content: EntryContent;
  /** The same time and words are already on the timeline (an earlier import of this file). */
  duplicate: boolean;
  /** Dated long before the incident began, or in the future: worth a second look. */
  outside: 'before' | 'future' | null;
  /** Holds U+FFFD (�): characters the chosen encoding could not read. */
  unreadable: boolean;
};

/** A row whose time happened twice on the incident's clock, waiting for the person's choice. */
export type AmbiguousRow = AmbiguousMoment & { row: number; column: string };

export type AmbiguityChoice = 'earlier' | 'later';

export type ImportSettings = {
  mapping: ColumnMapping;
  dateOrder: DateOrder;
  /** Which reading of each ambiguous row, by row number. */
  ambiguity: Readonly<Record<number, AmbiguityChoice>>;
};

export type ImportContext = {
  timeZone: string;
  incidentStart: number;
  now: number;
  /** sameEntryKey of every entry already on the timeline, with how many carry it. */
  existing: ReadonlyMap<string, number>;
  /** Problems the CSV parser found in cells, by row and column. */
  csvWarnings?: readonly CsvWarning[];
};

export type ImportAnalysis = {
  /** Rows that can be written, in the file's order (ambiguous rows once a reading is chosen). */
  rows: ImportRow[];
  errors: RowProblem[];
  /** Ambiguous rows with no reading chosen yet: the import waits for them. */
  ambiguous: AmbiguousRow[];
  /** Ambiguous rows already resolved, so the choice stays visible and can be changed. */
  resolved: (AmbiguousRow & { choice: AmbiguityChoice })[];
};

/** Rows before this long before the incident's start are called out: a day covers what led up to it. */
export const BEFORE_START_MARGIN_MS = DAY_MS;
/** Rows later than this past now are called out as in the future (clocks drift a little). */
export const FUTURE_MARGIN_MS = 5 * 60 * 1000;

/**
 * Checks every row against the mapping and turns the good ones into entries. Nothing is
 * written here: the caller shows the problems, the ambiguous times and the duplicates, and
 * writes only what the person confirms.
 */
export function analyseImport(
  table: CsvTable,
  settings: ImportSettings,
  context: ImportContext,
  onProgress?: (done: number, total: number) => void,
): Result<ImportAnalysis, string> {
  const { mapping } = settings;
  if (mapping.title === undefined) return err(format('timeline.import.chooseTitle'));
  if (mapping.occurred === undefined && mapping.date === undefined) return err(format('timeline.import.chooseDate'));
  const col = (i: number) => table.headers[i] || format('timeline.import.column', { number: i + 1 });
  const colOf = (f: ImportField) => (mapping[f] === undefined ? importFieldLabel(f) : col(mapping[f]));
  const cell = (row: string[], f: ImportField) => (mapping[f] === undefined ? '' : (row[mapping[f]] ?? '').trim());
  const mappedColumns = new Set(Object.values(mapping));
  const remaining = new Map(context.existing);
  const parserWarnings = new Map<number, CsvWarning[]>();
  for (const w of context.csvWarnings ?? []) parserWarnings.set(w.row, [...(parserWarnings.get(w.row) ?? []), w]);
  const momentOptions = { timeZone: context.timeZone, order: settings.dateOrder };
  const analysis: ImportAnalysis = { rows: [], errors: [], ambiguous: [], resolved: [] };

  table.rows.forEach((row, i) => {
    if (onProgress && i % 1000 === 0) onProgress(i, table.rows.length);
    const rowNo = table.rowNumbers?.[i] ?? i + 2;
    const problems: RowProblem[] = [];
    const bad = (f: ImportField, problem: string) => problems.push({ row: rowNo, column: colOf(f), problem });

    if (table.hasHeaderRow !== false && row.length > table.headers.length) {
      const extra = row.slice(table.headers.length).filter((c) => c.trim() !== '');
      if (extra.length > 0) {
        problems.push({
          row: rowNo,
          column: format('timeline.import.afterColumn', { column: col(table.headers.length - 1) }),
          problem: format('timeline.import.extraValues', {
            values: row.length,
            columns: table.headers.length,
            extra: extra.join('”, “').slice(0, 80),
          }),
        });
      }
    }
    for (const w of parserWarnings.get(rowNo) ?? []) {
      if (mappedColumns.has(w.column - 1)) problems.push({ row: rowNo, column: col(w.column - 1), problem: w.problem });
    }

    let occurredAt: number | null = null;
    let ambiguous: AmbiguousRow | null = null;
    const whenField: ImportField = mapping.occurred !== undefined ? 'occurred' : 'date';
    let whenText = cell(row, whenField);
    const timeText = mapping.occurred === undefined && mapping.time !== undefined ? cell(row, 'time') : null;
    // Excel writes a date-only cell as "2026-11-20 00:00:00" when the time is in its own column.
    if (timeText !== null && timeText !== '') whenText = whenText.replace(/^(\S+)[ T]0?0[:.]00(?:[:.]00)?$/, '$1');
    const timeProblem = timeText === null || timeText === '' ? null : checkTimeCell(timeText);
    if (whenText === '') bad(whenField, format('timeline.import.emptyCell'));
    else if (timeProblem !== null) bad('time', timeProblem);
    else {
      const r = readMoment(whenText, timeText === null ? null : timeText || '00:00', momentOptions);
      if (!r.ok) bad(whenField, r.error);
      else if (r.value.kind === 'instant') occurredAt = r.value.at;
      else {
        ambiguous = {
          row: rowNo,
          column: colOf(whenField),
          wall: r.value.wall,
          earlier: r.value.earlier,
          later: r.value.later,
        };
        const choice = settings.ambiguity[rowNo];
        if (choice) {
          occurredAt = choice === 'earlier' ? r.value.earlier : r.value.later;
          analysis.resolved.push({ ...ambiguous, choice });
        }
      }
    }
    let reportedAt: number | null = null;
    const reportedText = cell(row, 'reported');
    if (reportedText !== '') {
      const r = readMoment(reportedText, null, momentOptions);
      if (!r.ok) bad('reported', r.error);
      // When the city heard of it is a note beside the main time: of two readings, the first.
      else reportedAt = r.value.kind === 'instant' ? r.value.at : r.value.earlier;
    }
    // Lengths, tags and an empty title are checked below by the timeline's own check on new entries.
    const title = cell(row, 'title');
    const categoryText = cell(row, 'category');
    const category: TimelineCategory | null =
      categoryText === ''
        ? 'event'
        : (categoryFromWord(categoryText) ?? matchChoice(categoryText, TIMELINE_CATEGORIES, CATEGORY_LABELS));
    if (category === null)
      bad(
        'category',
        format('timeline.import.notACategory', { text: categoryText, categories: TIMELINE_CATEGORIES.join(', ') }),
      );
    const verificationText = cell(row, 'verification');
    const verification: Verification | null =
      verificationText === '' ? 'unverified' : matchChoice(verificationText, VERIFICATION_STATES, VERIFICATION_LABELS);
    if (verification === null)
      bad('verification', format('timeline.import.notAVerification', { text: verificationText }));
    const tags = parseTags(cell(row, 'tags'));
    const body = cell(row, 'body');
    const source = cell(row, 'source');

    if (problems.length > 0 || category === null || verification === null) {
      analysis.errors.push(...problems);
      return;
    }
    if (occurredAt === null) {
      if (ambiguous) analysis.ambiguous.push(ambiguous);
      return;
    }
    const content = plainEntry({
      occurredAt,
      reportedAt,
      category,
      title,
      body,
      source,
      verification,
      tags,
      transcribed: true,
    });
    // The timeline's own check on every new entry (what a restore accepts), said here by row and column.
    const checked = checkEntryContent(content);
    if (!checked.ok) {
      analysis.errors.push(
        ...checked.error.map((p) => ({
          row: rowNo,
          column: (IMPORT_FIELDS as readonly string[]).includes(p.field) ? colOf(p.field as ImportField) : p.field,
          problem: p.message,
        })),
      );
      return;
    }
    const key = sameEntryKey(content);
    const seen = remaining.get(key) ?? 0;
    if (seen > 0) remaining.set(key, seen - 1);
    const outside =
      occurredAt < context.incidentStart - BEFORE_START_MARGIN_MS
        ? 'before'
        : occurredAt > context.now + FUTURE_MARGIN_MS
          ? 'future'
          : null;
    const unreadable = [title, body, source, ...tags].some((s) => s.includes('\uFFFD'));
    analysis.rows.push({ row: rowNo, content, duplicate: seen > 0, outside, unreadable });
  });
  onProgress?.(table.rows.length, table.rows.length);
  return ok(analysis);
}

/** "dated 7 Apr 2026, long before the incident began on 4 Jul 2026": why a row is called out. */
export function describeOutside(row: ImportRow, context: Pick<ImportContext, 'timeZone' | 'incidentStart'>): string {
  const when = formatWallClock(row.content.occurredAt, context.timeZone, 'd MMM yyyy HH:mm');
  return row.outside === 'before'
    ? format('timeline.import.before', {
        when,
        start: formatWallClock(context.incidentStart, context.timeZone, 'd MMM yyyy HH:mm'),
      })
    : format('timeline.import.future', { when });
}

/** What the person decided about the rows the preview called out. */
export type WriteChoices = {
  /** Leave out rows already on the timeline (the default: a re-import adds nothing twice). */
  skipDuplicates: boolean;
  /** Leave out rows dated long before the incident or in the future. */
  leaveOutOutside: boolean;
  /** Write rows holding � as they are, knowing the characters are lost. */
  acceptUnreadable: boolean;
  /** Write the good rows and leave out the rows with problems. */
  leaveOutBad: boolean;
};

export type ImportPlan = {
  contents: EntryContent[];
  /** Why nothing can be written yet, in words; empty when the import can go ahead. */
  blockers: string[];
};

/** The entries an import writes, in the file's order, given the person's choices. */
export function planImport(analysis: ImportAnalysis, choices: WriteChoices): ImportPlan {
  const blockers: string[] = [];
  const badRows = new Set(analysis.errors.map((e) => e.row)).size;
  if (badRows > 0 && !choices.leaveOutBad) blockers.push(format('timeline.import.fixBadRows', { rows: badRows }));
  if (analysis.ambiguous.length > 0)
    blockers.push(format('timeline.import.chooseAmbiguous', { rows: analysis.ambiguous.length }));
  const unreadable = analysis.rows.filter(
    (r) => r.unreadable && !(choices.skipDuplicates && r.duplicate) && !(choices.leaveOutOutside && r.outside),
  ).length;
  if (unreadable > 0 && !choices.acceptUnreadable)
    blockers.push(format('timeline.import.chooseEncoding', { rows: unreadable }));
  const contents = analysis.rows
    .filter((r) => !(choices.skipDuplicates && r.duplicate) && !(choices.leaveOutOutside && r.outside !== null))
    .map((r) => r.content);
  if (contents.length === 0 && blockers.length === 0) blockers.push(format('timeline.import.nothingLeft'));
  return { contents, blockers };
}

import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { defaultDateOrder } from '@shared/domain/locale/dateOrder';
import {
  analyseImport,
  dateOrderFromFile,
  planImport,
  sameEntryKey,
  type ColumnMapping,
  type ImportContext,
  type ImportSettings,
} from '@shared/domain/timeline/csvImport';
import { readImportFile } from '@shared/domain/timeline/csvImportFile';
import { describeReading, previewWallClock } from '@shared/domain/timeline/csvMoment';
import { plainEntry } from '@shared/domain/timeline/plainEntry';
import type { TextEncodingId } from '@shared/domain/text/encoding';

const CHICAGO = 'America/Chicago';
const OSLO = 'Europe/Oslo';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../fixtures/timeline-csv/${name}`, import.meta.url)));

function read(name: string, choice: { encoding?: TextEncodingId; firstRowIsData?: boolean } = {}) {
  const r = readImportFile(fixture(name), choice);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

function analyse(
  name: string,
  timeZone: string,
  over: Partial<ImportSettings> & Partial<ImportContext> & { firstRowIsData?: boolean } = {},
) {
  const file = read(name, over.firstRowIsData === undefined ? {} : { firstRowIsData: over.firstRowIsData });
  const settings: ImportSettings = {
    mapping: over.mapping ?? file.suggestedMapping,
    dateOrder: over.dateOrder ?? defaultDateOrder(timeZone),
    ambiguity: over.ambiguity ?? {},
  };
  const context: ImportContext = {
    timeZone,
    incidentStart: over.incidentStart ?? Date.UTC(2026, 6, 4, 13, 0),
    now: over.now ?? Date.UTC(2026, 11, 1, 12, 0),
    existing: over.existing ?? new Map(),
    csvWarnings: file.csvWarnings,
  };
  const r = analyseImport(file.table, settings, context);
  if (!r.ok) throw new Error(r.error);
  return { file, analysis: r.value };
}

/** An imported row's entry: plain, but for being marked as transcribed from the file. */
const transcribed = (fields: Parameters<typeof plainEntry>[0]) => plainEntry({ ...fields, transcribed: true });

describe('timeline CSV import: encodings', () => {
  it('reads a Windows-1252 file from Excel with US dates in a Chicago incident, accents and times right', () => {
    const { file, analysis } = analyse('excel-windows-1252-us-dates.csv', CHICAGO, {
      now: Date.UTC(2026, 6, 14, 12, 0),
    });
    expect(file.guess).toEqual({ encoding: 'windows-1252', basis: 'letters' });
    expect(file.decoded.unreadable).toBe(0);
    expect(file.suggestedMapping).toEqual({ date: 0, time: 1, title: 2, source: 3, category: 4, body: 5 });
    expect(analysis.errors).toEqual([]);
    expect(analysis.rows.map((r) => [r.row, r.duplicate, r.outside, r.unreadable])).toEqual([
      [2, false, null, false],
      [3, false, null, false],
      [4, false, null, false],
    ]);
    expect(analysis.rows.map((r) => r.content)).toEqual([
      transcribed({
        occurredAt: Date.UTC(2026, 6, 4, 15, 14),
        category: 'decision',
        title: 'Réunion à la mairie',
        body: 'Salle des fêtes réservée',
        source: 'Cabinet du maire',
      }),
      transcribed({
        occurredAt: Date.UTC(2026, 6, 13, 14, 5),
        category: 'action',
        title: 'Café « Le Marché » fermé',
        body: 'Périmètre de 200 m, accès piéton',
        source: 'Police',
      }),
      transcribed({
        occurredAt: Date.UTC(2026, 6, 13, 19, 30),
        category: 'communication',
        title: 'Communiqué – “restez calmes”',
        body: 'Don de 2 000 € annoncé',
        source: 'Service de presse',
      }),
    ]);
  });

  it('says so, row by row, when the chosen encoding cannot read the file', () => {
    const file = read('excel-windows-1252-us-dates.csv', { encoding: 'utf-8' });
    expect(file.guess.encoding).toBe('windows-1252');
    // One replacement character for each of the file's 20 bytes above 0x7F.
    expect(file.decoded).toMatchObject({ encoding: 'utf-8', unreadable: 20, replacementsInFile: 0 });
    const r = analyseImport(
      file.table,
      { mapping: file.suggestedMapping, dateOrder: 'month-first', ambiguity: {} },
      { timeZone: CHICAGO, incidentStart: Date.UTC(2026, 6, 4, 13), now: Date.UTC(2026, 6, 14), existing: new Map() },
    );
    expect(r.ok && r.value.rows.map((row) => [row.unreadable, row.content.title])).toEqual([
      [true, 'R\uFFFDunion \uFFFD la mairie'],
      [true, 'Caf\uFFFD \uFFFD Le March\uFFFD \uFFFD ferm\uFFFD'],
      [true, 'Communiqu\uFFFD \uFFFD \uFFFDrestez calmes\uFFFD'],
    ]);
  });

  it('reads Excel’s “Unicode text” (UTF-16 with a byte-order mark, tab-separated)', () => {
    const { file, analysis } = analyse('excel-unicode-text-utf16le-bom.txt', OSLO, {
      incidentStart: Date.UTC(2026, 10, 24, 12),
    });
    expect(file.guess).toEqual({ encoding: 'utf-16le', basis: 'bom' });
    expect(file.table.headers).toEqual(['When', 'What', 'Who']);
    expect(analysis.rows.map((r) => [r.content.occurredAt, r.content.title, r.content.source])).toEqual([
      [Date.UTC(2026, 10, 24, 13, 5), 'Kirkegata stengt — æøå', 'Politiet'],
      [Date.UTC(2026, 10, 24, 13, 20), 'Συνάντηση στο δημαρχείο', 'Ordførerens kontor'],
    ]);
  });

  it('reads “CSV UTF-8” from Excel: the byte-order mark is dropped, not kept in the first header', () => {
    const { file, analysis } = analyse('excel-csv-utf8-bom.csv', OSLO, { incidentStart: Date.UTC(2026, 10, 24, 12) });
    expect(file.guess).toEqual({ encoding: 'utf-8', basis: 'bom' });
    expect(file.table.headers[0]).toBe('Date');
    expect(analysis.rows.map((r) => [r.content.occurredAt, r.content.title, r.content.source])).toEqual([
      [Date.UTC(2026, 10, 24, 13, 5), 'Réunion à la mairie', 'Zürich police'],
      [Date.UTC(2026, 10, 24, 13, 10), 'Naïve “quotes” and €', 'Ærø'],
    ]);
  });
});

describe('timeline CSV import: date order and the incident’s dates', () => {
  it('reads month-first in a US zone and day-first elsewhere, and offers the other order', () => {
    expect(defaultDateOrder(CHICAGO)).toBe('month-first');
    expect(defaultDateOrder('Pacific/Honolulu')).toBe('month-first');
    expect(defaultDateOrder(OSLO)).toBe('day-first');
    expect(defaultDateOrder('America/Toronto')).toBe('day-first');
    const { analysis } = analyse('excel-windows-1252-us-dates.csv', CHICAGO, {
      dateOrder: 'day-first',
      now: Date.UTC(2026, 6, 14),
    });
    expect(analysis.rows.map((r) => [r.row, r.content.occurredAt])).toEqual([[2, Date.UTC(2026, 3, 7, 15, 14)]]);
    expect(analysis.errors.map((e) => [e.row, e.column, e.problem])).toEqual([
      [
        3,
        'Date',
        '“07/13/2026” has no month 13 when dates are read day first; if the file writes them month first, change the date order above',
      ],
      [
        4,
        'Date',
        '“7/13/2026” has no month 13 when dates are read day first; if the file writes them month first, change the date order above',
      ],
    ]);
  });

  it('finds the date order the file itself proves', () => {
    const file = read('excel-windows-1252-us-dates.csv');
    expect(dateOrderFromFile(file.table, file.suggestedMapping)).toEqual({
      order: 'month-first',
      row: 3,
      text: '07/13/2026',
    });
    const oslo = read('headerless.csv');
    expect(dateOrderFromFile(oslo.table, oslo.suggestedMapping)).toEqual({
      order: 'day-first',
      row: 1,
      text: '24/11/2026 14:05',
    });
  });

  it('calls out rows dated long before the incident began or in the future', () => {
    const { analysis } = analyse('excel-windows-1252-us-dates.csv', CHICAGO, {
      dateOrder: 'month-first',
      incidentStart: Date.UTC(2026, 6, 6, 13),
      now: Date.UTC(2026, 6, 13, 16),
    });
    expect(analysis.rows.map((r) => [r.row, r.outside])).toEqual([
      [2, 'before'],
      [3, null],
      [4, 'future'],
    ]);
  });
});

describe('timeline CSV import: clock changes', () => {
  const night = { incidentStart: Date.UTC(2026, 10, 1, 1), now: Date.UTC(2026, 10, 2) };

  it('flags a time that happened twice, takes offsets and zone names written in the cell, and refuses the spring gap', () => {
    const { analysis } = analyse('chicago-dst-ambiguous.csv', CHICAGO, night);
    expect(analysis.rows.map((r) => [r.row, r.content.occurredAt, r.content.title])).toEqual([
      [2, Date.UTC(2026, 10, 1, 5, 50), 'Before the change'],
      [4, Date.UTC(2026, 10, 1, 7, 30), 'Second crowd report after the clocks went back'],
      [5, Date.UTC(2026, 10, 1, 6, 45), 'Police arrive (offset written)'],
    ]);
    expect(analysis.ambiguous).toEqual([
      {
        row: 3,
        column: 'When',
        wall: '2026-11-01 01:30',
        earlier: Date.UTC(2026, 10, 1, 6, 30),
        later: Date.UTC(2026, 10, 1, 7, 30),
      },
      {
        row: 6,
        column: 'When',
        wall: '2026-11-01 01:40',
        earlier: Date.UTC(2026, 10, 1, 6, 40),
        later: Date.UTC(2026, 10, 1, 7, 40),
      },
    ]);
    expect(analysis.errors).toEqual([
      {
        row: 7,
        column: 'When',
        problem: '2026-03-08 02:30 did not exist in America/Chicago (clocks skipped that hour)',
      },
    ]);
  });

  it('names the two readings of a time that happened twice, and tells them apart in the preview', () => {
    expect(describeReading(Date.UTC(2026, 10, 1, 6, 30), CHICAGO)).toBe('01:30 CDT (UTC-05:00)');
    expect(describeReading(Date.UTC(2026, 10, 1, 7, 30), CHICAGO)).toBe('01:30 CST (UTC-06:00)');
    expect(previewWallClock(Date.UTC(2026, 10, 1, 7, 30), CHICAGO)).toBe('1 Nov 2026 01:30 CST (UTC-06:00)');
    expect(previewWallClock(Date.UTC(2026, 10, 1, 5, 50), CHICAGO)).toBe('1 Nov 2026 00:50');
    expect(describeReading(Date.UTC(2026, 9, 25, 0, 30), OSLO)).toBe('02:30 (UTC+02:00)');
  });

  it('writes an ambiguous row only once its reading is chosen, at the chosen instant, in the file’s order', () => {
    const { analysis } = analyse('chicago-dst-ambiguous.csv', CHICAGO, {
      ...night,
      ambiguity: { 3: 'later', 6: 'earlier' },
    });
    expect(analysis.ambiguous).toEqual([]);
    expect(analysis.resolved.map((r) => [r.row, r.choice])).toEqual([
      [3, 'later'],
      [6, 'earlier'],
    ]);
    expect(analysis.rows.map((r) => [r.row, r.content.occurredAt])).toEqual([
      [2, Date.UTC(2026, 10, 1, 5, 50)],
      [3, Date.UTC(2026, 10, 1, 7, 30)],
      [4, Date.UTC(2026, 10, 1, 7, 30)],
      [5, Date.UTC(2026, 10, 1, 6, 45)],
      [6, Date.UTC(2026, 10, 1, 6, 40)],
    ]);
  });
});

describe('timeline CSV import: shapes of files', () => {
  it('finds rows already on the timeline from an earlier import and marks only those', () => {
    const first = analyse('excel-windows-1252-us-dates.csv', CHICAGO, { now: Date.UTC(2026, 6, 14) }).analysis;
    // The first import wrote rows 2 and 3 only.
    const existing = new Map<string, number>();
    for (const r of first.rows.slice(0, 2)) existing.set(sameEntryKey(r.content), 1);
    const again = analyse('excel-windows-1252-us-dates.csv', CHICAGO, {
      now: Date.UTC(2026, 6, 14),
      existing,
    }).analysis;
    expect(again.rows.map((r) => [r.row, r.duplicate])).toEqual([
      [2, true],
      [3, true],
      [4, false],
    ]);
    expect(again.rows.map((r) => r.content)).toEqual(first.rows.map((r) => r.content));
  });

  it('counts duplicates: a row written twice in the file matches two entries, not one', () => {
    const file = read('headerless.csv', { firstRowIsData: true });
    const mapping: ColumnMapping = { occurred: 0, title: 1, source: 2 };
    const twice = { ...file.table, rows: [file.table.rows[0] ?? [], file.table.rows[0] ?? []], rowNumbers: [1, 2] };
    const context = {
      timeZone: OSLO,
      incidentStart: Date.UTC(2026, 10, 24, 12),
      now: Date.UTC(2026, 10, 25),
      existing: new Map([
        [
          sameEntryKey({ occurredAt: Date.UTC(2026, 10, 24, 13, 5), title: 'Police confirm road closures', body: '' }),
          1,
        ],
      ]),
    };
    const r = analyseImport(twice, { mapping, dateOrder: 'day-first', ambiguity: {} }, context);
    expect(r.ok && r.value.rows.map((row) => row.duplicate)).toEqual([true, false]);
  });

  it('imports a file without a header row: the first row is data, numbered row 1', () => {
    const file = read('headerless.csv');
    expect(file.firstRowIsData).toBe(true);
    expect(file.table.headers).toEqual(['Column 1', 'Column 2', 'Column 3']);
    expect(file.suggestedMapping).toEqual({ occurred: 0, title: 1 });
    const { analysis } = analyse('headerless.csv', OSLO, {
      mapping: { occurred: 0, title: 1, source: 2 },
      incidentStart: Date.UTC(2026, 10, 24, 12),
    });
    expect(analysis.rows.map((r) => [r.row, r.content.occurredAt, r.content.title, r.content.source])).toEqual([
      [1, Date.UTC(2026, 10, 24, 13, 5), 'Police confirm road closures', 'Politiet'],
      [2, Date.UTC(2026, 10, 24, 13, 5), 'Ambulances at the scene', 'Ambulanse'],
      [3, Date.UTC(2026, 10, 24, 13, 20), 'Mayor arrives', ''],
    ]);
  });

  it('reads the first row as a header when told so, even where it looks like data', () => {
    const file = read('headerless.csv', { firstRowIsData: false });
    expect(file.table.headers).toEqual(['24/11/2026 14:05', 'Police confirm road closures', 'Politiet']);
    expect(file.table.rows).toHaveLength(2);
  });

  it('says where a quotation mark is never closed, in words, instead of the parser’s jargon', () => {
    const bytes = new TextEncoder().encode(
      'Date,Time,What\n2026-11-24,14:05,Road closed\n2026-11-24,14:10,"Crowd at the "south gate\n2026-11-24,14:20,Mayor arrives\n',
    );
    expect(readImportFile(bytes)).toEqual({
      ok: false,
      error: {
        code: 'unreadable',
        row: 3,
        column: 3,
        detail:
          'row 3, column 3: a cell opens with a quotation mark (") that is never closed, so the rest of the file would read as one cell. Close the quotes in that cell, or remove the stray quotation mark, and save the file again.',
      },
    });
  });

  it('names a row with more values than the header has columns, and a stray quotation mark, in words', () => {
    const { analysis } = analyse('more-fields-than-header.csv', OSLO, { incidentStart: Date.UTC(2026, 10, 24, 12) });
    expect(analysis.rows.map((r) => [r.row, r.content.title])).toEqual([[4, 'Fine row']]);
    expect(analysis.errors).toEqual([
      {
        row: 2,
        column: 'after “Who”',
        problem:
          'has 5 values but the header row names 4 columns (extra: “Hospital”). A comma inside a cell that is not in quotes splits the cell in two: put that cell in quotes, or remove the comma.',
      },
      {
        row: 3,
        column: 'What',
        problem:
          'has a quotation mark (") inside a quoted cell that is not doubled; check the text, and write "" for a quotation mark inside quotes',
      },
    ]);
  });
});

describe('timeline CSV import: what is written', () => {
  const choices = { skipDuplicates: true, leaveOutOutside: false, acceptUnreadable: false, leaveOutBad: false };

  it('writes nothing while a row has a problem, a time is ambiguous or � would be stored unasked', () => {
    const { analysis } = analyse('chicago-dst-ambiguous.csv', CHICAGO, {
      incidentStart: Date.UTC(2026, 10, 1, 1),
      now: Date.UTC(2026, 10, 2),
    });
    expect(planImport(analysis, choices).blockers).toEqual([
      'Fix the 1 row with problems in the file, or choose to leave them out.',
      'Choose which time is meant for the 2 rows whose time happened twice.',
    ]);
    const garbled = read('excel-windows-1252-us-dates.csv', { encoding: 'utf-8' });
    const r = analyseImport(
      garbled.table,
      { mapping: garbled.suggestedMapping, dateOrder: 'month-first', ambiguity: {} },
      { timeZone: CHICAGO, incidentStart: Date.UTC(2026, 6, 4, 13), now: Date.UTC(2026, 6, 14), existing: new Map() },
    );
    if (!r.ok) throw new Error(r.error);
    expect(planImport(r.value, choices).blockers).toEqual([
      'Choose the file’s encoding so that 3 rows read without �, or accept the � in them.',
    ]);
    expect(planImport(r.value, { ...choices, acceptUnreadable: true })).toMatchObject({
      blockers: [],
      contents: { length: 3 },
    });
  });

  it('skips rows already on the timeline and, when asked, rows dated outside the incident', () => {
    const first = analyse('excel-windows-1252-us-dates.csv', CHICAGO, {
      incidentStart: Date.UTC(2026, 6, 6, 13),
      now: Date.UTC(2026, 6, 14),
    }).analysis;
    const existing = new Map([[sameEntryKey(first.rows[1]?.content ?? { occurredAt: 0, title: '', body: '' }), 1]]);
    const { analysis } = analyse('excel-windows-1252-us-dates.csv', CHICAGO, {
      incidentStart: Date.UTC(2026, 6, 6, 13),
      now: Date.UTC(2026, 6, 14),
      existing,
    });
    expect(planImport(analysis, choices).contents.map((c) => c.title)).toEqual([
      'Réunion à la mairie',
      'Communiqué – “restez calmes”',
    ]);
    expect(planImport(analysis, { ...choices, leaveOutOutside: true }).contents.map((c) => c.title)).toEqual([
      'Communiqué – “restez calmes”',
    ]);
    expect(planImport(analysis, { ...choices, skipDuplicates: false }).contents).toHaveLength(3);
  });
});

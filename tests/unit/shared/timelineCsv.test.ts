import { describe, expect, it } from 'vitest';

import { readCsvTable } from '@shared/domain/csv/readCsvTable';
import { timelineToCsv } from '@shared/domain/timeline/csv';
import { analyseImport, autoMap, type ColumnMapping } from '@shared/domain/timeline/csvImport';
import { contentOf } from '@shared/domain/timeline/revisions';

import { makeContent, makeLog } from '../../factories/timeline';

const OSLO = 'Europe/Oslo';
const T = Date.UTC(2026, 10, 24, 13, 10);

const readCsv = (text: string) => readCsvTable(text);
const context = {
  timeZone: OSLO,
  incidentStart: Date.UTC(2026, 10, 20),
  now: Date.UTC(2026, 11, 1),
  existing: new Map<string, number>(),
};
function importRows(t: ReturnType<typeof table>, mapping: ColumnMapping, options: { timeZone: string }) {
  const r = analyseImport(t, { mapping, dateOrder: 'day-first', ambiguity: {} }, { ...context, ...options });
  return r.ok
    ? { ok: true as const, value: { contents: r.value.rows.map((row) => row.content), errors: r.value.errors } }
    : r;
}

function table(text: string) {
  const t = readCsv(text);
  if (!t.ok) throw new Error(t.error.code);
  return t.value;
}

describe('timeline CSV', () => {
  it('exports RFC 4180 rows with ISO times in the zone, and re-imports to the same content', async () => {
    const log = makeLog();
    await log.add(
      'a',
      makeContent({
        title: 'Crowd "surge", south gate',
        body: 'Line one\nLine two',
        tags: ['crowd', 'south'],
        category: 'information',
        verification: 'confirmed',
      }),
      { operator: 'Ingrid', now: T },
    );
    await log.add(
      'b',
      makeContent({ title: 'Kirkegata stengt — æøå', source: 'Politiet', occurredAt: Date.UTC(2026, 6, 1, 8, 0) }),
      { operator: 'Ingrid', now: T },
    );
    const csv = timelineToCsv([...log.entries.values()], OSLO);
    expect(csv.startsWith('\uFEFFoccurred_at,occurred_local,time_zone,')).toBe(true);
    expect(csv).toContain('2026-11-24T14:05:00+01:00,2026-11-24 14:05,Europe/Oslo,exact');
    expect(csv).toContain('2026-07-01T10:00:00+02:00');
    expect(csv).toContain('"Crowd ""surge"", south gate","Line one\nLine two"');
    expect(csv.endsWith('\r\n')).toBe(true);

    const t = table(csv);
    const result = importRows(t, autoMap(t.headers), { timeZone: OSLO });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.errors).toEqual([]);
    const original = [...log.entries.values()].map(contentOf);
    expect(result.value.contents.map((c) => ({ ...c, transcribed: false }))).toEqual(original);
  });

  it('maps common spreadsheet headers automatically', () => {
    expect(autoMap(['Date', 'Time', 'What', 'Who', 'Type', 'Notes'])).toEqual({
      date: 0,
      time: 1,
      title: 2,
      source: 3,
      category: 4,
      body: 5,
    });
  });

  it('names the row, the column and the problem for every bad cell', () => {
    const t = table(
      [
        'Date,Time,What,Type,Verified,Tags',
        '2026-11-20,16:40,Fine,action,confirmed,ok',
        '2026-13-40,10:00,Bad date,,,',
        '2026-11-20,24:00,Bad time,,,',
        '2026-11-20,10:00,,,,',
        '2026-11-20,10:00,Bad type,party,,',
        '2026-11-20,10:00,Bad verification,,maybe,',
        '2026-11-20,10:00,Bad tag,,,a/b',
        '2026-03-29,02:30,Skipped hour,,,',
      ].join('\n'),
    );
    const r = importRows(t, autoMap(t.headers), { timeZone: OSLO });
    expect(r.ok && r.value.contents.map((c) => c.title)).toEqual(['Fine']);
    expect(r.ok && r.value.errors).toEqual([
      { row: 3, column: 'Date', problem: '“2026-13-40” is not a date in the calendar' },
      { row: 4, column: 'Time', problem: '“24:00” is not a time of day (the clock runs from 00:00 to 23:59)' },
      { row: 5, column: 'What', problem: 'The title is empty: say in a few words what happened' },
      { row: 6, column: 'Type', problem: expect.stringContaining('“party” is not a category') as string },
      { row: 7, column: 'Verified', problem: '“maybe” is not unverified, confirmed or disproven' },
      { row: 8, column: 'Tags', problem: '“a/b” cannot be a tag: use letters, digits, - and _' },
      { row: 9, column: 'Date', problem: '2026-03-29 02:30 did not exist in Europe/Oslo (clocks skipped that hour)' },
    ]);
  });

  it('reads day-first dates and a single date-and-time column', () => {
    const t = table('When,What\n24/11/2026 14:05,Day-first\n2026-11-24T13:05:00Z,With an offset');
    const r = importRows(t, autoMap(t.headers), { timeZone: OSLO });
    expect(r.ok && r.value.contents.map((c) => c.occurredAt)).toEqual([
      Date.UTC(2026, 10, 24, 13, 5),
      Date.UTC(2026, 10, 24, 13, 5),
    ]);
  });

  it('refuses a mapping without a title or a date column, and an empty or broken file', () => {
    const t = table('A,B\n1,2');
    expect(importRows(t, {}, { timeZone: OSLO })).toEqual({
      ok: false,
      error: 'Choose the column that says what happened (the title).',
    });
    expect(importRows(t, { title: 0 }, { timeZone: OSLO })).toEqual({
      ok: false,
      error: 'Choose the column with the date (and time) it happened.',
    });
    expect(readCsv('\uFEFF  \n')).toEqual({ ok: false, error: { code: 'empty' } });
    expect(readCsv('a,b\n"unclosed,1\n').ok).toBe(false);
  });
});

describe('timeline CSV and the limits the desk reads back', () => {
  it('names a row past the limits by row and column, before anything is written', () => {
    const tags = Array.from({ length: 31 }, (_, i) => `t${i}`).join(' ');
    const t = table(`title,date,tags\r\nRoad closed,2026-11-24 14:05,${tags}\r\nFine,2026-11-24 14:06,traffic\r\n`);
    const result = importRows(t, autoMap(t.headers), { timeZone: OSLO });
    expect(result.ok && result.value.errors).toEqual([
      { row: 2, column: 'tags', problem: '31 tags; an entry takes up to 30' },
    ]);
    expect(result.ok && result.value.contents.map((c) => c.title)).toEqual(['Fine']);
  });

  it('reads its own neutralised cells back as typed', async () => {
    const log = makeLog();
    await log.add('a', makeContent({ title: '=HYPERLINK("http://x","Click")', source: '+47 38 07 50 00' }), {
      operator: 'Ingrid',
      now: T,
    });
    const csv = timelineToCsv([...log.entries.values()], OSLO);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""Click"")"`);
    const t = table(csv);
    const result = importRows(t, autoMap(t.headers), { timeZone: OSLO });
    expect(result.ok && result.value.contents[0]).toMatchObject({
      title: '=HYPERLINK("http://x","Click")',
      source: '+47 38 07 50 00',
    });
  });
});

import { describe, expect, it } from 'vitest';

import { MAX_ROWS_PER_TABLE, splitContent } from '@shared/domain/signed/split';

const keys = (n: number, prefix = 'k') => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe('a change as signed records', () => {
  it('is one record when it is small, with what it was based on', () => {
    const basedOn = [{ table: 'statements' as const, key: 'st_1', on: '3' }];
    expect(splitContent({ put: { contacts: [{ id: 'con_1' }] }, delete: { lessons: ['les_1'] }, basedOn })).toEqual([
      { put: { contacts: [{ id: 'con_1' }] }, delete: { lessons: ['les_1'] }, basedOn },
    ]);
  });

  it('is still one record of its kind when it holds no recorded row', () => {
    expect(splitContent({ put: { timelineEntries: [{ id: 'tle_1' }] }, delete: {} })).toEqual([
      { put: {}, delete: {}, basedOn: [] },
    ]);
  });

  it('splits at 10,000 rows of a table, deletions first, keeping the order given', () => {
    const records = splitContent({
      put: { contacts: keys(MAX_ROWS_PER_TABLE + 5).map((id) => ({ id })) },
      delete: { lessons: keys(3, 'les') },
    });
    expect(records).toHaveLength(2);
    expect(records[0]?.delete).toEqual({ lessons: ['les0', 'les1', 'les2'] });
    expect(records[0]?.put.contacts).toHaveLength(MAX_ROWS_PER_TABLE);
    expect(records[1]?.put.contacts?.map((c) => c.id)).toEqual(keys(MAX_ROWS_PER_TABLE + 5).slice(MAX_ROWS_PER_TABLE));
    expect(records.flatMap((r) => r.put.contacts ?? []).map((c) => c.id)).toEqual(keys(MAX_ROWS_PER_TABLE + 5));
  });

  it('splits by size, counting characters beyond ASCII in their UTF-8 bytes, and names the basis only once', () => {
    // 20 rows of about 1,000 bytes in a budget of 4,500: four or fewer rows a record.
    const rows = keys(20).map((id) => ({ id, note: 'ø'.repeat(500) }));
    const records = splitContent({
      put: { lessons: rows },
      delete: {},
      basedOn: [{ table: 'lessons', key: 'k0', on: '1' }],
      budget: 4500,
    });
    expect(records.map((r) => r.put.lessons?.length)).toEqual([4, 4, 4, 4, 4]);
    expect(records.map((r) => r.basedOn.length)).toEqual([1, 0, 0, 0, 0]);
    for (const r of records) expect(new TextEncoder().encode(JSON.stringify(r.put)).length).toBeLessThan(4500);
  });

  it('leaves derived tables out', () => {
    const [record] = splitContent({
      put: { timelineRevisions: [{ id: 'tlr_1' }], timelineEntries: [{ id: 'tle_1' }] },
      delete: { timelineEntries: ['tle_0'] },
    });
    expect(record).toEqual({ put: { timelineRevisions: [{ id: 'tlr_1' }] }, delete: {}, basedOn: [] });
  });
});

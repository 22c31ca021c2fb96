import { describe, expect, it } from 'vitest';

import { contactsToCsv } from '@shared/domain/contacts/csv';
import { timelineToCsv } from '@shared/domain/timeline/csv';

import { makeContact } from '../../factories/contacts';
import { makeRecord } from '../../factories/record';
import { makeContent, makeLog } from '../../factories/timeline';
import { hasLibreOffice, openCsvInCalc } from '../../support/libreOffice';

const HOSTILE = [
  '=HYPERLINK("http://evil.example/","Click for victim list")',
  '+HYPERLINK("http://evil.example/")',
  '-2+3',
  '@SUM(1+1)',
  '\t=1+1',
  '=1+1',
];
const PHONE = '+1 312 555 0101';

describe('CSV files opened in LibreOffice Calc', () => {
  it('hold no formula in any cell, and a phone number still reads as one', async () => {
    if (!(await hasLibreOffice()))
      throw new Error('LibreOffice Calc is needed for this test (.ci/run installs libreoffice-calc-nogui)');
    const log = makeLog();
    for (const [i, title] of HOSTILE.entries()) {
      await log.add(
        `e${i}`,
        makeContent({
          title: title.trim() === title ? title : `x${title}`,
          source: HOSTILE[(i + 1) % HOSTILE.length]!.trim(),
          body: HOSTILE[(i + 2) % HOSTILE.length]!,
        }),
        { operator: '=cmd|"/C calc"!A0', now: Date.UTC(2026, 10, 24, 13, i) },
      );
    }
    const record = await makeRecord();
    const hostileRecord = {
      ...record.content.timeline!.entries[0]!,
      title: '=HYPERLINK("http://evil.example/","Open")',
    };
    const contacts = [
      makeContact({
        name: '=HYPERLINK("http://evil.example/","Imam")',
        organisation: '@SUM(1)',
        role: '-1+1',
        phones: [
          { label: 'mobile', number: PHONE },
          { label: 'work', number: '+47 38 07 50 00' },
        ],
        notes: '+cmd|"/C calc"!A0',
      }),
    ];
    const sheets = await openCsvInCalc([
      { name: 'timeline', text: timelineToCsv([...log.entries.values()], 'Europe/Oslo') },
      {
        name: 'record-timeline',
        text: timelineToCsv([...record.content.timeline!.entries, hostileRecord], 'Europe/Oslo'),
      },
      { name: 'contacts', text: contactsToCsv(contacts, { includeDetails: true }) },
    ]);
    let cells = 0;
    for (const [name, rows] of sheets) {
      for (const row of rows) {
        for (const cell of row) {
          cells += 1;
          expect(cell.formula, `${name}: “${cell.text}”`).toBeNull();
        }
      }
    }
    const contactRow = sheets.get('contacts')?.[1]?.map((c) => c.text) ?? [];
    expect(contactRow).toContain(PHONE);
    expect(contactRow).toContain('+47 38 07 50 00');
    expect(contactRow[0]).toBe(`'=HYPERLINK("http://evil.example/","Imam")`);
    expect(
      sheets
        .get('record-timeline')
        ?.flat()
        .some((c) => c.text === `'=HYPERLINK("http://evil.example/","Open")`),
    ).toBe(true);
    console.log(
      `${sheets.size} CSV files, ${cells} cells opened in LibreOffice Calc with formulas evaluated: none is a formula`,
    );
  }, 200_000);
});

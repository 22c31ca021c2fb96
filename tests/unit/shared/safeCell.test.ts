import { describe, expect, it } from 'vitest';

import { safeCell, unneutraliseCell } from '@shared/domain/csv/safeCell';

describe('safeCell', () => {
  it.each([
    ['=HYPERLINK("http://x","Click for victim list")', `'=HYPERLINK("http://x","Click for victim list")`],
    ['+HYPERLINK("http://x")', `'+HYPERLINK("http://x")`],
    ["-2+3+cmd|' /C calc'!A0", `'-2+3+cmd|' /C calc'!A0`],
    ["@SUM(1+1)*cmd|' /C calc'!A0", `'@SUM(1+1)*cmd|' /C calc'!A0`],
    ['\t=1+1', `'\t=1+1`],
    ['\r=1+1', `'\r=1+1`],
    ['＝1+1', `'＝1+1`],
    ['+1-312-555-0101', `'+1-312-555-0101`],
    ['+1 312 555 0101 ext. 5', `'+1 312 555 0101 ext. 5`],
    ['- Police on site', `'- Police on site`],
  ])('neutralises %j as %j', (value, written) => {
    expect(safeCell(value)).toBe(written);
    expect(unneutraliseCell(written)).toBe(value);
  });

  it.each([
    '+1 312 555 0101',
    '+47 38 07 50 00',
    '+4738075000',
    'Police confirm road closures',
    '',
    "'quoted already",
    '1+1',
    'Smith = Jones',
  ])('leaves %j as typed', (value) => {
    expect(safeCell(value)).toBe(value);
    expect(unneutraliseCell(value)).toBe(value);
  });
});

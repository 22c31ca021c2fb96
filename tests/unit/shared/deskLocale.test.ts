import { describe, expect, it } from 'vitest';

import { describeWallClockError, instantToWallClock, wallClockToInstant } from '@shared/domain/incident/wallClock';
import {
  dateHint,
  formatInstant,
  localeConventions,
  localeFromSystem,
  timeHint,
} from '@shared/domain/locale/deskLocale';
import { describeDateError, readDate, readTime } from '@shared/domain/locale/readDateTime';

// 4 July 2026, 14:05:09 in Oslo (UTC+2 in summer).
const JULY_4_1405 = Date.UTC(2026, 6, 4, 12, 5, 9);

describe('the desk locale decides the clock and the date order', () => {
  it.each([
    ['en-US', true, 'MDY', 0, '7/4/2026', '2:05 PM', 'Jul 4, 2026, 2:05 PM', 'Saturday, July 4, 2026'],
    ['en-GB', false, 'DMY', 1, '04/07/2026', '14:05', '4 Jul 2026 14:05', 'Saturday 4 July 2026'],
    ['nb-NO', false, 'DMY', 1, '4.7.2026', '14:05', '4 Jul 2026 14:05', 'Saturday 4 July 2026'],
    ['de-DE', false, 'DMY', 1, '4.7.2026', '14:05', '4 Jul 2026 14:05', 'Saturday 4 July 2026'],
  ] as const)(
    '%s: 12-hour %s, %s, week from day %i',
    (locale, hour12, order, weekStartsOn, numeric, time, dateTime, heading) => {
      const c = localeConventions(locale);
      expect({ hour12: c.hour12, order: c.order, weekStartsOn: c.weekStartsOn }).toEqual({
        hour12,
        order,
        weekStartsOn,
      });
      expect(formatInstant(JULY_4_1405, 'Europe/Oslo', 'numeric-date', locale)).toBe(numeric);
      expect(formatInstant(JULY_4_1405, 'Europe/Oslo', 'time', locale)).toBe(time);
      expect(formatInstant(JULY_4_1405, 'Europe/Oslo', 'date-time', locale)).toBe(dateTime);
      expect(formatInstant(JULY_4_1405, 'Europe/Oslo', 'day-heading', locale)).toBe(heading);
    },
  );

  it('writes seconds and the weekday in the locale’s clock', () => {
    expect(formatInstant(JULY_4_1405, 'Europe/Oslo', 'weekday-date-time-seconds', 'en-US')).toBe(
      'Sat, Jul 4, 2026, 2:05:09 PM',
    );
    expect(formatInstant(JULY_4_1405, 'Europe/Oslo', 'weekday-date-time-seconds', 'en-GB')).toBe(
      'Sat 4 Jul 2026, 14:05:09',
    );
    expect(formatInstant(Date.UTC(2026, 6, 3, 22, 30), 'Europe/Oslo', 'time', 'en-US')).toBe('12:30 AM');
  });

  it('shows the clock of the incident’s zone on a day the clocks change', () => {
    // 29 March 2026 in Oslo: 02:00 becomes 03:00. 00:30 UTC is 01:30 CET, 01:30 UTC is 03:30 CEST.
    expect(formatInstant(Date.UTC(2026, 2, 29, 0, 30), 'Europe/Oslo', 'time', 'nb-NO')).toBe('01:30');
    expect(formatInstant(Date.UTC(2026, 2, 29, 1, 30), 'Europe/Oslo', 'time', 'nb-NO')).toBe('03:30');
    // 1 November 2026 in Chicago: 1:30 AM happens twice (CDT, then CST), both written the US way.
    expect(formatInstant(Date.UTC(2026, 10, 1, 6, 30), 'America/Chicago', 'date-time', 'en-US')).toBe(
      'Nov 1, 2026, 1:30 AM',
    );
    expect(formatInstant(Date.UTC(2026, 10, 1, 7, 30), 'America/Chicago', 'date-time', 'en-US')).toBe(
      'Nov 1, 2026, 1:30 AM',
    );
    // Typed on that day, the skipped time is refused in the locale's own format.
    const gap = wallClockToInstant('3/8/2026', '2:30 AM', 'America/Chicago', 'en-US');
    expect(gap.ok).toBe(false);
    if (!gap.ok)
      expect(describeWallClockError(gap.error, 'en-US')).toBe(
        '3/8/2026 2:30 AM does not exist in America/Chicago: the clocks skip that hour. Enter the time as it was read, for example an hour later.',
      );
  });

  it('picks a locale with a region from what the system prefers', () => {
    expect(localeFromSystem(['en', 'en-GB'])).toBe('en-GB');
    expect(localeFromSystem(['nb-no'])).toBe('nb-NO');
    expect(localeFromSystem(['not a tag!'])).toBe('en-GB');
    expect(localeFromSystem([])).toBe('en-GB');
  });

  it('gives the format as the hint', () => {
    expect(dateHint('en-GB')).toBe('DD/MM/YYYY, e.g. 04/07/2026');
    expect(dateHint('en-US')).toBe('MM/DD/YYYY, e.g. 7/4/2026');
    expect(dateHint('de-DE')).toBe('DD.MM.YYYY, e.g. 4.7.2026');
    expect(timeHint('en-GB')).toBe('24-hour, e.g. 14:05');
    expect(timeHint('en-US')).toBe('e.g. 2:05 PM or 14:05');
  });
});

describe('reading a typed date and time', () => {
  it.each([
    ['4/7/2026', 'en-GB', '2026-07-04'],
    ['4/7/2026', 'en-US', '2026-04-07'],
    ['4.7.2026', 'nb-NO', '2026-07-04'],
    ['04.07.26', 'de-DE', '2026-07-04'],
    ['2026-07-04', 'en-US', '2026-07-04'],
    ['2026-7-4', 'en-GB', '2026-07-04'],
    [' 29/02/2028 ', 'en-GB', '2028-02-29'],
  ])('%s in %s is %s', (text, locale, iso) => {
    expect(readDate(text, locale)).toEqual({ ok: true, value: iso });
  });

  it('names an impossible date in the format the field asks for', () => {
    const gb = readDate('30/02/2026', 'en-GB');
    const us = readDate('2/30/2026', 'en-US');
    expect(gb.ok || describeDateError(gb.error, 'en-GB')).toBe(
      '“30/02/2026” is not a date: February 2026 has 28 days. Type the date as DD/MM/YYYY, e.g. 04/07/2026.',
    );
    expect(us.ok || describeDateError(us.error, 'en-US')).toBe(
      '“2/30/2026” is not a date: February 2026 has 28 days. Type the date as MM/DD/YYYY, e.g. 7/4/2026.',
    );
    const month = readDate('7/13/2026', 'en-GB');
    expect(month.ok || describeDateError(month.error, 'en-GB')).toBe(
      '“7/13/2026” is not a date: there is no month 13. Type the date as DD/MM/YYYY, e.g. 04/07/2026.',
    );
    expect(readDate('yesterday', 'en-GB').ok).toBe(false);
    expect(readDate('4/7', 'en-GB').ok).toBe(false);
  });

  it.each([
    ['14:05', '14:05'],
    ['1405', '14:05'],
    ['14.05', '14:05'],
    ['2:05 pm', '14:05'],
    ['2:05PM', '14:05'],
    ['2pm', '14:00'],
    ['12:30 am', '00:30'],
    ['12:30 p.m.', '12:30'],
    ['905', '09:05'],
    ['0:00', '00:00'],
  ])('reads the time %s as %s', (text, hhmm) => {
    expect(readTime(text)).toEqual({ ok: true, value: hhmm });
  });

  it.each(['24:00', '14:60', '13 pm', '14', 'noon', '2:5'])('refuses %s', (text) => {
    expect(readTime(text).ok).toBe(false);
  });

  it('shows a stored instant in the fields the locale’s way and reads it back to the same instant', () => {
    for (const locale of ['en-US', 'en-GB', 'nb-NO', 'de-DE']) {
      const shown = instantToWallClock(JULY_4_1405 - 9000, 'Europe/Oslo', locale);
      expect(wallClockToInstant(shown.date, shown.time, 'Europe/Oslo', locale)).toEqual({
        ok: true,
        value: JULY_4_1405 - 9000,
      });
    }
    expect(instantToWallClock(JULY_4_1405, 'Europe/Oslo', 'en-US')).toEqual({ date: '7/4/2026', time: '2:05 PM' });
  });
});

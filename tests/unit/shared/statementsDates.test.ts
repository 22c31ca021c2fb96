import { describe, expect, it } from 'vitest';

import { formatForStatement, isRightToLeft, languageLabel, languageOf } from '@shared/domain/statements/languages';
import { autoFillValues } from '@shared/domain/statements/placeholderCatalogue';

/** 13:00 in Oslo on the Saturday before the clocks go forward (12:00 UTC, CET = UTC+1). */
const SAT_NOON_UTC = Date.UTC(2026, 2, 28, 12, 0);
/** The next day at 12:00 UTC: 14:00 in Oslo, summer time (CEST = UTC+2). */
const SUN_NOON_UTC = Date.UTC(2026, 2, 29, 12, 0);
/** 23:30 UTC on 31 March: already 1 April in Oslo. */
const MONTH_END_UTC = Date.UTC(2026, 2, 31, 23, 30);

describe('dates in statements', () => {
  it.each([
    ['en', SAT_NOON_UTC, 'Europe/Oslo', 'Saturday, 28 March 2026', '13:00'],
    ['en', SUN_NOON_UTC, 'Europe/Oslo', 'Sunday, 29 March 2026', '14:00'],
    ['ar', SAT_NOON_UTC, 'Europe/Oslo', 'السبت، 28 مارس 2026', '13:00'],
    ['nb', SAT_NOON_UTC, 'Europe/Oslo', 'lørdag 28. mars 2026', '13:00'],
    ['fr', SAT_NOON_UTC, 'Europe/Oslo', 'samedi 28 mars 2026', '13:00'],
    ['en', MONTH_END_UTC, 'Europe/Oslo', 'Wednesday, 1 April 2026', '01:30'],
    ['en', MONTH_END_UTC, 'America/New_York', 'Tuesday, 31 March 2026', '19:30'],
  ])('writes the date and time in %s on the incident clock (%i, %s)', (language, instant, zone, date, time) => {
    expect(formatForStatement(instant, zone, language, 'date')).toBe(date);
    expect(formatForStatement(instant, zone, language, 'time')).toBe(time);
  });

  it('uses the incident zone, never the computer’s: the same instant reads differently in Oslo and Sydney', () => {
    expect(formatForStatement(SAT_NOON_UTC, 'Australia/Sydney', 'en', 'time')).toBe('23:00');
  });

  it('writes an unknown language’s dates the English way', () => {
    expect(formatForStatement(SAT_NOON_UTC, 'Europe/Oslo', 'so', 'date')).toBe('Saturday, 28 March 2026');
    expect(languageOf('so').dir).toBe('ltr');
  });

  it('knows which languages run right to left', () => {
    expect(isRightToLeft('ar')).toBe(true);
    expect(isRightToLeft('fa')).toBe(true);
    expect(isRightToLeft('ur')).toBe(true);
    expect(isRightToLeft('en')).toBe(false);
    expect(languageLabel('ar')).toBe('Arabic (العربية)');
    expect(languageLabel('en')).toBe('English');
  });
});

describe('placeholders filled from the incident and the settings', () => {
  const incident = { startAt: SAT_NOON_UTC, timeZone: 'Europe/Oslo', location: 'Market Square' };

  it('fills the city, the incident date and time and the location; asks for the rest', () => {
    const names = ['city', 'incident_date', 'incident_time', 'location', 'mayor_name'];
    expect(autoFillValues(names, { cityName: 'Kristiansand', incident, language: 'en', now: SUN_NOON_UTC })).toEqual({
      city: 'Kristiansand',
      incident_date: 'Saturday, 28 March 2026',
      incident_time: '13:00',
      location: 'Market Square',
    });
  });

  it('writes dates in the draft’s language', () => {
    expect(autoFillValues(['incident_date'], { cityName: 'X', incident, language: 'ar', now: SUN_NOON_UTC })).toEqual({
      incident_date: 'السبت، 28 مارس 2026',
    });
  });

  it('fills the time of issue from now, on the incident clock', () => {
    expect(autoFillValues(['issued_at'], { cityName: 'X', incident, language: 'en', now: SUN_NOON_UTC })).toEqual({
      issued_at: '14:00, Sunday, 29 March 2026',
    });
    expect(autoFillValues(['issued_at'], { cityName: 'X', incident, language: 'ar', now: SUN_NOON_UTC })).toEqual({
      issued_at: '14:00، الأحد، 29 مارس 2026',
    });
  });

  it('leaves the location to the drafter when the incident has none', () => {
    expect(
      autoFillValues(['location'], {
        cityName: 'X',
        incident: { ...incident, location: '' },
        language: 'en',
        now: SUN_NOON_UTC,
      }),
    ).toEqual({});
  });
});

import { describe, expect, it } from 'vitest';

import { elapsedLabel, phaseAt } from '@shared/domain/incident/phase';

const HOUR = 3_600_000;
const MIN = 60_000;
// 2026-03-28 22:00 in Oslo (UTC+1); the clocks go forward at 02:00 on the 29th.
const start = Date.UTC(2026, 2, 28, 21, 0);

describe('elapsedLabel', () => {
  it('counts hours and minutes during the first day', () => {
    expect(elapsedLabel(start, start + 3 * HOUR + 12 * MIN, 'Europe/Oslo')).toBe('T+3h 12m');
    expect(elapsedLabel(start, start + 5 * MIN, 'Europe/Oslo')).toBe('T+5m');
  });

  it('counts real elapsed time across the spring-forward night, not wall-clock difference', () => {
    // 22:00 → 07:00 next morning on the wall clock is only 8 hours after the clocks jump.
    expect(elapsedLabel(start, start + 8 * HOUR, 'Europe/Oslo')).toBe('T+8h 00m');
  });

  it('switches to calendar days in the incident zone after 24 hours', () => {
    expect(elapsedLabel(start, start + 24 * HOUR, 'Europe/Oslo')).toBe('Day 2');
    expect(elapsedLabel(start, start + 3 * 24 * HOUR, 'Europe/Oslo')).toBe('Day 4');
    // 74 real hours later the wall clock reads 01:00 on 1 April: the clocks went forward, so day 5.
    expect(elapsedLabel(start, start + 74 * HOUR, 'Europe/Oslo')).toBe('Day 5');
  });

  it('reads the day on the incident clock, not UTC', () => {
    // 2026-03-31 23:30 UTC is already 1 April in Oslo (UTC+2 by then): day 5, not day 4.
    expect(elapsedLabel(start, Date.UTC(2026, 2, 31, 23, 30), 'Europe/Oslo')).toBe('Day 5');
    expect(elapsedLabel(start, Date.UTC(2026, 2, 31, 23, 30), 'UTC')).toBe('Day 4');
  });

  it('counts down before a planned start', () => {
    expect(elapsedLabel(start, start - 65 * MIN, 'Europe/Oslo')).toBe('T−1h 05m');
  });
});

describe('phaseAt', () => {
  it("follows the guide's phases from the first hours to long-term recovery", () => {
    expect(phaseAt(start, start + HOUR, 'Europe/Oslo')).toBe('immediate');
    expect(phaseAt(start, start + 23 * HOUR, 'Europe/Oslo')).toBe('immediate');
    expect(phaseAt(start, start + 25 * HOUR, 'Europe/Oslo')).toBe('early-days-weeks');
    expect(phaseAt(start, start + 22 * 24 * HOUR, 'Europe/Oslo')).toBe('intermediate');
    expect(phaseAt(start, Date.UTC(2026, 9, 1), 'Europe/Oslo')).toBe('long-term');
    expect(phaseAt(start, start - HOUR, 'Europe/Oslo')).toBe('preparedness');
  });

  it('ends the first hours after 24 real hours even across a clock change', () => {
    expect(phaseAt(start, start + 24 * HOUR - MIN, 'Europe/Oslo')).toBe('immediate');
    expect(phaseAt(start, start + 24 * HOUR, 'Europe/Oslo')).toBe('early-days-weeks');
  });

  it('moves to long-term recovery six calendar months later on the incident clock', () => {
    // 6 months after 22:00 on 28 March (UTC+1) is 22:00 on 28 September (UTC+2) = 20:00 UTC.
    expect(phaseAt(start, Date.UTC(2026, 8, 28, 19, 59), 'Europe/Oslo')).toBe('intermediate');
    expect(phaseAt(start, Date.UTC(2026, 8, 28, 20, 0), 'Europe/Oslo')).toBe('long-term');
  });
});

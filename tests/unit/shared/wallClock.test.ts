import { describe, expect, it } from 'vitest';

import { describeWallClockError, instantToWallClock, wallClockToInstant } from '@shared/domain/incident/wallClock';

describe('wallClockToInstant', () => {
  it('reads a time on the incident clock', () => {
    expect(wallClockToInstant('2026-11-24', '14:05', 'Europe/Oslo')).toEqual({
      ok: true,
      value: Date.UTC(2026, 10, 24, 13, 5),
    });
    expect(wallClockToInstant('2026-07-01', '09:30', 'America/New_York')).toEqual({
      ok: true,
      value: Date.UTC(2026, 6, 1, 13, 30),
    });
  });

  it('refuses a time skipped when the clocks go forward, and says why', () => {
    const r = wallClockToInstant('2026-03-29', '02:30', 'Europe/Oslo');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(describeWallClockError(r.error)).toContain('does not exist in Europe/Oslo');
  });

  it('takes the first of two identical times when the clocks go back', () => {
    // 02:30 on 25 Oct 2026 happens at 00:30 UTC (summer time) and again at 01:30 UTC.
    expect(wallClockToInstant('2026-10-25', '02:30', 'Europe/Oslo')).toEqual({
      ok: true,
      value: Date.UTC(2026, 9, 25, 0, 30),
    });
  });

  it.each([
    ['2026-02-30', '10:00', 'bad-date'],
    ['2026-13-01', '10:00', 'bad-date'],
    ['yesterday', '10:00', 'bad-date'],
    ['2026-02-10', '25:99', 'bad-time'],
    ['2026-02-10', '10', 'bad-time'],
  ])('refuses %s %s as %s', (date, time, code) => {
    const r = wallClockToInstant(date, time, 'Europe/Oslo');
    expect(r.ok ? null : r.error.code).toBe(code);
  });

  it('round-trips with instantToWallClock', () => {
    const at = Date.UTC(2026, 5, 15, 22, 45);
    const { date, time } = instantToWallClock(at, 'Asia/Kolkata');
    expect({ date, time }).toEqual({ date: '2026-06-16', time: '04:15' });
    expect(wallClockToInstant(date, time, 'Asia/Kolkata')).toEqual({ ok: true, value: at });
  });
});

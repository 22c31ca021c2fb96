import { describe, expect, it } from 'vitest';

import { elapsedLabel } from '@shared/domain/incident/phase';
import { formatWallClock } from '@shared/domain/incident/wallClock';
import { reportClock } from '@shared/domain/record/reportClock';

const PATTERNS = [
  'd MMM yyyy HH:mm',
  'd MMM HH:mm',
  'd MMM yyyy HH:mm:ss',
  'd MMM yyyy',
  'yyyy-MM-dd HH:mm',
  "yyyy-MM-dd'T'HH:mm:ssXXX",
] as const;
const DAY = 86_400_000;

/** Every three hours for a year and a half, and every seven minutes around the 2026 changes of the clocks (north and south). */
function instants(start: number): number[] {
  const out: number[] = [];
  for (let t = start - DAY; t < start + 550 * DAY; t += 3 * 3_600_000 + 7_000) out.push(t);
  for (const change of [Date.UTC(2026, 2, 29), Date.UTC(2026, 3, 5), Date.UTC(2026, 9, 4), Date.UTC(2026, 9, 25)]) {
    for (let t = change - 2 * DAY; t < change + 2 * DAY; t += 7 * 60_000 + 13_000) out.push(t);
  }
  return out;
}

describe('the report’s clock', () => {
  it.each(['Europe/Oslo', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'America/Chicago', 'UTC'])(
    'says what formatWallClock and elapsedLabel say, across daylight-saving changes, in %s',
    (zone) => {
      const start = Date.UTC(2026, 2, 27, 22, 17);
      const clock = reportClock(zone, start);
      for (const t of instants(start)) {
        for (const p of PATTERNS) expect(clock.at(t, p)).toBe(formatWallClock(t, zone, p));
        expect(clock.elapsed(t)).toBe(elapsedLabel(start, t, zone));
      }
    },
    60_000,
  );
});

import { describe, expect, it } from 'vitest';

import { readTestSwitches } from '@main/web/testFaults';

const none = { minuteMs: null, fault: null, clockOffsetMs: null, teamReadPace: null };

describe("the browser edition's end-to-end switches", () => {
  it('are never read in a normal launch, whatever else the environment holds', () => {
    const asked = {
      DESK_E2E_MINUTE_MS: '300',
      DESK_E2E_FAULT: 'disk-full',
      DESK_E2E_CLOCK_OFFSET_MS: '420000',
      DESK_E2E_TEAM_READ_SLOW: '1',
    };
    expect(readTestSwitches(asked)).toEqual(none);
    expect(readTestSwitches({ DESK_E2E: 'true', ...asked })).toEqual(none);
  });

  it('are read in an end-to-end run, within bounds', () => {
    expect(
      readTestSwitches({
        DESK_E2E: '1',
        DESK_E2E_MINUTE_MS: '300',
        DESK_E2E_FAULT: 'stall-mid-write',
        DESK_E2E_CLOCK_OFFSET_MS: '-420000',
        DESK_E2E_TEAM_READ_SLOW: '1',
      }),
    ).toEqual({
      minuteMs: 300,
      fault: 'stall-mid-write',
      clockOffsetMs: -420_000,
      teamReadPace: { entries: 1, delayMs: 400 },
    });
    expect(
      readTestSwitches({
        DESK_E2E: '1',
        DESK_E2E_MINUTE_MS: '1',
        DESK_E2E_FAULT: 'format-disk',
        DESK_E2E_CLOCK_OFFSET_MS: String(2 * 24 * 60 * 60 * 1000),
        DESK_E2E_TEAM_READ_SLOW: 'yes',
      }),
    ).toEqual(none);
  });
});

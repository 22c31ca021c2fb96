import { describe, expect, it } from 'vitest';

import { readTestSwitches } from '@main/web/testFaults';

describe("the browser edition's end-to-end switches", () => {
  it('are never read in a normal launch, whatever else the environment holds', () => {
    expect(readTestSwitches({ DESK_E2E_MINUTE_MS: '300', DESK_E2E_FAULT: 'disk-full' })).toEqual({
      minuteMs: null,
      fault: null,
    });
    expect(readTestSwitches({ DESK_E2E: 'true', DESK_E2E_MINUTE_MS: '300', DESK_E2E_FAULT: 'disk-full' })).toEqual({
      minuteMs: null,
      fault: null,
    });
  });

  it('are read in an end-to-end run, within bounds', () => {
    expect(readTestSwitches({ DESK_E2E: '1', DESK_E2E_MINUTE_MS: '300', DESK_E2E_FAULT: 'stall-mid-write' })).toEqual({
      minuteMs: 300,
      fault: 'stall-mid-write',
    });
    expect(readTestSwitches({ DESK_E2E: '1', DESK_E2E_MINUTE_MS: '1', DESK_E2E_FAULT: 'format-disk' })).toEqual({
      minuteMs: null,
      fault: null,
    });
  });
});

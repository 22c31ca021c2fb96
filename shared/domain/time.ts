/**
 * FORMAT: every instant is stored as milliseconds since the Unix epoch (UTC), together with
 * an IANA time zone where a wall-clock reading matters. Formatting happens only at the edges.
 */
export type EpochMs = number;

/**
 * Elapsed durations in milliseconds. A day here is 24 hours of elapsed time: a step of calendar
 * days on an incident's clock (which may be 23 or 25 hours long across a daylight-saving change)
 * is taken with date-fns in the incident's zone, as `dueAt` does, never by adding DAY_MS.
 */
export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** Domain code never reads the clock; callers pass `now` in. */
export type Clock = () => EpochMs;

/** True when `zone` is an IANA time-zone name this runtime knows (e.g. "Europe/Oslo"). */
export function isValidTimeZone(zone: string): boolean {
  if (zone.trim() === '') return false;
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * FORMAT: every instant is stored as milliseconds since the Unix epoch (UTC), together with
 * an IANA time zone where a wall-clock reading matters. Formatting happens only at the edges.
 */
export type EpochMs = number;

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

/**
 * Below this, two computers' clocks agree as well as people read times (to the minute); above it
 * the team screen says so, since each desk stamps what it records with its own clock.
 */
export const CLOCK_SKEW_NOTICE_MS = 60_000;

/** A peer's clock that disagrees with this desk's enough to say so, in whole minutes; null when it agrees. */
export function notableSkew(skewMs: number | null): { direction: 'ahead' | 'behind'; minutes: number } | null {
  if (skewMs === null || !Number.isFinite(skewMs) || Math.abs(skewMs) < CLOCK_SKEW_NOTICE_MS) return null;
  return { direction: skewMs > 0 ? 'ahead' : 'behind', minutes: Math.round(Math.abs(skewMs) / 60_000) };
}

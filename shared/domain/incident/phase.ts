import { TZDate, tz } from '@date-fns/tz';
import { add, differenceInCalendarDays, differenceInMinutes } from 'date-fns';

import type { EpochMs } from '../time';
import { GUIDE_RESPONSE_PHASES, type ResponsePhaseId } from '../guide/phases';

/**
 * The guide's response phase an incident is in at `now`. Boundaries are calendar durations
 * added in the incident's own zone (so "6 months" is six calendar months on the city's clock,
 * whatever daylight-saving changes fall between).
 */
export function phaseAt(startAt: EpochMs, now: EpochMs, timeZone: string): ResponsePhaseId {
  if (now < startAt) return 'preparedness';
  const start = new TZDate(startAt, timeZone);
  for (const phase of GUIDE_RESPONSE_PHASES) {
    if (phase.endsAfter === null) return phase.id;
    if (now < add(start, phase.endsAfter).getTime()) return phase.id;
  }
  return 'long-term';
}

/**
 * How long an incident has been running, as a responder says it: "T+3h 12m" during the first
 * 24 hours, then "Day 4" (day 1 is the calendar day it started, in the incident's zone).
 * Before the start: "T−1h 05m".
 */
export function elapsedLabel(startAt: EpochMs, now: EpochMs, timeZone: string): string {
  const minutes = differenceInMinutes(now, startAt);
  if (minutes < 0) return `T−${hoursAndMinutes(-minutes)}`;
  if (minutes < 24 * 60) return `T+${hoursAndMinutes(minutes)}`;
  const day = differenceInCalendarDays(now, startAt, { in: tz(timeZone) }) + 1;
  return `Day ${day}`;
}

function hoursAndMinutes(totalMinutes: number): string {
  const h = Math.floor(totalMinutes / 60);
  const m = totalMinutes % 60;
  return h === 0 ? `${m}m` : `${h}h ${String(m).padStart(2, '0')}m`;
}

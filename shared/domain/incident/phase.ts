import { TZDate, tz } from '@date-fns/tz';
import { add, differenceInCalendarDays, differenceInMinutes } from 'date-fns';

import { format } from '../../i18n/format';
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
  if (minutes < 24 * 60) return clockLabel(minutes);
  return dayLabel(differenceInCalendarDays(now, startAt, { in: tz(timeZone) }) + 1);
}

/** "Day 4": day 1 is the calendar day the incident started. */
export const dayLabel = (day: number): string => format('incident.elapsed.day', { day });

/** "T+3h 12m", "T+5m", "T−1h 05m": minutes since (or, negative, until) the start. */
function clockLabel(minutes: number): string {
  const total = Math.abs(minutes);
  const hours = Math.floor(total / 60);
  // Minutes after whole hours are written with two digits ("8h 00m"), alone as they are ("5m").
  const rest = total % 60;
  return format('incident.elapsed.clock', {
    before: minutes < 0 ? 'yes' : 'no',
    hours,
    minutes: hours === 0 ? String(rest) : String(rest).padStart(2, '0'),
  });
}

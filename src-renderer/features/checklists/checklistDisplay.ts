import { formatDistanceStrict } from 'date-fns';

import { lateness } from '@shared/domain/checklists/due';
import { formatWallClock } from '@shared/domain/incident/wallClock';
import { showInstant } from '../../lib/LocaleContext';

export type DueTone = 'overdue' | 'soon' | 'later' | 'none' | 'resolved' | 'late';

const DAY = 24 * 60 * 60 * 1000;

/**
 * "Due 14:05 (in 35 minutes)", "Overdue by 20 minutes (due 14:05)", or a date further out; for
 * an item done after it was due (doneAt), "Done 2 h 19 m late (was due 14:05)".
 */
export function dueText(dueAt: number | null, now: number, timeZone: string, resolved: boolean, doneAt: number | null = null): { text: string; tone: DueTone } {
  if (dueAt === null) return { text: 'Before any incident: no due time', tone: resolved ? 'resolved' : 'none' };
  const sameDay = formatWallClock(dueAt, timeZone, 'yyyy-MM-dd') === formatWallClock(now, timeZone, 'yyyy-MM-dd');
  const when = Math.abs(dueAt - now) < DAY && sameDay ? showInstant(dueAt, timeZone, 'time') : showInstant(dueAt, timeZone, 'weekday-date-time');
  const late = doneAt === null ? null : lateness(dueAt, doneAt);
  if (resolved && late !== null) return { text: `Done ${late} late (was due ${when})`, tone: 'late' };
  if (resolved) return { text: `Was due ${when}`, tone: 'resolved' };
  if (dueAt < now) return { text: `Overdue by ${formatDistanceStrict(now, dueAt)} (due ${when})`, tone: 'overdue' };
  const distance = formatDistanceStrict(dueAt, now);
  return { text: `Due ${when} (in ${distance})`, tone: dueAt - now < DAY ? 'soon' : 'later' };
}

/** A resolution line: "Done by Ingrid Berg, 28 Mar 14:12". */
export function resolvedText(status: 'done' | 'not-applicable', by: string, at: number, timeZone: string): string {
  return `${status === 'done' ? 'Done' : 'Marked not applicable'} by ${by}, ${showInstant(at, timeZone, 'date-time')}`;
}

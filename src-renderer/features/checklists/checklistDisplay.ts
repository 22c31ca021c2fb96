import { elapsedText, lateness } from '@shared/domain/checklists/due';
import { formatWallClock } from '@shared/domain/incident/wallClock';
import { showInstant } from '../../lib/LocaleContext';
import { t } from '../../i18n/messages';

export type DueTone = 'overdue' | 'soon' | 'later' | 'none' | 'resolved' | 'late';

const DAY = 24 * 60 * 60 * 1000;

/**
 * "Due 14:05 (in 35 m)", "Overdue by 1 h 20 m (due 14:05)", or a date further out; for an item
 * done after it was due (doneAt), "Done 2 h 19 m late (was due 14:05)". Every span is said the one
 * way the domain says elapsed time (`elapsedText`).
 */
export function dueText(
  dueAt: number | null,
  now: number,
  timeZone: string,
  resolved: boolean,
  doneAt: number | null = null,
): { text: string; tone: DueTone } {
  if (dueAt === null) return { text: t('checklists.due.none'), tone: resolved ? 'resolved' : 'none' };
  const sameDay = formatWallClock(dueAt, timeZone, 'yyyy-MM-dd') === formatWallClock(now, timeZone, 'yyyy-MM-dd');
  const when =
    Math.abs(dueAt - now) < DAY && sameDay
      ? showInstant(dueAt, timeZone, 'time')
      : showInstant(dueAt, timeZone, 'weekday-date-time');
  const late = doneAt === null ? null : lateness(dueAt, doneAt);
  if (resolved && late !== null) return { text: t('checklists.due.doneLate', { late, when }), tone: 'late' };
  if (resolved) return { text: t('checklists.due.wasDue', { when }), tone: 'resolved' };
  const distance = elapsedText(dueAt - now);
  if (dueAt < now) return { text: t('checklists.due.overdue', { distance, when }), tone: 'overdue' };
  return { text: t('checklists.due.due', { when, distance }), tone: dueAt - now < DAY ? 'soon' : 'later' };
}

/** A resolution line: "Done by Ingrid Berg, 28 Mar 14:12". */
export function resolvedText(status: 'done' | 'not-applicable', by: string, at: number, timeZone: string): string {
  return t('checklists.resolved.line', {
    status: status === 'done' ? 'done' : 'na',
    by,
    at: showInstant(at, timeZone, 'date-time'),
  });
}

import { TZDate } from '@date-fns/tz';
import { addDays, startOfDay } from 'date-fns';

import { formatWallClock } from '@shared/domain/incident/wallClock';
import { formatInstant, type DeskLocale } from '@shared/domain/locale/deskLocale';

import type { ListedEntry } from '@shared/domain/timeline/listFilter';

export type TimelineRow =
  | { kind: 'day'; key: string; label: string; count: number }
  | { kind: 'entry'; key: string; id: string; occurredAt: number };

/**
 * The virtual list's rows: a heading for each day on the incident's clock, then that day's
 * entries. Day boundaries are computed once per day, not once per entry, so 100,000 entries
 * over a fortnight cost fourteen time-zone calculations.
 */
export function buildTimelineRows(listed: readonly ListedEntry[], timeZone: string, locale: DeskLocale): TimelineRow[] {
  const rows: TimelineRow[] = [];
  let dayEnd = -Infinity;
  let header: { kind: 'day'; key: string; label: string; count: number } | null = null;
  for (const e of listed) {
    if (e.occurredAt >= dayEnd || header === null) {
      const start = startOfDay(new TZDate(e.occurredAt, timeZone));
      dayEnd = addDays(start, 1).getTime();
      const key = `day-${formatWallClock(e.occurredAt, timeZone, 'yyyy-MM-dd')}`;
      header = { kind: 'day', key, label: formatInstant(e.occurredAt, timeZone, 'day-heading', locale), count: 0 };
      rows.push(header);
    }
    header.count += 1;
    rows.push({ kind: 'entry', key: e.id, id: e.id, occurredAt: e.occurredAt });
  }
  return rows;
}

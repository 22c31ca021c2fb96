import { TZDate } from '@date-fns/tz';
import ical from 'ical-generator';
import { tzlib_get_ical_block } from 'timezones-ical-library';

import { formatWallClock } from '../incident/wallClock';
import { format } from '../../i18n/format';
import type { Incident } from '../../schemas/entities';
import { HOUR_MS } from '../time';
import { sourceLine } from './citations';
import { offsetLabel } from './due';
import { ROLE_TITLES } from './roles';
import type { ScheduledItem } from './views';

/**
 * The VTIMEZONE component for `zone`, named as the incident names it. The tz database lists some
 * zones as links to another with the same rules (Europe/Oslo → Europe/Berlin); the definition is
 * the same, so it carries the incident's own name, which calendar apps then show. null when the
 * library has no definition: the events are then written in UTC, still at the right instants.
 */
export function vtimezoneFor(zone: string): string | null {
  const found = tzlib_get_ical_block(zone);
  const block = Array.isArray(found) ? found[0] : undefined;
  if (block === undefined || block === '') return null;
  return block.replace(/^TZID:.*$/m, `TZID:${zone}`).replace(/^X-LIC-LOCATION:.*$/m, `X-LIC-LOCATION:${zone}`);
}

/** What the calendar needs of an item: the item as the desk holds it, or as an after-action record carries it. */
export type Milestone = Pick<
  ScheduledItem,
  'id' | 'title' | 'dueAt' | 'status' | 'milestone' | 'owner' | 'assignee' | 'rationale'
> & { offsetLabel: string; sourceLine: string };

/** A milestone from what an item says of itself, with its offset and source already in words. */
export const milestoneFrom = (
  i: Omit<Milestone, 'offsetLabel' | 'sourceLine'>,
  words: Pick<Milestone, 'offsetLabel' | 'sourceLine'>,
): Milestone => ({
  id: i.id,
  title: i.title,
  dueAt: i.dueAt,
  status: i.status,
  milestone: i.milestone,
  owner: i.owner,
  assignee: i.assignee,
  rationale: i.rationale,
  ...words,
});

export const milestoneOf = (i: ScheduledItem): Milestone =>
  milestoneFrom(i, { offsetLabel: offsetLabel(i.offset), sourceLine: sourceLine(i.source, i.adapted) });

/**
 * FORMAT: the incident's recovery milestones as an iCalendar file (RFC 5545), for the mayor's
 * office to load into its calendar. Each milestone is a one-hour event at its due time on the
 * incident's clock (TZID of the incident's zone, with its VTIMEZONE); its UID is the item's id,
 * so loading a later export updates the same events instead of duplicating them. Milestones
 * marked not applicable are left out; done ones are kept, marked as done.
 */
export function milestonesCalendar(
  incident: Pick<Incident, 'title' | 'location' | 'startAt' | 'timeZone'>,
  items: readonly (ScheduledItem | Milestone)[],
  ctx: { cityName: string; now: number },
): string {
  const zone = incident.timeZone;
  const vtimezone = vtimezoneFor(zone);
  const calendar = ical({
    name: format('checklists.calendar.name', { incident: incident.title }),
    description: format('checklists.calendar.description', { incident: incident.title, city: ctx.cityName, zone }),
    prodId: { company: 'Response Desk', product: 'Recovery checklists', language: 'EN' },
    timezone: vtimezone === null ? null : { name: null, generator: () => vtimezone },
  });
  calendar.x('X-WR-TIMEZONE', zone);
  for (const it of items) {
    const item = 'offsetLabel' in it ? it : milestoneOf(it);
    if (!item.milestone || item.dueAt === null || item.status === 'not-applicable') continue;
    const start = vtimezone === null ? new Date(item.dueAt) : new TZDate(item.dueAt, zone);
    const end = vtimezone === null ? new Date(item.dueAt + HOUR_MS) : new TZDate(item.dueAt + HOUR_MS, zone);
    const done = item.status === 'done';
    calendar.createEvent({
      id: `${item.id}@response-desk`,
      start,
      end,
      ...(vtimezone === null ? {} : { timezone: zone }),
      stamp: new Date(ctx.now),
      summary: format(done ? 'checklists.calendar.summaryDone' : 'checklists.calendar.summary', { title: item.title }),
      description: [
        format('checklists.calendar.when', {
          offset: item.offsetLabel,
          start: formatWallClock(incident.startAt, zone, 'd MMM yyyy HH:mm'),
          zone,
        }),
        item.assignee
          ? format('checklists.calendar.ownerAssigned', { role: ROLE_TITLES[item.owner], assignee: item.assignee })
          : format('checklists.calendar.owner', { role: ROLE_TITLES[item.owner] }),
        item.rationale,
        item.sourceLine,
        incident.location
          ? format('checklists.calendar.incidentAt', { incident: incident.title, location: incident.location })
          : format('checklists.calendar.incident', { incident: incident.title }),
      ]
        .filter((line) => line !== '')
        .join('\n'),
      categories: [{ name: format('checklists.calendar.category') }],
    });
  }
  return calendar.toString();
}

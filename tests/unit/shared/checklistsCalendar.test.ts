import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';

import { milestonesCalendar } from '@shared/domain/checklists/calendar';
import { changeStatus } from '@shared/domain/checklists/items';
import { scheduleItems } from '@shared/domain/checklists/views';
import { wallClockToInstant } from '@shared/domain/incident/wallClock';

import { guideItems } from '../../factories/checklists';
import { actor, makeIncident } from '../../factories/incident';

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
  for (const tz of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  return { calendar, events: calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e)) };
}

describe('calendar export of the milestones', () => {
  const start = wallClockToInstant('2026-03-28', '13:00', 'Europe/Oslo');
  if (!start.ok) throw new Error('start');
  const incident = makeIncident({
    title: 'Vehicle attack, Markens gate',
    startAt: start.value,
    timeZone: 'Europe/Oslo',
  });

  it('writes RFC 5545 events in the incident’s zone that a parser reads back', () => {
    const items = scheduleItems(guideItems(incident.id), incident);
    const text = milestonesCalendar(incident, items, { cityName: 'Kristiansand', now: start.value + 1000 });
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    const { calendar, events } = parse(text);
    expect(calendar.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe('Europe/Oslo');
    expect(events).toHaveLength(19);
    const anniversary = events.find((e) => e.summary === 'First anniversary commemoration, agreed with families');
    expect(anniversary?.startDate.zone.tzid).toBe('Europe/Oslo');
    expect(anniversary?.startDate.toString()).toBe('2027-03-28T13:00:00');
    expect(anniversary?.startDate.toJSDate().getTime()).toBe(Date.UTC(2027, 2, 28, 11, 0));
    expect(anniversary?.description).toContain('Owner: Mayor');
    expect(anniversary?.description).toContain('Practice suggestion (not the guide’s words)');
    // DTSTAMP must be UTC (RFC 5545 §3.8.7.2).
    expect(text).toMatch(/^DTSTAMP:\d{8}T\d{6}Z\r$/m);
    expect(text).not.toMatch(/^DTSTAMP:\d{8}T\d{6}\r$/m);
    expect(new Set(events.map((e) => e.uid)).size).toBe(19);
  });

  it('leaves out milestones that do not apply and marks done ones', () => {
    const items = guideItems(incident.id).map((i) => {
      if (i.template?.itemKey === 'vigil-or-gathering') {
        const r = changeStatus(i, 'not-applicable', 'The families asked for no public gathering', actor());
        return r.ok ? r.value.next : i;
      }
      if (i.template?.itemKey === 'psychosocial-mechanism-live') {
        const r = changeStatus(i, 'done', '', actor());
        return r.ok ? r.value.next : i;
      }
      return i;
    });
    const { events } = parse(
      milestonesCalendar(incident, scheduleItems(items, incident), { cityName: 'Kristiansand', now: start.value }),
    );
    expect(events).toHaveLength(18);
    expect(events.map((e) => e.summary)).toContain('(Done) Psychosocial coordination mechanism running and publicised');
  });

  it('falls back to UTC instants for a zone it has no definition of', () => {
    const utc = makeIncident({ startAt: start.value, timeZone: 'UTC' });
    const { events } = parse(
      milestonesCalendar(utc, scheduleItems(guideItems(utc.id), utc), { cityName: 'X', now: start.value }),
    );
    expect(events[0]?.startDate.toJSDate().getTime()).toBe(start.value + 24 * 3_600_000);
  });
});

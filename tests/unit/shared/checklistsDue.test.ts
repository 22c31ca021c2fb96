import { describe, expect, it } from 'vitest';

import {
  dueAt,
  elapsedText,
  lateness,
  offsetLabel,
  parseOffset,
  describeOffsetError,
} from '@shared/domain/checklists/due';
import { changeStatus } from '@shared/domain/checklists/items';
import { attention, isOverdue, scheduleItems, yearAhead } from '@shared/domain/checklists/views';
import { formatWallClock, wallClockToInstant } from '@shared/domain/incident/wallClock';

import { guideItems, makeItem } from '../../factories/checklists';
import { T0, actor, makeIncident } from '../../factories/incident';

const OSLO = 'Europe/Oslo';
const HOUR = 3_600_000;
const at = (date: string, time: string, zone = OSLO) => {
  const r = wallClockToInstant(date, time, zone);
  if (!r.ok) throw new Error(`${date} ${time}`);
  return r.value;
};
const local = (instant: number | null, zone = OSLO) =>
  instant === null ? null : formatWallClock(instant, zone, 'yyyy-MM-dd HH:mm');

describe('due dates on the incident clock', () => {
  it('puts the first-hour checklist due one hour after the incident starts', () => {
    const incident = makeIncident({ startAt: T0 });
    const firstHour = scheduleItems(guideItems(incident.id), incident).filter(
      (i) => i.phase === 'immediate' && i.offset?.unit === 'hours' && i.offset.amount === 1,
    );
    expect(firstHour.length).toBeGreaterThanOrEqual(4);
    for (const item of firstHour) expect(item.dueAt).toBe(T0 + HOUR);
  });

  it('counts hours as elapsed time, even across the night the clocks go forward', () => {
    // 28 March 2026, 13:00 in Oslo; clocks go forward at 02:00 on the 29th.
    const start = at('2026-03-28', '13:00');
    expect(dueAt(start, { unit: 'hours', amount: 24 }, OSLO)).toBe(start + 24 * HOUR);
    expect(local(dueAt(start, { unit: 'hours', amount: 24 }, OSLO))).toBe('2026-03-29 14:00');
  });

  it('keeps the wall-clock time for days and months across the spring change', () => {
    const start = at('2026-03-28', '13:00');
    expect(local(dueAt(start, { unit: 'days', amount: 1 }, OSLO))).toBe('2026-03-29 13:00');
    expect(dueAt(start, { unit: 'days', amount: 1 }, OSLO)).toBe(start + 23 * HOUR);
    expect(local(dueAt(start, { unit: 'months', amount: 1 }, OSLO))).toBe('2026-04-28 13:00');
  });

  it('keeps the wall-clock time for weeks across the autumn change', () => {
    const start = at('2026-10-20', '09:00');
    const due = dueAt(start, { unit: 'weeks', amount: 1 }, OSLO);
    expect(local(due)).toBe('2026-10-27 09:00');
    expect(due).toBe(start + (7 * 24 + 1) * HOUR);
  });

  it('lands 31 January + 1 month on the last day of February, in the incident’s zone', () => {
    expect(local(dueAt(at('2026-01-31', '10:00'), { unit: 'months', amount: 1 }, OSLO))).toBe('2026-02-28 10:00');
    expect(local(dueAt(at('2028-01-31', '10:00'), { unit: 'months', amount: 1 }, OSLO))).toBe('2028-02-29 10:00');
    // Half past midnight in Oslo is still 30 January in UTC: month arithmetic in UTC would land on 1 March.
    expect(local(dueAt(at('2026-01-31', '00:30'), { unit: 'months', amount: 1 }, OSLO))).toBe('2026-02-28 00:30');
  });

  it('puts the anniversary on the same date and time a calendar year later, leap day included', () => {
    expect(local(dueAt(at('2026-07-10', '14:00'), { unit: 'years', amount: 1 }, OSLO))).toBe('2027-07-10 14:00');
    expect(local(dueAt(at('2028-02-29', '14:00'), { unit: 'years', amount: 1 }, OSLO))).toBe('2029-02-28 14:00');
    const ny = 'America/New_York';
    expect(local(dueAt(at('2026-03-07', '20:00', ny), { unit: 'months', amount: 6 }, ny), ny)).toBe('2026-09-07 20:00');
  });

  it('has no due time for preparedness items', () => {
    expect(dueAt(T0, null, OSLO)).toBeNull();
    expect(offsetLabel(null)).toBe('before an incident');
    expect(offsetLabel({ unit: 'hours', amount: 1 })).toBe('+1 hour');
    expect(offsetLabel({ unit: 'months', amount: 6 })).toBe('+6 months');
  });
});

describe('moving the incident’s start', () => {
  it('moves the due dates of items not yet done; done items keep their completion time', () => {
    const incident = makeIncident({ startAt: T0 });
    const [open, finished] = [makeItem({ incidentId: incident.id }), makeItem({ incidentId: incident.id })];
    const done = changeStatus(finished, 'done', 'Published on the city website', actor({ now: T0 + 50 * 60_000 }));
    if (!done.ok) throw new Error('done');
    const moved = { ...incident, startAt: T0 - 2 * HOUR };
    const [a, b] = scheduleItems([open, done.value.next], moved);
    expect(a?.dueAt).toBe(T0 - HOUR);
    expect(b?.resolvedAt).toBe(T0 + 50 * 60_000);
    // The open item is now overdue at T0; the done one never is.
    expect(isOverdue(a!, T0)).toBe(true);
    expect(isOverdue(b!, T0)).toBe(false);
  });

  it('lists what is overdue and what falls due in the next 24 hours', () => {
    const incident = makeIncident({ startAt: T0 });
    const items = scheduleItems(guideItems(incident.id), incident);
    const { overdue, dueSoon } = attention(items, T0 + 90 * 60_000);
    expect(overdue.every((i) => i.dueAt! < T0 + 90 * 60_000)).toBe(true);
    expect(overdue.length).toBeGreaterThan(0);
    expect(dueSoon.every((i) => i.dueAt! >= T0 + 90 * 60_000 && i.dueAt! < T0 + 90 * 60_000 + 24 * HOUR)).toBe(true);
    expect(dueSoon.map((i) => i.dueAt)).toEqual([...dueSoon.map((i) => i.dueAt)].sort((x, y) => x! - y!));
  });

  it('lays the milestones on a year from the start, with later ones apart', () => {
    const incident = makeIncident({ startAt: at('2026-03-28', '13:00') });
    const year = yearAhead(scheduleItems(guideItems(incident.id), incident), incident);
    expect(local(year.to)).toBe('2027-03-28 13:00');
    expect(year.months).toHaveLength(12);
    expect(local(year.months[0]!.at)).toBe('2026-04-01 00:00');
    expect(year.placed.map((p) => p.title)).toContain('First anniversary commemoration, agreed with families');
    expect(year.placed.every((p) => p.fraction >= 0 && p.fraction <= 1)).toBe(true);
    expect(year.later.map((p) => p.title)).toEqual([
      'Long-term survivor health follow-up (Tokyo sarin example shows symptoms at 5 years)',
    ]);
  });
});

describe('offsets typed into a form', () => {
  it.each([
    ['6', 'hours', { unit: 'hours', amount: 6 }],
    ['0', 'days', { unit: 'days', amount: 0 }],
    ['', 'weeks', null],
  ])('reads “%s %s”', (amount, unit, expected) => {
    expect(parseOffset(amount, unit)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['-2', 'hours', 'before the incident starts'],
    ['1.5', 'days', 'is not a whole number'],
    ['soon', 'days', 'is not a whole number'],
    ['11', 'years', 'more than ten years'],
    ['200', 'months', 'more than ten years'],
    ['3', 'fortnights', 'not a unit'],
  ])('refuses the impossible offset “%s %s” with words', (amount, unit, words) => {
    const r = parseOffset(amount, unit);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(describeOffsetError(r.error)).toContain(words);
  });
});

describe('time until and since a due time, in words', () => {
  const MINUTE = 60_000;
  it.each([
    [0, 'under 1 m'],
    [59_999, 'under 1 m'],
    [MINUTE, '1 m'],
    [2 * MINUTE, '2 m'],
    [59 * MINUTE + 59_999, '59 m'],
    [HOUR, '1 h'],
    [2 * HOUR + 19 * MINUTE, '2 h 19 m'],
    [24 * HOUR, '1 d'],
    [3 * 24 * HOUR + 4 * HOUR + 5 * MINUTE, '3 d 4 h'],
    [1500 * 24 * HOUR, '1,500 d'],
  ])('says %i ms as “%s”, early or late alike', (ms, text) => {
    expect(elapsedText(ms)).toBe(text);
    expect(elapsedText(-ms)).toBe(text);
  });

  it('says how late an item was done the same way, and nothing when it was done within a minute', () => {
    expect(lateness(T0, T0 + 2 * HOUR + 19 * 60_000)).toBe('2 h 19 m');
    expect(lateness(T0, T0 + 59_999)).toBeNull();
    expect(lateness(T0, T0 - HOUR)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';

import { checklistDraftFromAction } from '@shared/domain/checklists/fromLesson';
import { dueAt } from '@shared/domain/checklists/due';
import { parseOffset } from '@shared/domain/checklists/due';

// Saturday 28 March 2026, 13:00 in Oslo (winter time): the clocks go forward the next night.
const incident = { startAt: Date.UTC(2026, 2, 28, 12, 0), timeZone: 'Europe/Oslo' };
const action = {
  kind: 'corrective-action' as const,
  text: 'Give the night shift a printed call sheet',
  owner: 'Kari Holm',
  dueDate: '2026-04-30',
};

describe('a corrective action as a checklist item', () => {
  it('falls due on its date at the start’s time of day, in the phase that date is in, assigned to its owner', () => {
    const r = checklistDraftFromAction(action, incident);
    if (!r.ok) throw new Error('refused');
    expect(r.value).toMatchObject({
      phase: 'intermediate',
      offsetAmount: '33',
      offsetUnit: 'days',
      assignee: 'Kari Holm',
      title: 'Give the night shift a printed call sheet',
    });
    const offset = parseOffset(r.value.offsetAmount, r.value.offsetUnit);
    if (!offset.ok) throw new Error('bad offset');
    // 13:00 in Oslo on 30 April is 11:00 UTC (summer time): the same wall-clock time as the start.
    expect(dueAt(incident.startAt, offset.value, incident.timeZone)).toBe(Date.UTC(2026, 3, 30, 11, 0));
  });

  it('puts an action due within the first weeks in that phase, and one without a date in long-term recovery', () => {
    expect(checklistDraftFromAction({ ...action, dueDate: '2026-04-02' }, incident)).toMatchObject({
      ok: true,
      value: { phase: 'early-days-weeks', offsetAmount: '5' },
    });
    expect(checklistDraftFromAction({ ...action, dueDate: null }, incident)).toMatchObject({
      ok: true,
      value: { phase: 'long-term', offsetAmount: '' },
    });
  });

  it('refuses a strength, and an action due before the incident began', () => {
    expect(checklistDraftFromAction({ ...action, kind: 'strength' }, incident)).toEqual({
      ok: false,
      error: { code: 'not-an-action' },
    });
    expect(checklistDraftFromAction({ ...action, dueDate: '2026-03-01' }, incident)).toEqual({
      ok: false,
      error: { code: 'due-before-start', dueDate: '2026-03-01' },
    });
  });

  it('steps calendar days on the incident’s clock when the due day is the one the clocks go forward', () => {
    // Sunday 8 March 2026, 02:30 in Oslo; on Sunday 29 March (three weeks on) 02:30 never happens.
    const night = { startAt: Date.UTC(2026, 2, 8, 1, 30), timeZone: 'Europe/Oslo' };
    const r = checklistDraftFromAction({ ...action, dueDate: '2026-03-29' }, night);
    if (!r.ok) throw new Error('refused');
    expect(r.value).toMatchObject({ offsetAmount: '21', offsetUnit: 'days' });
    // The checklist schedules it at 03:30 summer time (01:30 UTC), the moment the skipped 02:30
    // becomes; that is the end of the first three weeks, so it belongs to the next phase.
    expect(dueAt(night.startAt, { unit: 'days', amount: 21 }, night.timeZone)).toBe(Date.UTC(2026, 2, 29, 1, 30));
    expect(r.value.phase).toBe('intermediate');
    // The day before, 02:30 exists and is still within the first weeks.
    expect(checklistDraftFromAction({ ...action, dueDate: '2026-03-28' }, night)).toMatchObject({
      ok: true,
      value: { phase: 'early-days-weeks', offsetAmount: '20' },
    });
  });
});

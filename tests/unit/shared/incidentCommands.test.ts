import { describe, expect, it } from 'vitest';

import {
  closeIncident,
  createIncident,
  reopenIncident,
  updateIncident,
  validateIncidentDraft,
} from '@shared/domain/incident/commands';

import { T0, actor, makeDraft, makeIncident } from '../../factories/incident';

describe('validateIncidentDraft', () => {
  it('stores the start as a UTC instant read on the chosen clock', () => {
    const r = validateIncidentDraft(
      makeDraft({ startDate: '2026-03-28', startTime: '13:00', timeZone: 'Europe/Oslo' }),
    );
    expect(r.ok && r.value.startAt).toBe(Date.UTC(2026, 2, 28, 12, 0));
  });

  it('names every problem by field', () => {
    const r = validateIncidentDraft(
      makeDraft({ title: '  ', kind: 'riot', timeZone: 'Mars/Olympus', startTime: '25:00' }),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.title).toMatch(/title/i);
    expect(r.error.kind).toMatch(/kind/i);
    expect(r.error.timeZone).toContain('Mars/Olympus');
  });

  it('names an impossible time against the start time field', () => {
    const r = validateIncidentDraft(makeDraft({ startDate: '2026-03-29', startTime: '02:15' }));
    expect(r.ok ? null : r.error.startTime).toContain('does not exist');
  });
});

describe('incident status', () => {
  it('records who created it, and when', () => {
    const i = createIncident(
      { title: 'T', kind: 'threat', startAt: T0, timeZone: 'UTC', location: '', description: '' },
      'inc_a',
      actor(),
    );
    expect(i).toMatchObject({ id: 'inc_a', status: 'open', createdBy: 'Ingrid Berg', createdAt: T0, closedAt: null });
  });

  it('closes and reopens, refusing to repeat either', () => {
    const closed = closeIncident(makeIncident(), actor({ now: T0 + 1000 }));
    expect(closed.ok && closed.value.closedAt).toBe(T0 + 1000);
    if (!closed.ok) return;
    expect(closeIncident(closed.value, actor())).toEqual({ ok: false, error: { code: 'already-closed' } });
    const reopened = reopenIncident(closed.value, actor());
    expect(reopened.ok && reopened.value.status).toBe('open');
    expect(reopened.ok && reopened.value.closedAt).toBeNull();
    expect(reopenIncident(makeIncident(), actor())).toEqual({ ok: false, error: { code: 'already-open' } });
  });

  it('lists exactly the fields an edit changed', () => {
    const before = makeIncident({ title: 'Old', location: 'A' });
    const { next, changes } = updateIncident(
      before,
      {
        title: 'New',
        kind: before.kind,
        startAt: before.startAt,
        timeZone: before.timeZone,
        location: 'A',
        description: '',
      },
      actor({ operator: 'Ola' }),
    );
    expect(changes).toEqual([{ field: 'title', before: 'Old', after: 'New' }]);
    expect(next.updatedBy).toBe('Ola');
  });
});

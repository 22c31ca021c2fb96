import { describe, expect, it } from 'vitest';

import { describeNotWritten } from '@renderer/i18n/notWritten';
import { validateIncidentDraft } from '@shared/domain/incident/commands';

import { actor, makeDraft, T0 } from '../../../factories/incident';
import { deskWithIncident, listenedDesk } from './heard';

const TOO_LONG = 'x'.repeat(201);

function incidentFields() {
  const fields = validateIncidentDraft(makeDraft());
  if (!fields.ok) throw new Error('draft');
  return fields.value;
}

describe('a change the desk refuses comes back as a value, with nothing stored', () => {
  it('answers a new incident with a title too long for its readers as refused, naming the problem', async () => {
    const { desk, heard } = listenedDesk();
    const r = await desk.useCases.incidents.create({ ...incidentFields(), title: TOO_LONG }, actor());
    expect(r).toMatchObject({ ok: false, error: { code: 'refused', table: 'incidents' } });
    expect(!r.ok && describeNotWritten(r.error)).toMatch(/^Nothing was saved: the title is 201 characters long/);
    expect(await desk.db.incidents.count()).toBe(0);
    expect(await desk.db.auditLog.count()).toBe(0);
    expect(heard()).toEqual([]);
  });

  it('answers a lesson too long for its readers as refused, and records no lesson', async () => {
    const { desk, incident } = await deskWithIncident();
    const audit = await desk.db.auditLog.count();
    const r = await desk.useCases.lessons.add(
      incident.id,
      { kind: 'corrective-action', text: 'x'.repeat(4001), owner: 'Kari Holm', dueDate: '2026-04-30', answers: null },
      actor({ now: T0 + 1 }),
    );
    expect(r).toMatchObject({ ok: false, error: { code: 'refused', table: 'lessons' } });
    expect(await desk.db.lessons.count()).toBe(0);
    expect(await desk.db.auditLog.count()).toBe(audit);
  });

  it('starts no incident and copies no checklist item when the incident is refused; the guide stays installed', async () => {
    const { desk } = listenedDesk();
    const r = await desk.useCases.checklists.startIncident(
      { ...incidentFields(), title: TOO_LONG },
      ['guide-immediate'],
      actor(),
    );
    expect(r).toMatchObject({ ok: false, error: { code: 'refused', table: 'incidents' } });
    expect(await desk.db.incidents.count()).toBe(0);
    expect(await desk.db.checklistItems.count()).toBe(0);
    expect(await desk.db.checklistTemplates.count()).toBe(6);
  });

  it('starts an incident with its checklists as a value', async () => {
    const { desk } = listenedDesk();
    const r = await desk.useCases.checklists.startIncident(incidentFields(), ['guide-immediate'], actor());
    expect(r.ok && r.value.title).toBe(makeDraft().title);
    expect(await desk.db.checklistItems.count()).toBeGreaterThan(0);
  });

  it('answers a malformed chain head for the log of published heads as refused, and logs nothing', async () => {
    const { desk, incident } = await deskWithIncident();
    const r = await desk.useCases.publishedHeads.append(
      incident.id,
      { chainSeq: 1, hash: 'not a hash' },
      'export',
      actor(),
    );
    expect(r).toMatchObject({ ok: false, error: { code: 'refused', table: 'publishedHeads' } });
    expect(await desk.useCases.publishedHeads.listForIncident(incident.id)).toEqual([]);
  });

  it('keeps the desk’s own sentence for a change another window kept racing', () => {
    const message =
      'The checklist is being changed in another window at the same moment; nothing was stored. Try again.';
    expect(describeNotWritten({ code: 'refused', message })).toBe(message);
  });
});

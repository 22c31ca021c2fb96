import { describe, expect, it } from 'vitest';

import { validateIncidentDraft } from '@shared/domain/incident/commands';
import { ChecklistItemSchema } from '@shared/schemas/checklists';

import { actor, makeDraft } from '../../factories/incident';
import { freshDesk } from './testDb';

async function deskWithIncident() {
  const desk = freshDesk();
  const fields = validateIncidentDraft(makeDraft());
  if (!fields.ok) throw new Error('draft');
  const incident = await desk.repos.incidents.create(fields.value, actor());
  return { desk, incident };
}

describe('lessons learned', () => {
  it('puts a corrective action on the incident’s checklists once, linked both ways and audited', async () => {
    const { desk, incident } = await deskWithIncident();
    const lesson = await desk.repos.lessons.add(incident.id, { kind: 'corrective-action', text: 'Give the night shift a printed call sheet', owner: 'Kari Holm', dueDate: '2026-04-30' }, actor());
    const r = await desk.repos.lessons.toChecklist(lesson.id, actor());
    if (!r.ok) throw new Error(r.error.code);
    expect(ChecklistItemSchema.safeParse(r.value).success).toBe(true);
    expect(r.value).toMatchObject({ incidentId: incident.id, title: 'Give the night shift a printed call sheet', assignee: 'Kari Holm', template: null, status: 'todo' });
    expect((await desk.repos.lessons.listForIncident(incident.id))[0]?.checklistItemId).toBe(r.value.id);
    expect(await desk.repos.checklists.listForIncident(incident.id)).toHaveLength(1);
    expect((await desk.db.auditLog.toArray()).map((a) => a.summary)).toContain('Checklist item added from a corrective action: Give the night shift a printed call sheet');

    // A second press adds nothing.
    expect(await desk.repos.lessons.toChecklist(lesson.id, actor())).toEqual({ ok: false, error: { code: 'already', itemId: r.value.id } });
    expect(await desk.repos.checklists.listForIncident(incident.id)).toHaveLength(1);
  });

  it('refuses a strength and writes nothing', async () => {
    const { desk, incident } = await deskWithIncident();
    const lesson = await desk.repos.lessons.add(incident.id, { kind: 'strength', text: 'The cascade worked', owner: null, dueDate: null }, actor());
    expect(await desk.repos.lessons.toChecklist(lesson.id, actor())).toEqual({ ok: false, error: { code: 'not-an-action' } });
    expect(await desk.repos.checklists.listForIncident(incident.id)).toHaveLength(0);
    expect((await desk.repos.lessons.listForIncident(incident.id))[0]?.checklistItemId).toBeNull();
  });
});

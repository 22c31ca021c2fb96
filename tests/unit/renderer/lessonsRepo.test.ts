import { describe, expect, it } from 'vitest';

import { validateIncidentDraft } from '@shared/domain/incident/commands';
import type { LessonFields } from '@shared/domain/lessons';
import { ChecklistItemSchema } from '@shared/schemas/checklists';

import { actor, makeDraft } from '../../factories/incident';
import { freshDesk } from './testDb';
import { written } from '../../support/written';

async function deskWithIncident() {
  const desk = freshDesk();
  const fields = validateIncidentDraft(makeDraft());
  if (!fields.ok) throw new Error('draft');
  const incident = await written(desk.useCases.incidents.create(fields.value, actor()));
  /** Writes a lesson on the incident, with no owner, due date or answered lesson unless given. */
  const addLesson = (lesson: Pick<LessonFields, 'kind' | 'text'> & Partial<LessonFields>) =>
    written(desk.useCases.lessons.add(incident.id, { owner: null, dueDate: null, answers: null, ...lesson }, actor()));
  return { desk, incident, addLesson };
}

describe('lessons learned', () => {
  it('puts a corrective action on the incident’s checklists once, linked both ways and audited', async () => {
    const { desk, incident, addLesson } = await deskWithIncident();
    const lesson = await addLesson({
      kind: 'corrective-action',
      text: 'Give the night shift a printed call sheet',
      owner: 'Kari Holm',
      dueDate: '2026-04-30',
    });
    const r = await desk.useCases.lessons.toChecklist(lesson.id, actor());
    if (!r.ok) throw new Error(r.error.code);
    expect(ChecklistItemSchema.safeParse(r.value).success).toBe(true);
    expect(r.value).toMatchObject({
      incidentId: incident.id,
      title: 'Give the night shift a printed call sheet',
      assignee: 'Kari Holm',
      template: null,
      status: 'todo',
    });
    expect((await desk.useCases.lessons.listForIncident(incident.id))[0]?.checklistItemId).toBe(r.value.id);
    expect(await desk.useCases.checklists.listForIncident(incident.id)).toHaveLength(1);
    expect((await desk.db.auditLog.toArray()).map((a) => a.summary)).toContain(
      'Checklist item added from a corrective action: Give the night shift a printed call sheet',
    );

    // A second press adds nothing.
    expect(await desk.useCases.lessons.toChecklist(lesson.id, actor())).toEqual({
      ok: false,
      error: { code: 'already', itemId: r.value.id },
    });
    expect(await desk.useCases.checklists.listForIncident(incident.id)).toHaveLength(1);
  });

  it('refuses a strength and writes nothing', async () => {
    const { desk, incident, addLesson } = await deskWithIncident();
    const lesson = await addLesson({ kind: 'strength', text: 'The cascade worked' });
    expect(await desk.useCases.lessons.toChecklist(lesson.id, actor())).toEqual({
      ok: false,
      error: { code: 'not-an-action' },
    });
    expect(await desk.useCases.checklists.listForIncident(incident.id)).toHaveLength(0);
    expect((await desk.useCases.lessons.listForIncident(incident.id))[0]?.checklistItemId).toBeNull();
  });

  it('rewords and removes a lesson in place until a record holding it is exported; then a change is a new version', async () => {
    const { desk, incident, addLesson } = await deskWithIncident();
    const improvement = await addLesson({ kind: 'improvement', text: 'The night shift had no call sheet' });
    const action = await addLesson({
      kind: 'corrective-action',
      text: 'Print call sheets',
      owner: 'Kari Holm',
      dueDate: '2026-04-30',
      answers: improvement.id,
    });
    const typo = await addLesson({ kind: 'strength', text: 'Teh cascade worked' });

    // Before any export: changed in place, removed for good.
    const fixed = await desk.useCases.lessons.update(typo.id, { text: 'The cascade worked' }, actor());
    expect(fixed).toMatchObject({ ok: true, value: { id: typo.id, text: 'The cascade worked' } });
    expect(await desk.useCases.lessons.remove(typo.id, actor())).toMatchObject({ ok: true });
    expect((await desk.useCases.lessons.listForIncident(incident.id)).map((l) => l.text)).toEqual([
      'The night shift had no call sheet',
      'Print call sheets',
    ]);

    // A record is exported: its head is published.
    await written(
      desk.useCases.publishedHeads.append(
        incident.id,
        { chainSeq: 0, hash: '0'.repeat(64) },
        'export',
        actor({ now: actor().now + 60_000 }),
      ),
    );
    const later = actor({ now: actor().now + 120_000 });
    expect(await desk.useCases.lessons.remove(action.id, later)).toEqual({
      ok: false,
      error: { code: 'exported', exportedAt: actor().now + 60_000 },
    });
    const reworded = await desk.useCases.lessons.update(action.id, { text: 'Print and laminate call sheets' }, later);
    if (!reworded.ok) throw new Error(reworded.error.code);
    expect(reworded.value).toMatchObject({
      supersedes: action.id,
      text: 'Print and laminate call sheets',
      answers: improvement.id,
    });
    expect(reworded.value.id).not.toBe(action.id);
    // The exported wording is kept; the list shows the newest version.
    expect((await desk.db.lessons.get(action.id))?.text).toBe('Print call sheets');
    expect((await desk.useCases.lessons.listForIncident(incident.id)).map((l) => l.text)).toEqual([
      'The night shift had no call sheet',
      'Print and laminate call sheets',
    ]);
    // Progress on an action is not rewording: marked done in place.
    expect(await desk.useCases.lessons.update(reworded.value.id, { status: 'done' }, later)).toMatchObject({
      ok: true,
      value: { id: reworded.value.id, status: 'done' },
    });
  });
});

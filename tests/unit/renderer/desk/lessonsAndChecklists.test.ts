import { describe, expect, it } from 'vitest';

import { draftFromTemplate } from '@shared/domain/checklists/templates';

import { actor, T0 } from '../../../factories/incident';
import { deskWithIncident, listenedDesk, racedRead } from './heard';
import { written } from '../../../support/written';

const ACTION = {
  kind: 'corrective-action' as const,
  text: 'Print call sheets',
  owner: 'Kari Holm',
  dueDate: '2026-04-30',
  answers: null,
};
const ITEM = {
  phase: 'immediate' as const,
  title: 'Open the family reception centre',
  rationale: '',
  owner: 'social-services' as const,
  offsetAmount: '3',
  offsetUnit: 'hours' as const,
  assignee: '',
  notes: '',
};

describe('lesson use-cases', () => {
  it('put a corrective action on the checklist: the item, the lesson’s link and both audit lines in one change', async () => {
    const { desk, incident, heard } = await deskWithIncident();
    const lesson = await written(desk.useCases.lessons.add(incident.id, ACTION, actor()));
    const r = await desk.useCases.lessons.toChecklist(lesson.id, actor({ now: T0 + 1 }));
    if (!r.ok) throw new Error(r.error.code);
    expect((await desk.db.lessons.get(lesson.id))?.checklistItemId).toBe(r.value.id);
    expect(
      (await desk.useCases.audit.listForIncident(incident.id))
        .filter((a) => a.at === T0 + 1)
        .map((a) => a.entityType)
        .sort(),
    ).toEqual(['checklist-item', 'lesson']);
    expect(heard()).toEqual([
      ['lesson.recorded', { incidentId: incident.id }],
      ['lesson.put-on-checklist', { incidentId: incident.id }],
    ]);
  });

  it('refuses a lesson too long for its readers as a value, with nothing written and nothing heard', async () => {
    const { desk, incident, heard } = await deskWithIncident();
    const lesson = await written(desk.useCases.lessons.add(incident.id, ACTION, actor()));
    const audit = await desk.db.auditLog.count();
    const r = await desk.useCases.lessons.update(lesson.id, { text: 'x'.repeat(4001) }, actor({ now: T0 + 1 }));
    expect(r).toMatchObject({ ok: false, error: { code: 'refused', table: 'lessons' } });
    expect(await desk.db.lessons.get(lesson.id)).toEqual(lesson);
    expect(await desk.db.auditLog.count()).toBe(audit);
    expect(heard()).toHaveLength(1);
  });

  it('does not remove a lesson once a record was exported while the removal was being planned', async () => {
    const { desk, incident } = await deskWithIncident();
    const lesson = await written(desk.useCases.lessons.add(incident.id, ACTION, actor()));
    racedRead(desk.core.stores.lessons, 'lastExportAt', () =>
      written(
        desk.useCases.publishedHeads.append(
          incident.id,
          { chainSeq: 0, hash: '0'.repeat(64) },
          'export',
          actor({ now: T0 + 60_000 }),
        ),
      ),
    );
    expect(await desk.useCases.lessons.remove(lesson.id, actor({ now: T0 + 120_000 }))).toEqual({
      ok: false,
      error: { code: 'exported', exportedAt: T0 + 60_000 },
    });
    expect(await desk.db.lessons.get(lesson.id)).toEqual(lesson);
  });
});

describe('checklist use-cases', () => {
  it('start an incident with its checklists in one change in the incident’s scope, after the guide is installed desk-wide', async () => {
    const { desk, heard } = listenedDesk();
    const { fields } = await deskWithIncident();
    const incident = await written(desk.useCases.checklists.startIncident(fields, ['guide-immediate'], actor()));
    expect(heard()).toEqual([
      ['checklist-plan.guide-installed', 'desk'],
      ['incident.started', { incidentId: incident.id }],
    ]);
    expect((await desk.useCases.audit.listForIncident(incident.id)).map((a) => a.summary).sort()).toEqual([
      'Checklists added to the incident: Immediate aftermath (first hours), version 1 (16 items)',
      'Incident created: Vehicle attack, Market Square',
    ]);
    expect(await desk.useCases.checklists.listForIncident(incident.id)).toHaveLength(16);
  });

  it('put a custom item after one another window added to the same phase meanwhile', async () => {
    const { desk, incident } = await deskWithIncident();
    racedRead(desk.core.stores.checklists, 'inPhase', () =>
      desk.useCases.checklists.addCustomItem(incident.id, { ...ITEM, title: 'Added meanwhile' }, actor()),
    );
    const r = await desk.useCases.checklists.addCustomItem(incident.id, ITEM, actor({ now: T0 + 1 }));
    expect(r.ok && r.value.position).toBe(1);
    expect(
      (await desk.useCases.checklists.listForIncident(incident.id)).map((i) => [i.title, i.position]).sort(),
    ).toEqual([
      ['Added meanwhile', 0],
      ['Open the family reception centre', 1],
    ]);
  });

  it('refuse a template version based on one another window replaced meanwhile, writing nothing of it', async () => {
    const { desk, heard } = listenedDesk();
    await written(desk.useCases.checklists.ensureGuideTemplates(actor()));
    const [v1] = await desk.useCases.checklists.templateHistory('guide-immediate');
    const draft = draftFromTemplate(v1!);
    draft.items[0]!.title = 'Mayor takes charge from the command centre';
    racedRead(desk.core.stores.checklists, 'templateHistory', () =>
      desk.useCases.checklists.saveTemplateVersion(
        'guide-immediate',
        1,
        { ...draft, changeNote: 'Saved meanwhile' },
        actor({ operator: 'Ola', now: T0 + 1 }),
      ),
    );
    const stale = await desk.useCases.checklists.saveTemplateVersion(
      'guide-immediate',
      1,
      draft,
      actor({ now: T0 + 2 }),
    );
    expect(!stale.ok && stale.error.form).toContain('Version 2 of this checklist was saved by Ola');
    expect(
      (await desk.useCases.checklists.templateHistory('guide-immediate')).map((t) => [t.version, t.createdBy]),
    ).toEqual([
      [1, 'Ingrid Berg'],
      [2, 'Ola'],
    ]);
    expect(heard().map(([kind]) => kind)).toEqual([
      'checklist-plan.guide-installed',
      'checklist-plan.template-revised',
    ]);
  });

  it('take a reworded item of the plan’s newer version into a running incident, one audit line per item, heard in its scope', async () => {
    const { desk, heard } = listenedDesk();
    const { fields } = await deskWithIncident();
    const incident = await written(desk.useCases.checklists.startIncident(fields, ['guide-immediate'], actor()));
    const [v1] = await desk.useCases.checklists.templateHistory('guide-immediate');
    const draft = draftFromTemplate(v1!);
    draft.items[0]!.title = 'Mayor takes charge from the command centre';
    const v2 = await desk.useCases.checklists.saveTemplateVersion(
      'guide-immediate',
      1,
      { ...draft, changeNote: 'Our command centre' },
      actor({ now: T0 + 1 }),
    );
    expect(v2.ok).toBe(true);
    expect(
      await written(
        desk.useCases.checklists.takeOverFromPlan(incident.id, 'guide-immediate', 'all', actor({ now: T0 + 2 })),
      ),
    ).toBe(1);
    expect((await desk.useCases.checklists.listForIncident(incident.id)).map((i) => i.title)).toContain(
      'Mayor takes charge from the command centre',
    );
    expect((await desk.useCases.audit.listForIncident(incident.id))[0]?.summary).toMatch(
      /^Checklist item reworded as in the plan/,
    );
    expect(heard().at(-1)).toEqual(['checklist.taken-over-from-plan', { incidentId: incident.id }]);
  });
});

import { describe, expect, it, vi } from 'vitest';

import { draftFromTemplate } from '@shared/domain/checklists/templates';
import { resolutionEntry } from '@shared/domain/checklists/items';
import { validateIncidentDraft } from '@shared/domain/incident/commands';
import { deskContent } from '@shared/content';
import { ChecklistItemSchema, ChecklistTemplateSchema, DESK_SCOPE } from '@shared/schemas/checklists';

import { T0, actor, makeDraft } from '../../factories/incident';
import { freshDesk, logged } from './testDb';
import { written } from '../../support/written';

const GUIDE_CHECKLIST_SEED = deskContent().checklists;

const ALL = GUIDE_CHECKLIST_SEED.templates.map((t) => t.templateKey);

async function started(templateKeys: readonly string[] = ALL) {
  const desk = freshDesk();
  const fields = validateIncidentDraft(makeDraft());
  if (!fields.ok) throw new Error('draft');
  const incident = await written(desk.useCases.checklists.startIncident(fields.value, templateKeys, actor()));
  return { desk, incident };
}

describe('checklists repository', () => {
  it('creates an incident with the chosen templates’ items, in one go, each naming its template version', async () => {
    const { desk, incident } = await started(['guide-immediate', 'guide-milestones']);
    const items = await desk.useCases.checklists.listForIncident(incident.id);
    expect(items).toHaveLength(16 + 19);
    for (const item of items) expect(ChecklistItemSchema.safeParse(item).success).toBe(true);
    expect(new Set(items.map((i) => `${i.template?.templateKey} v${i.template?.version}`))).toEqual(
      new Set(['guide-immediate v1', 'guide-milestones v1']),
    );
    const templates = await desk.useCases.checklists.listTemplates();
    expect(templates).toHaveLength(6);
    for (const t of templates) expect(ChecklistTemplateSchema.safeParse(t).success).toBe(true);
    const audit = await desk.useCases.audit.listForIncident(incident.id);
    expect(audit.map((a) => a.summary)).toEqual(
      expect.arrayContaining([
        'Incident created: Vehicle attack, Market Square',
        'Checklists added to the incident: Immediate aftermath (first hours), version 1 (16 items); Recovery milestones, version 1 (19 items)',
      ]),
    );
  });

  it('installs the guide templates once only', async () => {
    const { desk } = await started();
    expect(await written(desk.useCases.checklists.ensureGuideTemplates(actor()))).toBe(0);
    expect(await desk.db.checklistTemplates.count()).toBe(6);
  });

  it('rolls back the incident when its checklists cannot be written', async () => {
    const desk = freshDesk();
    const fields = validateIncidentDraft(makeDraft());
    if (!fields.ok) throw new Error('draft');
    // The table the door writes through (the same store as desk.db.checklistItems).
    vi.spyOn(desk.db.tableByName('checklistItems'), 'bulkAdd').mockRejectedValueOnce(new Error('QuotaExceededError'));
    await expect(desk.useCases.checklists.startIncident(fields.value, ALL, actor())).rejects.toThrow(
      'QuotaExceededError',
    );
    expect(await desk.db.incidents.count()).toBe(0);
    expect(await desk.db.checklistItems.count()).toBe(0);
    // The guide's checklists were installed first, desk-wide, as a change of their own: only that line is logged.
    expect((await desk.db.auditLog.toArray()).map((a) => a.entityType)).toEqual(['checklist-template']);
  });

  it('completes an item with a note, audits it, and the timeline entry links back to it', async () => {
    const { desk, incident } = await started(['guide-immediate']);
    const [first] = (await desk.useCases.checklists.listForIncident(incident.id)).filter(
      (i) => i.template?.itemKey === 'first-public-message',
    );
    const done = await desk.useCases.checklists.setStatus(
      first!.id,
      'done',
      'Holding statement out',
      actor({ now: T0 + 60_000 }),
    );
    expect(done.ok && done.value).toMatchObject({
      status: 'done',
      resolvedAt: T0 + 60_000,
      resolvedBy: 'Ingrid Berg',
      resolutionNote: 'Holding statement out',
    });
    if (!done.ok) return;
    const [entry] = await logged(
      desk.useCases.timeline.append(
        incident.id,
        [resolutionEntry(done.value, T0 + 60_000)],
        actor({ now: T0 + 60_000 }),
      ),
    );
    expect(entry?.links).toEqual([{ kind: 'checklist-item', id: first!.id }]);
    const audit = await desk.useCases.audit.listForIncident(incident.id);
    expect(audit[0]).toMatchObject({
      entityType: 'checklist-item',
      entityId: first!.id,
      summary: 'Checklist item “Issue a first public message to prevent panic”: done',
    });
  });

  it('refuses "not applicable" without a reason and stores nothing', async () => {
    const { desk, incident } = await started(['guide-immediate']);
    const [item] = await desk.useCases.checklists.listForIncident(incident.id);
    const auditBefore = await desk.db.auditLog.count();
    expect(await desk.useCases.checklists.setStatus(item!.id, 'not-applicable', '', actor())).toEqual({
      ok: false,
      error: { code: 'reason-required' },
    });
    expect((await desk.useCases.checklists.get(item!.id))?.status).toBe('todo');
    expect(await desk.db.auditLog.count()).toBe(auditBefore);
  });

  it('adds a custom item at the end of its phase', async () => {
    const { desk, incident } = await started(['guide-immediate']);
    const r = await desk.useCases.checklists.addCustomItem(
      incident.id,
      {
        phase: 'immediate',
        title: 'Open the family reception centre',
        rationale: '',
        owner: 'social-services',
        offsetAmount: '3',
        offsetUnit: 'hours',
        assignee: 'Kari',
        notes: '',
      },
      actor(),
    );
    expect(r.ok && r.value).toMatchObject({ position: 16, template: null, assignee: 'Kari' });
    const bad = await desk.useCases.checklists.addCustomItem(
      incident.id,
      {
        phase: 'immediate',
        title: '',
        rationale: '',
        owner: 'social-services',
        offsetAmount: 'x',
        offsetUnit: 'hours',
        assignee: '',
        notes: '',
      },
      actor(),
    );
    expect(bad.ok).toBe(false);
    expect(await desk.useCases.checklists.listForIncident(incident.id)).toHaveLength(17);
  });

  it('saves template versions and refuses a save based on a stale version', async () => {
    const { desk } = await started([]);
    const [v1] = await desk.useCases.checklists.templateHistory('guide-immediate');
    const draft = draftFromTemplate(v1!);
    draft.items[0]!.title = 'Mayor takes charge from the command centre';
    const v2 = await desk.useCases.checklists.saveTemplateVersion('guide-immediate', 1, draft, actor({ now: T0 + 1 }));
    expect(v2.ok && v2.value.version).toBe(2);
    const stale = await desk.useCases.checklists.saveTemplateVersion(
      'guide-immediate',
      1,
      draft,
      actor({ now: T0 + 2 }),
    );
    expect(!stale.ok && stale.error.form).toContain('Version 2 of this checklist was saved by Ingrid Berg');
    expect((await desk.useCases.checklists.templateHistory('guide-immediate')).map((t) => t.version)).toEqual([1, 2]);
    expect(
      (await desk.useCases.checklists.latestTemplates()).find((t) => t.templateKey === 'guide-immediate')?.version,
    ).toBe(2);
  });

  it('counts open items of several incidents for the dashboard', async () => {
    const { desk, incident } = await started(['guide-immediate']);
    const [item] = await desk.useCases.checklists.listForIncident(incident.id);
    await desk.useCases.checklists.setStatus(item!.id, 'done', '', actor());
    expect(await desk.useCases.checklists.openItemsOf([incident.id, 'inc_none'])).toHaveLength(15);
  });
});

describe('peacetime preparedness', () => {
  it('starts the city’s preparedness checklist once, from the plan’s preparedness items, audited desk-wide', async () => {
    const desk = freshDesk();
    const items = await written(desk.useCases.checklists.startPreparedness(actor()));
    expect(items).toHaveLength(25);
    expect(items.every((i) => i.incidentId === DESK_SCOPE && i.phase === 'preparedness' && i.offset === null)).toBe(
      true,
    );
    expect(await written(desk.useCases.checklists.startPreparedness(actor()))).toEqual([]);
    const done = await desk.useCases.checklists.setStatus(
      items[0]!.id,
      'done',
      'Plan adopted by the council',
      actor({ now: T0 + 5 }),
    );
    expect(done.ok).toBe(true);
    const lines = await desk.db.auditLog.filter((a) => a.entityId === items[0]!.id).toArray();
    expect(lines.map((l) => l.incidentId)).toEqual([null]);
  });
});

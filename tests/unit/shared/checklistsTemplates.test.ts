import { describe, expect, it } from 'vitest';

import { itemsFromTemplates } from '@shared/domain/checklists/items';
import {
  draftFromTemplate,
  latestVersions,
  reviseTemplate,
  summariseChanges,
  type TemplateDraft,
} from '@shared/domain/checklists/templates';
import { newerTemplateVersions } from '@shared/domain/checklists/views';
import { ChecklistTemplateSchema } from '@shared/schemas/checklists';

import { guideTemplate, guideTemplates } from '../../factories/checklists';
import { T0, actor } from '../../factories/incident';

let seq = 0;
const ctx = (now = T0 + 1000) => ({
  id: `ckt_v${(seq += 1)}`,
  newKey: () => `city-${(seq += 1)}`,
  actor: actor({ now, operator: 'Ola Nordmann' }),
});

describe('template versions', () => {
  it('saves the city’s changes as the next version, leaving the guide’s version as it was', () => {
    const v1 = guideTemplate('guide-immediate');
    const before = structuredClone(v1);
    const draft: TemplateDraft = draftFromTemplate(v1);
    draft.items[0]!.title = 'Mayor goes to the command centre and takes charge';
    draft.items[1]!.offsetAmount = '2';
    draft.items.splice(2, 1);
    draft.items.push({
      key: null,
      phase: 'immediate',
      title: 'Open the family reception centre at the city hall',
      rationale: '',
      owner: 'social-services',
      offsetAmount: '3',
      offsetUnit: 'hours',
      milestone: false,
      source: null,
    });
    [draft.items[3], draft.items[4]] = [draft.items[4]!, draft.items[3]!];

    const v2 = reviseTemplate(v1, draft, ctx());
    expect(v2.ok).toBe(true);
    if (!v2.ok) return;
    expect(ChecklistTemplateSchema.safeParse(v2.value).success).toBe(true);
    expect(v2.value).toMatchObject({
      templateKey: 'guide-immediate',
      version: 2,
      origin: 'city',
      createdBy: 'Ola Nordmann',
    });
    expect(v2.value.changeNote).toBe('1 added, 1 removed, 2 changed, and reordered');
    expect(v2.value.items[0]).toMatchObject({
      key: 'mayor-takes-lead',
      adapted: true,
      source: { page: 'cr-p2', basis: 'stated' },
    });
    expect(v2.value.items[1]).toMatchObject({
      key: 'convene-senior-officials',
      adapted: false,
      offset: { unit: 'hours', amount: 2 },
    });
    expect(v2.value.items.at(-1)).toMatchObject({
      source: null,
      adapted: false,
      title: 'Open the family reception centre at the city hall',
    });
    expect(v1).toEqual(before);
  });

  it('keeps the version an incident was created from, and says when a newer one exists', () => {
    const v1 = guideTemplate('guide-immediate');
    const items = itemsFromTemplates([v1], 'inc_1', () => `cki_${(seq += 1)}`, actor());
    expect(items.every((i) => i.template?.version === 1 && i.template.templateKey === 'guide-immediate')).toBe(true);
    expect(newerTemplateVersions(items, latestVersions(guideTemplates()))).toEqual([]);

    const draft = draftFromTemplate(v1);
    draft.items[0]!.owner = 'chief-of-staff';
    const v2 = reviseTemplate(v1, draft, ctx());
    if (!v2.ok) throw new Error('v2');
    const latest = latestVersions([...guideTemplates(), v2.value]);
    expect(latest.find((t) => t.templateKey === 'guide-immediate')?.version).toBe(2);
    expect(newerTemplateVersions(items, latest)).toEqual([{ template: v2.value, usedVersion: 1 }]);
    // The incident's own items are unchanged by the new version.
    expect(items[0]?.owner).toBe('mayor');
  });

  it('refuses bad input with a message per row, keeping the draft', () => {
    const v1 = guideTemplate('guide-immediate');
    const draft = draftFromTemplate(v1);
    draft.items[0]!.title = '   ';
    draft.items[2]!.offsetAmount = '-3';
    draft.title = '';
    const r = reviseTemplate(v1, draft, ctx());
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.title).toBe('Give the checklist a name.');
    expect(r.error.items?.[0]?.title).toBe('Say what has to be done.');
    expect(r.error.items?.[2]?.offset).toContain('cannot fall due before the incident starts');
    expect(draft.items[0]!.title).toBe('   ');
  });

  it('refuses to save a version without changes, or without items', () => {
    const v1 = guideTemplate('guide-long-term');
    expect(reviseTemplate(v1, draftFromTemplate(v1), ctx())).toEqual({
      ok: false,
      error: { form: 'Nothing has changed, so no new version was saved.' },
    });
    const empty = { ...draftFromTemplate(v1), items: [] };
    const r = reviseTemplate(v1, empty, ctx());
    expect(!r.ok && r.error.form).toContain('at least one item');
  });

  it('summarises what a version changes', () => {
    const v1 = guideTemplate('guide-long-term');
    expect(summariseChanges(v1, v1)).toBe('No changes');
    expect(summariseChanges(v1, { ...v1, title: 'Long-term recovery' })).toBe('Renamed');
  });
});

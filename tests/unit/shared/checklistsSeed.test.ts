import { describe, expect, it } from 'vitest';

import { BASIS_LABELS, chapterOf, citeSource, sourceLine } from '@shared/domain/checklists/citations';
import { deskContent } from '@shared/content';
import { GUIDE_TEMPLATE_ORDER } from '@shared/domain/checklists/templates';
import { GUIDE_PAGES } from '@shared/domain/guide/pages';
import { CHECKLIST_ROLES } from '@shared/domain/guide/roles';
import { RESPONSE_PHASE_IDS } from '@shared/domain/guide/phases';
import { ChecklistSeedSchema, ChecklistTemplateSchema } from '@shared/schemas/checklists';

import { guideTemplates } from '../../factories/checklists';

const GUIDE_CHECKLIST_SEED = deskContent().checklists;

const items = GUIDE_CHECKLIST_SEED.templates.flatMap((t) => t.items);

describe('the guide checklist seed', () => {
  it('is valid against its schema', () => {
    const parsed = ChecklistSeedSchema.safeParse(GUIDE_CHECKLIST_SEED);
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  });

  it('holds every phase of the guide, from preparedness to long-term recovery, and the milestones', () => {
    expect(new Set(items.map((i) => i.phase))).toEqual(new Set(RESPONSE_PHASE_IDS));
    expect(GUIDE_CHECKLIST_SEED.templates.map((t) => t.templateKey)).toEqual(GUIDE_TEMPLATE_ORDER);
    // The digest's 84 phase items and 19 recovery milestones.
    expect(items.filter((i) => !i.milestone)).toHaveLength(84);
    expect(items.filter((i) => i.milestone)).toHaveLength(19);
  });

  it('cites a chapter and a basis for every item', () => {
    for (const item of items) {
      const chapter = chapterOf({ page: item.page, basis: item.basis });
      expect(chapter, item.key).toMatch(/^(ch\. \d .+|Conclusion|front matter|Overview|closing page)$/);
      expect(['stated', 'generalised'], item.key).toContain(item.basis);
    }
    expect(citeSource({ page: 'cr-p7', basis: 'stated' })).toBe(
      'Guide for City-Led Response (Strong Cities Network, 2024), ch. 6 Preparing to Respond',
    );
    expect(citeSource({ page: 'gm-p5', basis: 'stated' })).toBe(
      'Guide for Mayors (Strong Cities Network, 2023), ch. 3 Response',
    );
  });

  it('labels generalised items honestly as practice suggestions', () => {
    const generalised = items.filter((i) => i.basis === 'generalised');
    expect(generalised.length).toBeGreaterThan(0);
    for (const item of generalised)
      expect(sourceLine({ page: item.page, basis: item.basis }, false)).toContain(BASIS_LABELS.generalised);
    expect(BASIS_LABELS.generalised).toBe('Practice suggestion (not the guide’s words)');
  });

  it('has unique item keys, known owners and pages', () => {
    const keys = GUIDE_CHECKLIST_SEED.templates.flatMap((t) => t.items.map((i) => `${t.templateKey}/${i.key}`));
    expect(new Set(keys).size).toBe(keys.length);
    const roles = new Set<string>(CHECKLIST_ROLES.map((r) => r.id));
    for (const i of items) {
      expect(roles.has(i.owner), i.key).toBe(true);
      expect(i.page in GUIDE_PAGES, i.key).toBe(true);
    }
  });

  it('gives response items due offsets and preparedness none', () => {
    for (const i of items) expect(i.offset === null, i.key).toBe(i.phase === 'preparedness');
  });

  it('becomes valid version 1 template rows', () => {
    for (const t of guideTemplates()) {
      const parsed = ChecklistTemplateSchema.safeParse(t);
      expect(parsed.success ? [] : parsed.error.issues, t.templateKey).toEqual([]);
      expect(t.version).toBe(1);
    }
  });
});

import { deskContent } from '@shared/content';
import { guideTemplateRows } from '@shared/domain/checklists/templates';
import { itemsFromTemplates, openItemState } from '@shared/domain/checklists/items';
import type { ChecklistItem, ChecklistTemplate } from '@shared/schemas/checklists';

import { T0, actor } from './incident';

const GUIDE_CHECKLIST_SEED = deskContent().checklists;

/** The guide's templates as version 1 rows, with sequential ids. */
export function guideTemplates(): ChecklistTemplate[] {
  let seq = 0;
  return guideTemplateRows(GUIDE_CHECKLIST_SEED, () => `ckt_${(seq += 1)}`, actor());
}

export function guideTemplate(key: string): ChecklistTemplate {
  const t = guideTemplates().find((x) => x.templateKey === key);
  if (!t) throw new Error(`no guide template ${key}`);
  return t;
}

let itemSeq = 0;
/** One open item, due `offset` after the start, with override spreading. */
export function makeItem(overrides: Partial<ChecklistItem> = {}): ChecklistItem {
  itemSeq += 1;
  return {
    id: `cki_${itemSeq}`,
    incidentId: 'inc_1',
    phase: 'immediate',
    title: 'Issue a first public message to prevent panic',
    rationale: 'Early communication helps prevent panic.',
    owner: 'communications-lead',
    offset: { unit: 'hours', amount: 1 },
    milestone: false,
    source: { page: 'cr-p8', basis: 'stated' },
    adapted: false,
    position: itemSeq,
    template: { templateKey: 'guide-immediate', version: 1, itemKey: 'first-public-message' },
    ...openItemState(actor({ now: T0 })),
    ...overrides,
  };
}

/** Every guide item copied into one incident. */
export function guideItems(incidentId = 'inc_1'): ChecklistItem[] {
  let seq = 0;
  return itemsFromTemplates(guideTemplates(), incidentId, () => `cki_g${(seq += 1)}`, actor());
}

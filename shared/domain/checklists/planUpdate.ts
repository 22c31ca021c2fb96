import type { Actor } from '../audit';
import type { ChecklistItem, ChecklistTemplate, ChecklistTemplateItem } from '../../schemas/checklists';
import type { FieldChange } from '../../schemas/entities';
import { isResolved, itemsFromTemplates } from './items';

/**
 * What a newer version of the plan offers a running incident: items it added, and items it
 * reworded that the incident has not finished with. Items already done or not applicable never
 * change: what was done was done against the wording of its time.
 */
export type PlanChange =
  | { kind: 'new'; templateKey: string; version: number; templateItem: ChecklistTemplateItem }
  | {
      kind: 'reworded';
      templateKey: string;
      version: number;
      templateItem: ChecklistTemplateItem;
      item: ChecklistItem;
    };

export type PlanChanges = {
  template: ChecklistTemplate;
  /** The newest version the incident's items came from. */
  usedVersion: number;
  changes: PlanChange[];
  /** Reworded in the plan, but already resolved here: they stay as they are. */
  resolvedUnchanged: ChecklistItem[];
};

const wording = (i: Pick<ChecklistTemplateItem, 'title' | 'rationale'>) => `${i.title}\n${i.rationale}`;

/** The key a change is taken over by: the template item it comes from. */
export const changeKey = (c: PlanChange): string => `${c.templateKey}:${c.templateItem.key}`;

/** For each template the incident uses, what its newest version would add or reword. */
export function planChangesFor(items: readonly ChecklistItem[], latest: readonly ChecklistTemplate[]): PlanChanges[] {
  return latest.flatMap((template) => {
    const mine = items.filter((i) => i.template?.templateKey === template.templateKey);
    if (mine.length === 0) return [];
    const usedVersion = Math.max(...mine.map((i) => i.template?.version ?? 0));
    const byKey = new Map(mine.map((i) => [i.template?.itemKey ?? '', i]));
    const changes: PlanChange[] = [];
    const resolvedUnchanged: ChecklistItem[] = [];
    for (const templateItem of template.items) {
      const item = byKey.get(templateItem.key);
      if (!item) {
        changes.push({ kind: 'new', templateKey: template.templateKey, version: template.version, templateItem });
      } else if (wording(item) !== wording(templateItem)) {
        if (isResolved(item)) resolvedUnchanged.push(item);
        else
          changes.push({
            kind: 'reworded',
            templateKey: template.templateKey,
            version: template.version,
            templateItem,
            item,
          });
      }
    }
    return changes.length > 0 || usedVersion < template.version
      ? [{ template, usedVersion, changes, resolvedUnchanged }]
      : [];
  });
}

/**
 * The incident's items after taking over the chosen changes: new items at the end of their
 * phase, reworded items with the plan's words (an open item only; the check is made again here).
 */
export function takeOver(
  changes: readonly PlanChange[],
  ctx: { incidentId: string; existing: readonly ChecklistItem[]; newId: () => string; actor: Actor },
): { created: ChecklistItem[]; updated: { next: ChecklistItem; changes: FieldChange[] }[] } {
  const positions = new Map<string, number>();
  for (const i of ctx.existing) positions.set(i.phase, Math.max(positions.get(i.phase) ?? 0, i.position + 1));
  const created: ChecklistItem[] = [];
  const updated: { next: ChecklistItem; changes: FieldChange[] }[] = [];
  for (const c of changes) {
    if (c.kind === 'new') {
      const [item] = itemsFromTemplates(
        [{ templateKey: c.templateKey, version: c.version, items: [c.templateItem] }],
        ctx.incidentId,
        ctx.newId,
        ctx.actor,
        positions,
      );
      if (!item) continue;
      positions.set(item.phase, item.position + 1);
      created.push(item);
    } else {
      const current = ctx.existing.find((i) => i.id === c.item.id);
      if (!current || isResolved(current)) continue;
      const next: ChecklistItem = {
        ...current,
        title: c.templateItem.title,
        rationale: c.templateItem.rationale,
        source: c.templateItem.source,
        adapted: c.templateItem.adapted,
        template: current.template && { ...current.template, version: c.version },
        updatedAt: ctx.actor.now,
        updatedBy: ctx.actor.operator,
      };
      updated.push({
        next,
        changes: [
          { field: 'title', before: current.title, after: next.title },
          { field: 'rationale', before: current.rationale, after: next.rationale },
          { field: 'planVersion', before: current.template?.version ?? null, after: c.version },
        ].filter((f) => f.before !== f.after),
      });
    }
  }
  return { created, updated };
}

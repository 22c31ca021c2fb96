import type { ChecklistItem, ResolvedWith } from '../../schemas/checklists';
import { format } from '../../i18n/format';
import { isResolved } from './items';

/** Work done elsewhere on the desk that completes a checklist item of the guide. */
export type ResolvingWork = 'statement-released' | 'tree-activated';

/**
 * Which guide items each piece of work completes, by the item's key in the plan (stable when
 * the city rewords the item). A release is the city's first public message; an activation
 * notifies the departments through the contact tree.
 */
const COMPLETES: Readonly<Record<ResolvingWork, readonly string[]>> = {
  'statement-released': ['first-public-message'],
  'tree-activated': ['notify-contact-tree'],
};

/** The incident's open items that `work` completes: the desk offers to mark them done. */
export function itemsCompletedBy(work: ResolvingWork, items: readonly ChecklistItem[]): ChecklistItem[] {
  return items.filter((i) => !isResolved(i) && i.template !== null && COMPLETES[work].includes(i.template.itemKey));
}

/** The note an item resolved by other work carries: "Done by the release of …". */
export function resolvedByNote(by: ResolvedWith): string {
  return format('checklists.resolvedBy.note', { work: by.label });
}

import type { Actor } from '@shared/domain/audit';
import { changeStatus, resolutionEntry, type StatusChangeError } from '@shared/domain/checklists/items';
import { resolvedByNote } from '@shared/domain/checklists/resolvedBy';
import { newId } from '@shared/domain/ids';
import { ok, type Result } from '@shared/domain/result';
import { DESK_SCOPE, type ChecklistItem, type ChecklistStatus, type ResolvedWith } from '@shared/schemas/checklists';
import type { FieldChange } from '@shared/schemas/entities';

import type { ChecklistsStore } from '../../db/repos/checklistsRepo';
import type { Change } from '../door';
import { busy, rowChanger, type Moved } from '../planned';
import { timelineLine, type ChainMoved, type TimelinedDeps } from '../timeline/chain';
import { itemChangeAudit, itemScope } from './checklists';
import { t } from '../../i18n/messages';

export type ResolutionError = StatusChangeError | { code: 'not-found'; id: string };

type Deps = TimelinedDeps<ChecklistsStore>;

/** A checklist item's status: set by hand, or done by other work on the desk (logged on the timeline with it). */
export function createResolution(deps: Deps) {
  const { door, store, gen } = deps;

  const changeItemRow = rowChanger<'checklistItems', ResolutionError>(
    door,
    'checklistItems',
    (key) => store.get(key),
    (id) => ({ missing: { code: 'not-found', id }, busy: busy('item') }),
  );

  const changeItem = (
    itemId: string,
    apply: (item: ChecklistItem) => Result<{ next: ChecklistItem; changes: FieldChange[] }, StatusChangeError>,
    summary: (next: ChecklistItem) => string,
    logged: boolean,
  ): Promise<Result<ChecklistItem, ResolutionError>> =>
    deps.enqueue(() =>
      changeItemRow(itemId, async (item) => {
        const applied = apply(item);
        if (!applied.ok) return applied;
        const { next, changes } = applied.value;
        // Nothing changes: nothing is written.
        if (changes.length === 0)
          return ok({ change: { scope: 'desk', kind: 'checklist.unchanged', audit: [] }, value: item });
        const line =
          logged && next.incidentId !== DESK_SCOPE
            ? await timelineLine(deps, next.incidentId, resolutionEntry(next, next.updatedAt), newId('tle', gen), {
                operator: next.updatedBy,
                now: next.updatedAt,
              })
            : null;
        const change: Change<Moved | ChainMoved> = {
          scope: itemScope(next.incidentId),
          kind: `checklist.${next.status}`,
          put: { checklistItems: [next] },
          ...(line && { add: line.rows }),
          audit: [itemChangeAudit(gen, next, summary(next), changes)],
          preconditions: line ? [line.precondition] : [],
        };
        return ok({ change, value: next });
      }),
    );

  return {
    setStatus: (itemId: string, status: ChecklistStatus, note: string, actor: Actor) =>
      changeItem(
        itemId,
        (item) => changeStatus(item, status, note, actor),
        (next) =>
          next.status === 'not-applicable'
            ? t('audit.summary.itemNotApplicable', { title: next.title, note: next.resolutionNote ?? '' })
            : t('audit.summary.itemStatus', { title: next.title, status: next.status.replace(/-/g, '_') }),
        false,
      ),

    /**
     * Marks an item done by other work on the desk (a statement released, a call tree
     * activated), linked to that record; logged on the timeline, linked to both, in the same change.
     */
    resolveBy: (itemId: string, by: ResolvedWith, actor: Actor) =>
      changeItem(
        itemId,
        (item) => {
          const changed = changeStatus(item, 'done', resolvedByNote(by), actor);
          if (!changed.ok) return changed;
          return ok({
            next: { ...changed.value.next, resolvedWith: by },
            changes: [...changed.value.changes, { field: 'resolvedWith', before: null, after: by.label }],
          });
        },
        (next) => t('audit.summary.itemDoneBy', { title: next.title, by: by.label }),
        true,
      ),
  };
}

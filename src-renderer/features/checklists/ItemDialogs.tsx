import type { ReactElement } from 'react';

import { describeStatusChangeError } from '@shared/domain/checklists/items';
import type { ScheduledItem } from '@shared/domain/checklists/views';
import type { ChecklistItem } from '@shared/schemas/checklists';
import type { Incident } from '@shared/schemas/entities';

import { actorFrom, useDesk } from '../../desk/DeskContext';
import { useAppStore } from '../../store';
import type { ItemAction } from './ChecklistItemRow';
import { ItemDialog } from './ItemDialog';
import { ResolveItemDialog } from './ResolveItemDialog';
import { t } from '../../i18n/messages';

/** The dialog an item's row opens: resolve it with a note, edit it, or add a new item. */
export type ItemDialogOpen =
  | { kind: 'resolve'; item: ChecklistItem; status: 'done' | 'not-applicable' }
  | { kind: 'edit'; item: ChecklistItem }
  | { kind: 'add' };

/**
 * What a row's action does: resolving or editing opens its dialog; any other status is set at
 * once, and a refusal is shown in words.
 */
export function useItemAction(
  operatorName: string,
  open: (dialog: ItemDialogOpen) => void,
): (item: ScheduledItem, action: ItemAction) => void {
  const { useCases, clock } = useDesk();
  const showNotice = useAppStore((s) => s.showNotice);
  return (item, action) => {
    if (action.kind === 'resolve') return open({ kind: 'resolve', item, status: action.status });
    if (action.kind === 'edit') return open({ kind: 'edit', item });
    void useCases.checklists.setStatus(item.id, action.status, '', actorFrom(operatorName, clock)).then((r) => {
      if (!r.ok)
        showNotice(
          'error',
          r.error.code === 'not-found' ? t('checklists.panel.itemGone') : describeStatusChangeError(r.error),
        );
    });
  };
}

/** The item dialog that is open, over an incident's checklists or the desk's own (`incident` null). */
export function ItemDialogs({
  open,
  scope,
  incident,
  operatorName,
  defaultPhase,
  onClose,
}: {
  /** The screen's open dialog; one of the screen's own dialogs shows nothing here. */
  open: ItemDialogOpen | { kind: string } | null;
  scope: Pick<Incident, 'id' | 'timeZone'>;
  incident: Incident | null;
  operatorName: string;
  defaultPhase: string;
  onClose: () => void;
}): ReactElement | null {
  if (!isItemDialog(open)) return null;
  const dialog = open;
  switch (dialog.kind) {
    case 'resolve':
      return (
        <ResolveItemDialog
          item={dialog.item}
          incident={incident}
          status={dialog.status}
          operatorName={operatorName}
          onClose={onClose}
        />
      );
    case 'edit':
      return <ItemDialog scope={scope} operatorName={operatorName} item={dialog.item} onClose={onClose} />;
    case 'add':
      return (
        <ItemDialog
          scope={scope}
          operatorName={operatorName}
          item={null}
          defaultPhase={defaultPhase}
          onClose={onClose}
        />
      );
  }
}

const ITEM_DIALOGS: readonly string[] = ['resolve', 'edit', 'add'] satisfies ItemDialogOpen['kind'][];
const isItemDialog = (open: { kind: string } | null): open is ItemDialogOpen =>
  open !== null && ITEM_DIALOGS.includes(open.kind);

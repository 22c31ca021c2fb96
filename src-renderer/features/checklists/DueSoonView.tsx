import type { ReactElement } from 'react';

import { responsePhase } from '@shared/domain/guide/phases';
import type { ScheduledItem } from '@shared/domain/checklists/views';

import { ChecklistItemRow, type ItemAction } from './ChecklistItemRow';
import { t } from '../../i18n/messages';

type Props = {
  overdue: ScheduledItem[];
  dueSoon: ScheduledItem[];
  now: number;
  timeZone: string;
  onAction: (item: ScheduledItem, action: ItemAction) => void;
};

/** What needs doing now: overdue items first, then everything due in the next 24 hours. */
export function DueSoonView({ overdue, dueSoon, ...rows }: Props): ReactElement {
  return (
    <div className="ck-due-soon">
      <DueList
        id="ck-overdue-title"
        title={t('checklists.dueSoon.overdue', { count: overdue.length })}
        none={t('checklists.dueSoon.nothingOverdue')}
        items={overdue}
        {...rows}
      />
      <DueList
        id="ck-soon-title"
        title={t('checklists.dueSoon.soon', { count: dueSoon.length })}
        none={t('checklists.dueSoon.nothingSoon')}
        items={dueSoon}
        {...rows}
      />
    </div>
  );
}

/** One list of items with its heading, each item named with its phase; `none` when it is empty. */
function DueList({
  id,
  title,
  none,
  items,
  now,
  timeZone,
  onAction,
}: Pick<Props, 'now' | 'timeZone' | 'onAction'> & {
  id: string;
  title: string;
  none: string;
  items: ScheduledItem[];
}): ReactElement {
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {items.length === 0 ? (
        <p className="muted">{none}</p>
      ) : (
        <ol className="ck-list">
          {items.map((i) => (
            <ChecklistItemRow
              key={i.id}
              item={i}
              now={now}
              timeZone={timeZone}
              showPhase={responsePhase(i.phase).label}
              onAction={onAction}
            />
          ))}
        </ol>
      )}
    </section>
  );
}

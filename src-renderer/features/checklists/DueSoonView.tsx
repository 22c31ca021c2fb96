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
export function DueSoonView({ overdue, dueSoon, now, timeZone, onAction }: Props): ReactElement {
  return (
    <div className="ck-due-soon">
      <section aria-labelledby="ck-overdue-title">
        <h3 id="ck-overdue-title">{t('checklists.dueSoon.overdue', { count: overdue.length })}</h3>
        {overdue.length === 0 ? (
          <p className="muted">{t('checklists.dueSoon.nothingOverdue')}</p>
        ) : (
          <ol className="ck-list">
            {overdue.map((i) => (
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
      <section aria-labelledby="ck-soon-title">
        <h3 id="ck-soon-title">{t('checklists.dueSoon.soon', { count: dueSoon.length })}</h3>
        {dueSoon.length === 0 ? (
          <p className="muted">{t('checklists.dueSoon.nothingSoon')}</p>
        ) : (
          <ol className="ck-list">
            {dueSoon.map((i) => (
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
    </div>
  );
}

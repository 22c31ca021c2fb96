import type { ReactElement } from 'react';

import { responsePhase, type ResponsePhaseId } from '@shared/domain/guide/phases';
import type { PhaseProgress, ScheduledItem } from '@shared/domain/checklists/views';

import { ChecklistItemRow, type ItemAction } from './ChecklistItemRow';
import { t } from '../../i18n/messages';

type Props = {
  phase: ResponsePhaseId;
  items: ScheduledItem[];
  progress: PhaseProgress;
  overdue: number;
  isCurrent: boolean;
  open: boolean;
  now: number;
  timeZone: string;
  onToggle: (open: boolean) => void;
  onAction: (item: ScheduledItem, action: ItemAction) => void;
};

/** One phase of the checklist, folded or open, with its progress bar. */
export function PhaseSection({
  phase,
  items,
  progress,
  overdue,
  isCurrent,
  open,
  now,
  timeZone,
  onToggle,
  onAction,
}: Props): ReactElement {
  const p = responsePhase(phase);
  const percent = progress.total === 0 ? 0 : Math.round((progress.resolved / progress.total) * 100);
  return (
    <details
      className={`ck-phase${isCurrent ? ' ck-phase--current' : ''}`}
      open={open}
      onToggle={(e) => onToggle(e.currentTarget.open)}
    >
      <summary className="ck-phase__summary">
        <span className="ck-phase__title">
          <span className="ck-phase__name">{p.title}</span>
          {isCurrent && <span className="badge badge--now">{t('checklists.phase.now')}</span>}
          {overdue > 0 && (
            <span className="ck-flag">{t('checklists.overdueBadge', { count: overdue, long: 'false' })}</span>
          )}
        </span>
        <span className="ck-progress">
          <span
            className="ck-progress__bar"
            role="progressbar"
            aria-label={t('checklists.phase.progress', { phase: p.title })}
            aria-valuemin={0}
            aria-valuemax={progress.total}
            aria-valuenow={progress.resolved}
            aria-valuetext={t('checklists.phase.resolved', { resolved: progress.resolved, total: progress.total })}
          >
            <span className="ck-progress__fill" style={{ width: `${percent}%` }} />
          </span>
          <span className="ck-progress__text">
            {t('checklists.phase.done', {
              done: progress.done,
              total: progress.total,
              notApplicable: progress.notApplicable,
            })}
          </span>
        </span>
      </summary>
      <ol className="ck-list" aria-label={t('checklists.phase.items', { phase: p.title })}>
        {items.map((item) => (
          <ChecklistItemRow key={item.id} item={item} now={now} timeZone={timeZone} onAction={onAction} />
        ))}
      </ol>
    </details>
  );
}

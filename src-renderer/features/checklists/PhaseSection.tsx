import type { ReactElement } from 'react';

import { responsePhase, type ResponsePhaseId } from '@shared/domain/guide/phases';
import type { PhaseProgress, ScheduledItem } from '@shared/domain/checklists/views';

import { ChecklistItemRow, type ItemAction } from './ChecklistItemRow';

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
export function PhaseSection({ phase, items, progress, overdue, isCurrent, open, now, timeZone, onToggle, onAction }: Props): ReactElement {
  const p = responsePhase(phase);
  const percent = progress.total === 0 ? 0 : Math.round((progress.resolved / progress.total) * 100);
  return (
    <details className={`ck-phase${isCurrent ? ' ck-phase--current' : ''}`} open={open} onToggle={(e) => onToggle(e.currentTarget.open)}>
      <summary className="ck-phase__summary">
        <span className="ck-phase__title">
          <span className="ck-phase__name">{p.title}</span>
          {isCurrent && <span className="badge badge--now">Now</span>}
          {overdue > 0 && <span className="ck-flag">{overdue} overdue</span>}
        </span>
        <span className="ck-progress">
          <span className="ck-progress__bar" role="progressbar" aria-label={`${p.title}: progress`} aria-valuemin={0} aria-valuemax={progress.total} aria-valuenow={progress.resolved} aria-valuetext={`${progress.resolved} of ${progress.total} resolved`}>
            <span className="ck-progress__fill" style={{ width: `${percent}%` }} />
          </span>
          <span className="ck-progress__text">
            {progress.done} of {progress.total} done{progress.notApplicable > 0 ? `, ${progress.notApplicable} not applicable` : ''}
          </span>
        </span>
      </summary>
      <ol className="ck-list" aria-label={`${p.title}: items`}>
        {items.map((item) => <ChecklistItemRow key={item.id} item={item} now={now} timeZone={timeZone} onAction={onAction} />)}
      </ol>
    </details>
  );
}

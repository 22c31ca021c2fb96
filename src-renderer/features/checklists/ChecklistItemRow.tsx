import { useId, type ReactElement } from 'react';

import { sourceLine } from '@shared/domain/checklists/citations';
import { offsetLabel } from '@shared/domain/checklists/due';
import { STATUS_LABELS, isResolved } from '@shared/domain/checklists/items';
import { ROLE_TITLES } from '@shared/domain/checklists/roles';
import type { ScheduledItem } from '@shared/domain/checklists/views';
import type { ChecklistStatus } from '@shared/schemas/checklists';

import { routeToHash } from '../../store/route';
import { dueText, resolvedText } from './checklistDisplay';
import { UserText } from '../../ui/UserText';

export type ItemAction = { kind: 'resolve'; status: 'done' | 'not-applicable' } | { kind: 'status'; status: ChecklistStatus } | { kind: 'edit' };

type Props = {
  item: ScheduledItem;
  now: number;
  timeZone: string;
  /** Show the phase name (in lists that mix phases). */
  showPhase?: string;
  /** A done preparedness item whose yearly review has come round. */
  reviewDue?: boolean;
  onAction: (item: ScheduledItem, action: ItemAction) => void;
};

/** One checklist item: what to do, when it is due, who owns it, where it comes from, and its buttons. */
export function ChecklistItemRow({ item, now, timeZone, showPhase, reviewDue = false, onAction }: Props): ReactElement {
  const titleId = useId();
  const resolved = isResolved(item);
  const due = dueText(item.dueAt, now, timeZone, resolved, item.status === 'done' ? item.resolvedAt : null);
  const generalised = item.source?.basis === 'generalised' && !item.adapted;
  return (
    <li className={`ck-item ck-item--${due.tone} ck-item--${item.status}`} data-testid="checklist-item">
      <div className="ck-item__main">
        <p className="ck-item__head">
          <span className={`ck-status ck-status--${item.status}`}>{item.status === 'done' ? '✓ ' : ''}{STATUS_LABELS[item.status]}</span>
          {due.tone === 'overdue' && <span className="ck-flag">Overdue</span>}
          <span className="ck-item__title" id={titleId}><UserText text={item.title} /></span>
        </p>
        <p className={`ck-item__due ck-due--${due.tone}`}>
          {due.text}
          {item.offset !== null && <span className="muted"> · {offsetLabel(item.offset)}{showPhase ? ` · ${showPhase}` : ''}</span>}
        </p>
        <p className="ck-item__meta">
          <span>Owner: {ROLE_TITLES[item.owner]}</span>
          {item.assignee && <span>Assigned to: <strong>{item.assignee}</strong></span>}
          {item.template === null && <span className="ck-tag">Custom item</span>}
          {item.milestone && <span className="ck-tag">Milestone</span>}
          {reviewDue && <span className="ck-tag ck-tag--review">Due for its yearly review</span>}
        </p>
        {item.rationale && <p className="ck-item__why">{item.rationale}</p>}
        <p className={`ck-item__cite${generalised ? ' ck-item__cite--suggestion' : ''}`}>{sourceLine(item.source, item.adapted)}</p>
        {resolved && item.resolvedBy !== null && item.resolvedAt !== null && (
          <p className="ck-item__resolution">
            {resolvedText(item.status === 'done' ? 'done' : 'not-applicable', item.resolvedBy, item.resolvedAt, timeZone)}
            {item.resolutionNote && <>: <q>{item.resolutionNote}</q></>}
          </p>
        )}
        {resolved && item.resolvedWith && (
          <p className="ck-item__resolved-with">
            Resolved by{' '}
            <a href={routeToHash({ name: 'incident', id: item.incidentId, tab: item.resolvedWith.kind === 'statement' ? 'statements' : 'contacts' })}>{item.resolvedWith.label}</a>
          </p>
        )}
        {item.notes && <p className="ck-item__notes">Notes: {item.notes}</p>}
      </div>
      <div className="ck-item__actions" role="group" aria-labelledby={titleId}>
        {resolved ? (
          <button type="button" className="button button--small" aria-describedby={titleId} onClick={() => onAction(item, { kind: 'status', status: 'todo' })}>Reopen</button>
        ) : (
          <>
            <button type="button" className="button button--small button--primary" aria-describedby={titleId} onClick={() => onAction(item, { kind: 'resolve', status: 'done' })}>Done…</button>
            {item.status === 'todo' && (
              <button type="button" className="button button--small" aria-describedby={titleId} onClick={() => onAction(item, { kind: 'status', status: 'in-progress' })}>Start</button>
            )}
            <button type="button" className="button button--small" aria-describedby={titleId} onClick={() => onAction(item, { kind: 'resolve', status: 'not-applicable' })}>Not applicable…</button>
          </>
        )}
        <button type="button" className="button button--small button--ghost" aria-describedby={titleId} onClick={() => onAction(item, { kind: 'edit' })}>Details…</button>
      </div>
    </li>
  );
}

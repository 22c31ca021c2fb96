import { useId, type ReactElement, type ReactNode } from 'react';

import { sourceLine } from '@shared/domain/checklists/citations';
import { offsetLabel } from '@shared/domain/checklists/due';
import { STATUS_LABELS, isResolved } from '@shared/domain/checklists/items';
import { ROLE_TITLES } from '@shared/domain/checklists/roles';
import type { ScheduledItem } from '@shared/domain/checklists/views';
import type { ChecklistItem, ChecklistStatus } from '@shared/schemas/checklists';

import { routeToHash } from '../../store/route';
import { dueText, resolvedText } from './checklistDisplay';
import { UserText } from '../../ui/UserText';
import { ChangedApartRow } from '../team/ChangedApartNote';
import { t, tRich } from '../../i18n/messages';
import { boldTag } from '../../ui/boldTag';

export type ItemAction =
  | { kind: 'resolve'; status: 'done' | 'not-applicable' }
  | { kind: 'status'; status: ChecklistStatus }
  | { kind: 'edit' };

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

/** One of an item's buttons; it is described by the item's title, since every item in the list has the same buttons. */
function ItemActionButton({
  describedBy,
  variant,
  onClick,
  children,
}: {
  describedBy: string;
  variant?: 'primary' | 'ghost';
  onClick: () => void;
  children: ReactNode;
}): ReactElement {
  return (
    <button
      type="button"
      className={variant ? `button button--small button--${variant}` : 'button button--small'}
      aria-describedby={describedBy}
      onClick={onClick}
    >
      {children}
    </button>
  );
}

/** A side of an item changed apart on two desks: its status, who resolved it and when, and their note. */
function describeItemSide(item: ChecklistItem, timeZone: string): string {
  const resolved =
    (item.status === 'done' || item.status === 'not-applicable') && item.resolvedBy !== null && item.resolvedAt !== null
      ? resolvedText(item.status, item.resolvedBy, item.resolvedAt, timeZone)
      : STATUS_LABELS[item.status];
  return item.resolutionNote ? t('checklists.item.sideWithNote', { resolved, note: item.resolutionNote }) : resolved;
}

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
          <span className={`ck-status ck-status--${item.status}`}>
            {item.status === 'done' ? t('checklists.item.doneMark') : ''}
            {STATUS_LABELS[item.status]}
          </span>
          {due.tone === 'overdue' && <span className="ck-flag">{t('checklists.item.overdue')}</span>}
          <span className="ck-item__title" id={titleId}>
            <UserText text={item.title} />
          </span>
        </p>
        <p className={`ck-item__due ck-due--${due.tone}`}>
          {due.text}
          {item.offset !== null && (
            <span className="muted">
              {showPhase
                ? t('checklists.item.offsetPhase', { offset: offsetLabel(item.offset), phase: showPhase })
                : t('checklists.item.offset', { offset: offsetLabel(item.offset) })}
            </span>
          )}
        </p>
        <p className="ck-item__meta">
          <span>{t('checklists.item.owner', { owner: ROLE_TITLES[item.owner] })}</span>
          {item.assignee && <span>{tRich('checklists.item.assignee', { assignee: item.assignee }, boldTag)}</span>}
          {item.template === null && <span className="ck-tag">{t('checklists.item.custom')}</span>}
          {item.milestone && <span className="ck-tag">{t('checklists.item.milestone')}</span>}
          {reviewDue && <span className="ck-tag ck-tag--review">{t('checklists.item.reviewDue')}</span>}
        </p>
        <ChangedApartRow
          table="checklistItems"
          rowId={item.id}
          describe={(row) => describeItemSide(row as ChecklistItem, timeZone)}
        />
        {item.rationale && <p className="ck-item__why">{item.rationale}</p>}
        <p className={`ck-item__cite${generalised ? ' ck-item__cite--suggestion' : ''}`}>
          {sourceLine(item.source, item.adapted)}
        </p>
        {resolved && item.resolvedBy !== null && item.resolvedAt !== null && (
          <p className="ck-item__resolution">
            {resolvedText(
              item.status === 'done' ? 'done' : 'not-applicable',
              item.resolvedBy,
              item.resolvedAt,
              timeZone,
            )}
            {item.resolutionNote &&
              tRich(
                'checklists.item.resolutionNote',
                { note: item.resolutionNote },
                { q: (chunks) => <q>{chunks}</q> },
              )}
          </p>
        )}
        {resolved && item.resolvedWith && (
          <p className="ck-item__resolved-with">
            {tRich(
              'checklists.item.resolvedWith',
              { label: item.resolvedWith.label },
              {
                a: (chunks) => (
                  <a
                    href={routeToHash({
                      name: 'incident',
                      id: item.incidentId,
                      tab: item.resolvedWith?.kind === 'statement' ? 'statements' : 'contacts',
                    })}
                  >
                    {chunks}
                  </a>
                ),
              },
            )}
          </p>
        )}
        {item.notes && <p className="ck-item__notes">{t('checklists.item.notes', { notes: item.notes })}</p>}
      </div>
      <div className="ck-item__actions" role="group" aria-labelledby={titleId}>
        {resolved ? (
          <ItemActionButton describedBy={titleId} onClick={() => onAction(item, { kind: 'status', status: 'todo' })}>
            {t('checklists.item.reopen')}
          </ItemActionButton>
        ) : (
          <>
            <ItemActionButton
              describedBy={titleId}
              variant="primary"
              onClick={() => onAction(item, { kind: 'resolve', status: 'done' })}
            >
              {t('checklists.item.done')}
            </ItemActionButton>
            {item.status === 'todo' && (
              <ItemActionButton
                describedBy={titleId}
                onClick={() => onAction(item, { kind: 'status', status: 'in-progress' })}
              >
                {t('checklists.item.start')}
              </ItemActionButton>
            )}
            <ItemActionButton
              describedBy={titleId}
              onClick={() => onAction(item, { kind: 'resolve', status: 'not-applicable' })}
            >
              {t('checklists.item.notApplicable')}
            </ItemActionButton>
          </>
        )}
        <ItemActionButton describedBy={titleId} variant="ghost" onClick={() => onAction(item, { kind: 'edit' })}>
          {t('checklists.item.details')}
        </ItemActionButton>
      </div>
    </li>
  );
}

import { useState, type ReactElement } from 'react';

import { offsetLabel } from '@shared/domain/checklists/due';
import { changeKey, planChangesFor, type PlanChange } from '@shared/domain/checklists/planUpdate';
import { ROLE_TITLES } from '@shared/domain/checklists/roles';
import { responsePhase } from '@shared/domain/guide/phases';
import type { ChecklistItem, ChecklistTemplate } from '@shared/schemas/checklists';
import type { Incident } from '@shared/schemas/entities';

import { actorFrom, useDesk } from '../../desk/DeskContext';
import { Dialog } from '../../ui/Dialog';
import { DialogActions, FormError } from '../../ui/Field';
import { t, tRich, tList } from '../../i18n/messages';
import { describeNotWritten } from '../../i18n/notWritten';

function ChangePreview({ change }: { change: PlanChange }): ReactElement {
  const next = change.templateItem;
  if (change.kind === 'new') {
    return (
      <>
        <p className="plan-change__kind">
          {t('checklists.planUpdate.newItem', {
            phase: responsePhase(next.phase).label,
            offset: offsetLabel(next.offset),
            owner: ROLE_TITLES[next.owner],
          })}
        </p>
        <p className="plan-change__title">{next.title}</p>
        {next.rationale && <p className="muted">{next.rationale}</p>}
      </>
    );
  }
  return (
    <>
      <p className="plan-change__kind">
        {t('checklists.planUpdate.reworded', { inProgress: change.item.status === 'in-progress' ? 'yes' : 'no' })}
      </p>
      <p className="plan-change__title">
        {change.item.title === next.title
          ? next.title
          : tRich(
              'checklists.planUpdate.change',
              { from: change.item.title, to: next.title },
              { del: (chunks) => <del>{chunks}</del>, ins: (chunks) => <ins>{chunks}</ins> },
            )}
      </p>
      {change.item.rationale !== next.rationale && (
        <p className="muted">
          {tRich(
            'checklists.planUpdate.change',
            {
              from: change.item.rationale || t('checklists.planUpdate.noExplanation'),
              to: next.rationale || t('checklists.planUpdate.noExplanation'),
            },
            { del: (chunks) => <del>{chunks}</del>, ins: (chunks) => <ins>{chunks}</ins> },
          )}
        </p>
      )}
    </>
  );
}

/**
 * The plan's newer version of a checklist, offered to a running incident change by change: new
 * items and new wording of items not yet resolved, each previewed, taken one by one or all.
 * Items already done or not applicable stay exactly as they are.
 */
export function PlanUpdateDialog({
  incident,
  template,
  items,
  operatorName,
  onClose,
}: {
  incident: Incident;
  template: ChecklistTemplate;
  items: readonly ChecklistItem[];
  operatorName: string;
  onClose: () => void;
}): ReactElement {
  const { useCases, clock } = useDesk();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const pending = planChangesFor(items, [template])[0];
  const changes = pending?.changes ?? [];
  const take = (keys: readonly string[] | 'all') => {
    setBusy(true);
    useCases.checklists.takeOverFromPlan(incident.id, template.templateKey, keys, actorFrom(operatorName, clock)).then(
      (r) => {
        setBusy(false);
        if (!r.ok) setProblem(t('checklists.planUpdate.failed', { reason: describeNotWritten(r.error) }));
      },
      (e: unknown) => {
        setBusy(false);
        setProblem(t('checklists.planUpdate.failed', { reason: e instanceof Error ? e.message : String(e) }));
      },
    );
  };
  return (
    <Dialog
      title={t('checklists.planUpdate.title', { title: template.title, version: template.version })}
      onClose={onClose}
      wide
    >
      <p>
        {t('checklists.planUpdate.intro', {
          used: pending?.usedVersion ?? '?',
          version: template.version,
          by: template.createdBy,
          note: template.changeNote,
        })}
      </p>
      {changes.length === 0 ? (
        <p className="stmt-ready" role="status">
          {t('checklists.planUpdate.nothingLeft')}
        </p>
      ) : (
        <ol className="plan-changes" aria-label={t('checklists.planUpdate.list')}>
          {changes.map((c) => (
            <li key={changeKey(c)} className="plan-change">
              <div className="plan-change__text">
                <ChangePreview change={c} />
              </div>
              <button
                type="button"
                className="button button--small"
                disabled={busy}
                onClick={() => take([changeKey(c)])}
                aria-label={t('checklists.planUpdate.takeOverItem', { title: c.templateItem.title })}
              >
                {t('checklists.planUpdate.takeOver')}
              </button>
            </li>
          ))}
        </ol>
      )}
      {pending && pending.resolvedUnchanged.length > 0 && (
        <p className="muted">
          {t('checklists.planUpdate.resolvedUnchanged', {
            count: pending.resolvedUnchanged.length,
            titles: tList(pending.resolvedUnchanged.map((i) => `“${i.title}”`)),
          })}
        </p>
      )}
      <FormError>{problem}</FormError>
      <DialogActions cancelLabel={t('checklists.planUpdate.close')} onCancel={onClose}>
        {changes.length > 1 && (
          <button type="button" className="button button--primary" disabled={busy} onClick={() => take('all')}>
            {t('checklists.planUpdate.takeOverAll', { count: changes.length })}
          </button>
        )}
      </DialogActions>
    </Dialog>
  );
}

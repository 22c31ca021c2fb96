import { useState, type ReactElement } from 'react';

import { offsetLabel } from '@shared/domain/checklists/due';
import { changeKey, planChangesFor, type PlanChange } from '@shared/domain/checklists/planUpdate';
import { ROLE_TITLES } from '@shared/domain/checklists/roles';
import { responsePhase } from '@shared/domain/guide/phases';
import type { ChecklistItem, ChecklistTemplate } from '@shared/schemas/checklists';
import type { Incident } from '@shared/schemas/entities';

import { actorFrom, useDesk } from '../../desk/DeskContext';
import { Dialog } from '../../ui/Dialog';
import { FormError } from '../../ui/Field';

function ChangePreview({ change }: { change: PlanChange }): ReactElement {
  const t = change.templateItem;
  if (change.kind === 'new') {
    return (
      <>
        <p className="plan-change__kind">New item · {responsePhase(t.phase).label} · {offsetLabel(t.offset)} · {ROLE_TITLES[t.owner]}</p>
        <p className="plan-change__title">{t.title}</p>
        {t.rationale && <p className="muted">{t.rationale}</p>}
      </>
    );
  }
  return (
    <>
      <p className="plan-change__kind">Reworded · {change.item.status === 'in-progress' ? 'in progress here' : 'still to do here'}</p>
      <p className="plan-change__title">
        {change.item.title === t.title ? t.title : <><del>{change.item.title}</del> → <ins>{t.title}</ins></>}
      </p>
      {change.item.rationale !== t.rationale && (
        <p className="muted"><del>{change.item.rationale || 'no explanation'}</del> → <ins>{t.rationale || 'no explanation'}</ins></p>
      )}
    </>
  );
}

/**
 * The plan's newer version of a checklist, offered to a running incident change by change: new
 * items and new wording of items not yet resolved, each previewed, taken one by one or all.
 * Items already done or not applicable stay exactly as they are.
 */
export function PlanUpdateDialog({ incident, template, items, operatorName, onClose }: {
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
      () => setBusy(false),
      (e: unknown) => {
        setBusy(false);
        setProblem(`Nothing was taken over: ${e instanceof Error ? e.message : String(e)}`);
      },
    );
  };
  return (
    <Dialog title={`“${template.title}”: version ${template.version} of the plan`} onClose={onClose} wide>
      <p>
        This incident follows version {pending?.usedVersion ?? '?'}. Version {template.version} was saved by {template.createdBy}: {template.changeNote}
      </p>
      {changes.length === 0 ? (
        <p className="stmt-ready" role="status">Nothing left to take over: this incident has every new item and wording that applies to it.</p>
      ) : (
        <ol className="plan-changes" aria-label="Changes this incident can take over">
          {changes.map((c) => (
            <li key={changeKey(c)} className="plan-change">
              <div className="plan-change__text"><ChangePreview change={c} /></div>
              <button type="button" className="button button--small" disabled={busy} onClick={() => take([changeKey(c)])}
                aria-label={`Take over: ${c.templateItem.title}`}>Take over</button>
            </li>
          ))}
        </ol>
      )}
      {pending && pending.resolvedUnchanged.length > 0 && (
        <p className="muted">
          {pending.resolvedUnchanged.length === 1 ? 'One item the plan rewords is' : `${pending.resolvedUnchanged.length} items the plan rewords are`} already resolved here and
          {pending.resolvedUnchanged.length === 1 ? ' stays' : ' stay'} as {pending.resolvedUnchanged.length === 1 ? 'it was' : 'they were'}: {pending.resolvedUnchanged.map((i) => `“${i.title}”`).join(', ')}.
        </p>
      )}
      <FormError>{problem}</FormError>
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onClose}>Close</button>
        {changes.length > 1 && <button type="button" className="button button--primary" disabled={busy} onClick={() => take('all')}>Take over all {changes.length}</button>}
      </div>
    </Dialog>
  );
}

import { useMemo, useState, type ReactElement } from 'react';

import { describeStatusChangeError } from '@shared/domain/checklists/items';
import { planChangesFor } from '@shared/domain/checklists/planUpdate';
import { attention, progressByPhase, scheduleItems, type ScheduledItem } from '@shared/domain/checklists/views';
import { citeGuide } from '@shared/domain/guide/citation';
import { phaseAt } from '@shared/domain/incident/phase';
import type { ChecklistItem } from '@shared/schemas/checklists';
import type { DeskSettings, Incident } from '@shared/schemas/entities';

import { actorFrom, useDesk } from '../../desk/DeskContext';
import { useNow } from '../../lib/useNow';
import { useAppStore } from '../../store';
import { AddTemplatesDialog } from './AddTemplatesDialog';
import { CalendarExportButton } from './CalendarExportButton';
import type { ItemAction } from './ChecklistItemRow';
import { DueSoonView } from './DueSoonView';
import { ItemDialog } from './ItemDialog';
import { PhaseSection } from './PhaseSection';
import { PlanUpdateDialog } from './PlanUpdateDialog';
import { useChecklistItems, useLatestTemplates } from './queries';
import { ResolveItemDialog } from './ResolveItemDialog';
import { YearAheadView } from './YearAheadView';
import { t } from '../../i18n/messages';

type View = 'phase' | 'due' | 'year';
type Open =
  | { kind: 'resolve'; item: ChecklistItem; status: 'done' | 'not-applicable' }
  | { kind: 'edit'; item: ChecklistItem }
  | { kind: 'add' }
  | { kind: 'templates' }
  | { kind: 'plan'; templateKey: string }
  | null;

/** The incident's recovery checklists: by phase, what is due now, and the year ahead. */
export function ChecklistPanel({ incident, settings }: { incident: Incident; settings: DeskSettings }): ReactElement {
  const { useCases, clock } = useDesk();
  const showNotice = useAppStore((s) => s.showNotice);
  const now = useNow();
  const items = useChecklistItems(incident.id);
  const latest = useLatestTemplates();
  const [view, setView] = useState<View>('phase');
  const [dialog, setDialog] = useState<Open>(null);
  const [toggled, setToggled] = useState<Record<string, boolean>>({});

  const scheduled = useMemo(() => scheduleItems(items ?? [], incident), [items, incident]);
  const { overdue, dueSoon } = useMemo(() => (incident.status === 'closed' ? { overdue: [], dueSoon: [] } : attention(scheduled, now)), [scheduled, now, incident.status]);
  const progress = useMemo(() => progressByPhase(scheduled), [scheduled]);
  const planUpdates = planChangesFor(items ?? [], latest ?? []);
  const used = new Set((items ?? []).flatMap((i) => (i.template ? [i.template.templateKey] : [])));
  const unused = (latest ?? []).filter((t) => !used.has(t.templateKey));
  const current = phaseAt(incident.startAt, incident.status === 'closed' && incident.closedAt !== null ? incident.closedAt : now, incident.timeZone);

  if (items === undefined) return <section className="panel"><p className="muted">Loading the checklists…</p></section>;

  const onAction = (item: ScheduledItem, action: ItemAction) => {
    if (action.kind === 'resolve') return setDialog({ kind: 'resolve', item, status: action.status });
    if (action.kind === 'edit') return setDialog({ kind: 'edit', item });
    void useCases.checklists.setStatus(item.id, action.status, '', actorFrom(settings.operatorName, clock)).then((r) => {
      if (!r.ok) showNotice('error', r.error.code === 'not-found' ? 'This item is no longer on the desk.' : describeStatusChangeError(r.error));
    });
  };
  const resolvedCount = scheduled.filter((i) => i.status === 'done' || i.status === 'not-applicable').length;

  return (
    <section className="checklists" aria-labelledby="checklists-title">
      <div className="checklists__toolbar">
        <h2 id="checklists-title">Checklists</h2>
        <div className="checklists__actions">
          <button type="button" className="button" onClick={() => setDialog({ kind: 'add' })}>+ Add item</button>
          {unused.length > 0 && <button type="button" className="button" onClick={() => setDialog({ kind: 'templates' })}>Add checklists…</button>}
          <CalendarExportButton incident={incident} items={scheduled} cityName={settings.cityName} />
        </div>
      </div>

      {items.length === 0 ? (
        <div className="panel">
          <p>This incident has no checklists yet. Add the guide’s checklists, or your city’s own, from the plan.</p>
        </div>
      ) : (
        <>
          <div className="ck-summary" role="status" aria-live="polite">
            <span className={`ck-summary__stat${overdue.length > 0 ? ' ck-summary__stat--overdue' : ''}`} data-testid="overdue-count">
              <strong>{overdue.length}</strong> overdue
            </span>
            <span className="ck-summary__stat"><strong>{dueSoon.length}</strong> due in the next 24 hours</span>
            <span className="ck-summary__stat"><strong>{resolvedCount}</strong> of {scheduled.length} resolved</span>
          </div>
          {overdue.length > 0 && view !== 'due' && (
            <p className="ck-alert">
              <strong>{t('checklists.overdueLine', { count: overdue.length })}</strong>{' '}
              <button type="button" className="link-button" onClick={() => setView('due')}>Show what is due now</button>
            </p>
          )}
          {planUpdates.map(({ template, usedVersion, changes }) => (
            <p key={template.templateKey} className="ck-newer" role="note">
              The plan has a newer version of “{template.title}” (version {template.version}, {template.changeNote}). This incident follows version {usedVersion}
              {changes.length === 0 ? ', and already has what applies to it from the newer one.' : <>
                ; {t('checklists.planChanges', { count: changes.length })}{' '}
                <button type="button" className="button button--small" onClick={() => setDialog({ kind: 'plan', templateKey: template.templateKey })}>Review the changes…</button>
              </>}
            </p>
          ))}
          <div className="ck-views" role="group" aria-label="View">
            {([['phase', 'By phase'], ['due', `Due now and next 24 hours (${overdue.length + dueSoon.length})`], ['year', 'Year ahead']] as const).map(([v, label]) => (
              <button key={v} type="button" className="chip" aria-pressed={view === v} onClick={() => setView(v)}>{label}</button>
            ))}
          </div>

          {view === 'phase' &&
            progress.map((p) => {
              const inPhase = scheduled.filter((i) => i.phase === p.phase);
              const phaseOverdue = overdue.filter((i) => i.phase === p.phase).length;
              const open = toggled[p.phase] ?? (p.phase === current || phaseOverdue > 0);
              return (
                <PhaseSection key={p.phase} phase={p.phase} items={inPhase} progress={p} overdue={phaseOverdue} isCurrent={p.phase === current} open={open} now={now} timeZone={incident.timeZone}
                  onToggle={(o) => { if (o !== open) setToggled((t) => ({ ...t, [p.phase]: o })); }} onAction={onAction} />
              );
            })}
          {view === 'due' && <DueSoonView overdue={overdue} dueSoon={dueSoon} now={now} timeZone={incident.timeZone} onAction={onAction} />}
          {view === 'year' && <YearAheadView incident={incident} items={scheduled} now={now} />}
          <p className="cite">
            Items paraphrase the {citeGuide()} and its companion Guide for Mayors; each cites its chapter. Items marked as practice suggestions are not the guide’s words. Owners and due times are the desk’s working assumption, counted on this incident’s clock ({incident.timeZone}).
          </p>
        </>
      )}

      {dialog?.kind === 'resolve' && <ResolveItemDialog item={dialog.item} incident={incident} status={dialog.status} operatorName={settings.operatorName} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'edit' && <ItemDialog scope={incident} operatorName={settings.operatorName} item={dialog.item} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'add' && <ItemDialog scope={incident} operatorName={settings.operatorName} item={null} defaultPhase={current} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'plan' && (() => {
        const template = (latest ?? []).find((t) => t.templateKey === dialog.templateKey);
        return template ? <PlanUpdateDialog incident={incident} template={template} items={items} operatorName={settings.operatorName} onClose={() => setDialog(null)} /> : null;
      })()}
      {dialog?.kind === 'templates' && <AddTemplatesDialog incident={incident} available={unused} operatorName={settings.operatorName} onClose={() => setDialog(null)} />}
    </section>
  );
}

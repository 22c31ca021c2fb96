import { useMemo, useState, type ReactElement } from 'react';

import { planChangesFor } from '@shared/domain/checklists/planUpdate';
import { attention, progressByPhase, scheduleItems } from '@shared/domain/checklists/views';
import { citeGuide } from '@shared/domain/guide/citation';
import { phaseAt } from '@shared/domain/incident/phase';
import type { DeskSettings, Incident } from '@shared/schemas/entities';

import { useNow } from '../../lib/useNow';
import { ChangedApartProvider } from '../team/ChangedApartNote';
import { AddTemplatesDialog } from './AddTemplatesDialog';
import { CalendarExportButton } from './CalendarExportButton';
import { DueSoonView } from './DueSoonView';
import { ItemDialogs, useItemAction, type ItemDialogOpen } from './ItemDialogs';
import { PhaseSection } from './PhaseSection';
import { PlanUpdateDialog } from './PlanUpdateDialog';
import { useChecklistItems, useLatestTemplates } from './queries';
import { YearAheadView } from './YearAheadView';
import { t, tRich } from '../../i18n/messages';
import { boldTag } from '../../ui/boldTag';

const VIEWS = ['phase', 'due', 'year'] as const;
type View = (typeof VIEWS)[number];
type Open = ItemDialogOpen | { kind: 'templates' } | { kind: 'plan'; templateKey: string } | null;

/** The incident's recovery checklists: by phase, what is due now, and the year ahead. */
export function ChecklistPanel({ incident, settings }: { incident: Incident; settings: DeskSettings }): ReactElement {
  const now = useNow();
  const items = useChecklistItems(incident.id);
  const latest = useLatestTemplates();
  const [view, setView] = useState<View>('phase');
  const [dialog, setDialog] = useState<Open>(null);
  const [toggled, setToggled] = useState<Record<string, boolean>>({});

  const scheduled = useMemo(() => scheduleItems(items ?? [], incident), [items, incident]);
  const { overdue, dueSoon } = useMemo(
    () => (incident.status === 'closed' ? { overdue: [], dueSoon: [] } : attention(scheduled, now)),
    [scheduled, now, incident.status],
  );
  const progress = useMemo(() => progressByPhase(scheduled), [scheduled]);
  const planUpdates = planChangesFor(items ?? [], latest ?? []);
  const used = new Set((items ?? []).flatMap((i) => (i.template ? [i.template.templateKey] : [])));
  const unused = (latest ?? []).filter((template) => !used.has(template.templateKey));
  const current = phaseAt(
    incident.startAt,
    incident.status === 'closed' && incident.closedAt !== null ? incident.closedAt : now,
    incident.timeZone,
  );

  const onAction = useItemAction(settings.operatorName, setDialog);

  if (items === undefined)
    return (
      <section className="panel">
        <p className="muted">{t('checklists.panel.loading')}</p>
      </section>
    );

  const resolvedCount = scheduled.filter((i) => i.status === 'done' || i.status === 'not-applicable').length;

  return (
    <ChangedApartProvider scope={{ incidentId: incident.id }}>
      <section className="checklists" aria-labelledby="checklists-title">
        <div className="checklists__toolbar">
          <h2 id="checklists-title">{t('checklists.panel.title')}</h2>
          <div className="checklists__actions">
            <button type="button" className="button" onClick={() => setDialog({ kind: 'add' })}>
              {t('checklists.panel.addItem')}
            </button>
            {unused.length > 0 && (
              <button type="button" className="button" onClick={() => setDialog({ kind: 'templates' })}>
                {t('checklists.panel.addChecklists')}
              </button>
            )}
            <CalendarExportButton incident={incident} items={scheduled} cityName={settings.cityName} />
          </div>
        </div>

        {items.length === 0 ? (
          <div className="panel">
            <p>{t('checklists.panel.empty')}</p>
          </div>
        ) : (
          <>
            <div className="ck-summary" role="status" aria-live="polite">
              <span
                className={`ck-summary__stat${overdue.length > 0 ? ' ck-summary__stat--overdue' : ''}`}
                data-testid="overdue-count"
              >
                {tRich('checklists.panel.overdue', { count: overdue.length }, boldTag)}
              </span>
              <span className="ck-summary__stat">
                {tRich('checklists.panel.dueSoon', { count: dueSoon.length }, boldTag)}
              </span>
              <span className="ck-summary__stat">
                {tRich('checklists.panel.resolved', { resolved: resolvedCount, total: scheduled.length }, boldTag)}
              </span>
            </div>
            {overdue.length > 0 && view !== 'due' && (
              <p className="ck-alert">
                <strong>{t('checklists.overdueLine', { count: overdue.length })}</strong>{' '}
                <button type="button" className="link-button" onClick={() => setView('due')}>
                  {t('checklists.panel.showDue')}
                </button>
              </p>
            )}
            {planUpdates.map(({ template, usedVersion, changes }) => (
              <p key={template.templateKey} className="ck-newer" role="note">
                {changes.length === 0 ? (
                  t('checklists.panel.newerSettled', {
                    title: template.title,
                    version: template.version,
                    note: template.changeNote,
                    used: usedVersion,
                  })
                ) : (
                  <>
                    {t('checklists.panel.newerChanges', {
                      title: template.title,
                      version: template.version,
                      note: template.changeNote,
                      used: usedVersion,
                      count: changes.length,
                    })}{' '}
                    <button
                      type="button"
                      className="button button--small"
                      onClick={() => setDialog({ kind: 'plan', templateKey: template.templateKey })}
                    >
                      {t('checklists.panel.reviewChanges')}
                    </button>
                  </>
                )}
              </p>
            ))}
            <div className="ck-views" role="group" aria-label={t('checklists.panel.view')}>
              {VIEWS.map((v) => (
                <button key={v} type="button" className="chip" aria-pressed={view === v} onClick={() => setView(v)}>
                  {t('checklists.panel.viewName', { view: v, count: overdue.length + dueSoon.length })}
                </button>
              ))}
            </div>

            {view === 'phase' &&
              progress.map((p) => {
                const inPhase = scheduled.filter((i) => i.phase === p.phase);
                const phaseOverdue = overdue.filter((i) => i.phase === p.phase).length;
                const open = toggled[p.phase] ?? (p.phase === current || phaseOverdue > 0);
                return (
                  <PhaseSection
                    key={p.phase}
                    phase={p.phase}
                    items={inPhase}
                    progress={p}
                    overdue={phaseOverdue}
                    isCurrent={p.phase === current}
                    open={open}
                    now={now}
                    timeZone={incident.timeZone}
                    onToggle={(o) => {
                      if (o !== open) setToggled((was) => ({ ...was, [p.phase]: o }));
                    }}
                    onAction={onAction}
                  />
                );
              })}
            {view === 'due' && (
              <DueSoonView
                overdue={overdue}
                dueSoon={dueSoon}
                now={now}
                timeZone={incident.timeZone}
                onAction={onAction}
              />
            )}
            {view === 'year' && <YearAheadView incident={incident} items={scheduled} now={now} />}
            <p className="cite">{t('checklists.panel.cite', { guide: citeGuide(), zone: incident.timeZone })}</p>
          </>
        )}

        <ItemDialogs
          open={dialog}
          scope={incident}
          incident={incident}
          operatorName={settings.operatorName}
          defaultPhase={current}
          onClose={() => setDialog(null)}
        />
        {dialog?.kind === 'plan' &&
          (() => {
            const template = (latest ?? []).find((candidate) => candidate.templateKey === dialog.templateKey);
            return template ? (
              <PlanUpdateDialog
                incident={incident}
                template={template}
                items={items}
                operatorName={settings.operatorName}
                onClose={() => setDialog(null)}
              />
            ) : null;
          })()}
        {dialog?.kind === 'templates' && (
          <AddTemplatesDialog
            incident={incident}
            available={unused}
            operatorName={settings.operatorName}
            onClose={() => setDialog(null)}
          />
        )}
      </section>
    </ChangedApartProvider>
  );
}

import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, type ReactElement, type ReactNode } from 'react';

import { ROLE_TITLES } from '@shared/domain/checklists/roles';
import type { ScheduledItem } from '@shared/domain/checklists/views';
import { atAGlance, type AtAGlance } from '@shared/domain/incident/atAGlance';
import { languageLabel } from '@shared/domain/statements/languages';
import type { Incident } from '@shared/schemas/entities';

import { routeToHash, type WorkspaceTab } from '../../store/route';
import { useDesk } from '../../desk/DeskContext';
import { displayLocale } from '../../lib/LocaleContext';
import { useAppStore } from '../../store';
import { dueText } from '../checklists/checklistDisplay';
import { useChecklistItems } from '../checklists/queries';
import { useActivations } from '../contacts/queries';
import { useStatements } from '../statements/queries';
import { entryTPlus, entryTime } from '../timeline/entryDisplay';
import { useTimelineUi } from '../timeline/timelineUiStore';
import { t, tRich, type MessageId } from '../../i18n/messages';
import { ChangedApart } from './ChangedApart';
import { useIncidentConflicts } from '../team/queries';

function useAtAGlance(incident: Incident, now: number): AtAGlance | undefined {
  const { useCases } = useDesk();
  const items = useChecklistItems(incident.id);
  const activations = useActivations(incident.id);
  const statements = useStatements(incident.id);
  const rumours = useLiveQuery(() => useCases.timeline.rumoursNewestFirst(incident.id), [useCases, incident.id]);
  return useMemo(() => {
    if (!items || !activations || !statements || !rumours) return undefined;
    return atAGlance({ incident, now, items, activations, statements, rumours });
  }, [incident, now, items, activations, statements, rumours]);
}

/** Each card names what it shows and leads to the tab that holds all of it. */
const CARDS = {
  checklists: { title: 'workspace.atAGlancePanel.checklists', action: 'workspace.atAGlancePanel.openTheChecklists' },
  contacts: { title: 'workspace.atAGlancePanel.callTrees', action: 'workspace.atAGlancePanel.openTheCallTrees' },
  statements: { title: 'workspace.atAGlancePanel.statements', action: 'workspace.atAGlancePanel.openTheStatements' },
  timeline: { title: 'workspace.atAGlancePanel.openRumours', action: 'workspace.atAGlancePanel.openTheTimeline' },
} as const satisfies Partial<Record<WorkspaceTab, { title: MessageId; action: MessageId }>>;

function Card({
  tab,
  incidentId,
  children,
}: {
  tab: keyof typeof CARDS;
  incidentId: string;
  children: ReactNode;
}): ReactElement {
  const { title, action } = CARDS[tab];
  const navigate = useAppStore((s) => s.navigate);
  const id = `glance-${tab}`;
  const route = { name: 'incident', id: incidentId, tab } as const;
  return (
    <section className="glance__card" aria-labelledby={id}>
      <h3 id={id}>{t(title)}</h3>
      {children}
      <a
        className="glance__more"
        href={routeToHash(route)}
        onClick={(e) => {
          e.preventDefault();
          navigate(route);
        }}
      >
        {t(action)}
      </a>
    </section>
  );
}

/** The statements that wait on someone, in the order the card lists them, and how each wait is said. */
const STATEMENT_WAITS = [
  ['awaitingApproval', 'workspace.atAGlancePanel.waitingForApproval'],
  ['approvedNotReleased', 'workspace.atAGlancePanel.approvedNotYetReleased'],
  ['returned', 'workspace.atAGlancePanel.returnedToDraftWithA'],
  ['outOfDateTranslations', 'workspace.atAGlancePanel.translationOutOfDate'],
] as const satisfies readonly (readonly [keyof AtAGlance['statements'], MessageId])[];

const STATEMENT_TAGS = {
  strong: (chunks: ReactNode[]) => <strong>{chunks}</strong>,
  alarm: (chunks: ReactNode[]) => <span className="glance__alarm">{chunks}</span>,
};

function ItemLine({ item, incident, now }: { item: ScheduledItem; incident: Incident; now: number }): ReactElement {
  const due = dueText(item.dueAt, now, incident.timeZone, false);
  return (
    <li>
      <strong>{item.title}</strong>
      <div className={`glance__due glance__due--${due.tone}`}>
        {due.text} · {item.assignee || ROLE_TITLES[item.owner]}
      </div>
    </li>
  );
}

/**
 * What needs someone now, across the features: the first thing the person opening the incident
 * sees. Each card leads to its tab; the counts say how much more the tab holds.
 */
export function AtAGlancePanel({ incident, now }: { incident: Incident; now: number }): ReactElement {
  const glance = useAtAGlance(incident, now);
  const conflicts = useIncidentConflicts(incident.id) ?? [];
  const navigate = useAppStore((s) => s.navigate);
  const setFilter = useTimelineUi((s) => s.setFilter);
  if (!glance)
    return (
      <section className="panel">
        <p className="muted">{t('workspace.atAGlancePanel.loading')}</p>
      </section>
    );
  const { checklists, calls, statements, openRumours } = glance;
  const openCalls = calls.filter((c) => !c.finished);
  return (
    <section className="panel glance" aria-labelledby="glance-title">
      <h2 id="glance-title">
        {incident.status === 'closed'
          ? t('workspace.atAGlancePanel.whereThingsStoodAtClosing')
          : t('workspace.atAGlancePanel.needsAttentionNow')}
      </h2>
      {conflicts.length > 0 && <ChangedApart incident={incident} conflicts={conflicts} />}
      {glance.allClear && conflicts.length === 0 && (
        <p className="glance__clear" role="status">
          {t('workspace.atAGlancePanel.nothingIsWaitingNoOverdue')}
        </p>
      )}
      <div className="glance__grid">
        <Card tab="checklists" incidentId={incident.id}>
          <p className="glance__figure">
            {tRich(
              'workspace.atAGlancePanel.checklistFigures',
              {
                overdue: checklists.overdueTotal,
                dueSoon: checklists.dueSoonTotal,
                resolved: checklists.resolved,
                total: checklists.total,
              },
              {
                alarm: (chunks) => <span className={checklists.overdueTotal > 0 ? 'glance__alarm' : ''}>{chunks}</span>,
              },
            )}
          </p>
          {checklists.overdue.length > 0 && (
            <ul className="glance__list" aria-label={t('workspace.atAGlancePanel.overdueChecklistItems')}>
              {checklists.overdue.map((i) => (
                <ItemLine key={i.id} item={i} incident={incident} now={now} />
              ))}
            </ul>
          )}
          {checklists.overdue.length === 0 && checklists.dueSoon.length > 0 && (
            <ul className="glance__list" aria-label={t('workspace.atAGlancePanel.checklistItemsDueNext')}>
              {checklists.dueSoon.map((i) => (
                <ItemLine key={i.id} item={i} incident={incident} now={now} />
              ))}
            </ul>
          )}
          {checklists.overdueTotal > checklists.overdue.length && (
            <p className="muted">
              {t('workspace.atAGlancePanel.andMoreOverdue', {
                count: checklists.overdueTotal - checklists.overdue.length,
              })}
            </p>
          )}
        </Card>

        <Card tab="contacts" incidentId={incident.id}>
          {calls.length === 0 ? (
            <p className="muted">{t('workspace.atAGlancePanel.noCallTreeActivatedFor')}</p>
          ) : (
            <ul className="glance__list" aria-label={t('workspace.atAGlancePanel.callTreesActivated')}>
              {calls.map((c) => (
                <li key={c.id}>
                  {tRich(
                    'workspace.atAGlancePanel.ofReached',
                    { tree: c.treeName, reached: c.progress.reached, total: c.progress.total },
                    { strong: (chunks) => <strong>{chunks}</strong> },
                  )}
                  {c.progress.unreachable > 0 && (
                    <>
                      ,{' '}
                      <span className="glance__alarm">
                        {t('workspace.atAGlancePanel.unreachable', { count: c.progress.unreachable })}
                      </span>
                    </>
                  )}
                  {c.progress.declined > 0 && (
                    <>{t('workspace.atAGlancePanel.declined', { count: c.progress.declined })}</>
                  )}
                  <div className="muted">
                    {c.stoodDown
                      ? t('workspace.atAGlancePanel.stoodDown')
                      : c.finished
                        ? t('workspace.atAGlancePanel.everyCallSettled')
                        : t('workspace.atAGlancePanel.stillToCall', { count: c.progress.open })}
                  </div>
                </li>
              ))}
            </ul>
          )}
          {openCalls.length > 0 && <p className="muted">{t('overview.treesCalling', { count: openCalls.length })}</p>}
        </Card>

        <Card tab="statements" incidentId={incident.id}>
          {STATEMENT_WAITS.every(([wait]) => statements[wait].length === 0) ? (
            <p className="muted">
              {statements.released > 0
                ? t('workspace.atAGlancePanel.releasedNoneWaiting', { count: statements.released })
                : t('workspace.atAGlancePanel.noStatementWaitingForApproval')}
            </p>
          ) : (
            <ul className="glance__list" aria-label={t('workspace.atAGlancePanel.statementsWaiting')}>
              {STATEMENT_WAITS.flatMap(([wait, message]) =>
                statements[wait].map((s) => (
                  <li key={`${wait}:${s.id}`}>
                    {tRich(message, { title: s.title, language: languageLabel(s.language) }, STATEMENT_TAGS)}
                  </li>
                )),
              )}
            </ul>
          )}
        </Card>

        <Card tab="timeline" incidentId={incident.id}>
          {openRumours.total === 0 ? (
            <p className="muted">{t('workspace.atAGlancePanel.noRumourOnTheTimeline')}</p>
          ) : (
            <>
              <p className="glance__figure">
                {tRich(
                  'workspace.atAGlancePanel.unverified',
                  { count: openRumours.total },
                  { alarm: (chunks) => <span className="glance__alarm">{chunks}</span> },
                )}
              </p>
              <ul className="glance__list" aria-label={t('workspace.atAGlancePanel.unverifiedRumours')}>
                {openRumours.latest.map((e) => (
                  <li key={e.id}>
                    <span className="muted">
                      {entryTime(e, incident, displayLocale())} ({entryTPlus(e.occurredAt, incident)})
                    </span>{' '}
                    {e.title}
                  </li>
                ))}
              </ul>
              <button
                type="button"
                className="button button--small"
                onClick={() => {
                  setFilter(incident.id, { categories: ['rumour'], verifications: ['unverified'] });
                  navigate({ name: 'incident', id: incident.id, tab: 'timeline' });
                }}
              >
                {t('workspace.atAGlancePanel.showOnlyOpenRumours')}
              </button>
            </>
          )}
        </Card>
      </div>
    </section>
  );
}

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
import { t } from '../../i18n/messages';

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

function Card({ title, tab, incidentId, action, children }: { title: string; tab: WorkspaceTab; incidentId: string; action: string; children: ReactNode }): ReactElement {
  const navigate = useAppStore((s) => s.navigate);
  const id = `glance-${tab}`;
  const route = { name: 'incident', id: incidentId, tab } as const;
  return (
    <section className="glance__card" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {children}
      <a className="glance__more" href={routeToHash(route)} onClick={(e) => { e.preventDefault(); navigate(route); }}>{action}</a>
    </section>
  );
}

function ItemLine({ item, incident, now }: { item: ScheduledItem; incident: Incident; now: number }): ReactElement {
  const due = dueText(item.dueAt, now, incident.timeZone, false);
  return (
    <li>
      <strong>{item.title}</strong>
      <div className={`glance__due glance__due--${due.tone}`}>{due.text} · {item.assignee || ROLE_TITLES[item.owner]}</div>
    </li>
  );
}

/**
 * What needs someone now, across the features: the first thing the person opening the incident
 * sees. Each card leads to its tab; the counts say how much more the tab holds.
 */
export function AtAGlancePanel({ incident, now }: { incident: Incident; now: number }): ReactElement {
  const glance = useAtAGlance(incident, now);
  const navigate = useAppStore((s) => s.navigate);
  const setFilter = useTimelineUi((s) => s.setFilter);
  if (!glance) return <section className="panel"><p className="muted">Loading…</p></section>;
  const { checklists, calls, statements, openRumours } = glance;
  const openCalls = calls.filter((c) => !c.finished);
  return (
    <section className="panel glance" aria-labelledby="glance-title">
      <h2 id="glance-title">{incident.status === 'closed' ? 'Where things stood at closing' : 'Needs attention now'}</h2>
      {glance.allClear && (
        <p className="glance__clear" role="status">Nothing is waiting: no overdue checklist item, no call tree still calling, no statement waiting for approval or release, no open rumour.</p>
      )}
      <div className="glance__grid">
        <Card title="Checklists" tab="checklists" incidentId={incident.id} action="Open the checklists">
          <p className="glance__figure">
            <span className={checklists.overdueTotal > 0 ? 'glance__alarm' : ''}>{checklists.overdueTotal} overdue</span> · {checklists.dueSoonTotal} due in the next 24 hours · {checklists.resolved} of {checklists.total} resolved
          </p>
          {checklists.overdue.length > 0 && (
            <ul className="glance__list" aria-label="Overdue checklist items">
              {checklists.overdue.map((i) => <ItemLine key={i.id} item={i} incident={incident} now={now} />)}
            </ul>
          )}
          {checklists.overdue.length === 0 && checklists.dueSoon.length > 0 && (
            <ul className="glance__list" aria-label="Checklist items due next">
              {checklists.dueSoon.map((i) => <ItemLine key={i.id} item={i} incident={incident} now={now} />)}
            </ul>
          )}
          {checklists.overdueTotal > checklists.overdue.length && <p className="muted">and {checklists.overdueTotal - checklists.overdue.length} more overdue.</p>}
        </Card>

        <Card title="Call trees" tab="contacts" incidentId={incident.id} action="Open the call trees">
          {calls.length === 0 ? <p className="muted">No call tree activated for this incident.</p> : (
            <ul className="glance__list" aria-label="Call trees activated">
              {calls.map((c) => (
                <li key={c.id}>
                  <strong>{c.treeName}</strong>: {c.progress.reached} of {c.progress.total} reached
                  {c.progress.unreachable > 0 && <>, <span className="glance__alarm">{c.progress.unreachable} unreachable</span></>}
                  {c.progress.declined > 0 && <>, {c.progress.declined} declined</>}
                  <div className="muted">{c.stoodDown ? 'Stood down.' : c.finished ? 'Every call settled.' : `${c.progress.open} still to call`}</div>
                </li>
              ))}
            </ul>
          )}
          {openCalls.length > 0 && <p className="muted">{t('overview.treesCalling', { count: openCalls.length })}</p>}
        </Card>

        <Card title="Statements" tab="statements" incidentId={incident.id} action="Open the statements">
          {statements.awaitingApproval.length + statements.approvedNotReleased.length + statements.returned.length + statements.outOfDateTranslations.length === 0 ? (
            <p className="muted">{statements.released > 0 ? `${statements.released} released; none waiting.` : 'No statement waiting for approval or release.'}</p>
          ) : (
            <ul className="glance__list" aria-label="Statements waiting">
              {statements.awaitingApproval.map((s) => <li key={s.id}><strong>{s.title}</strong> ({languageLabel(s.language)}): <span className="glance__alarm">waiting for approval</span></li>)}
              {statements.approvedNotReleased.map((s) => <li key={s.id}><strong>{s.title}</strong> ({languageLabel(s.language)}): approved, not yet released</li>)}
              {statements.returned.map((s) => <li key={s.id}><strong>{s.title}</strong> ({languageLabel(s.language)}): returned to draft with a comment</li>)}
              {statements.outOfDateTranslations.map((s) => <li key={s.id}><strong>{s.title}</strong> ({languageLabel(s.language)}): <span className="glance__alarm">translation out of date</span>, its source has a newer approved version</li>)}
            </ul>
          )}
        </Card>

        <Card title="Open rumours" tab="timeline" incidentId={incident.id} action="Open the timeline">
          {openRumours.total === 0 ? <p className="muted">No rumour on the timeline is still unverified.</p> : (
            <>
              <p className="glance__figure"><span className="glance__alarm">{openRumours.total} unverified</span>: confirm or disprove them, and answer the false ones in public.</p>
              <ul className="glance__list" aria-label="Unverified rumours">
                {openRumours.latest.map((e) => <li key={e.id}><span className="muted">{entryTime(e, incident, displayLocale())} ({entryTPlus(e.occurredAt, incident)})</span> {e.title}</li>)}
              </ul>
              <button type="button" className="button button--small" onClick={() => {
                setFilter(incident.id, { categories: ['rumour'], verifications: ['unverified'] });
                navigate({ name: 'incident', id: incident.id, tab: 'timeline' });
              }}>Show only open rumours</button>
            </>
          )}
        </Card>
      </div>
    </section>
  );
}

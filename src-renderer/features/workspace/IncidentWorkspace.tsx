import { lazy, Suspense, useState, type ReactElement } from 'react';

import { overdueCount } from '@shared/domain/checklists/views';
import { INCIDENT_KIND_LABELS } from '@shared/domain/incident/commands';
import type { DeskSettings, Incident } from '@shared/schemas/entities';

import { actorFrom, useDesk } from '../../desk/DeskContext';
import { WORKSPACE_TABS, routeToHash, type WorkspaceTab } from '../../store/route';
import { useNow } from '../../lib/useNow';
import { useAppStore } from '../../store';
import { Dialog } from '../../ui/Dialog';
import { AuditLogView } from '../audit/AuditLogView';
import { OverdueBadge } from '../checklists/OverdueBadge';
import { useChecklistItems } from '../checklists/queries';
import { IncidentForm } from '../incidents/IncidentForm';
import { incidentClock } from '../incidents/incidentDisplay';
import { useIncident } from '../incidents/queries';
import { TimelinePanel } from '../timeline/TimelinePanel';
import { OverviewPanel } from './OverviewPanel';
import { UserText } from '../../ui/UserText';

// The heavier tabs load on first use, so a 3 a.m. start straight into the timeline parses only
// what the timeline needs (Word, calendar and diff libraries come with their tabs).
const ChecklistPanel = lazy(() => import('../checklists/ChecklistPanel').then((m) => ({ default: m.ChecklistPanel })));
const ActivationPanel = lazy(() => import('../contacts/ActivationPanel').then((m) => ({ default: m.ActivationPanel })));
const StatementsPanel = lazy(() => import('../statements/StatementsPanel').then((m) => ({ default: m.StatementsPanel })));
const ExportPanel = lazy(() => import('../export/ExportPanel').then((m) => ({ default: m.ExportPanel })));

const TAB_LABELS: Record<WorkspaceTab, string> = {
  overview: 'Overview',
  timeline: 'Timeline',
  checklists: 'Checklists',
  contacts: 'Contacts',
  statements: 'Statements',
  export: 'Export',
  audit: 'Audit log',
};

/**
 * The incident's name, clock and phase on one band. Once the timeline is scrolled it shrinks to
 * a single line, leaving the room to the log.
 */
function Header({ incident, settings, compact }: { incident: Incident; settings: DeskSettings; compact: boolean }): ReactElement {
  const { useCases, clock } = useDesk();
  const now = useNow();
  const showNotice = useAppStore((s) => s.showNotice);
  const [editing, setEditing] = useState(false);
  const [confirmingClose, setConfirmingClose] = useState(false);
  const c = incidentClock(incident, now);
  const closed = incident.status === 'closed';
  const actor = () => actorFrom(settings.operatorName, clock);

  return (
    <header className={`workspace__header${compact ? ' workspace__header--compact' : ''}`}>
      <div className="workspace__id">
        <h1 id="workspace-title"><UserText text={incident.title} /></h1>
        <p className="workspace__meta">
          {INCIDENT_KIND_LABELS[incident.kind]} · {incident.location || 'location not set'} · Started {c.startedAt} ({incident.timeZone})
        </p>
      </div>
      <div className="workspace__clock">
        <span className={`badge ${closed ? 'badge--muted' : 'badge--open'}`}>{closed ? 'Closed' : 'Open'}</span>
        <span className="elapsed elapsed--large" data-testid="elapsed">{c.elapsed}</span>
        <span className="phase">{c.phase.label}</span>
      </div>
      <div className="workspace__actions">
        <button type="button" className="button button--small" onClick={() => setEditing(true)}>Edit details</button>
        {closed ? (
          <button type="button" className="button button--small" onClick={() => void useCases.incidents.reopen(incident.id, actor()).then((r) => showNotice(r.ok ? 'success' : 'error', r.ok ? 'Incident reopened.' : 'The incident could not be reopened.'))}>
            Reopen incident
          </button>
        ) : (
          <button type="button" className="button button--danger button--small" onClick={() => setConfirmingClose(true)}>Close incident</button>
        )}
      </div>
      {editing && (
        <IncidentForm
          title="Edit incident"
          submitLabel="Save changes"
          initial={incident}
          onClose={() => setEditing(false)}
          onSubmit={async (fields) => {
            const r = await useCases.incidents.update(incident.id, fields, actor());
            if (!r.ok) return 'The incident could not be saved: it no longer exists on this desk.';
            setEditing(false);
            showNotice('success', 'Incident details saved.');
            return null;
          }}
        />
      )}
      {confirmingClose && (
        <Dialog title="Close this incident?" onClose={() => setConfirmingClose(false)}>
          <p>Closing stops the incident&apos;s clock at now and moves it to the closed list. Nothing is deleted, and it can be reopened.</p>
          <div className="dialog__actions">
            <button type="button" className="button" onClick={() => setConfirmingClose(false)}>Keep open</button>
            <button type="button" className="button button--danger" onClick={() => {
              setConfirmingClose(false);
              void useCases.incidents.close(incident.id, actor()).then((r) => showNotice(r.ok ? 'success' : 'error', r.ok ? 'Incident closed.' : 'The incident could not be closed.'));
            }}>Close incident</button>
          </div>
        </Dialog>
      )}
    </header>
  );
}

/** One incident's workspace: its header and clock, then a tab per feature. */
export function IncidentWorkspace({ id, tab, settings }: { id: string; tab: WorkspaceTab; settings: DeskSettings }): ReactElement {
  const incident = useIncident(id);
  const checklistItems = useChecklistItems(id);
  const navigate = useAppStore((s) => s.navigate);
  const now = useNow();
  const [scrolled, setScrolled] = useState(false);
  if (incident === undefined) return <main className="page"><p className="muted">Loading…</p></main>;
  if (incident === null) {
    return (
      <main className="page">
        <h1>Incident not found</h1>
        <p>There is no incident with this address on this desk. It may have been restored away from a backup.</p>
        <button type="button" className="button" onClick={() => navigate({ name: 'dashboard' })}>Back to incidents</button>
      </main>
    );
  }
  return (
    <main className={`page workspace${tab === 'timeline' ? ' workspace--fill' : ''}`} aria-labelledby="workspace-title">
      <Header incident={incident} settings={settings} compact={tab === 'timeline' && scrolled} />
      <nav className="tabs" aria-label="Incident sections">
        {WORKSPACE_TABS.map((t) => (
          <a key={t} href={routeToHash({ name: 'incident', id, tab: t })} className={`tabs__tab${t === tab ? ' tabs__tab--active' : ''}`} aria-current={t === tab ? 'page' : undefined}
            onClick={(e) => { e.preventDefault(); navigate({ name: 'incident', id, tab: t }); }}>
            {TAB_LABELS[t]}
            {t === 'checklists' && <> <OverdueBadge count={overdueCount(checklistItems ?? [], incident, now)} /></>}
          </a>
        ))}
      </nav>
      <div className="workspace__body">
        <Suspense fallback={<p className="muted">Loading…</p>}>
        {tab === 'overview' ? <OverviewPanel incident={incident} now={now} />
          : tab === 'audit' ? <AuditLogView incident={incident} />
          : tab === 'timeline' ? <TimelinePanel incident={incident} settings={settings} onScrolled={setScrolled} />
          : tab === 'export' ? <ExportPanel incident={incident} settings={settings} />
          : tab === 'checklists' ? <ChecklistPanel incident={incident} settings={settings} />
          : tab === 'contacts' ? <ActivationPanel incident={incident} settings={settings} />
          : <StatementsPanel incident={incident} settings={settings} />}
        </Suspense>
      </div>
    </main>
  );
}

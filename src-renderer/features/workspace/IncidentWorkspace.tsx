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
import { t, type MessageId } from '../../i18n/messages';
import { DialogActions } from '../../ui/Field';

// The heavier tabs load on first use, so a 3 a.m. start straight into the timeline parses only
// what the timeline needs (Word, calendar and diff libraries come with their tabs).
const ChecklistPanel = lazy(() => import('../checklists/ChecklistPanel').then((m) => ({ default: m.ChecklistPanel })));
const ActivationPanel = lazy(() => import('../contacts/ActivationPanel').then((m) => ({ default: m.ActivationPanel })));
const StatementsPanel = lazy(() =>
  import('../statements/StatementsPanel').then((m) => ({ default: m.StatementsPanel })),
);
const ExportPanel = lazy(() => import('../record/ExportPanel').then((m) => ({ default: m.ExportPanel })));

const TAB_LABELS: Record<WorkspaceTab, MessageId> = {
  overview: 'workspace.tabs.overview',
  timeline: 'workspace.tabs.timeline',
  checklists: 'workspace.tabs.checklists',
  contacts: 'workspace.tabs.contacts',
  statements: 'workspace.tabs.statements',
  export: 'workspace.tabs.export',
  audit: 'workspace.tabs.audit',
};

/**
 * The incident's name, clock and phase on one band. Once the timeline is scrolled it shrinks to
 * a single line, leaving the room to the log.
 */
function Header({
  incident,
  settings,
  compact,
}: {
  incident: Incident;
  settings: DeskSettings;
  compact: boolean;
}): ReactElement {
  const { useCases, clock } = useDesk();
  const now = useNow();
  const showNotice = useAppStore((s) => s.showNotice);
  const [editing, setEditing] = useState(false);
  const [confirmingClose, setConfirmingClose] = useState(false);
  const c = incidentClock(incident, now);
  const closed = incident.status === 'closed';
  const actor = () => actorFrom(settings.operatorName, clock);
  const noticeOutcome = (change: Promise<{ ok: boolean }>, done: string, failed: string) =>
    void change.then((r) => showNotice(r.ok ? 'success' : 'error', r.ok ? done : failed));

  return (
    <header className={`workspace__header${compact ? ' workspace__header--compact' : ''}`}>
      <div className="workspace__id">
        <h1 id="workspace-title">
          <UserText text={incident.title} />
        </h1>
        <p className="workspace__meta">
          {INCIDENT_KIND_LABELS[incident.kind]} · {incident.location || t('workspace.incidentWorkspace.locationNotSet')}{' '}
          {t('workspace.incidentWorkspace.started', { startedAt: c.startedAt, timeZone: incident.timeZone })}
        </p>
      </div>
      <div className="workspace__clock">
        <span className={`badge ${closed ? 'badge--muted' : 'badge--open'}`}>
          {closed ? t('workspace.incidentWorkspace.closed') : t('workspace.incidentWorkspace.open')}
        </span>
        <span className="elapsed elapsed--large" data-testid="elapsed">
          {c.elapsed}
        </span>
        <span className="phase">{c.phase.label}</span>
      </div>
      <div className="workspace__actions">
        <button type="button" className="button button--small" onClick={() => setEditing(true)}>
          {t('workspace.incidentWorkspace.editDetails')}
        </button>
        {closed ? (
          <button
            type="button"
            className="button button--small"
            onClick={() =>
              noticeOutcome(
                useCases.incidents.reopen(incident.id, actor()),
                t('workspace.incidentWorkspace.incidentReopened'),
                t('workspace.incidentWorkspace.theIncidentCouldNotBe2'),
              )
            }
          >
            {t('workspace.incidentWorkspace.reopenIncident')}
          </button>
        ) : (
          <button
            type="button"
            className="button button--danger button--small"
            onClick={() => setConfirmingClose(true)}
          >
            {t('workspace.incidentWorkspace.closeIncident')}
          </button>
        )}
      </div>
      {editing && (
        <IncidentForm
          title={t('workspace.incidentWorkspace.editIncident')}
          submitLabel={t('workspace.incidentWorkspace.saveChanges')}
          initial={incident}
          onClose={() => setEditing(false)}
          onSubmit={async (fields) => {
            const r = await useCases.incidents.update(incident.id, fields, actor());
            if (!r.ok) return t('workspace.incidentWorkspace.theIncidentCouldNotBe');
            setEditing(false);
            showNotice('success', t('workspace.incidentWorkspace.incidentDetailsSaved'));
            return null;
          }}
        />
      )}
      {confirmingClose && (
        <Dialog title={t('workspace.incidentWorkspace.closeThisIncident')} onClose={() => setConfirmingClose(false)}>
          <p>{t('workspace.incidentWorkspace.closingStopsTheIncidentS')}</p>
          <DialogActions
            cancelLabel={t('workspace.incidentWorkspace.keepOpen')}
            onCancel={() => setConfirmingClose(false)}
          >
            <button
              type="button"
              className="button button--danger"
              onClick={() => {
                setConfirmingClose(false);
                noticeOutcome(
                  useCases.incidents.close(incident.id, actor()),
                  t('workspace.incidentWorkspace.incidentClosed'),
                  t('workspace.incidentWorkspace.theIncidentCouldNotBe3'),
                );
              }}
            >
              {t('workspace.incidentWorkspace.closeIncident')}
            </button>
          </DialogActions>
        </Dialog>
      )}
    </header>
  );
}

/** One incident's workspace: its header and clock, then a tab per feature. */
export function IncidentWorkspace({
  id,
  tab,
  settings,
}: {
  id: string;
  tab: WorkspaceTab;
  settings: DeskSettings;
}): ReactElement {
  const incident = useIncident(id);
  const checklistItems = useChecklistItems(id);
  const navigate = useAppStore((s) => s.navigate);
  const now = useNow();
  const [scrolled, setScrolled] = useState(false);
  if (incident === undefined)
    return (
      <main className="page">
        <p className="muted">{t('workspace.incidentWorkspace.loading')}</p>
      </main>
    );
  if (incident === null) {
    return (
      <main className="page">
        <h1>{t('workspace.incidentWorkspace.incidentNotFound')}</h1>
        <p>{t('workspace.incidentWorkspace.thereIsNoIncidentWith')}</p>
        <button type="button" className="button" onClick={() => navigate({ name: 'dashboard' })}>
          {t('workspace.incidentWorkspace.backToIncidents')}
        </button>
      </main>
    );
  }
  return (
    <main className={`page workspace${tab === 'timeline' ? ' workspace--fill' : ''}`} aria-labelledby="workspace-title">
      <Header incident={incident} settings={settings} compact={tab === 'timeline' && scrolled} />
      <nav className="tabs" aria-label={t('workspace.incidentWorkspace.incidentSections')}>
        {WORKSPACE_TABS.map((each) => (
          <a
            key={each}
            href={routeToHash({ name: 'incident', id, tab: each })}
            className={`tabs__tab${each === tab ? ' tabs__tab--active' : ''}`}
            aria-current={each === tab ? 'page' : undefined}
            onClick={(e) => {
              e.preventDefault();
              navigate({ name: 'incident', id, tab: each });
            }}
          >
            {t(TAB_LABELS[each])}
            {each === 'checklists' && (
              <>
                {' '}
                <OverdueBadge count={overdueCount(checklistItems ?? [], incident, now)} />
              </>
            )}
          </a>
        ))}
      </nav>
      <div className="workspace__body">
        <Suspense fallback={<p className="muted">{t('workspace.incidentWorkspace.loading')}</p>}>
          {tab === 'overview' ? (
            <OverviewPanel incident={incident} now={now} />
          ) : tab === 'audit' ? (
            <AuditLogView incident={incident} />
          ) : tab === 'timeline' ? (
            <TimelinePanel incident={incident} settings={settings} onScrolled={setScrolled} />
          ) : tab === 'export' ? (
            <ExportPanel incident={incident} settings={settings} />
          ) : tab === 'checklists' ? (
            <ChecklistPanel incident={incident} settings={settings} />
          ) : tab === 'contacts' ? (
            <ActivationPanel incident={incident} settings={settings} />
          ) : (
            <StatementsPanel incident={incident} settings={settings} />
          )}
        </Suspense>
      </div>
    </main>
  );
}

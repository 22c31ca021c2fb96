import { useState, type ReactElement } from 'react';

import { citeGuide } from '@shared/domain/guide/citation';
import { INCIDENT_KIND_LABELS } from '@shared/domain/incident/commands';
import type { DeskSettings, Incident } from '@shared/schemas/entities';

import { actorFrom, useDesk } from '../../desk/DeskContext';
import { routeToHash } from '../../store/route';
import { useNow } from '../../lib/useNow';
import { useAppStore } from '../../store';
import { OverdueBadge } from '../checklists/OverdueBadge';
import { useLatestTemplates, useOverdueCounts } from '../checklists/queries';
import { TemplatePicker } from '../checklists/TemplatePicker';
import { templateOptions } from '../checklists/templateOptions';
import { ImportRecordButton } from '../record/ImportRecordButton';
import { IncidentForm } from './IncidentForm';
import { incidentClock } from './incidentDisplay';
import { useIncidents } from './queries';
import { UserText } from '../../ui/UserText';
import { t } from '../../i18n/messages';
import { describeNotWritten } from '../../i18n/notWritten';

function IncidentCard({
  incident,
  now,
  overdue = 0,
}: {
  incident: Incident;
  now: number;
  overdue?: number;
}): ReactElement {
  const navigate = useAppStore((s) => s.navigate);
  const clock = incidentClock(incident, now);
  const closed = incident.status === 'closed';
  return (
    <li
      className={`incident-card${closed ? ' incident-card--closed' : ''}${overdue > 0 ? ' incident-card--overdue' : ''}`}
    >
      <div className="incident-card__main">
        <h3>
          <a
            href={routeToHash({ name: 'incident', id: incident.id, tab: 'overview' })}
            onClick={(e) => {
              e.preventDefault();
              navigate({ name: 'incident', id: incident.id, tab: 'overview' });
            }}
          >
            <UserText text={incident.title} />
          </a>
        </h3>
        <p className="incident-card__meta">
          <span className="badge">{INCIDENT_KIND_LABELS[incident.kind]}</span>
          <span className={`badge ${closed ? 'badge--muted' : 'badge--open'}`}>
            {closed ? t('incidents.dashboard.closed2') : t('incidents.dashboard.open2')}
          </span>
          {incident.location && (
            <span>
              <UserText text={incident.location} />
            </span>
          )}
          <OverdueBadge count={overdue} long />
        </p>
        <p className="incident-card__start">
          {t('incidents.dashboard.started', { startedAt: clock.startedAt })}{' '}
          <span className="muted">({incident.timeZone})</span>
        </p>
      </div>
      <div className="incident-card__clock" aria-label={t('incidents.dashboard.elapsedTimeAndPhase')}>
        <span className="elapsed" data-testid="elapsed">
          {clock.elapsed}
        </span>
        <span className="phase">{clock.phase.label}</span>
      </div>
    </li>
  );
}

/** The first screen after setup: every incident, newest first, with its clock and phase. */
export function Dashboard({ settings }: { settings: DeskSettings }): ReactElement {
  const { useCases, clock } = useDesk();
  const incidents = useIncidents();
  const navigate = useAppStore((s) => s.navigate);
  const showNotice = useAppStore((s) => s.showNotice);
  const [creating, setCreating] = useState(false);
  const now = useNow();
  const overdue = useOverdueCounts(incidents ?? [], now);
  const templates = templateOptions(useLatestTemplates());
  const [unticked, setUnticked] = useState<ReadonlySet<string>>(new Set());

  const open = incidents?.filter((i) => i.status === 'open') ?? [];
  const closed = incidents?.filter((i) => i.status === 'closed') ?? [];

  return (
    <main className="page" aria-labelledby="dashboard-title">
      <div className="page__header">
        <div>
          <h1 id="dashboard-title">{t('incidents.dashboard.incidents')}</h1>
          <p className="muted">{t('incidents.dashboard.timesShownOnEachIncident', { cityName: settings.cityName })}</p>
        </div>
        <div className="page__actions">
          <ImportRecordButton operatorName={settings.operatorName} />
          <button
            type="button"
            className="button button--primary button--large"
            onClick={() => {
              setUnticked(new Set());
              setCreating(true);
            }}
          >
            {t('incidents.dashboard.newIncident')}
          </button>
        </div>
      </div>

      {incidents === undefined ? (
        <p className="muted">{t('incidents.dashboard.loading')}</p>
      ) : incidents.length === 0 ? (
        <section className="empty-state">
          <h2>{t('incidents.dashboard.noIncidentsYet')}</h2>
          <p>{t('incidents.dashboard.whenSomethingHappensStartAn')}</p>
          <p className="muted">
            {t('incidents.dashboard.inPeacetimeUseTheDesk', { guide: citeGuide('ch. 6 Preparing to Respond') })}
          </p>
        </section>
      ) : (
        <>
          <section aria-labelledby="open-title">
            <h2 id="open-title" className="section-title">
              {t('incidents.dashboard.open', { open: open.length })}
            </h2>
            {open.length === 0 ? (
              <p className="muted">{t('incidents.dashboard.noOpenIncidents')}</p>
            ) : (
              <ul className="incident-list">
                {open.map((i) => (
                  <IncidentCard key={i.id} incident={i} now={now} overdue={overdue.get(i.id) ?? 0} />
                ))}
              </ul>
            )}
          </section>
          {closed.length > 0 && (
            <section aria-labelledby="closed-title">
              <h2 id="closed-title" className="section-title">
                {t('incidents.dashboard.closed', { closed: closed.length })}
              </h2>
              <ul className="incident-list">
                {closed.map((i) => (
                  <IncidentCard key={i.id} incident={i} now={now} />
                ))}
              </ul>
            </section>
          )}
        </>
      )}

      {creating && (
        <IncidentForm
          title={t('incidents.dashboard.newIncident2')}
          submitLabel={t('incidents.dashboard.createIncident')}
          initial={{ timeZone: settings.defaultTimeZone, now: clock() }}
          onClose={() => setCreating(false)}
          onSubmit={async (fields) => {
            try {
              const chosen = templates.filter((t) => !unticked.has(t.templateKey)).map((t) => t.templateKey);
              const started = await useCases.checklists.startIncident(
                fields,
                chosen,
                actorFrom(settings.operatorName, clock),
              );
              if (!started.ok)
                return t('incidents.dashboard.theIncidentCouldNotBe', { error: describeNotWritten(started.error) });
              const incident = started.value;
              setCreating(false);
              showNotice('success', t('incidents.dashboard.incidentCreated', { title: incident.title }));
              navigate({ name: 'incident', id: incident.id, tab: 'overview' });
              return null;
            } catch (e) {
              return t('incidents.dashboard.theIncidentCouldNotBe', { error: String(e) });
            }
          }}
        >
          <TemplatePicker
            legend={t('incidents.dashboard.checklistsForThisIncident')}
            options={templates}
            unticked={unticked}
            onChange={setUnticked}
          />
        </IncidentForm>
      )}
    </main>
  );
}

import type { ReactElement } from 'react';

import { citeGuide } from '@shared/domain/guide/citation';
import { GUIDE_RESPONSE_PHASES } from '@shared/domain/guide/phases';
import { INCIDENT_KIND_LABELS } from '@shared/domain/incident/commands';
import type { Incident } from '@shared/schemas/entities';

import { incidentClock } from '../incidents/incidentDisplay';
import { AtAGlancePanel } from './AtAGlancePanel';
import { UserText } from '../../ui/UserText';
import { showInstant } from '../../lib/LocaleContext';
import { t } from '../../i18n/messages';

/** What needs attention now, then the incident's facts and where it stands in the guide's phases. */
export function OverviewPanel({ incident, now }: { incident: Incident; now: number }): ReactElement {
  const clock = incidentClock(incident, now);
  return (
    <>
      <AtAGlancePanel incident={incident} now={now} />
      <div className="overview">
        <section className="panel" aria-labelledby="facts-title">
          <h2 id="facts-title">{t('workspace.overviewPanel.incident')}</h2>
          <dl className="facts">
            <dt>{t('workspace.overviewPanel.kind')}</dt>
            <dd>{INCIDENT_KIND_LABELS[incident.kind]}</dd>
            <dt>{t('workspace.overviewPanel.started')}</dt>
            <dd>
              {clock.startedAt} ({incident.timeZone})
            </dd>
            <dt>{t('workspace.overviewPanel.location')}</dt>
            <dd>{incident.location || '—'}</dd>
            <dt>{t('workspace.overviewPanel.status')}</dt>
            <dd>
              {incident.status === 'open'
                ? t('workspace.overviewPanel.open')
                : t('workspace.overviewPanel.closed', {
                    at:
                      incident.closedAt !== null ? showInstant(incident.closedAt, incident.timeZone, 'date-time') : '',
                  })}
            </dd>
            <dt>{t('workspace.overviewPanel.openedBy')}</dt>
            <dd>{incident.createdBy}</dd>
            <dt>{t('workspace.overviewPanel.lastChange')}</dt>
            <dd>
              {incident.updatedBy}, {showInstant(incident.updatedAt, incident.timeZone, 'date-time')}
            </dd>
          </dl>
          {incident.description && (
            <p className="description">
              <UserText text={incident.description} />
            </p>
          )}
        </section>
        <section className="panel" aria-labelledby="phase-title">
          <h2 id="phase-title">{t('workspace.overviewPanel.responsePhase')}</h2>
          <ol className="phase-track">
            {GUIDE_RESPONSE_PHASES.map((p) => (
              <li
                key={p.id}
                className={p.id === clock.phase.id ? 'phase-track__current' : ''}
                aria-current={p.id === clock.phase.id ? 'step' : undefined}
              >
                {p.title}
              </li>
            ))}
          </ol>
          <p className="cite">{t('workspace.overviewPanel.phasesAfterTheTheHour', { guide: citeGuide() })}</p>
        </section>
      </div>
    </>
  );
}

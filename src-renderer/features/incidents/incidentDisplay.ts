import { elapsedLabel, phaseAt } from '@shared/domain/incident/phase';
import { responsePhase } from '@shared/domain/guide/phases';
import type { Incident } from '@shared/schemas/entities';
import { showInstant } from '../../lib/LocaleContext';

/** What the dashboard and workspace show about an incident's clock at `now`. */
export function incidentClock(incident: Incident, now: number) {
  const end = incident.status === 'closed' && incident.closedAt !== null ? incident.closedAt : now;
  return {
    elapsed: elapsedLabel(incident.startAt, end, incident.timeZone),
    phase: responsePhase(phaseAt(incident.startAt, end, incident.timeZone)),
    startedAt: showInstant(incident.startAt, incident.timeZone, 'weekday-date-time'),
  };
}

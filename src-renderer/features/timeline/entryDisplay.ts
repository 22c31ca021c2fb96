import { elapsedLabel } from '@shared/domain/incident/phase';
import { formatWallClock } from '@shared/domain/incident/wallClock';
import type { Incident } from '@shared/schemas/entities';
import type { EntryContent } from '@shared/schemas/timeline';

/** "14:05", "~14:05" or "date only", on the incident's clock. */
export function entryTime(content: Pick<EntryContent, 'occurredAt' | 'occurredPrecision'>, incident: Incident): string {
  if (content.occurredPrecision === 'date') return 'date only';
  const hhmm = formatWallClock(content.occurredAt, incident.timeZone, 'HH:mm');
  return content.occurredPrecision === 'approximate' ? `~${hhmm}` : hhmm;
}

export function entryTPlus(occurredAt: number, incident: Incident): string {
  return elapsedLabel(incident.startAt, occurredAt, incident.timeZone);
}

export function fullTime(at: number, incident: Incident): string {
  return formatWallClock(at, incident.timeZone, 'EEE d MMM yyyy, HH:mm:ss');
}

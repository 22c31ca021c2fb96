import { elapsedLabel } from '@shared/domain/incident/phase';
import { formatInstant, type DeskLocale } from '@shared/domain/locale/deskLocale';
import type { Incident } from '@shared/schemas/entities';
import type { EntryContent } from '@shared/schemas/timeline';
import { t } from '../../i18n/messages';

/** "14:05" (or "2:05 PM"), "~14:05" or "date only", on the incident's clock in the desk's locale. */
export function entryTime(
  content: Pick<EntryContent, 'occurredAt' | 'occurredPrecision'>,
  incident: Incident,
  locale: DeskLocale,
): string {
  if (content.occurredPrecision === 'date') return t('timeline.entryDisplay.dateOnly');
  const time = formatInstant(content.occurredAt, incident.timeZone, 'time', locale);
  return content.occurredPrecision === 'approximate' ? `~${time}` : time;
}

export function entryTPlus(occurredAt: number, incident: Incident): string {
  return elapsedLabel(incident.startAt, occurredAt, incident.timeZone);
}

export function fullTime(at: number, incident: Incident, locale: DeskLocale): string {
  return formatInstant(at, incident.timeZone, 'weekday-date-time-seconds', locale);
}

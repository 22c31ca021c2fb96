import { fileSlug } from '@shared/domain/fileNames';
import { showInstant } from '../../lib/LocaleContext';
import { t } from '../../i18n/messages';

/** "2 h 05 min ago" since `from`; "less than a minute ago" rather than "0 min ago". */
export function since(from: number, now: number): string {
  const mins = Math.max(0, Math.floor((now - from) / 60_000));
  if (mins < 60) return t('contacts.since.minutes', { minutes: mins });
  return t('contacts.since.hours', { hours: Math.floor(mins / 60), minutes: String(mins % 60).padStart(2, '0') });
}

/** A date input's value for an instant (UTC day), or ''. */
export function dayInput(at: number | null): string {
  return at === null ? '' : new Date(at).toISOString().slice(0, 10);
}

/** The instant of a date input's value (UTC midnight), or null. */
export function parseDayInput(value: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const at = Date.parse(`${value}T00:00:00Z`);
  return Number.isNaN(at) ? null : at;
}

export const clockTime = (at: number, timeZone: string) => showInstant(at, timeZone, 'time');

export const slug = (s: string) => fileSlug(s, 'contacts');

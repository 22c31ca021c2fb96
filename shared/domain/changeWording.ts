import { STATUS_LABELS } from './checklists/items';
import { ROLE_TITLES } from './checklists/roles';
import { RESPONSE_PHASE_IDS } from './guide/phases';
import { choiceLabels } from '../i18n/choices';
import { INCIDENT_KIND_LABELS } from './incident/commands';
import { formatWallClock } from './incident/wallClock';
import { FALLBACK_LOCALE, formatInstant, type DeskLocale } from './locale/deskLocale';
import type { FieldChange } from '../schemas/entities';
import { format, isDomainMessageId, listOf } from '../i18n/format';

/** One line of a history or audit trail: "Start time: 10:14 → 10:17". */
export type ChangeLine = { label: string; before: string; after: string };

/** "radioCallSign" → "Radio call sign". */
export function humaniseField(field: string): string {
  const words = field
    .replace(/[._]+/g, ' ')
    .replace(/([a-z\d])([A-Z])/g, '$1 $2')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * The on-screen name of a recorded field (the last part of "nodes.n1.state" for nested ones),
 * from the catalogue's `history.field.<field>`. A field the catalogue does not name is still
 * shown in words ("someField" reads "Some field"): an audit line never shows the programme's names.
 */
export function fieldLabel(field: string): string {
  if (/^nodes\.[^.]+\.state$/.test(field)) return format('history.nodeState');
  if (/^nodes\.[^.]+\.onFallback$/.test(field)) return format('history.nodeOnFallback');
  const id = `history.field.${field}`;
  return isDomainMessageId(id) ? format(id) : humaniseField(field);
}

const PHASE_LABELS = choiceLabels('phaseLabel', RESPONSE_PHASE_IDS) as Readonly<Record<string, string>>;

/**
 * Two instants as a person compares them: only the times when both fall on the same day on the
 * incident's clock ("10:14 → 10:17"), the dates as well otherwise.
 */
export function instantPair(
  before: number | null,
  after: number | null,
  timeZone: string,
  locale: DeskLocale = FALLBACK_LOCALE,
): [string, string] {
  const day = (at: number) => formatWallClock(at, timeZone, 'yyyy-MM-dd');
  const sameDay = before !== null && after !== null && day(before) === day(after);
  const show = (at: number | null) =>
    at === null
      ? format('history.value.notSet')
      : formatInstant(at, timeZone, sameDay ? 'time' : 'weekday-date-time', locale);
  return [show(before), show(after)];
}

const isInstantField = (field: string) => /At$/.test(field);

/** A recorded value in words. */
function valueInWords(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return format('history.value.notSet');
  if (typeof value === 'boolean') return format(value ? 'history.value.yes' : 'history.value.no');
  if (typeof value === 'string') {
    if (field === 'kind' && value in INCIDENT_KIND_LABELS)
      return INCIDENT_KIND_LABELS[value as keyof typeof INCIDENT_KIND_LABELS];
    if (field === 'phase' && value in PHASE_LABELS) return PHASE_LABELS[value] ?? value;
    if (field === 'owner' && value in ROLE_TITLES) return ROLE_TITLES[value as keyof typeof ROLE_TITLES];
    if (field === 'status' && value in STATUS_LABELS) return STATUS_LABELS[value as keyof typeof STATUS_LABELS];
    return value.replace(/-/g, ' ');
  }
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v === 'string' || typeof v === 'number'))
      return value.length === 0 ? format('history.value.none') : value.join(', ');
    if (field === 'nodes') return format('history.value.people', { count: value.length });
    if (field === 'phones') return format('history.value.numbers', { count: value.length });
    return format('history.value.items', { count: value.length });
  }
  return format('history.value.changed');
}

/** A recorded change as a person reads it, on the incident's clock. */
export function describeFieldChange(change: FieldChange, timeZone: string, locale?: DeskLocale): ChangeLine {
  const label = fieldLabel(change.field);
  if (isInstantField(change.field) && (typeof change.before === 'number' || typeof change.after === 'number')) {
    const [before, after] = instantPair(
      typeof change.before === 'number' ? change.before : null,
      typeof change.after === 'number' ? change.after : null,
      timeZone,
      locale,
    );
    return { label, before, after };
  }
  return { label, before: valueInWords(change.field, change.before), after: valueInWords(change.field, change.after) };
}

/** "start time and title": the fields a change touched, for its summary line. */
export function fieldList(changes: readonly Pick<FieldChange, 'field'>[]): string {
  return listOf(changes.map((c) => fieldLabel(c.field).toLowerCase()));
}

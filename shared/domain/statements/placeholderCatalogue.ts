import { format, isDomainMessageId } from '../../i18n/format';
import { formatForStatement } from './languages';
import type { EpochMs } from '../time';

/** Where the desk finds a placeholder's value by itself. */
export type AutoSource = 'city' | 'incident-date' | 'incident-time' | 'location' | 'issued-at';

export type PlaceholderInfo = {
  readonly label: string;
  readonly hint: string;
  /** Long answers (several sentences) get a text area in the form. */
  readonly long?: boolean;
  readonly auto?: AutoSource;
};

/** Placeholders the desk fills by itself, and where it finds each value. */
const AUTO_FILLED: Readonly<Record<string, AutoSource>> = {
  city: 'city',
  incident_date: 'incident-date',
  incident_time: 'incident-time',
  location: 'location',
  issued_at: 'issued-at',
};

/** Placeholders answered in several sentences (the drafting form gives them a text area), by name. */
const LONG_ANSWERS = [
  'actions_committed',
  'alternative_access',
  'change_description',
  'city_services_status',
  'city_values_line',
  'commemoration_details',
  'community_initiatives',
  'confirmed_incident_summary',
  'key_findings_summary',
  'next_steps',
  'protective_measures',
  'public_instruction',
  'public_lines_to_use',
  'public_safety_instruction',
  'service_adaptations',
  'services_restored',
  'situation_summary',
  'support_services',
  'update_content',
  'verified_facts',
];

/** Placeholders answered in a line, by name. */
const SHORT_ANSWERS = [
  'accessibility_info',
  'affected_community',
  'anniversary_number',
  'claim_summary',
  'community_leaders_met',
  'confirming_agency',
  'contact',
  'cordon_area',
  'effective_from',
  'effective_until',
  'eligible_groups',
  'escalation_contact',
  'event_date',
  'event_name',
  'event_time',
  'feedback_channel',
  'hate_incident_reporting_channel',
  'hotline',
  'incident_type',
  'languages_available',
  'lead_agency',
  'liaison_officer',
  'liaison_phone',
  'mayor_name',
  'media_enquiries_contact',
  'next_contact_date',
  'next_update_time',
  'official_info_channel',
  'online_resources_url',
  'opening_hours',
  'organisers',
  'period',
  'plan_update_date',
  'police_contact',
  'providers',
  'recipient_name',
  'report_url',
  'reporting_channel',
  'review_scope',
  'review_title',
  'road_closures',
  'safety_info',
  'service_name',
  'services_thanked',
  'staff_group',
  'support_centre_address',
  'support_hotline',
  'support_uptake_summary',
  'transport_status',
  'update_number',
  'venue',
  'vigil_details',
  'wellbeing_support',
  'wellbeing_support_details',
];

/** How the drafting form asks for each placeholder the desk knows, and where the desk finds its value by itself. */
type PlaceholderShape = Omit<PlaceholderInfo, 'label' | 'hint'>;
const PLACEHOLDER_SHAPES: Readonly<Record<string, PlaceholderShape>> = {
  ...Object.fromEntries(Object.entries(AUTO_FILLED).map(([name, auto]) => [name, { auto }])),
  ...Object.fromEntries(LONG_ANSWERS.map((name) => [name, { long: true }])),
  ...Object.fromEntries(SHORT_ANSWERS.map((name) => [name, {}])),
};

/** A placeholder's words in the desk's language: its label, and a hint (empty when it has none). */
function placeholderWords(name: string, kind: 'label' | 'hint'): string {
  const id = `placeholder.${kind}.${name}`;
  return isDomainMessageId(id) ? format(id) : '';
}

/**
 * The placeholders the desk knows, with a label and a hint for the drafting form, read from the
 * catalogue each time they are asked for (`placeholder.label.<name>`, `placeholder.hint.<name>`).
 * A template may use others (the city's own); they are asked for with a label made from their name.
 */
export const KNOWN_PLACEHOLDERS: Readonly<Record<string, PlaceholderInfo>> = Object.freeze(
  Object.fromEntries(
    Object.entries(PLACEHOLDER_SHAPES).map(([name, shape]): [string, PlaceholderInfo] => [
      name,
      Object.freeze(
        Object.defineProperties(
          { ...shape },
          {
            label: { enumerable: true, get: () => placeholderWords(name, 'label') },
            hint: { enumerable: true, get: () => placeholderWords(name, 'hint') },
          },
        ) as PlaceholderInfo,
      ),
    ]),
  ),
);

/** True when the desk knows this placeholder; other names are the city's own. */
export const isKnownPlaceholder = (name: string): boolean => Object.hasOwn(KNOWN_PLACEHOLDERS, name);

/** The form's label for a placeholder: the known label, or the name made readable. */
export function placeholderLabel(name: string): string {
  const known = KNOWN_PLACEHOLDERS[name];
  if (known) return known.label;
  const words = name.replace(/_+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const ARABIC_COMMA_LANGUAGES = new Set(['ar', 'fa', 'ur']);

/** What the desk can fill by itself. */
export type AutoFillContext = {
  readonly cityName: string;
  readonly incident: { readonly startAt: EpochMs; readonly timeZone: string; readonly location: string };
  readonly language: string;
  readonly now: EpochMs;
};

/**
 * The values known from the incident record and the settings, for the placeholders of `names`:
 * times read on the incident's clock and written in the statement's language.
 */
export function autoFillValues(names: readonly string[], ctx: AutoFillContext): Record<string, string> {
  const { incident, language } = ctx;
  const values: Record<string, string> = {};
  for (const name of names) {
    const source = KNOWN_PLACEHOLDERS[name]?.auto;
    if (source === undefined) continue;
    const value = autoValue(source, ctx, incident, language);
    if (value.trim() !== '') values[name] = value;
  }
  return values;
}

function autoValue(
  source: AutoSource,
  ctx: AutoFillContext,
  incident: AutoFillContext['incident'],
  language: string,
): string {
  switch (source) {
    case 'city':
      return ctx.cityName;
    case 'incident-date':
      return formatForStatement(incident.startAt, incident.timeZone, language, 'date');
    case 'incident-time':
      return formatForStatement(incident.startAt, incident.timeZone, language, 'time');
    case 'location':
      return incident.location;
    case 'issued-at':
      return `${formatForStatement(ctx.now, incident.timeZone, language, 'time')}${ARABIC_COMMA_LANGUAGES.has(language.split('-')[0] ?? '') ? '، ' : ', '}${formatForStatement(ctx.now, incident.timeZone, language, 'date')}`;
  }
}

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

/** How the drafting form asks for each placeholder the desk knows, and where the desk finds its value by itself. */
type PlaceholderShape = Omit<PlaceholderInfo, 'label' | 'hint'>;
const PLACEHOLDER_SHAPES: Readonly<Record<string, PlaceholderShape>> = {
  city: { auto: 'city' },
  mayor_name: {},
  incident_type: {},
  incident_date: { auto: 'incident-date' },
  incident_time: { auto: 'incident-time' },
  location: { auto: 'location' },
  lead_agency: {},
  public_safety_instruction: { long: true },
  public_instruction: { long: true },
  official_info_channel: {},
  next_update_time: {},
  confirmed_incident_summary: { long: true },
  affected_community: {},
  city_values_line: { long: true },
  support_hotline: {},
  hotline: {},
  vigil_details: {},
  update_number: {},
  issued_at: { auto: 'issued-at' },
  cordon_area: {},
  road_closures: {},
  transport_status: {},
  city_services_status: { long: true },
  claim_summary: {},
  verified_facts: { long: true },
  confirming_agency: {},
  reporting_channel: {},
  support_centre_address: {},
  opening_hours: {},
  languages_available: {},
  eligible_groups: {},
  providers: {},
  online_resources_url: {},
  community_leaders_met: {},
  protective_measures: { long: true },
  hate_incident_reporting_channel: {},
  police_contact: {},
  staff_group: {},
  situation_summary: { long: true },
  service_adaptations: { long: true },
  public_lines_to_use: { long: true },
  media_enquiries_contact: {},
  wellbeing_support: {},
  escalation_contact: {},
  service_name: {},
  change_description: { long: true },
  effective_from: {},
  effective_until: {},
  alternative_access: { long: true },
  contact: {},
  recipient_name: {},
  liaison_officer: {},
  liaison_phone: {},
  update_content: { long: true },
  support_services: { long: true },
  next_contact_date: {},
  event_name: {},
  event_date: {},
  event_time: {},
  venue: {},
  organisers: {},
  accessibility_info: {},
  safety_info: {},
  services_thanked: {},
  wellbeing_support_details: {},
  period: {},
  services_restored: { long: true },
  support_uptake_summary: {},
  community_initiatives: { long: true },
  next_steps: { long: true },
  feedback_channel: {},
  anniversary_number: {},
  commemoration_details: { long: true },
  review_title: {},
  review_scope: {},
  key_findings_summary: { long: true },
  actions_committed: { long: true },
  plan_update_date: {},
  report_url: {},
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

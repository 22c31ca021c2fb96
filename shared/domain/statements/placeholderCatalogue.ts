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

/**
 * The placeholders the desk knows, with a label and a hint for the drafting form. A template may
 * use others (the city's own); they are asked for with a label made from their name.
 */
export const KNOWN_PLACEHOLDERS: Readonly<Record<string, PlaceholderInfo>> = {
  city: { label: 'City', hint: 'From the desk settings.', auto: 'city' },
  mayor_name: { label: "Mayor's name and title", hint: 'As it should be signed, e.g. “Mayor Anna Hansen”.' },
  incident_type: {
    label: 'What happened',
    hint: 'A neutral, confirmed description, e.g. “a vehicle was driven into pedestrians”.',
  },
  incident_date: {
    label: 'Date of the incident',
    hint: "From the incident record, in the incident's time zone.",
    auto: 'incident-date',
  },
  incident_time: {
    label: 'Time the incident began',
    hint: "From the incident record, in the incident's time zone.",
    auto: 'incident-time',
  },
  location: { label: 'Location', hint: 'How the public knows the place. From the incident record.', auto: 'location' },
  lead_agency: { label: 'Lead agency', hint: 'Who leads the security and operational response, e.g. “the police”.' },
  public_safety_instruction: {
    label: 'What residents should do now',
    hint: 'Agreed with the lead agency.',
    long: true,
  },
  public_instruction: { label: 'What residents should do now', hint: 'Agreed with the lead agency.', long: true },
  official_info_channel: {
    label: 'Official source for updates',
    hint: 'The website, account or radio station people should follow.',
  },
  next_update_time: { label: 'Time of the next update', hint: 'A time you can keep, e.g. “18:00 today”.' },
  confirmed_incident_summary: {
    label: 'Confirmed facts',
    hint: 'Only what the lead agency has confirmed.',
    long: true,
  },
  affected_community: {
    label: 'Community affected',
    hint: "Named as the community names itself; check the city's glossary.",
  },
  city_values_line: {
    label: 'What the city stands for',
    hint: 'One sentence on shared identity and values.',
    long: true,
  },
  support_hotline: { label: 'Support line', hint: 'Number and hours.' },
  hotline: { label: 'Support line', hint: 'Number and hours.' },
  vigil_details: { label: 'Vigil', hint: 'When and where, if one is planned and agreed with the families.' },
  update_number: { label: 'Update number', hint: 'The sequence number of this update.' },
  issued_at: {
    label: 'Time of issue',
    hint: "Now, on the incident's clock. Change it if you issue later.",
    auto: 'issued-at',
  },
  cordon_area: { label: 'Area closed', hint: 'As the police describe it.' },
  road_closures: { label: 'Roads closed', hint: '' },
  transport_status: { label: 'Public transport', hint: '' },
  city_services_status: { label: 'City services', hint: 'What is open, closed or moved.', long: true },
  claim_summary: {
    label: 'The circulating claim',
    hint: 'Summed up neutrally, without repeating its most shareable wording.',
  },
  verified_facts: { label: 'The verified facts', hint: 'What replaces the claim.', long: true },
  confirming_agency: { label: 'Confirmed by', hint: 'The agency that confirmed the facts.' },
  reporting_channel: { label: 'Where to report false content', hint: '' },
  support_centre_address: { label: 'Support centre address', hint: '' },
  opening_hours: { label: 'Opening hours', hint: '' },
  languages_available: { label: 'Languages available', hint: '' },
  eligible_groups: { label: 'Who can use the support', hint: 'Survivors, families, witnesses, responders, residents.' },
  providers: { label: 'Organisations providing support', hint: '' },
  online_resources_url: { label: 'Online resources', hint: 'A web address.' },
  community_leaders_met: { label: 'Community leaders met', hint: 'Only those who agreed to be named.' },
  protective_measures: { label: 'Protective measures', hint: 'As agreed with the police.', long: true },
  hate_incident_reporting_channel: { label: 'How to report hate incidents', hint: '' },
  police_contact: { label: 'Police contact', hint: '' },
  staff_group: { label: 'Staff addressed', hint: '' },
  situation_summary: { label: 'Situation', hint: 'For staff, confirmed facts only.', long: true },
  service_adaptations: { label: 'How services change', hint: '', long: true },
  public_lines_to_use: { label: 'Lines staff may use in public', hint: '', long: true },
  media_enquiries_contact: { label: 'Press office contact', hint: '' },
  wellbeing_support: { label: 'Wellbeing support for staff', hint: '' },
  escalation_contact: { label: 'Who staff escalate to', hint: '' },
  service_name: { label: 'Service', hint: '' },
  change_description: { label: 'What changes', hint: '', long: true },
  effective_from: { label: 'From', hint: '' },
  effective_until: { label: 'Until (or review date)', hint: '' },
  alternative_access: { label: 'Alternative access', hint: '', long: true },
  contact: { label: 'Contact', hint: '' },
  recipient_name: { label: 'Recipient', hint: '' },
  liaison_officer: { label: 'Liaison officer', hint: '' },
  liaison_phone: { label: "Liaison officer's phone", hint: '' },
  update_content: { label: 'Update', hint: '', long: true },
  support_services: { label: 'Support services', hint: '', long: true },
  next_contact_date: { label: 'Next contact', hint: '' },
  event_name: { label: 'Event', hint: '' },
  event_date: { label: 'Date', hint: '' },
  event_time: { label: 'Time', hint: '' },
  venue: { label: 'Venue', hint: '' },
  organisers: { label: 'Organisers', hint: '' },
  accessibility_info: { label: 'Accessibility', hint: '' },
  safety_info: { label: 'Safety arrangements', hint: 'As agreed with the police.' },
  services_thanked: { label: 'Services and teams thanked', hint: '' },
  wellbeing_support_details: { label: 'Wellbeing support for responders', hint: '' },
  period: { label: 'Period covered', hint: '' },
  services_restored: { label: 'Services restored', hint: '', long: true },
  support_uptake_summary: { label: 'Support uptake', hint: 'Aggregate figures only.' },
  community_initiatives: { label: 'Community initiatives', hint: '', long: true },
  next_steps: { label: 'Next steps', hint: '', long: true },
  feedback_channel: { label: 'Where residents can give feedback', hint: '' },
  anniversary_number: { label: 'Which anniversary', hint: 'e.g. “first”.' },
  commemoration_details: { label: 'Commemoration', hint: 'Agreed with the families.', long: true },
  review_title: { label: 'Title of the review', hint: '' },
  review_scope: { label: 'Scope', hint: '' },
  key_findings_summary: { label: 'Key findings', hint: '', long: true },
  actions_committed: { label: 'Actions committed', hint: '', long: true },
  plan_update_date: { label: 'Date the plan was updated', hint: '' },
  report_url: { label: 'Where to read the report', hint: '' },
};

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

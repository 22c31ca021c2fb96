import { describe, expect, it } from 'vitest';

import { isKnownPlaceholder } from '@shared/domain/statements/placeholderCatalogue';
import { fillTemplate, placeholderNames } from '@shared/domain/statements/placeholders';
import {
  glossaryToLines,
  guidanceFromLines,
  parseGlossaryLines,
  seedTemplateRows,
  typeKeyFromTitle,
  validateTemplateInput,
  type TemplateInput,
} from '@shared/domain/statements/templates';
import { StatementTemplateRowSchema } from '@shared/schemas/statements';

import { actor } from '../../factories/incident';

/**
 * The guide's statement types and the placeholders each is written with. "families_consulted"
 * is an internal check, not printed: it is a ticked item of the vigil and anniversary guidance.
 */
const GUIDE_TYPES: Record<string, string[]> = {
  'initial-holding-statement': [
    'city',
    'mayor_name',
    'incident_type',
    'incident_date',
    'incident_time',
    'location',
    'lead_agency',
    'public_safety_instruction',
    'official_info_channel',
    'next_update_time',
  ],
  'unity-and-solidarity': [
    'city',
    'mayor_name',
    'confirmed_incident_summary',
    'affected_community',
    'city_values_line',
    'support_hotline',
    'vigil_details',
  ],
  'public-safety-update': [
    'update_number',
    'issued_at',
    'lead_agency',
    'cordon_area',
    'road_closures',
    'transport_status',
    'city_services_status',
    'public_instruction',
    'official_info_channel',
    'next_update_time',
  ],
  'rumour-control': [
    'claim_summary',
    'verified_facts',
    'confirming_agency',
    'official_info_channel',
    'reporting_channel',
    'issued_at',
  ],
  'support-services': [
    'hotline',
    'support_centre_address',
    'opening_hours',
    'languages_available',
    'eligible_groups',
    'providers',
    'online_resources_url',
  ],
  'community-reassurance': [
    'affected_community',
    'community_leaders_met',
    'protective_measures',
    'hate_incident_reporting_channel',
    'police_contact',
    'languages_available',
  ],
  'staff-briefing': [
    'staff_group',
    'situation_summary',
    'service_adaptations',
    'public_lines_to_use',
    'media_enquiries_contact',
    'wellbeing_support',
    'escalation_contact',
  ],
  'service-continuity-notice': [
    'service_name',
    'change_description',
    'effective_from',
    'effective_until',
    'alternative_access',
    'contact',
  ],
  'survivor-family-update': [
    'recipient_name',
    'liaison_officer',
    'liaison_phone',
    'update_content',
    'support_services',
    'next_contact_date',
  ],
  'vigil-memorial-announcement': [
    'event_name',
    'event_date',
    'event_time',
    'venue',
    'organisers',
    'accessibility_info',
    'safety_info',
  ],
  'frontline-recognition': ['services_thanked', 'mayor_name', 'wellbeing_support_details'],
  'recovery-progress-update': [
    'period',
    'services_restored',
    'support_uptake_summary',
    'community_initiatives',
    'next_steps',
    'feedback_channel',
  ],
  'anniversary-statement': ['anniversary_number', 'incident_date', 'city', 'commemoration_details', 'support_services'],
  'lessons-learned-notice': [
    'review_title',
    'review_scope',
    'key_findings_summary',
    'actions_committed',
    'plan_update_date',
    'report_url',
  ],
};

const rows = seedTemplateRows(actor());

describe('the template library the desk ships', () => {
  it('has every statement type of the guide in English, each with its placeholders', () => {
    for (const [type, placeholders] of Object.entries(GUIDE_TYPES)) {
      const en = rows.find((r) => r.type === type && r.language === 'en');
      expect(en, type).toBeDefined();
      expect(new Set(placeholderNames(en!.body)), type).toEqual(new Set(placeholders));
    }
  });

  it('has an Arabic holding statement with the same placeholders as the English one', () => {
    const ar = rows.find((r) => r.type === 'initial-holding-statement' && r.language === 'ar')!;
    const en = rows.find((r) => r.type === 'initial-holding-statement' && r.language === 'en')!;
    expect(new Set(placeholderNames(ar.body))).toEqual(new Set(placeholderNames(en.body)));
    expect(ar.body).toMatch(/[\u0600-\u06FF]/);
  });

  it('gives every template a purpose, dos and don’ts with their basis, and the guide’s pages', () => {
    for (const r of rows) {
      expect(StatementTemplateRowSchema.safeParse(r).success, r.id).toBe(true);
      expect(r.purpose.length, r.id).toBeGreaterThan(20);
      expect(r.dos.length, r.id).toBeGreaterThan(0);
      expect(r.donts.length, r.id).toBeGreaterThan(0);
      expect(r.pages.length, r.id).toBeGreaterThan(0);
      expect(fillTemplate(r.body, {}).malformed, r.id).toEqual([]);
      expect(placeholderNames(r.body).every(isKnownPlaceholder), r.id).toBe(true);
    }
  });

  it('gives seeded templates fixed ids, so seeding is repeatable', () => {
    expect(seedTemplateRows(actor()).map((r) => r.id)).toEqual(rows.map((r) => r.id));
    expect(rows.map((r) => r.id)).toContain('stt_initial-holding-statement_ar');
  });
});

describe('template editing', () => {
  const input: TemplateInput = {
    type: 'school-closure-notice',
    language: 'en',
    title: 'School closure',
    purpose: '',
    audience: 'public',
    body: 'Schools in {{district}} close at {{time}}.',
    dos: [],
    donts: [],
    pages: [],
  };

  it('accepts the city’s own placeholders and names them', () => {
    expect(validateTemplateInput(input)).toEqual({
      ok: true,
      value: { placeholders: ['district', 'time'], custom: ['district', 'time'] },
    });
  });

  it('names every problem by field', () => {
    const r = validateTemplateInput({
      ...input,
      type: 'School Closure',
      language: 'English',
      title: ' ',
      body: 'At {{venue',
    });
    expect(r.ok ? null : r.error).toEqual({
      type: 'Use a short key of lower-case letters, digits and - (e.g. school-closure-notice).',
      language: '“English” is not a language code. Use two letters such as en, ar or nb.',
      title: 'Give the template a title.',
      body: 'Line 1: “{{” is not closed with }} on the same line. Close it, or write \\{{ for literal braces.',
    });
  });

  it('keeps the ids of unchanged dos and numbers new ones as the city’s', () => {
    const previous = [{ id: 'do-1', text: 'Keep a calm tone', basis: 'stated' as const }];
    expect(guidanceFromLines('do', 'Keep a calm tone\n\nThank the volunteers\n', previous)).toEqual([
      { id: 'do-1', text: 'Keep a calm tone', basis: 'stated' },
      { id: 'do-2', text: 'Thank the volunteers', basis: 'city' },
    ]);
  });

  it('reads and writes the glossary one term per line, naming bad lines', () => {
    const text = 'illegals => migrants | Dehumanising.\nthose people';
    const parsed = parseGlossaryLines(text);
    expect(parsed).toEqual({
      ok: true,
      value: [
        { avoid: 'illegals', prefer: 'migrants', note: 'Dehumanising.' },
        { avoid: 'those people', prefer: '', note: '' },
      ],
    });
    if (parsed.ok) expect(glossaryToLines(parsed.value)).toBe(text);
    expect(parseGlossaryLines('x => y')).toEqual({
      ok: false,
      error: ['Line 1: “x => y” needs a term to avoid of 2 to 120 characters before “=>”.'],
    });
  });

  it('makes a type key for the city’s own templates from the title', () => {
    expect(typeKeyFromTitle('School closure — Øst')).toBe('city-school-closure-st');
    expect(typeKeyFromTitle('!!!')).toBe('city-template');
  });
});

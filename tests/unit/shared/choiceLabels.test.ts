import { afterEach, describe, expect, it } from 'vitest';

import { choiceId, choiceLists } from '@shared/i18n/choices';
import { setDomainLanguage } from '@shared/i18n/format';
import { en } from '@shared/i18n/messages/en';
import { INCIDENT_KINDS } from '@shared/schemas/entities';
import { TIMELINE_CATEGORIES, VERIFICATION_STATES } from '@shared/schemas/timeline';
import { CALL_STATES } from '@shared/schemas/contacts';
import { CHECKLIST_STATUSES, GUIDE_BASES, OFFSET_UNITS, CHECKLIST_ROLE_IDS } from '@shared/schemas/checklists';
import { RELEASE_CHANNELS, STATEMENT_STATUSES } from '@shared/schemas/statements';
import { LESSON_KINDS, LESSON_KIND_HEADINGS, LESSON_KIND_LABELS } from '@shared/schemas/lessons';
import { PUBLISHED_VIA } from '@shared/schemas/publishedHeads';
import { RESPONSE_PHASE_IDS, responsePhase } from '@shared/domain/guide/phases';
import { INCIDENT_KIND_LABELS } from '@shared/domain/incident/commands';
import { CATEGORY_LABELS, VERIFICATION_LABELS } from '@shared/domain/timeline/entryForm';
import { CALL_STATE_LABELS } from '@shared/domain/contacts/activation';
import { STATUS_LABELS as ITEM_STATUS_LABELS } from '@shared/domain/checklists/items';
import { OFFSET_UNIT_LABELS } from '@shared/domain/checklists/due';
import { BASIS_LABELS } from '@shared/domain/checklists/citations';
import { ROLE_TITLES } from '@shared/domain/checklists/roles';
import { CHANNEL_LABELS, STATUS_LABELS } from '@shared/domain/statements/workflow';
import { TRANSLATION_STATES, TRANSLATION_STATE_LABELS } from '@shared/domain/statements/translations';
import { TEXT_ENCODINGS, encodingLabel } from '@shared/domain/text/encoding';
import { AUDIENCE_PROFILES, PROFILE_LABELS, RECORD_SECTIONS, SECTION_LABELS } from '@shared/domain/record/profiles';
import { COUNT_LABELS } from '@shared/domain/record/reportModel';

// Every list of choices a person picks from or reads, with the codes its schema allows.
const EXPECTED: Record<string, readonly string[]> = {
  incidentKind: INCIDENT_KINDS,
  category: TIMELINE_CATEGORIES,
  verification: VERIFICATION_STATES,
  callState: CALL_STATES,
  checklistStatus: CHECKLIST_STATUSES,
  offsetUnit: OFFSET_UNITS,
  guideBasis: GUIDE_BASES,
  role: CHECKLIST_ROLE_IDS,
  statementStatus: STATEMENT_STATUSES,
  releaseChannel: RELEASE_CHANNELS,
  translationState: TRANSLATION_STATES,
  lessonKind: LESSON_KINDS,
  lessonKindHeading: LESSON_KINDS,
  publishedVia: PUBLISHED_VIA,
  phaseTitle: RESPONSE_PHASE_IDS,
  phaseLabel: RESPONSE_PHASE_IDS,
  encoding: TEXT_ENCODINGS.map((e) => e.id),
  audienceProfile: AUDIENCE_PROFILES,
  audienceDescription: AUDIENCE_PROFILES,
  recordSection: RECORD_SECTIONS,
  recordCount: Object.keys(COUNT_LABELS),
};

afterEach(() => setDomainLanguage('en', {}));

describe('names of choices', () => {
  it('every code of every list of choices has a message in the English catalogue', () => {
    const unnamed = [...choiceLists()].flatMap(([list, codes]) =>
      codes.map((code) => choiceId(list, code)).filter((id) => !(id in en)),
    );
    expect(unnamed).toEqual([]);
  });

  it('every list a schema allows is named through the catalogue, with all of its codes', () => {
    for (const [list, codes] of Object.entries(EXPECTED)) expect(choiceLists().get(list), list).toEqual(codes);
  });

  it('the catalogue has no name for a choice that no list offers', () => {
    const offered = new Set([...choiceLists()].flatMap(([list, codes]) => codes.map((c) => choiceId(list, c))));
    expect(Object.keys(en).filter((id) => id.startsWith('choice.') && !offered.has(id))).toEqual([]);
  });

  it('reads the English names as before', () => {
    expect(CATEGORY_LABELS.rumour).toBe('Rumour / misinformation');
    expect(VERIFICATION_LABELS.confirmed).toBe('Confirmed');
    expect(INCIDENT_KIND_LABELS['hate-incident']).toBe('Hate incident');
    expect(CALL_STATE_LABELS['message-left']).toBe('message left');
    expect(ITEM_STATUS_LABELS['not-applicable']).toBe('Not applicable');
    expect(OFFSET_UNIT_LABELS.months).toBe('months');
    expect(BASIS_LABELS.generalised).toBe('Practice suggestion (not the guide’s words)');
    expect(ROLE_TITLES['chief-of-staff']).toBe("Chief of staff / senior officials' lead");
    expect(STATUS_LABELS['in-review']).toBe('In review');
    expect(CHANNEL_LABELS['social-media']).toBe('Social media');
    expect(TRANSLATION_STATE_LABELS['out-of-date']).toBe('Out of date');
    expect(LESSON_KIND_LABELS.improvement).toBe('Area for improvement');
    expect(LESSON_KIND_HEADINGS.improvement).toBe('Areas for improvement');
    expect(responsePhase('immediate').title).toBe('Immediate aftermath (first hours)');
    expect(responsePhase('long-term').label).toBe('Long-term recovery');
    expect(encodingLabel('utf-16le')).toBe('UTF-16, little-endian (Excel’s “Unicode text”)');
    expect(Object.keys(CATEGORY_LABELS)).toEqual([...TIMELINE_CATEGORIES]);
    expect(SECTION_LABELS.timeline).toBe('Timeline, with every revision');
    expect(PROFILE_LABELS.council.title).toBe('Council');
    expect(COUNT_LABELS.releases).toBe('Releases of statements');
  });

  it('speaks the language chosen after the names were first read, and falls back to English', () => {
    expect(CATEGORY_LABELS.event).toBe('Event');
    setDomainLanguage('nb', { 'choice.category.event': 'Hendelse', 'choice.phaseLabel.immediate': 'Første timer' });
    expect(CATEGORY_LABELS.event).toBe('Hendelse');
    expect(responsePhase('immediate').label).toBe('Første timer');
    expect(CATEGORY_LABELS.decision).toBe('Decision');
  });
});

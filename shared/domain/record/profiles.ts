/**
 * Who the after-action record is for decides what it may contain. Every redaction a profile
 * makes is listed in the record itself, so a reader knows what was left out and why; what each
 * profile includes and withholds is written into the record too (AUDIENCE_RULES).
 */
export const AUDIENCE_PROFILES = ['internal', 'council', 'public'] as const;
export type AudienceProfile = (typeof AUDIENCE_PROFILES)[number];

export const PROFILE_LABELS: Record<AudienceProfile, { title: string; description: string }> = {
  internal: { title: 'Internal', description: 'Everything, for the crisis team and an inquiry.' },
  council: {
    title: 'Council',
    description:
      'Every decision and who took it; no personal contact details, no review comments or reasons for overriding a warning.',
  },
  public: {
    title: 'Public',
    description:
      'What residents were told and what the city did: released statements, entries marked releasable, no personal data, no names you list below (victims, witnesses).',
  },
};

/**
 * FORMAT: what each edition includes and withholds, in words. Written into every record (its
 * `audience` field) and into the README, so a reader of any edition knows its rules.
 */
export const AUDIENCE_RULES: Record<AudienceProfile, { includes: readonly string[]; withholds: readonly string[] }> = {
  internal: {
    includes: [
      'Every timeline entry with every revision, word for word, and the whole hash chain.',
      'Every statement: each release with its exact text and approval, later versions never released, and the whole review trail with comments and the reasons given for overriding sensitivity warnings.',
      'Call-tree activations with every call and its notes; checklists with their notes; lessons learned.',
      'The full audit trail of the incident, with every field change.',
      'The rows that rebuild the incident on another desk.',
    ],
    withholds: [
      'Phone numbers, email addresses and call signs of the people called, unless the operator ticked the box for this export.',
      'The contact details of anyone marked “do not share”, always.',
    ],
  },
  council: {
    includes: [
      'Every timeline entry with every revision (text with personal data replaced by markers).',
      'Every statement: each release with its exact text and approval (approver, role, time, SHA-256), later approved or draft versions never released, and who sent, returned, approved and released each version, and when.',
      'Call-tree activations (who was reached and when, with call notes), checklists with their notes, lessons learned.',
      'The audit trail of the incident: who did what and when, without field-level detail.',
    ],
    withholds: [
      'Phone numbers and email addresses, wherever they were typed, and all personal contact details.',
      'The names and numbers of people marked “do not share”, wherever they appear.',
      'The words of internal deliberation: reviewers’ comments and the reasons drafters gave for sending past a sensitivity warning.',
      'Field-level changes in the audit trail (values before and after).',
    ],
  },
  public: {
    includes: [
      'Timeline entries marked releasable to the public, as they read now.',
      'Every statement released to the public: each release with its exact text, version, channels, time and approval (approver, role, time, SHA-256); a withdrawal and its reason.',
      'Call-tree activations: who was reached and when, by role and name (never a person marked “do not share”).',
      'Checklists: what was done and when, without working notes; lessons learned.',
    ],
    withholds: [
      'Timeline entries marked internal only, and the earlier wording of corrected entries.',
      'Statements never released, versions never released, and the review trail (comments, reasons for overriding sensitivity warnings).',
      'Call notes, checklist notes, and the audit trail (the team’s working log).',
      'Phone numbers, email addresses and all personal contact details; the names and numbers of people marked “do not share”.',
      'Names listed to withhold, and every suspect and every victim without recorded consent that a statement’s drafter listed.',
    ],
  },
};

export const RECORD_SECTIONS = [
  'summary',
  'timeline',
  'decisions',
  'statements',
  'activations',
  'checklists',
  'lessons',
  'audit',
  'integrity',
] as const;
export type RecordSection = (typeof RECORD_SECTIONS)[number];

export const SECTION_LABELS: Record<RecordSection, string> = {
  summary: 'Summary',
  timeline: 'Timeline, with every revision',
  decisions: 'Decisions log',
  statements: 'Statements and their approvals',
  activations: 'Call-tree activations',
  checklists: 'Recovery checklists',
  lessons: 'Lessons learned',
  audit: 'Audit trail',
  integrity: 'Integrity',
};

/** Sections an audience never receives, whatever is ticked: the public gets no audit trail. */
export const SECTIONS_WITHHELD: Record<AudienceProfile, readonly RecordSection[]> = {
  internal: [],
  council: [],
  public: ['audit'],
};

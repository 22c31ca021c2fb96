/**
 * Who the after-action record is for decides what it may contain. Every redaction a profile
 * makes is listed in the record itself, so a reader knows what was left out and why; what each
 * profile includes and withholds is written into the record too (audienceRules).
 */
import { choiceLabels } from '../../i18n/choices';
import { format, type DomainMessageId } from '../../i18n/format';

export const AUDIENCE_PROFILES = ['internal', 'council', 'public'] as const;
export type AudienceProfile = (typeof AUDIENCE_PROFILES)[number];

/** An edition's name and who it is for, in the desk's language when read. */
export const PROFILE_LABELS: Readonly<
  Record<AudienceProfile, { readonly title: string; readonly description: string }>
> = (() => {
  const titles = choiceLabels('audienceProfile', AUDIENCE_PROFILES);
  const descriptions = choiceLabels('audienceDescription', AUDIENCE_PROFILES);
  const labels = {} as Record<AudienceProfile, { title: string; description: string }>;
  for (const p of AUDIENCE_PROFILES)
    Object.defineProperty(labels, p, {
      enumerable: true,
      get: () => ({ title: titles[p], description: descriptions[p] }),
    });
  return Object.freeze(labels);
})();

/** FORMAT: the catalogue messages of each edition's rules, in the order the record lists them. */
const AUDIENCE_RULE_IDS: Record<
  AudienceProfile,
  { includes: readonly DomainMessageId[]; withholds: readonly DomainMessageId[] }
> = {
  internal: {
    includes: [
      'record.audience.internal.includes.1',
      'record.audience.internal.includes.2',
      'record.audience.internal.includes.3',
      'record.audience.internal.includes.4',
      'record.audience.internal.includes.5',
    ],
    withholds: ['record.audience.internal.withholds.1', 'record.audience.internal.withholds.2'],
  },
  council: {
    includes: [
      'record.audience.council.includes.1',
      'record.audience.council.includes.2',
      'record.audience.council.includes.3',
      'record.audience.council.includes.4',
    ],
    withholds: [
      'record.audience.council.withholds.1',
      'record.audience.council.withholds.2',
      'record.audience.council.withholds.3',
      'record.audience.council.withholds.4',
    ],
  },
  public: {
    includes: [
      'record.audience.public.includes.1',
      'record.audience.public.includes.2',
      'record.audience.public.includes.3',
      'record.audience.public.includes.4',
    ],
    withholds: [
      'record.audience.public.withholds.1',
      'record.audience.public.withholds.2',
      'record.audience.public.withholds.3',
      'record.audience.public.withholds.4',
      'record.audience.public.withholds.5',
    ],
  },
};

/**
 * FORMAT: what each edition includes and withholds, in words. Written into every record (its
 * `audience` field) in the desk's language at export, and into the README, so a reader of any
 * edition knows its rules. Read when asked, so a language chosen after start-up is the one written.
 */
export function audienceRules(profile: AudienceProfile): { includes: string[]; withholds: string[] } {
  const ids = AUDIENCE_RULE_IDS[profile];
  return { includes: ids.includes.map((id) => format(id)), withholds: ids.withholds.map((id) => format(id)) };
}

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

export const SECTION_LABELS = choiceLabels('recordSection', RECORD_SECTIONS);

/** Sections an audience never receives, whatever is ticked: the public gets no audit trail. */
export const SECTIONS_WITHHELD: Record<AudienceProfile, readonly RecordSection[]> = {
  internal: [],
  council: [],
  public: ['audit'],
};

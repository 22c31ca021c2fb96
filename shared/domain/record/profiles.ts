/**
 * Who the after-action record is for decides what it may contain. Every redaction a profile
 * makes is listed in the record itself, so a reader knows what was left out and why.
 */
export const AUDIENCE_PROFILES = ['internal', 'council', 'public'] as const;
export type AudienceProfile = (typeof AUDIENCE_PROFILES)[number];

export const PROFILE_LABELS: Record<AudienceProfile, { title: string; description: string }> = {
  internal: { title: 'Internal', description: 'Everything, for the crisis team and an inquiry.' },
  council: { title: 'Council', description: 'No personal contact details (phone numbers, email addresses, call signs).' },
  public: {
    title: 'Public',
    description: 'No personal contact details, no names you list below (victims, witnesses), and only timeline entries marked releasable.',
  },
};

export const RECORD_SECTIONS = ['summary', 'timeline', 'decisions', 'statements', 'activations', 'checklists', 'lessons', 'audit', 'integrity'] as const;
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

export type Redaction = { what: string; why: string; count: number };

/** Field names that hold personal contact details, wherever they appear in a record. */
const CONTACT_FIELDS = /^(phone|phones|phoneNumbers|phoneKeys|email|emails|callSign|radioCallSign|address|mobile)$/i;

/** Removes personal contact details from any record, however nested; counts the records (people) it took them from. */
export function scrubContactDetails<T>(value: T): { value: T; removed: number } {
  let removed = 0;
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v === null || typeof v !== 'object') return v;
    const out: Record<string, unknown> = {};
    let took = false;
    for (const [k, inner] of Object.entries(v)) {
      if (CONTACT_FIELDS.test(k)) {
        took = true;
        continue;
      }
      out[k] = walk(inner);
    }
    if (took) removed += 1;
    return out;
  };
  return { value: walk(value) as T, removed };
}

/** Replaces each listed name in every string of a record with "[name withheld]". */
export function withholdNames<T>(value: T, names: readonly string[]): { value: T; replaced: number } {
  const clean = names.map((n) => n.trim()).filter((n) => n.length >= 2);
  if (clean.length === 0) return { value, replaced: 0 };
  const escaped = clean.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  let replaced = 0;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') {
      return v.replace(pattern, () => {
        replaced += 1;
        return '[name withheld]';
      });
    }
    if (Array.isArray(v)) return v.map(walk);
    if (v === null || typeof v !== 'object') return v;
    return Object.fromEntries(Object.entries(v).map(([k, inner]) => [k, walk(inner)]));
  };
  return { value: walk(value) as T, replaced };
}

import type { DeskLocale } from '../locale/deskLocale';
import { instantPair, type ChangeLine } from '../changeWording';
import type { EntryContent, EntryLink, TimelineRevision } from '../../schemas/timeline';
import { CATEGORY_LABELS, VERIFICATION_LABELS } from './entryForm';
import { format, type DomainMessageId } from '../../i18n/format';

/** What each field of an entry is called on screen, in the form's order. */
export const ENTRY_FIELD_LABELS: Readonly<Record<keyof EntryContent, DomainMessageId>> = {
  occurredAt: 'history.entryField.occurredAt',
  occurredPrecision: 'history.entryField.occurredPrecision',
  reportedAt: 'history.entryField.reportedAt',
  category: 'history.entryField.category',
  title: 'history.entryField.title',
  body: 'history.entryField.body',
  source: 'history.entryField.source',
  sourceContactId: 'history.entryField.sourceContactId',
  verification: 'history.entryField.verification',
  tags: 'history.entryField.tags',
  release: 'history.entryField.release',
  links: 'history.entryField.links',
  onBehalfOf: 'history.entryField.onBehalfOf',
  transcribed: 'history.entryField.transcribed',
  retracted: 'history.entryField.retracted',
  retractionReason: 'history.entryField.retractionReason',
};

/** Fields that are not the entry's content: verification and retraction have their own marks. */
const NOT_CONTENT: readonly (keyof EntryContent)[] = ['verification', 'retracted', 'retractionReason'];
/** Shown by the revision's own heading and reason, not as a change line. */
const SHOWN_ELSEWHERE: readonly (keyof EntryContent)[] = ['retracted', 'retractionReason'];

export type WordingContext = {
  timeZone: string;
  /** The desk's locale: times in the history follow its clock. */
  locale?: DeskLocale;
  /** The name of a contact, or undefined when it is not on this desk. */
  contactName: (id: string) => string | undefined;
  describeLink: (link: EntryLink) => string;
};

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields that differ between two contents, in the form's order. */
export function changedFields(prev: EntryContent, next: EntryContent): (keyof EntryContent)[] {
  return (Object.keys(ENTRY_FIELD_LABELS) as (keyof EntryContent)[]).filter((k) => !same(prev[k], next[k]));
}

/** True when a revision changed what the entry says, not only its verification or retraction. */
export function isContentCorrection(prev: EntryContent, next: EntryContent): boolean {
  return changedFields(prev, next).some((k) => !NOT_CONTENT.includes(k));
}

/** How many times an entry's content was corrected, from its revisions (oldest first). */
export function contentCorrections(revisions: readonly Pick<TimelineRevision, 'content'>[]): number {
  let count = 0;
  for (let i = 1; i < revisions.length; i += 1) {
    const prev = revisions[i - 1];
    const next = revisions[i];
    if (prev && next && isContentCorrection(prev.content, next.content)) count += 1;
  }
  return count;
}

function valueInWords(key: keyof EntryContent, value: EntryContent[keyof EntryContent], ctx: WordingContext): string {
  switch (key) {
    case 'occurredPrecision':
      return format('history.entry.precision', { precision: value as EntryContent['occurredPrecision'] });
    case 'category':
      return CATEGORY_LABELS[value as EntryContent['category']];
    case 'verification':
      return VERIFICATION_LABELS[value as EntryContent['verification']];
    case 'release':
      return format('history.entry.release', { release: value as EntryContent['release'] });
    case 'tags': {
      const tags = value as string[];
      return tags.length === 0 ? format('history.value.none') : tags.map((t) => `#${t}`).join(' ');
    }
    case 'links': {
      const links = value as EntryLink[];
      return links.length === 0 ? format('history.value.none') : links.map(ctx.describeLink).join('; ');
    }
    case 'sourceContactId':
      return value === null
        ? format('history.value.none')
        : (ctx.contactName(value as string) ?? format('history.entry.noContact'));
    case 'transcribed':
    case 'retracted':
      return format(value ? 'history.value.yes' : 'history.value.no');
    default:
      return value === null || value === ''
        ? format('history.entry.empty')
        : typeof value === 'string'
          ? value
          : JSON.stringify(value);
  }
}

/** What a revision changed, in words, field by field. */
export function describeEntryChanges(prev: EntryContent, next: EntryContent, ctx: WordingContext): ChangeLine[] {
  return changedFields(prev, next)
    .filter((k) => !SHOWN_ELSEWHERE.includes(k))
    .map((k) => {
      const label = format(ENTRY_FIELD_LABELS[k]);
      if (k === 'occurredAt' || k === 'reportedAt') {
        const [before, after] = instantPair(prev[k], next[k], ctx.timeZone, ctx.locale);
        return { label, before, after };
      }
      return { label, before: valueInWords(k, prev[k], ctx), after: valueInWords(k, next[k], ctx) };
    });
}

/** The heading of a revision in an entry's history. */
export function revisionHeading(kind: TimelineRevision['kind'], prev: EntryContent | null, next: EntryContent): string {
  switch (kind) {
    case 'create':
      return format('history.heading.logged');
    case 'retract':
      return format('history.heading.retracted');
    case 'verify':
      return format('history.heading.verified', { verification: VERIFICATION_LABELS[next.verification].toLowerCase() });
    case 'edit':
      return format(
        prev && !isContentCorrection(prev, next) ? 'history.heading.verificationChanged' : 'history.heading.corrected',
      );
  }
}

/** One field of versions shown side by side: its label and its value in each version, in words. */
export type SideBySideRow = { label: string; values: string[] };

/**
 * The fields in which versions of an entry differ, each with its value in every version, for a
 * side-by-side view of corrections made apart. Fields all versions agree on are left out.
 */
export function sideBySide(contents: readonly EntryContent[], ctx: WordingContext): SideBySideRow[] {
  const [first, ...others] = contents;
  if (first === undefined) return [];
  const rows = new Map<string, { first: string; byVersion: Map<number, string> }>();
  others.forEach((content, i) => {
    for (const change of describeEntryChanges(first, content, ctx)) {
      const row = rows.get(change.label) ?? { first: change.before, byVersion: new Map<number, string>() };
      row.byVersion.set(i, change.after);
      rows.set(change.label, row);
    }
  });
  return [...rows].map(([label, row]) => ({
    label,
    values: [row.first, ...others.map((_, i) => row.byVersion.get(i) ?? row.first)],
  }));
}

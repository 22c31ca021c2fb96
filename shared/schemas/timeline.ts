import { z } from 'zod';

// zod's own words come from the catalogue wherever a schema of the desk is checked.
import '../i18n/zodMessages';

import { epochMs, hash } from './fields';

/**
 * FORMAT: timeline records. An entry's every state is a revision; revisions are never changed
 * or removed, and each carries a SHA-256 over its content and the previous revision's hash, so
 * the incident's log is a hash chain. The entry row is the current state, kept for fast
 * queries; it must always equal the content of its newest revision.
 */

export const TIMELINE_CATEGORIES = ['event', 'decision', 'action', 'communication', 'information', 'rumour', 'media'] as const;
export const TimelineCategorySchema = z.enum(TIMELINE_CATEGORIES);
export type TimelineCategory = z.infer<typeof TimelineCategorySchema>;

export const VERIFICATION_STATES = ['unverified', 'confirmed', 'disproven'] as const;
export const VerificationSchema = z.enum(VERIFICATION_STATES);
export type Verification = z.infer<typeof VerificationSchema>;

export const TIME_PRECISIONS = ['exact', 'approximate', 'date'] as const;
export const TimePrecisionSchema = z.enum(TIME_PRECISIONS);
export type TimePrecision = z.infer<typeof TimePrecisionSchema>;

export const RELEASE_MARKINGS = ['internal', 'public'] as const;
export const ReleaseSchema = z.enum(RELEASE_MARKINGS);
export type Release = z.infer<typeof ReleaseSchema>;

export const EntryLinkSchema = z.object({
  kind: z.enum(['contact', 'statement', 'checklist-item', 'activation']),
  id: z.string().min(1).max(100),
});
export type EntryLink = z.infer<typeof EntryLinkSchema>;

/** Today's limits on what a person types into an entry. Earlier versions let some through longer. */
export const ENTRY_LIMITS = { title: 500, body: 20_000, source: 200, tag: 40, tags: 30 } as const;

const TAG_PATTERN = /^[\p{L}\p{N}_-]+$/u;
export const TagSchema = z.string().min(1).max(ENTRY_LIMITS.tag).regex(TAG_PATTERN, 'tags are letters, digits, - and _');

/** What a revision records about an entry: everything a person can see or change. */
export const EntryContentSchema = z.object({
  /** When it happened. */
  occurredAt: epochMs,
  occurredPrecision: TimePrecisionSchema,
  /** When the city heard of it, if known. */
  reportedAt: epochMs.nullable(),
  category: TimelineCategorySchema,
  title: z.string().trim().min(1).max(ENTRY_LIMITS.title),
  body: z.string().max(ENTRY_LIMITS.body),
  /** Who reported it: free text, or a contact's name with its id. */
  source: z.string().max(ENTRY_LIMITS.source),
  sourceContactId: z.string().max(100).nullable(),
  verification: VerificationSchema,
  tags: z.array(TagSchema).max(ENTRY_LIMITS.tags),
  release: ReleaseSchema,
  links: z.array(EntryLinkSchema).max(50),
  /** Logged for someone else (e.g. the mayor dictating a decision). */
  onBehalfOf: z.string().max(120).nullable(),
  /** Typed in later from a paper log kept during an outage. */
  transcribed: z.boolean(),
  retracted: z.boolean(),
  retractionReason: z.string().max(2000).nullable(),
});
export type EntryContent = z.infer<typeof EntryContentSchema>;

/**
 * FORMAT: an entry's content as the desk READS it back (backups, records, its own database).
 * Revisions are never changed, and earlier versions of the quick line and the CSV import let
 * titles, sources and tags through longer than ENTRY_LIMITS; a reader must still accept those
 * ("stored") revisions, or one such line would make every backup of the desk unrestorable. New
 * writes are held to EntryContentSchema; legacyEntryNotes() names the entries that exceed it.
 */
export const StoredEntryContentSchema = EntryContentSchema.extend({
  title: z.string().trim().min(1),
  source: z.string(),
  tags: z.array(z.string().min(1).regex(TAG_PATTERN, 'tags are letters, digits, - and _')),
});

export const REVISION_KINDS = ['create', 'edit', 'verify', 'retract'] as const;
export const RevisionKindSchema = z.enum(REVISION_KINDS);
export type RevisionKind = z.infer<typeof RevisionKindSchema>;

const revisionFields = {
  id: z.string().min(1).max(100),
  entryId: z.string().min(1).max(100),
  incidentId: z.string().min(1).max(100),
  /** Position in the incident's hash chain, 1-based, in recording order. */
  chainSeq: z.number().int().positive(),
  /** Position among this entry's revisions, 1-based. */
  revisionNo: z.number().int().positive(),
  kind: RevisionKindSchema,
  /** When this revision was written: automatic, never editable. */
  recordedAt: epochMs,
  operator: z.string().min(1).max(120),
  /** Why it was corrected or retracted. */
  reason: z.string().max(2000).nullable(),
  content: EntryContentSchema,
  prevHash: hash,
  hash,
  /**
   * A merge: the ids of the revisions of this entry, written apart on different desks, that this
   * one settles (it was written knowing them all). Absent on every other revision.
   */
  mergeOf: z.array(z.string().min(1).max(100)).min(2).max(20).optional(),
};
export const TimelineRevisionSchema = z.object(revisionFields);
export type TimelineRevision = z.infer<typeof TimelineRevisionSchema>;
/** A revision as read back: its content may predate ENTRY_LIMITS (see StoredEntryContentSchema). */
export const StoredTimelineRevisionSchema = z.object({ ...revisionFields, content: StoredEntryContentSchema });

/** The current state of an entry, denormalised from its newest revision for queries. */
const entryFields = {
  id: z.string().min(1).max(100),
  incidentId: z.string().min(1).max(100),
  /** When it was first logged, and by whom. */
  recordedAt: epochMs,
  recordedBy: z.string().min(1).max(120),
  lastRevisionAt: epochMs,
  lastRevisionBy: z.string().min(1).max(120),
  revisionCount: z.number().int().positive(),
  headRevisionId: z.string().min(1).max(100),
  verificationChangedAt: epochMs.nullable(),
  verificationChangedBy: z.string().max(120).nullable(),
  /** Lower-cased source, for the source filter's index. */
  sourceKey: z.string().max(ENTRY_LIMITS.source),
};
export const TimelineEntrySchema = EntryContentSchema.extend(entryFields);
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;
/** An entry row as read back (see StoredEntryContentSchema). */
export const StoredTimelineEntrySchema = StoredEntryContentSchema.extend({ ...entryFields, sourceKey: z.string() });

export const GENESIS_HASH = '0'.repeat(64);

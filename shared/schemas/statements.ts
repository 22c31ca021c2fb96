import { z } from 'zod';

// zod's own words come from the catalogue wherever a schema of the desk is checked.
import '../i18n/zodMessages';

import { epochMs, hash, id, operator, stamps } from './fields';

/**
 * FORMAT: public statements and their templates.
 *
 * - statementTemplates holds the city's template library: one row per statement type and
 *   language ("initial-holding-statement" in "en", in "ar" …), plus one row of kind 'glossary':
 *   the city's list of terms to avoid when naming communities (id GLOSSARY_ID).
 * - statements holds one row per statement of an incident: its workflow status and pointers to
 *   its versions. A translation is a statement of its own whose sourceStatementId names the
 *   statement it translates.
 * - statementVersions holds every saved state of a statement's text. Versions are never changed
 *   or removed; an edit after approval is a new version.
 * - approvals holds every review decision (approved or returned), each with the SHA-256 of the
 *   exact text the approver saw.
 */

/** The id of the glossary row in statementTemplates. */
export const GLOSSARY_ID = 'stt_glossary';

/** A BCP 47 language tag as the desk uses it: "en", "ar", "nb", "fa-IR". */
export const LanguageCodeSchema = z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'is not a language code such as en or ar');

/** A statement type: the guide's ids ("initial-holding-statement") or the city's own. */
export const StatementTypeSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,59}$/, 'use lower-case letters, digits and -');

export const GUIDANCE_BASES = ['stated', 'generalised', 'city'] as const;
/** Where a do or don't comes from: stated in the guide, generalised from it, or the city's own. */
export const GuidanceBasisSchema = z.enum(GUIDANCE_BASES);
export type GuidanceBasis = z.infer<typeof GuidanceBasisSchema>;

export const GuidanceItemSchema = z.object({
  id: z.string().min(1).max(40),
  text: z.string().trim().min(1).max(500),
  basis: GuidanceBasisSchema,
});
export type GuidanceItem = z.infer<typeof GuidanceItemSchema>;

export const AUDIENCES = ['public', 'internal', 'private'] as const;
export const AudienceSchema = z.enum(AUDIENCES);
export type Audience = z.infer<typeof AudienceSchema>;

export const StatementTemplateSchema = z.object({
  id,
  kind: z.literal('template'),
  type: StatementTypeSchema,
  language: LanguageCodeSchema,
  title: z.string().trim().min(1).max(200),
  purpose: z.string().max(2000),
  audience: AudienceSchema,
  /** The text, with {{placeholders}}; `\{{` writes a literal "{{". */
  body: z.string().trim().min(1).max(20_000),
  dos: z.array(GuidanceItemSchema).max(30),
  donts: z.array(GuidanceItemSchema).max(30),
  /** The guide's pages this type draws on (cr-p4 …). */
  pages: z.array(z.string().min(1).max(20)).max(20),
  /** 'guide' for the templates the desk ships, 'city' for the city's own. */
  origin: z.enum(['guide', 'city']),
  /** Counts saves, 1-based. */
  revision: z.number().int().positive(),
  ...stamps,
});
export type StatementTemplate = z.infer<typeof StatementTemplateSchema>;

export const GlossaryTermSchema = z.object({
  /** The wording to avoid, matched as a whole phrase, ignoring case. */
  avoid: z.string().trim().min(2).max(120),
  /** What to say instead. */
  prefer: z.string().trim().max(200),
  note: z.string().trim().max(500),
});
export type GlossaryTerm = z.infer<typeof GlossaryTermSchema>;

export const StatementGlossarySchema = z.object({
  id: z.literal(GLOSSARY_ID),
  kind: z.literal('glossary'),
  terms: z.array(GlossaryTermSchema).max(500),
  updatedAt: epochMs,
  updatedBy: operator,
});
export type StatementGlossary = z.infer<typeof StatementGlossarySchema>;

export const StatementTemplateRowSchema = z.discriminatedUnion('kind', [StatementTemplateSchema, StatementGlossarySchema]);
export type StatementTemplateRow = z.infer<typeof StatementTemplateRowSchema>;

export const STATEMENT_STATUSES = ['draft', 'in-review', 'approved', 'released', 'withdrawn'] as const;
export const StatementStatusSchema = z.enum(STATEMENT_STATUSES);
export type StatementStatus = z.infer<typeof StatementStatusSchema>;

export const RELEASE_CHANNELS = ['press', 'social-media', 'website', 'community-partners'] as const;
export const ReleaseChannelSchema = z.enum(RELEASE_CHANNELS);
export type ReleaseChannel = z.infer<typeof ReleaseChannelSchema>;

/** A person the statement might name, so the text can be checked before review. */
export const PersonMentionSchema = z.object({
  id: z.string().min(1).max(40),
  name: z.string().trim().min(2).max(120),
  role: z.enum(['victim', 'suspect']),
  /** Victims only: the family's or person's consent to be named has been recorded. */
  consentRecorded: z.boolean(),
  /** Who gave consent, when, and for what. */
  consentNote: z.string().max(500),
});
export type PersonMention = z.infer<typeof PersonMentionSchema>;

export const SENSITIVITY_CODES = ['victim-named-without-consent', 'perpetrator-named', 'unverified-details', 'glossary-term', 'linked-person-named', 'identifying-details'] as const;
export const SensitivityCodeSchema = z.enum(SENSITIVITY_CODES);

export const SensitivityWarningSchema = z.object({
  code: SensitivityCodeSchema,
  /** Identifies the warning within a text (the code and the name or term it is about). */
  key: z.string().min(1).max(200),
  message: z.string().min(1).max(1000),
  advice: z.string().max(1000),
});
export type SensitivityWarning = z.infer<typeof SensitivityWarningSchema>;

/** What the drafter declared when sending a version for review. */
export const SubmissionSchema = z.object({
  versionId: id,
  at: epochMs,
  by: operator,
  /** Warnings still present when sent: advice the drafter chose to override, with why. */
  warnings: z.array(SensitivityWarningSchema).max(100),
  overrideReason: z.string().max(2000).nullable(),
  /** The guidance items (dos and don'ts) the drafter ticked, of guidanceCount. */
  ticked: z.array(z.string().max(40)).max(60),
  guidanceCount: z.number().int().nonnegative(),
});
export type Submission = z.infer<typeof SubmissionSchema>;

export const ReleaseRecordSchema = z.object({
  id,
  versionId: id,
  at: epochMs,
  channels: z.array(ReleaseChannelSchema).min(1).max(RELEASE_CHANNELS.length),
  note: z.string().max(1000),
  recordedAt: epochMs,
  recordedBy: operator,
  /** The timeline entry that logs this release. */
  timelineEntryId: id,
});
export type ReleaseRecord = z.infer<typeof ReleaseRecordSchema>;

export const StatementSchema = z.object({
  id,
  incidentId: id,
  templateId: id.nullable(),
  type: StatementTypeSchema,
  language: LanguageCodeSchema,
  /** The head version's title, for lists and the after-action record. */
  title: z.string().trim().min(1).max(200),
  audience: AudienceSchema,
  status: StatementStatusSchema,
  headVersionId: id,
  headVersionNumber: z.number().int().positive(),
  /** The newest approved version: the one copied, exported and released. */
  approvedVersionId: id.nullable(),
  approvedVersionNumber: z.number().int().positive().nullable(),
  /** Translations: the statement translated, and the version of it the head version translates. */
  sourceStatementId: id.nullable(),
  translatesVersionId: id.nullable(),
  /** The drafter's ticks on the template's dos and don'ts. */
  ticked: z.array(z.string().max(40)).max(60),
  guidance: z.object({ purpose: z.string().max(2000), dos: z.array(GuidanceItemSchema).max(30), donts: z.array(GuidanceItemSchema).max(30), pages: z.array(z.string().max(20)).max(20) }),
  people: z.array(PersonMentionSchema).max(100),
  /** The open review request, while in review. */
  submission: SubmissionSchema.nullable(),
  /** The comment of the last return to draft, shown to the drafter until the next submission. */
  returnedComment: z.string().max(2000).nullable(),
  releases: z.array(ReleaseRecordSchema).max(50),
  withdrawal: z.object({ at: epochMs, by: operator, reason: z.string().min(1).max(2000) }).nullable(),
  ...stamps,
});
export type Statement = z.infer<typeof StatementSchema>;

export const StatementVersionSchema = z.object({
  id,
  statementId: id,
  incidentId: id,
  /** 1-based, in saving order. */
  number: z.number().int().positive(),
  title: z.string().trim().min(1).max(200),
  language: LanguageCodeSchema,
  /** The text with its {{placeholders}}. */
  body: z.string().max(20_000),
  /** Placeholder values, by name. */
  values: z.record(z.string().max(60), z.string().max(5000)),
  /** Names whose values came from the incident record and the desk settings. */
  autoFilled: z.array(z.string().max(60)).max(100),
  /** The body with its values filled in: the text reviewed, approved, copied and exported. */
  text: z.string().max(40_000),
  /** Translations: the source statement's version this one translates. */
  translatesVersionId: id.nullable(),
  /** Why this version exists, in words ("Edited after approval of version 3"). */
  note: z.string().max(500),
  createdAt: epochMs,
  createdBy: operator,
});
export type StatementVersion = z.infer<typeof StatementVersionSchema>;

export const ApprovalSchema = z.object({
  id,
  statementId: id,
  incidentId: id,
  versionId: id,
  versionNumber: z.number().int().positive(),
  decision: z.enum(['approved', 'rejected']),
  approverName: z.string().trim().min(1).max(120),
  approverRole: z.string().trim().min(1).max(120),
  comment: z.string().max(2000),
  /** SHA-256 (hex) of the exact text of the version decided on. */
  textHash: hash,
  at: epochMs,
  /** The operator who recorded the decision (may differ from the approver). */
  recordedBy: operator,
  submission: SubmissionSchema.nullable(),
});
export type Approval = z.infer<typeof ApprovalSchema>;

import { z } from 'zod';

// zod's own words come from the catalogue wherever a schema of the desk is checked.
import '../i18n/zodMessages';

import { GUIDE_PAGES, type GuidePageId } from '../domain/guide/pages';
import { RESPONSE_PHASE_IDS } from '../domain/guide/phases';
import { CHECKLIST_ROLES } from '../domain/guide/roles';
import { format } from '../i18n/format';
import { epochMs, id, operator, stamps } from './fields';

/**
 * FORMAT: recovery checklists. A template row is one immutable version of a checklist
 * (templateKey + version): the guide's seed is version 1, and every change the city makes in its
 * plan is written as the next version. An incident's items are copies made when the incident
 * was created, each naming the template version it came from, so a later change to the plan never
 * rewrites what an incident was working from.
 *
 * Items store their offset from the incident's start, never a due instant: the due time is
 * computed when read (see domain/checklists/due.ts), so moving the incident's start moves it.
 */

export const OFFSET_UNITS = ['hours', 'days', 'weeks', 'months', 'years'] as const;
export const OffsetUnitSchema = z.enum(OFFSET_UNITS);
export type OffsetUnit = z.infer<typeof OffsetUnitSchema>;

/** The largest offset per unit: ten years, however it is counted. */
export const OFFSET_LIMITS: Record<OffsetUnit, number> = { hours: 87_600, days: 3_660, weeks: 522, months: 120, years: 10 };

/** How long after the incident's start an item falls due, as a calendar duration. */
export const DueOffsetSchema = z
  .object({ unit: OffsetUnitSchema, amount: z.number().int().nonnegative() })
  .refine((o) => o.amount <= OFFSET_LIMITS[o.unit], { error: () => format('validation.offsetTooFar') });
export type DueOffset = z.infer<typeof DueOffsetSchema>;

export const CHECKLIST_ROLE_IDS = CHECKLIST_ROLES.map((r) => r.id) as [
  (typeof CHECKLIST_ROLES)[number]['id'],
  ...(typeof CHECKLIST_ROLES)[number]['id'][],
];
export const ChecklistRoleSchema = z.enum(CHECKLIST_ROLE_IDS);
export type ChecklistRole = z.infer<typeof ChecklistRoleSchema>;

export const GUIDE_PAGE_IDS = Object.keys(GUIDE_PAGES) as [GuidePageId, ...GuidePageId[]];
export const GuidePageIdSchema = z.enum(GUIDE_PAGE_IDS);

/** 'stated': the guide's text says it (paraphrased). 'generalised': a practical step drawn from its themes. */
export const GUIDE_BASES = ['stated', 'generalised'] as const;
export const GuideBasisSchema = z.enum(GUIDE_BASES);
export type GuideBasis = z.infer<typeof GuideBasisSchema>;

/** Where an item comes from in the guides; null for an item the city wrote itself. */
export const GuideSourceSchema = z.object({ page: GuidePageIdSchema, basis: GuideBasisSchema });
export type GuideSource = z.infer<typeof GuideSourceSchema>;

export const ResponsePhaseIdSchema = z.enum(RESPONSE_PHASE_IDS);

const itemText = {
  phase: ResponsePhaseIdSchema,
  title: z.string().trim().min(1).max(300),
  /** Why it matters, in a sentence. */
  rationale: z.string().max(2000),
  owner: ChecklistRoleSchema,
  /** null: no due time (preparedness work, done before any incident). */
  offset: DueOffsetSchema.nullable(),
  /** A dated check-point of the long recovery, shown on the year ahead and in the calendar file. */
  milestone: z.boolean(),
  source: GuideSourceSchema.nullable(),
  /** True once the city has reworded a guide item: it still cites the chapter, as adapted. */
  adapted: z.boolean(),
};

export const ChecklistTemplateItemSchema = z.object({
  /** Stable across the template's versions. */
  key: z.string().min(1).max(100),
  ...itemText,
});
export type ChecklistTemplateItem = z.infer<typeof ChecklistTemplateItemSchema>;

export const TEMPLATE_ORIGINS = ['guide', 'city'] as const;

export const ChecklistTemplateSchema = z.object({
  id,
  templateKey: z.string().regex(/^[a-z0-9-]{1,80}$/),
  version: z.number().int().positive(),
  title: z.string().trim().min(1).max(200),
  description: z.string().max(2000),
  /** Who wrote this version: the guide seed shipped with the desk, or the city. */
  origin: z.enum(TEMPLATE_ORIGINS),
  items: z.array(ChecklistTemplateItemSchema).max(500),
  /** What changed from the version before, in the editor's words. */
  changeNote: z.string().max(1000),
  createdAt: epochMs,
  createdBy: operator,
});
export type ChecklistTemplate = z.infer<typeof ChecklistTemplateSchema>;

export const CHECKLIST_STATUSES = ['todo', 'in-progress', 'done', 'not-applicable'] as const;
export const ChecklistStatusSchema = z.enum(CHECKLIST_STATUSES);
export type ChecklistStatus = z.infer<typeof ChecklistStatusSchema>;

/** The template version an item was copied from; null for a custom item added to one incident. */
export const ItemOriginSchema = z.object({ templateKey: z.string().min(1).max(80), version: z.number().int().positive(), itemKey: z.string().min(1).max(100) });
export type ItemOrigin = z.infer<typeof ItemOriginSchema>;

export const ResolvedWithSchema = z.object({ kind: z.enum(['statement', 'activation']), id, label: z.string().min(1).max(300) });
export type ResolvedWith = z.infer<typeof ResolvedWithSchema>;

/**
 * The scope of the city's standing preparedness checklist, worked through in peacetime: its
 * items carry this in place of an incident id (incident ids always start with "inc_").
 */
export const DESK_SCOPE = 'desk';

export const ChecklistItemSchema = z
  .object({
    id,
    /** The incident the item belongs to, or DESK_SCOPE for the city's peacetime preparedness. */
    incidentId: id,
    ...itemText,
    /** Order within its phase. */
    position: z.number().int().nonnegative(),
    template: ItemOriginSchema.nullable(),
    status: ChecklistStatusSchema,
    /** A person's name for now; a contact once contacts exist. */
    assignee: z.string().max(120),
    notes: z.string().max(5000),
    /** The note given on completion, or the reason it does not apply. */
    resolutionNote: z.string().max(2000).nullable(),
    resolvedAt: epochMs.nullable(),
    resolvedBy: operator.nullable(),
    /**
     * The record whose work resolved the item (a statement released, a call tree activated), with
     * how it read then. Absent on items resolved by hand and on items stored before it existed.
     */
    resolvedWith: ResolvedWithSchema.nullable().optional(),
    ...stamps,
  })
  .superRefine((item, ctx) => {
    const resolved = item.status === 'done' || item.status === 'not-applicable';
    if (resolved !== (item.resolvedAt !== null && item.resolvedBy !== null)) {
      ctx.addIssue({ code: 'custom', path: ['resolvedAt'], message: format('validation.resolvedWithoutWho') });
    }
    if (item.status === 'not-applicable' && (item.resolutionNote ?? '').trim() === '') {
      ctx.addIssue({ code: 'custom', path: ['resolutionNote'], message: format('validation.notApplicableNeedsReason') });
    }
  });
export type ChecklistItem = z.infer<typeof ChecklistItemSchema>;

/** The guide content as the desk ships it (shared/content/<language>/checklists.ts). */
export const ChecklistSeedItemSchema = z.object({
  key: z.string().regex(/^[a-z0-9-]{1,100}$/),
  phase: ResponsePhaseIdSchema,
  title: z.string().trim().min(1).max(300),
  rationale: z.string().trim().min(1).max(2000),
  owner: ChecklistRoleSchema,
  page: GuidePageIdSchema,
  basis: GuideBasisSchema,
  offset: DueOffsetSchema.nullable(),
  milestone: z.boolean(),
});
export type ChecklistSeedItem = z.infer<typeof ChecklistSeedItemSchema>;

export const ChecklistSeedSchema = z.object({
  seedRevision: z.number().int().positive(),
  templates: z
    .array(
      z.object({
        templateKey: z.string().regex(/^guide-[a-z0-9-]{1,74}$/),
        title: z.string().min(1).max(200),
        description: z.string().max(2000),
        items: z.array(ChecklistSeedItemSchema).min(1),
      }),
    )
    .min(1),
});
export type ChecklistSeed = z.infer<typeof ChecklistSeedSchema>;

import type { Actor } from '../audit';
import type { ResponsePhaseId } from '../guide/phases';
import { err, ok, type Result } from '../result';
import { format, listOf } from '../../i18n/format';
import {
  type ChecklistRole,
  type ChecklistSeed,
  type ChecklistTemplate,
  type ChecklistTemplateItem,
  type GuideSource,
} from '../../schemas/checklists';
import { checkPlacement, itemWording, wordingDraft, type WordingDraft } from './items';

/** The guide's templates as version 1 rows, written once to a desk that has none. */
export function guideTemplateRows(seed: ChecklistSeed, newId: () => string, actor: Actor): ChecklistTemplate[] {
  return seed.templates.map((t) => ({
    id: newId(),
    templateKey: t.templateKey,
    version: 1,
    title: t.title,
    description: t.description,
    origin: 'guide',
    items: t.items.map((i) => ({
      key: i.key,
      ...itemWording(i),
      source: { page: i.page, basis: i.basis },
      adapted: false,
    })),
    changeNote: format('checklists.template.shippedNote', { revision: String(seed.seedRevision) }),
    createdAt: actor.now,
    createdBy: actor.operator,
  }));
}

/** The newest version of each template, by key, in the order templates were first written. */
export function latestVersions(templates: readonly ChecklistTemplate[]): ChecklistTemplate[] {
  const latest = new Map<string, ChecklistTemplate>();
  for (const t of templates) {
    const seen = latest.get(t.templateKey);
    if (!seen || seen.version < t.version) latest.set(t.templateKey, t);
  }
  return [...latest.values()].sort((a, b) => templateOrder(a) - templateOrder(b) || a.title.localeCompare(b.title));
}

/** The guide's templates in the order the desk lists them: its phases in turn, then the milestones. */
export const GUIDE_TEMPLATE_ORDER = [
  'guide-preparedness',
  'guide-immediate',
  'guide-early-days-weeks',
  'guide-intermediate',
  'guide-long-term',
  'guide-milestones',
];
function templateOrder(t: ChecklistTemplate): number {
  const i = GUIDE_TEMPLATE_ORDER.indexOf(t.templateKey);
  return i === -1 ? GUIDE_TEMPLATE_ORDER.length : i;
}

/** One row of the template editor, as typed. */
export type TemplateItemDraft = WordingDraft & {
  /** null for a row added in the editor. */
  key: string | null;
  milestone: boolean;
  source: GuideSource | null;
};

/** The whole editor, as typed. */
export type TemplateDraft = {
  title: string;
  description: string;
  changeNote: string;
  items: TemplateItemDraft[];
};

/** Messages for one row of the editor, by field. */
export type TemplateItemErrors = Partial<Record<'title' | 'offset' | 'phase' | 'owner' | 'rationale', string>>;
/** Every problem with an edited template, for the editor to show where it belongs. */
export type TemplateErrors = {
  title?: string;
  changeNote?: string;
  form?: string;
  /** By row index in the draft. */
  items?: Record<number, TemplateItemErrors>;
};

/** The editor's starting values: the template version being edited. */
export function draftFromTemplate(t: ChecklistTemplate): TemplateDraft {
  return {
    title: t.title,
    description: t.description,
    changeNote: '',
    items: t.items.map((i) => ({
      key: i.key,
      ...wordingDraft(i),
      milestone: i.milestone,
      source: i.source,
    })),
  };
}

/**
 * Checks an edited template against the version it was made from and builds the next version.
 * Every problem is named by row, so nothing typed is lost: the editor keeps the draft and shows
 * the messages beside the rows.
 */
export function reviseTemplate(
  previous: ChecklistTemplate,
  draft: TemplateDraft,
  ctx: { id: string; newKey: () => string; actor: Actor },
): Result<ChecklistTemplate, TemplateErrors> {
  const errors: TemplateErrors = {};
  const itemErrors: Record<number, TemplateItemErrors> = {};
  const title = draft.title.trim();
  if (title === '') errors.title = format('checklists.template.noName');
  else if (title.length > 200) errors.title = format('checklists.template.nameTooLong', { limit: 200 });
  if (draft.changeNote.length > 1000) errors.changeNote = format('checklists.template.noteTooLong', { limit: 1000 });
  if (draft.items.length === 0) errors.form = format('checklists.template.noItems');
  if (draft.items.length > 500) errors.form = format('checklists.template.tooManyItems', { limit: 500 });

  const before = new Map(previous.items.map((i) => [i.key, i]));
  const items: ChecklistTemplateItem[] = [];
  draft.items.forEach((row, index) => {
    const e: TemplateItemErrors = {};
    const rowTitle = row.title.trim();
    if (rowTitle === '') e.title = format('checklists.template.itemNoTitle');
    else if (rowTitle.length > 300) e.title = format('checklists.template.itemTooLong', { limit: 300 });
    if (row.rationale.length > 2000) e.rationale = format('checklists.form.rationaleTooLong', { limit: 2000 });
    const placed = checkPlacement(row);
    if (!placed.ok) Object.assign(e, placed.error);
    if (Object.keys(e).length > 0 || !placed.ok) {
      itemErrors[index] = e;
      return;
    }
    const { phase, owner, offset } = placed.value;
    const was = row.key === null ? undefined : before.get(row.key);
    const reworded = was !== undefined && (was.title !== rowTitle || was.rationale !== row.rationale.trim());
    items.push({
      key: row.key ?? ctx.newKey(),
      phase,
      title: rowTitle,
      rationale: row.rationale.trim(),
      owner,
      offset,
      milestone: row.milestone,
      source: was?.source ?? row.source,
      // reworded implies an earlier version of the item exists.
      adapted: (was?.adapted ?? false) || (reworded && was.source !== null),
    });
  });
  if (Object.keys(itemErrors).length > 0) errors.items = itemErrors;
  if (Object.keys(errors).length > 0) return err(errors);

  const next: ChecklistTemplate = {
    id: ctx.id,
    templateKey: previous.templateKey,
    version: previous.version + 1,
    title,
    description: draft.description.trim(),
    origin: 'city',
    items,
    changeNote: draft.changeNote.trim() || summariseChanges(previous, { ...previous, title, items }),
    createdAt: ctx.actor.now,
    createdBy: ctx.actor.operator,
  };
  if (!hasChanges(templateChanges(previous, next)) && next.description === previous.description) {
    return err({ form: format('checklists.template.unchanged') });
  }
  return ok(next);
}

/** A new checklist of the city's own, as its version 1. */
export function createCityTemplate(
  input: { title: string; description: string },
  ctx: {
    id: string;
    templateKey: string;
    actor: Actor;
    firstItem: { key: string; phase: ResponsePhaseId; owner: ChecklistRole };
  },
): Result<ChecklistTemplate, TemplateErrors> {
  const title = input.title.trim();
  if (title === '') return err({ title: format('checklists.template.noName') });
  if (title.length > 200) return err({ title: format('checklists.template.nameTooLong', { limit: 200 }) });
  return ok({
    id: ctx.id,
    templateKey: ctx.templateKey,
    version: 1,
    title,
    description: input.description.trim(),
    origin: 'city',
    items: [
      {
        key: ctx.firstItem.key,
        phase: ctx.firstItem.phase,
        title: format('checklists.template.firstItem'),
        rationale: '',
        owner: ctx.firstItem.owner,
        offset: { unit: 'hours', amount: 1 },
        milestone: false,
        source: null,
        adapted: false,
      },
    ],
    changeNote: format('checklists.template.newNote'),
    createdAt: ctx.actor.now,
    createdBy: ctx.actor.operator,
  });
}

/** What a new version of a template changes, counted: its name, and items added, removed, changed or moved. */
export type TemplateChanges = {
  renamed: boolean;
  added: number;
  removed: number;
  changed: number;
  reordered: boolean;
};

/** Whether a new version changes anything of its name or items (the description aside). */
export const hasChanges = (c: TemplateChanges): boolean =>
  c.renamed || c.added > 0 || c.removed > 0 || c.changed > 0 || c.reordered;

/** Counts what `next` changes of `previous`'s name and items. */
export function templateChanges(
  previous: ChecklistTemplate,
  next: Pick<ChecklistTemplate, 'title' | 'items'>,
): TemplateChanges {
  const before = new Map(previous.items.map((i) => [i.key, i]));
  const after = new Set(next.items.map((i) => i.key));
  const added = next.items.filter((i) => !before.has(i.key)).length;
  const removed = previous.items.filter((i) => !after.has(i.key)).length;
  const changed = next.items.filter((i) => {
    const was = before.get(i.key);
    return was !== undefined && JSON.stringify({ ...was, adapted: false }) !== JSON.stringify({ ...i, adapted: false });
  }).length;
  const keptOrder = previous.items.map((i) => i.key).filter((k) => after.has(k));
  const newOrder = next.items.map((i) => i.key).filter((k) => before.has(k));
  const reordered = keptOrder.some((k, i) => newOrder[i] !== k);
  return { renamed: next.title !== previous.title, added, removed, changed, reordered };
}

/**
 * "2 added, 1 removed, 3 changed, and reordered": what a new version changes, in words, for its note
 * and the audit log. Each change is a message of its own (the first of them may be worded to start
 * the note), joined as the language joins a list.
 */
export function summariseChanges(
  previous: ChecklistTemplate,
  next: Pick<ChecklistTemplate, 'title' | 'items'>,
): string {
  const c = templateChanges(previous, next);
  if (!hasChanges(c)) return format('checklists.changes.none');
  const parts: string[] = [];
  const first = () => (parts.length === 0 ? 'yes' : 'no');
  if (c.renamed) parts.push(format('checklists.changes.renamed', { first: first() }));
  if (c.added > 0) parts.push(format('checklists.changes.added', { count: c.added }));
  if (c.removed > 0) parts.push(format('checklists.changes.removed', { count: c.removed }));
  if (c.changed > 0) parts.push(format('checklists.changes.changed', { count: c.changed }));
  if (c.reordered) parts.push(format('checklists.changes.reordered', { first: first() }));
  return listOf(parts);
}

/** A template key for a new city checklist: "city-" and its name in lower case. */
export function cityTemplateKey(title: string, taken: ReadonlySet<string>): string {
  const base = `city-${
    title
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'checklist'
  }`;
  let key = base;
  for (let n = 2; taken.has(key); n += 1) key = `${base}-${n}`;
  return key;
}

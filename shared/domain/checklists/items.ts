import { diffFields, type Actor } from '../audit';
import { err, ok, type Result } from '../result';
import {
  ChecklistRoleSchema,
  ResponsePhaseIdSchema,
  type ChecklistItem,
  type ChecklistStatus,
  type ChecklistTemplate,
} from '../../schemas/checklists';
import type { FieldChange } from '../../schemas/entities';
import { ENTRY_LIMITS, type EntryContent } from '../../schemas/timeline';
import { clampText } from '../text/clampText';
import { describeOffsetError, offsetLabel, parseOffset } from './due';
import { format, type DomainMessageId } from '../../i18n/format';
import { choiceLabels } from '../../i18n/choices';
import { CHECKLIST_STATUSES } from '../../schemas/checklists';

/** The fields whose changes the audit log records for an item. */
export const ITEM_AUDIT_FIELDS = [
  'phase',
  'title',
  'owner',
  'offset',
  'status',
  'assignee',
  'notes',
  'resolutionNote',
  'resolvedAt',
  'resolvedBy',
] as const;

/** Status names as the lists show them. */
export const STATUS_LABELS = choiceLabels('checklistStatus', CHECKLIST_STATUSES);

/** Resolved items are finished with: done, or not applicable with a reason. */
export const isResolved = (item: Pick<ChecklistItem, 'status'>): boolean =>
  item.status === 'done' || item.status === 'not-applicable';

/** A new item's progress: open, unassigned, unresolved, created and last changed by `actor`. */
export function openItemState(actor: Actor) {
  return {
    status: 'todo' as const,
    assignee: '',
    notes: '',
    resolutionNote: null,
    resolvedAt: null,
    resolvedBy: null,
    createdAt: actor.now,
    createdBy: actor.operator,
    updatedAt: actor.now,
    updatedBy: actor.operator,
  };
}

/** What an item says and when it is due, as a template's item and an incident's item both carry it. */
export function itemWording(
  i: Pick<ChecklistItem, 'phase' | 'title' | 'rationale' | 'owner' | 'offset' | 'milestone'>,
) {
  return {
    phase: i.phase,
    title: i.title,
    rationale: i.rationale,
    owner: i.owner,
    offset: i.offset,
    milestone: i.milestone,
  };
}

/** An item's wording as the editors' drafts hold it (the offset as typed text). */
export function wordingDraft(i: Pick<ChecklistItem, 'phase' | 'title' | 'rationale' | 'owner' | 'offset'>) {
  return {
    phase: i.phase,
    title: i.title,
    rationale: i.rationale,
    owner: i.owner,
    offsetAmount: i.offset === null ? '' : String(i.offset.amount),
    offsetUnit: i.offset?.unit ?? 'hours',
  };
}

/**
 * Copies the chosen templates' items into a new incident. Each item names the template version
 * it came from; positions run on within each phase, in the order the templates are given.
 */
export function itemsFromTemplates(
  templates: readonly Pick<ChecklistTemplate, 'templateKey' | 'version' | 'items'>[],
  incidentId: string,
  newId: () => string,
  actor: Actor,
  startPositions: ReadonlyMap<string, number> = new Map(),
): ChecklistItem[] {
  const next = new Map(startPositions);
  return templates.flatMap((t) =>
    t.items.map((i) => {
      const position = next.get(i.phase) ?? 0;
      next.set(i.phase, position + 1);
      return {
        id: newId(),
        incidentId,
        ...itemWording(i),
        source: i.source,
        adapted: i.adapted,
        position,
        template: { templateKey: t.templateKey, version: t.version, itemKey: i.key },
        ...openItemState(actor),
      } satisfies ChecklistItem;
    }),
  );
}

/** Why a status change was refused. */
export type StatusChangeError =
  | { code: 'reason-required' }
  | { code: 'too-long' }
  | { code: 'unchanged' }
  /** The change was not stored (a limit of the stored record, or another window changing the item); `message` is in words. */
  | { code: 'refused'; message: string };

/**
 * Moves an item to a new status. Done takes an optional note; not applicable needs its reason.
 * Going back to "to do" or "in progress" clears who resolved it, while the audit log keeps it.
 */
export function changeStatus(
  item: ChecklistItem,
  status: ChecklistStatus,
  note: string,
  actor: Actor,
): Result<{ next: ChecklistItem; changes: FieldChange[] }, StatusChangeError> {
  const text = note.trim();
  if (text.length > 2000) return err({ code: 'too-long' });
  if (status === 'not-applicable' && text === '') return err({ code: 'reason-required' });
  const resolved = status === 'done' || status === 'not-applicable';
  const next: ChecklistItem = {
    ...item,
    status,
    resolutionNote: resolved ? text || null : null,
    resolvedAt: resolved ? actor.now : null,
    resolvedBy: resolved ? actor.operator : null,
    // Reopened, an item is no longer resolved by anything; the audit log keeps what did.
    resolvedWith: resolved ? (item.resolvedWith ?? null) : null,
    updatedAt: actor.now,
    updatedBy: actor.operator,
  };
  if (item.status === status && item.resolutionNote === next.resolutionNote) return err({ code: 'unchanged' });
  return ok({
    next,
    changes: diffFields(
      item,
      next,
      ITEM_AUDIT_FIELDS.filter((f) => f !== 'offset'),
    ),
  });
}

const STATUS_CHANGE_MESSAGES = {
  'reason-required': 'checklists.status.reasonRequired',
  'too-long': 'checklists.status.tooLong',
  unchanged: 'checklists.status.unchanged',
} as const satisfies Record<Exclude<StatusChangeError['code'], 'refused'>, DomainMessageId>;

/** The refusal in words, for the dialog to show. */
export function describeStatusChangeError(e: StatusChangeError): string {
  return e.code === 'refused' ? e.message : format(STATUS_CHANGE_MESSAGES[e.code]);
}

/** An item's wording as a form holds it, typed: the item form and each row of the template editor. */
export type WordingDraft = {
  phase: string;
  title: string;
  rationale: string;
  owner: string;
  offsetAmount: string;
  offsetUnit: string;
};

/** What the item form holds, as typed. Title and phase are editable on custom items only. */
export type ItemDraft = WordingDraft & { assignee: string; notes: string };

/** Field name → message, shown beside each field. */
export type ItemDraftErrors = Partial<Record<keyof ItemDraft, string>>;

/** The form's starting values for an existing item. */
export function draftFromItem(item: ChecklistItem): ItemDraft {
  return { ...wordingDraft(item), assignee: item.assignee, notes: item.notes };
}

type ValidItem = Pick<ChecklistItem, 'phase' | 'title' | 'rationale' | 'owner' | 'offset' | 'assignee' | 'notes'>;

/** An item's phase, owner and due time, checked as typed; the problems are named by field. */
export function checkPlacement(
  draft: Pick<WordingDraft, 'phase' | 'owner' | 'offsetAmount' | 'offsetUnit'>,
): Result<Pick<ChecklistItem, 'phase' | 'owner' | 'offset'>, Partial<Record<'phase' | 'owner' | 'offset', string>>> {
  const phase = ResponsePhaseIdSchema.safeParse(draft.phase);
  const owner = ChecklistRoleSchema.safeParse(draft.owner);
  const offset = parseOffset(draft.offsetAmount, draft.offsetUnit);
  if (phase.success && owner.success && offset.ok)
    return ok({ phase: phase.data, owner: owner.data, offset: offset.value });
  return err({
    ...(!phase.success && { phase: format('checklists.form.phase') }),
    ...(!owner.success && { owner: format('checklists.form.owner') }),
    ...(!offset.ok && { offset: describeOffsetError(offset.error) }),
  });
}

/** Checks an item form; every problem is named by field, so nothing typed is lost. */
export function validateItemDraft(draft: ItemDraft): Result<ValidItem, ItemDraftErrors> {
  const errors: ItemDraftErrors = {};
  const title = draft.title.trim();
  if (title === '') errors.title = format('checklists.form.noTitle');
  else if (title.length > 300) errors.title = format('checklists.form.titleTooLong', { limit: 300 });
  const placed = checkPlacement(draft);
  if (!placed.ok) {
    // The item form shows a due-time problem beside the amount typed.
    const { offset, ...phaseAndOwner } = placed.error;
    Object.assign(errors, phaseAndOwner, offset !== undefined && { offsetAmount: offset });
  }
  if (draft.assignee.trim().length > 120) errors.assignee = format('checklists.form.assigneeTooLong', { limit: 120 });
  if (draft.notes.length > 5000) errors.notes = format('checklists.form.notesTooLong', { limit: 5000 });
  if (draft.rationale.length > 2000) errors.rationale = format('checklists.form.rationaleTooLong', { limit: 2000 });
  if (Object.keys(errors).length > 0 || !placed.ok) return err(errors);
  const { phase, owner, offset } = placed.value;
  return ok({
    phase,
    title,
    rationale: draft.rationale.trim(),
    owner,
    offset,
    assignee: draft.assignee.trim(),
    notes: draft.notes.trim(),
  });
}

/** A custom item of one incident: not from any template. */
export function createCustomItem(
  valid: ValidItem,
  ctx: { id: string; incidentId: string; position: number; actor: Actor },
): ChecklistItem {
  return {
    id: ctx.id,
    incidentId: ctx.incidentId,
    ...valid,
    milestone: false,
    source: null,
    adapted: false,
    position: ctx.position,
    template: null,
    ...openItemState(ctx.actor),
    // What the person typed: the assignee and the notes are theirs from the start.
    assignee: valid.assignee,
    notes: valid.notes,
  };
}

/**
 * Applies an edited item. A template item keeps its wording and phase (they are the plan's);
 * the team may reschedule it, change its owner, assign it and keep notes.
 */
export function updateItem(
  item: ChecklistItem,
  valid: ValidItem,
  actor: Actor,
): { next: ChecklistItem; changes: FieldChange[] } {
  const custom = item.template === null;
  const next: ChecklistItem = {
    ...item,
    ...(custom ? { title: valid.title, phase: valid.phase, rationale: valid.rationale } : {}),
    owner: valid.owner,
    offset: valid.offset,
    assignee: valid.assignee,
    notes: valid.notes,
    updatedAt: actor.now,
    updatedBy: actor.operator,
  };
  // An offset is an object: the audit log records it as people read it ("+6 hours").
  const changes = diffFields(
    { ...item, offset: offsetLabel(item.offset) },
    { ...next, offset: offsetLabel(next.offset) },
    ITEM_AUDIT_FIELDS,
  );
  return { next, changes };
}

/**
 * The timeline entry that records an item's completion: an action, linked to the item, titled
 * "Checklist: <item> — done (note)" so the log reads on its own.
 */
export function resolutionEntry(item: ChecklistItem, occurredAt: number): EntryContent {
  const outcome = item.status === 'not-applicable' ? 'not applicable' : 'done';
  const note = item.resolutionNote ?? '';
  const head = `Checklist: ${item.title} — ${outcome}`;
  const shortNote = note.length > 120 ? `${note.slice(0, 119)}…` : note;
  const title = clampText(shortNote === '' ? head : `${head} (${shortNote})`, ENTRY_LIMITS.title);
  return {
    occurredAt,
    occurredPrecision: 'exact',
    reportedAt: null,
    category: 'action',
    title,
    body: clampText(note, ENTRY_LIMITS.body),
    source: '',
    sourceContactId: null,
    verification: 'confirmed',
    tags: ['checklist'],
    release: 'internal',
    links: [
      { kind: 'checklist-item', id: item.id },
      ...(item.resolvedWith ? [{ kind: item.resolvedWith.kind, id: item.resolvedWith.id }] : []),
    ],
    onBehalfOf: null,
    transcribed: false,
    retracted: false,
    retractionReason: null,
  };
}

import { auditEvent, creationChanges, deskAuditLines, type Actor } from '@shared/domain/audit';
import { offsetLabel } from '@shared/domain/checklists/due';
import {
  createCustomItem,
  itemsFromTemplates,
  updateItem,
  validateItemDraft,
  type ItemDraft,
  type ItemDraftErrors,
  type StatusChangeError,
} from '@shared/domain/checklists/items';
import { changeKey, planChangesFor, takeOver } from '@shared/domain/checklists/planUpdate';
import {
  cityTemplateKey,
  createCityTemplate,
  guideTemplateRows,
  latestVersions,
  reviseTemplate,
  type TemplateDraft,
  type TemplateErrors,
} from '@shared/domain/checklists/templates';
import { deskContent } from '@shared/content';
import { newId, type IdGenerator } from '@shared/domain/ids';
import type { IncidentFields } from '@shared/domain/incident/commands';
import { err, ok, type Result } from '@shared/domain/result';
import { DESK_SCOPE, type ChecklistItem, type ChecklistTemplate } from '@shared/schemas/checklists';
import type { AuditEvent, FieldChange, Incident } from '@shared/schemas/entities';

import type { ChecklistsStore } from '../../db/repos/checklistsRepo';
import { writePlanned, type Change, type ChangeKind, type ChangeScope, type Door, type Precondition } from '../door';
import { planNewIncident } from '../incidents/incidents';
import { busy, rowChanger, stillReads, type Moved, type NotWritten } from '../planned';
import { t } from '../../i18n/messages';

export type ChecklistItemWriteError =
  { code: 'not-found'; id: string } | { code: 'invalid'; errors: ItemDraftErrors } | StatusChangeError | NotWritten;

/** Where a new item goes at the end of its phase, and the condition that nobody added one there meanwhile. */
export type ChecklistPositions = {
  endOfPhase(incidentId: string, phase: string): Promise<{ position: number; still: Precondition<Moved> }>;
};

const TEMPLATE_FIELDS = ['templateKey', 'version', 'title', 'origin', 'changeNote'] as const;

/** Peacetime preparedness belongs to no incident: its audit lines and changes are desk-wide. */
export const auditScope = (incidentId: string): string | null => (incidentId === DESK_SCOPE ? null : incidentId);
export const itemScope = (incidentId: string): ChangeScope => (incidentId === DESK_SCOPE ? 'desk' : { incidentId });

/** The audit line of a change to one item, in the name of whoever changed it last. */
export const itemChangeAudit = (
  gen: IdGenerator,
  next: ChecklistItem,
  summary: string,
  changes: FieldChange[],
): AuditEvent =>
  auditEvent({
    id: newId('aud', gen),
    actor: { operator: next.updatedBy, now: next.updatedAt },
    incidentId: auditScope(next.incidentId),
    entityType: 'checklist-item',
    entityId: next.id,
    action: 'update',
    summary,
    changes,
  });

const nothing = (scope: ChangeScope): Change => ({ scope, kind: 'checklist.unchanged', audit: [] });
const ids = (rows: readonly { id: string }[]) => rows.map((r) => r.id).sort();

type Deps = { door: Door; store: ChecklistsStore; gen: IdGenerator };

/**
 * Recovery checklists: the plan's template versions (the guide's, revised, the city's own) and
 * each incident's items (copied from the plan, taken over from a newer version, added by hand,
 * reworded). Every change goes through the door with its audit line.
 */
export function createChecklistCases({ door, store, gen }: Deps) {
  const BUSY = busy('checklist');
  const audit = (input: {
    actor: Actor;
    incidentId: string | null;
    entityType: string;
    entityId: string;
    action: 'create' | 'update';
    summary: string;
    changes?: FieldChange[];
  }): AuditEvent => auditEvent({ id: newId('aud', gen), ...input });
  const templateAudit = deskAuditLines(gen, 'checklist-template');

  /** The plan's templates are still the versions read (a new version is a new row). */
  const templatesStill = (templates: readonly ChecklistTemplate[]) =>
    stillReads(
      'the plan’s template versions are as read',
      ['checklistTemplates'],
      async () => ids(await store.listTemplates()),
      ids(templates),
    );
  /** One template's versions are still those read. */
  const historyStill = (templateKey: string, versions: readonly ChecklistTemplate[]) =>
    stillReads(
      `${templateKey} is still at version ${versions.at(-1)?.version ?? 0}`,
      ['checklistTemplates'],
      async () => ids(await store.templateHistory(templateKey)),
      ids(versions),
    );
  /** A scope's items are still exactly as read. */
  const itemsStill = (incidentId: string, items: readonly ChecklistItem[]) =>
    stillReads(
      `the checklist items of ${incidentId} are as read`,
      ['checklistItems'],
      () => store.listForIncident(incidentId),
      items,
    );

  const endOfPhase: ChecklistPositions['endOfPhase'] = async (incidentId, phase) => {
    const inPhase = await store.inPhase(incidentId, phase);
    const still = stillReads(
      `the ${phase} items of ${incidentId} are as read`,
      ['checklistItems'],
      async () => ids(await store.inPhase(incidentId, phase)),
      ids(inPhase),
    );
    return { position: inPhase.reduce((max, i) => Math.max(max, i.position + 1), 0), still };
  };

  /** Writes the guide's templates as version 1 of every guide checklist the desk does not hold yet. */
  const ensureGuideTemplates = (actor: Actor): Promise<Result<number, NotWritten>> =>
    writePlanned(
      door,
      async () => {
        const held = await store.templateKeys();
        const missing = guideTemplateRows(deskContent().checklists, () => newId('ckt', gen), actor).filter(
          (t) => !held.includes(t.templateKey),
        );
        if (missing.length === 0) return ok({ change: nothing('desk'), value: 0 });
        const line = templateAudit(
          actor,
          'guide',
          'create',
          t('audit.summary.guideChecklistsInstalled', {
            titles: missing.map((m) => m.title).join('; '),
            items: missing.reduce((n, m) => n + m.items.length, 0),
          }),
        );
        const still = stillReads('the templates held are as read', ['checklistTemplates'], store.templateKeys, held);
        return ok({
          change: {
            scope: 'desk' as const,
            kind: 'checklist-plan.guide-installed',
            add: { checklistTemplates: missing },
            audit: [line],
            preconditions: [still],
          },
          value: missing.length,
        });
      },
      BUSY,
    );

  /** The items of the newest version of each chosen template, for an incident, and the one audit line of the copy. */
  const copyTemplates = (
    incidentId: string,
    templateKeys: readonly string[],
    templates: readonly ChecklistTemplate[],
    existing: readonly ChecklistItem[],
    actor: Actor,
  ): { items: ChecklistItem[]; audit: AuditEvent[] } => {
    const latest = latestVersions(templates).filter((t) => templateKeys.includes(t.templateKey));
    const positions = new Map<string, number>();
    for (const i of existing) positions.set(i.phase, Math.max(positions.get(i.phase) ?? 0, i.position + 1));
    const items = itemsFromTemplates(latest, incidentId, () => newId('cki', gen), actor, positions);
    if (latest.length === 0) return { items, audit: [] };
    // One line for the whole copy: which template versions, and how many items each gave.
    const line = audit({
      actor,
      incidentId,
      entityType: 'incident-checklists',
      entityId: incidentId,
      action: 'create',
      summary: t('audit.summary.checklistsAdded', {
        list: latest
          .map((c) =>
            t('audit.summary.checklistVersionItems', {
              title: c.title,
              version: String(c.version),
              items: c.items.length,
            }),
          )
          .join('; '),
      }).slice(0, 500),
      changes: latest.map((t) => ({
        field: t.templateKey,
        before: null,
        after: `version ${t.version}, ${t.items.length} items`,
      })),
    });
    return { items, audit: [line] };
  };

  /** Writes one change to the plan's templates; a refusal comes back as the editor's form error. */
  /** A template version added on the desk with its audit line, on condition that `still` holds. */
  const templateAdded = (kind: ChangeKind, template: ChecklistTemplate, line: AuditEvent, still: Precondition<Moved>) =>
    ok({
      change: {
        scope: 'desk' as const,
        kind,
        add: { checklistTemplates: [template] },
        audit: [line],
        preconditions: [still],
      },
      value: template,
    });
  const writeTemplate = (
    plan: () => Promise<Result<{ change: Change<unknown>; value: ChecklistTemplate }, TemplateErrors>>,
  ): Promise<Result<ChecklistTemplate, TemplateErrors>> =>
    asForm(writePlanned<ChecklistTemplate, TemplateErrors>(door, plan, { form: BUSY.message }));

  const changeItemRow = rowChanger<'checklistItems', ChecklistItemWriteError>(
    door,
    'checklistItems',
    (key) => store.get(key),
    (id) => ({ missing: { code: 'not-found', id }, busy: BUSY }),
  );
  /** Loads one item, applies a change and saves it with its audit line, on condition that the item is still as read. */
  const changeItem = (
    itemId: string,
    apply: (item: ChecklistItem) => Result<{ next: ChecklistItem; changes: FieldChange[] }, ChecklistItemWriteError>,
    summary: (next: ChecklistItem) => string,
  ) =>
    changeItemRow(itemId, (item) => {
      const applied = apply(item);
      if (!applied.ok) return applied;
      const { next, changes } = applied.value;
      if (changes.length === 0) return ok({ change: nothing(itemScope(item.incidentId)), value: item });
      const line = itemChangeAudit(gen, next, summary(next), changes);
      return ok({
        change: {
          scope: itemScope(item.incidentId),
          kind: 'checklist.item-changed',
          put: { checklistItems: [next] },
          audit: [line],
        },
        value: next,
      });
    });

  return {
    ensureGuideTemplates,
    positions: { endOfPhase } satisfies ChecklistPositions,

    listTemplates: store.listTemplates,
    latestTemplates: store.latestTemplates,
    templateHistory: store.templateHistory,
    listForIncident: store.listForIncident,
    get: store.get,
    openItemsOf: store.openItemsOf,

    /**
     * Saves an edited template as its next version. Refused when someone saved a newer version
     * meanwhile: the editor keeps the draft, and nothing stored changes.
     */
    saveTemplateVersion: (templateKey: string, basedOnVersion: number, draft: TemplateDraft, actor: Actor) =>
      writeTemplate(async () => {
        const versions = await store.templateHistory(templateKey);
        const latest = versions.at(-1);
        if (!latest) return err({ form: t('checklists.templateEditor.gone') });
        if (latest.version !== basedOnVersion) {
          return err({
            form: t('checklists.templateEditor.moved', {
              latest: String(latest.version),
              by: latest.createdBy,
              basedOn: String(basedOnVersion),
            }),
          });
        }
        const next = reviseTemplate(latest, draft, {
          id: newId('ckt', gen),
          newKey: () => newId('city', gen),
          actor,
        });
        if (!next.ok) return next;
        const line = templateAudit(
          actor,
          next.value.id,
          'create',
          t('audit.summary.checklistSaved', {
            title: next.value.title,
            version: String(next.value.version),
            note: next.value.changeNote,
          }),
          [{ field: 'version', before: latest.version, after: next.value.version }],
        );
        return templateAdded('checklist-plan.template-revised', next.value, line, historyStill(templateKey, versions));
      }),

    /** A new checklist of the city's own, starting with one item to reword. */
    createTemplate: (input: { title: string; description: string }, actor: Actor) =>
      writeTemplate(async () => {
        const taken = await store.templateKeys();
        const created = createCityTemplate(input, {
          id: newId('ckt', gen),
          templateKey: cityTemplateKey(input.title, new Set(taken)),
          actor,
          firstItem: { key: newId('city', gen), phase: 'immediate', owner: 'emergency-manager' },
        });
        if (!created.ok) return created;
        const line = templateAudit(
          actor,
          created.value.id,
          'create',
          t('audit.summary.checklistCreated', { title: created.value.title }),
          creationChanges(created.value, TEMPLATE_FIELDS),
        );
        const still = stillReads('the templates held are as read', ['checklistTemplates'], store.templateKeys, taken);
        return templateAdded('checklist-plan.template-created', created.value, line, still);
      }),

    /**
     * Creates an incident together with the items of the chosen templates, in one change: an
     * incident never exists without the checklists the team picked for it. The guide's templates
     * are installed first if the desk lacks any (a desk-wide change of its own).
     */
    async startIncident(
      fields: IncidentFields,
      templateKeys: readonly string[],
      actor: Actor,
    ): Promise<Result<Incident, NotWritten>> {
      const installed = await ensureGuideTemplates(actor);
      if (!installed.ok) return installed;
      return writePlanned(
        door,
        async () => {
          const templates = await store.listTemplates();
          const { incident, audit: created } = planNewIncident(gen, fields, actor);
          const copied = copyTemplates(incident.id, templateKeys, templates, [], actor);
          const change: Change<Moved> = {
            scope: { incidentId: incident.id },
            kind: 'incident.started',
            add: { incidents: [incident], checklistItems: copied.items },
            audit: [created, ...copied.audit],
            preconditions: [templatesStill(templates)],
          };
          return ok({ change, value: incident });
        },
        BUSY,
      );
    },

    /**
     * Starts the city's standing preparedness checklist (peacetime work, before any incident)
     * from the preparedness items of the plan's newest templates. Does nothing if it exists.
     */
    async startPreparedness(actor: Actor): Promise<Result<ChecklistItem[], NotWritten>> {
      const installed = await ensureGuideTemplates(actor);
      if (!installed.ok) return installed;
      return writePlanned(
        door,
        async () => {
          const existing = await store.listForIncident(DESK_SCOPE);
          if (existing.length > 0) return ok({ change: nothing('desk'), value: [] as ChecklistItem[] });
          const templates = await store.listTemplates();
          const latest = latestVersions(templates)
            .map((t) => ({ ...t, items: t.items.filter((i) => i.phase === 'preparedness') }))
            .filter((t) => t.items.length > 0);
          const items = itemsFromTemplates(latest, DESK_SCOPE, () => newId('cki', gen), actor);
          const line = audit({
            actor,
            incidentId: null,
            entityType: 'incident-checklists',
            entityId: DESK_SCOPE,
            action: 'create',
            summary: t('audit.summary.preparednessStarted', {
              items: items.length,
              list: latest
                .map((c) => t('audit.summary.checklistVersion', { title: c.title, version: String(c.version) }))
                .join('; '),
            }).slice(0, 500),
          });
          const change: Change<Moved> = {
            scope: 'desk',
            kind: 'preparedness.started',
            add: { checklistItems: items },
            audit: [line],
            preconditions: [itemsStill(DESK_SCOPE, existing), templatesStill(templates)],
          };
          return ok({ change, value: items });
        },
        BUSY,
      );
    },

    /** Adds more templates to an incident that is already running. */
    addTemplates: (
      incidentId: string,
      templateKeys: readonly string[],
      actor: Actor,
    ): Promise<Result<ChecklistItem[], NotWritten>> =>
      writePlanned(
        door,
        async () => {
          const [templates, existing] = await Promise.all([store.listTemplates(), store.listForIncident(incidentId)]);
          const copied = copyTemplates(incidentId, templateKeys, templates, existing, actor);
          const change: Change<Moved> = {
            scope: { incidentId },
            kind: 'checklist.templates-added',
            add: { checklistItems: copied.items },
            audit: copied.audit,
            preconditions: [itemsStill(incidentId, existing), templatesStill(templates)],
          };
          return ok({ change, value: copied.items });
        },
        BUSY,
      ),

    /**
     * Takes the chosen changes of the plan's newest version of a template into a running
     * incident (new items, new wording of open items), checked again against the items as stored
     * now. Resolved items never change. One audit line per item.
     */
    takeOverFromPlan: (
      incidentId: string,
      templateKey: string,
      keys: readonly string[] | 'all',
      actor: Actor,
    ): Promise<Result<number, NotWritten>> =>
      writePlanned(
        door,
        async () => {
          const [versions, existing] = await Promise.all([
            store.templateHistory(templateKey),
            store.listForIncident(incidentId),
          ]);
          const [pending] = planChangesFor(existing, latestVersions(versions));
          const chosen = (pending?.changes ?? []).filter((c) => keys === 'all' || keys.includes(changeKey(c)));
          const { created, updated } = takeOver(chosen, {
            incidentId,
            existing,
            newId: () => newId('cki', gen),
            actor,
          });
          const title = pending?.template.title ?? templateKey;
          const lines = [
            ...created.map((item) =>
              audit({
                actor,
                incidentId,
                entityType: 'checklist-item',
                entityId: item.id,
                action: 'create',
                summary: t('audit.summary.itemTakenOver', {
                  plan: title,
                  version: String(item.template?.version ?? ''),
                  title: item.title,
                }),
                changes: creationChanges({ ...item, offset: offsetLabel(item.offset) }, [
                  'phase',
                  'title',
                  'owner',
                  'offset',
                ]),
              }),
            ),
            ...updated.map((u) =>
              audit({
                actor,
                incidentId,
                entityType: 'checklist-item',
                entityId: u.next.id,
                action: 'update',
                summary: t('audit.summary.itemReworded', {
                  plan: title,
                  version: String(u.next.template?.version ?? ''),
                  title: u.next.title,
                }),
                changes: u.changes,
              }),
            ),
          ];
          const change: Change<Moved> = {
            scope: { incidentId },
            kind: 'checklist.taken-over-from-plan',
            add: { checklistItems: created },
            put: { checklistItems: updated.map((u) => u.next) },
            audit: lines,
            preconditions: [itemsStill(incidentId, existing), historyStill(templateKey, versions)],
          };
          return ok({ change, value: created.length + updated.length });
        },
        BUSY,
      ),

    updateItem: (itemId: string, draft: ItemDraft, actor: Actor) =>
      changeItem(
        itemId,
        (item) => {
          const valid = validateItemDraft(draft);
          return valid.ok ? ok(updateItem(item, valid.value, actor)) : err({ code: 'invalid', errors: valid.error });
        },
        (next) => t('audit.summary.itemChanged', { title: next.title }),
      ),

    /** A custom item for one incident (or the preparedness checklist), at the end of its phase. */
    addCustomItem: (
      incidentId: string,
      draft: ItemDraft,
      actor: Actor,
    ): Promise<Result<ChecklistItem, ItemDraftErrors | NotWritten>> =>
      writePlanned<ChecklistItem, ItemDraftErrors | NotWritten>(
        door,
        async () => {
          const valid = validateItemDraft(draft);
          if (!valid.ok) return valid;
          const end = await endOfPhase(incidentId, valid.value.phase);
          const item = createCustomItem(valid.value, {
            id: newId('cki', gen),
            incidentId,
            position: end.position,
            actor,
          });
          const line = audit({
            actor,
            incidentId: auditScope(incidentId),
            entityType: 'checklist-item',
            entityId: item.id,
            action: 'create',
            summary: t('audit.summary.customItemAdded', { title: item.title }),
            changes: creationChanges(
              { ...item, offset: item.offset === null ? null : `+${item.offset.amount} ${item.offset.unit}` },
              ['phase', 'title', 'owner', 'offset', 'assignee'],
            ),
          });
          return ok({
            change: {
              scope: itemScope(incidentId),
              kind: 'checklist.item-added',
              add: { checklistItems: [item] },
              audit: [line],
              preconditions: [end.still],
            },
            value: item,
          });
        },
        BUSY,
      ),
  };
}

/** The template editors show every failure on their form: a refusal in words goes there too. */
async function asForm<V>(written: Promise<Result<V, TemplateErrors | NotWritten>>): Promise<Result<V, TemplateErrors>> {
  const r = await written;
  return r.ok || !('code' in r.error) ? (r as Result<V, TemplateErrors>) : err({ form: r.error.message });
}

import Dexie from 'dexie';

import { auditEvent, creationChanges, type Actor } from '@shared/domain/audit';
import { GUIDE_CHECKLIST_SEED } from '@shared/domain/guide/checklistSeed';
import { newId, type IdGenerator } from '@shared/domain/ids';
import type { IncidentFields } from '@shared/domain/incident/commands';
import { offsetLabel } from '@shared/domain/checklists/due';
import { changeKey, planChangesFor, takeOver } from '@shared/domain/checklists/planUpdate';
import {
  createCustomItem,
  itemsFromTemplates,
  updateItem,
  validateItemDraft,
  type ItemDraft,
  type ItemDraftErrors,
  type StatusChangeError,
} from '@shared/domain/checklists/items';
import {
  cityTemplateKey,
  createCityTemplate,
  guideTemplateRows,
  latestVersions,
  reviseTemplate,
  type TemplateDraft,
  type TemplateErrors,
} from '@shared/domain/checklists/templates';
import { err, ok, type Result } from '@shared/domain/result';
import { DESK_SCOPE, type ChecklistItem, type ChecklistTemplate } from '@shared/schemas/checklists';
import type { FieldChange, Incident } from '@shared/schemas/entities';

import type { DeskDatabase } from '../database';
import type { IncidentsRepo } from './incidentsRepo';

export type ChecklistItemWriteError =
  | { code: 'not-found'; id: string }
  | { code: 'invalid'; errors: ItemDraftErrors }
  | StatusChangeError;

const TEMPLATE_FIELDS = ['templateKey', 'version', 'title', 'origin', 'changeNote'] as const;

/**
 * Recovery checklists: the plan's template versions and each incident's items. The only code
 * that touches the checklistTemplates and checklistItems tables. Every change writes its audit
 * line in the same transaction.
 */
export function createChecklistsRepo(db: DeskDatabase, gen: IdGenerator, incidents: IncidentsRepo) {
  const audit = (input: { actor: Actor; incidentId: string | null; entityType: string; entityId: string; action: 'create' | 'update'; summary: string; changes?: FieldChange[] }) =>
    db.auditLog.add(auditEvent({ id: newId('aud', gen), ...input }));

  /** Peacetime preparedness belongs to no incident: its audit lines are desk-wide. */
  const auditScope = (incidentId: string): string | null => (incidentId === DESK_SCOPE ? null : incidentId);

  const history = (templateKey: string): Promise<ChecklistTemplate[]> =>
    db.checklistTemplates.where('[templateKey+version]').between([templateKey, Dexie.minKey], [templateKey, Dexie.maxKey]).toArray();

  /** Writes the guide's templates as version 1 of every guide checklist the desk does not hold yet. */
  const ensureGuideTemplates = (actor: Actor): Promise<number> =>
    db.transaction('rw', db.checklistTemplates, db.auditLog, async () => {
      const held = new Set((await db.checklistTemplates.orderBy('templateKey').uniqueKeys()).map(String));
      const missing = guideTemplateRows(GUIDE_CHECKLIST_SEED, () => newId('ckt', gen), actor).filter((t) => !held.has(t.templateKey));
      if (missing.length === 0) return 0;
      await db.checklistTemplates.bulkAdd(missing);
      await audit({
        actor,
        incidentId: null,
        entityType: 'checklist-template',
        entityId: 'guide',
        action: 'create',
        summary: `Guide checklists installed: ${missing.map((t) => t.title).join('; ')} (version 1, ${missing.reduce((n, t) => n + t.items.length, 0)} items)`,
      });
      return missing.length;
    });

  /** Copies the newest version of each chosen template into the incident. */
  const addTemplatesIn = async (incidentId: string, templateKeys: readonly string[], actor: Actor): Promise<ChecklistItem[]> => {
    const latest = latestVersions(await db.checklistTemplates.toArray()).filter((t) => templateKeys.includes(t.templateKey));
    const existing = await db.checklistItems.where('incidentId').equals(incidentId).toArray();
    const positions = new Map<string, number>();
    for (const i of existing) positions.set(i.phase, Math.max(positions.get(i.phase) ?? 0, i.position + 1));
    const items = itemsFromTemplates(latest, incidentId, () => newId('cki', gen), actor, positions);
    await db.checklistItems.bulkAdd(items);
    if (latest.length === 0) return items;
    // One line for the whole copy: which template versions, and how many items each gave.
    await audit({
      actor,
      incidentId,
      entityType: 'incident-checklists',
      entityId: incidentId,
      action: 'create',
      summary: `Checklists added to the incident: ${latest.map((t) => `${t.title}, version ${t.version} (${t.items.length} items)`).join('; ')}`.slice(0, 500),
      changes: latest.map((t) => ({ field: t.templateKey, before: null, after: `version ${t.version}, ${t.items.length} items` })),
    });
    return items;
  };

  /** Loads one item, applies a change and saves it with its audit line, in one transaction. */
  const changeItem = <E>(
    itemId: string,
    apply: (item: ChecklistItem) => Result<{ next: ChecklistItem; changes: FieldChange[] }, E>,
    summary: (next: ChecklistItem) => string,
  ): Promise<Result<ChecklistItem, E | { code: 'not-found'; id: string }>> =>
    db.transaction('rw', db.checklistItems, db.auditLog, async () => {
      const item = await db.checklistItems.get(itemId);
      if (!item) return err({ code: 'not-found' as const, id: itemId });
      const applied = apply(item);
      if (!applied.ok) return applied;
      const { next, changes } = applied.value;
      if (changes.length === 0) return ok(item);
      await db.checklistItems.put(next);
      await audit({ actor: { operator: next.updatedBy, now: next.updatedAt }, incidentId: auditScope(item.incidentId), entityType: 'checklist-item', entityId: item.id, action: 'update', summary: summary(next), changes });
      return ok(next);
    });

  return {
    ensureGuideTemplates,

    /** Every stored version of every template. */
    listTemplates: (): Promise<ChecklistTemplate[]> => db.checklistTemplates.toArray(),
    latestTemplates: async (): Promise<ChecklistTemplate[]> => latestVersions(await db.checklistTemplates.toArray()),
    /** Every version of one template, oldest first. */
    templateHistory: history,

    /**
     * Saves an edited template as its next version. Refused when someone saved a newer version
     * meanwhile: the editor keeps the draft, and nothing stored changes.
     */
    saveTemplateVersion: (templateKey: string, basedOnVersion: number, draft: TemplateDraft, actor: Actor): Promise<Result<ChecklistTemplate, TemplateErrors>> =>
      db.transaction('rw', db.checklistTemplates, db.auditLog, async () => {
        const versions = await history(templateKey);
        const latest = versions.at(-1);
        if (!latest) return err({ form: 'This checklist is no longer on the desk (a backup may have been restored). Nothing was saved.' });
        if (latest.version !== basedOnVersion) {
          return err({ form: `Version ${latest.version} of this checklist was saved by ${latest.createdBy} while you were editing version ${basedOnVersion}. Your changes are still here: reload the checklist to start from the newest version.` });
        }
        const next = reviseTemplate(latest, draft, { id: newId('ckt', gen), newKey: () => newId('city', gen), actor });
        if (!next.ok) return next;
        await db.checklistTemplates.add(next.value);
        await audit({
          actor,
          incidentId: null,
          entityType: 'checklist-template',
          entityId: next.value.id,
          action: 'create',
          summary: `Checklist “${next.value.title}” saved as version ${next.value.version}: ${next.value.changeNote}`,
          changes: [{ field: 'version', before: latest.version, after: next.value.version }],
        });
        return ok(next.value);
      }),

    /** A new checklist of the city's own, starting with one item to reword. */
    createTemplate: (input: { title: string; description: string }, actor: Actor): Promise<Result<ChecklistTemplate, TemplateErrors>> =>
      db.transaction('rw', db.checklistTemplates, db.auditLog, async () => {
        const taken = new Set((await db.checklistTemplates.orderBy('templateKey').uniqueKeys()).map(String));
        const created = createCityTemplate(input, {
          id: newId('ckt', gen),
          templateKey: cityTemplateKey(input.title, taken),
          actor,
          firstItem: { key: newId('city', gen), phase: 'immediate', owner: 'emergency-manager' },
        });
        if (!created.ok) return created;
        await db.checklistTemplates.add(created.value);
        await audit({ actor, incidentId: null, entityType: 'checklist-template', entityId: created.value.id, action: 'create', summary: `New checklist “${created.value.title}” created`, changes: creationChanges(created.value, TEMPLATE_FIELDS) });
        return ok(created.value);
      }),

    /**
     * Creates an incident together with the items of the chosen templates, in one transaction:
     * an incident never exists without the checklists the team picked for it.
     */
    startIncident: (fields: IncidentFields, templateKeys: readonly string[], actor: Actor): Promise<Incident> =>
      db.transaction('rw', [db.incidents, db.auditLog, db.checklistTemplates, db.checklistItems], async () => {
        await ensureGuideTemplates(actor);
        const incident = await incidents.create(fields, actor);
        await addTemplatesIn(incident.id, templateKeys, actor);
        return incident;
      }),

    /**
     * Starts the city's standing preparedness checklist (peacetime work, before any incident)
     * from the preparedness items of the plan's newest templates. Does nothing if it exists.
     */
    startPreparedness: (actor: Actor): Promise<ChecklistItem[]> =>
      db.transaction('rw', [db.auditLog, db.checklistTemplates, db.checklistItems], async () => {
        await ensureGuideTemplates(actor);
        if ((await db.checklistItems.where('incidentId').equals(DESK_SCOPE).count()) > 0) return [];
        const latest = latestVersions(await db.checklistTemplates.toArray())
          .map((t) => ({ ...t, items: t.items.filter((i) => i.phase === 'preparedness') }))
          .filter((t) => t.items.length > 0);
        const items = itemsFromTemplates(latest, DESK_SCOPE, () => newId('cki', gen), actor);
        await db.checklistItems.bulkAdd(items);
        await audit({
          actor,
          incidentId: null,
          entityType: 'incident-checklists',
          entityId: DESK_SCOPE,
          action: 'create',
          summary: `Preparedness checklist started: ${items.length} items from ${latest.map((t) => `${t.title}, version ${t.version}`).join('; ')}`.slice(0, 500),
        });
        return items;
      }),

    /** Adds more templates to an incident that is already running. */
    addTemplates: (incidentId: string, templateKeys: readonly string[], actor: Actor): Promise<ChecklistItem[]> =>
      db.transaction('rw', [db.auditLog, db.checklistTemplates, db.checklistItems], () => addTemplatesIn(incidentId, templateKeys, actor)),

    listForIncident: (incidentId: string): Promise<ChecklistItem[]> => db.checklistItems.where('incidentId').equals(incidentId).toArray(),

    get: (itemId: string): Promise<ChecklistItem | undefined> => db.checklistItems.get(itemId),

    /** Open items (to do, in progress) of the given incidents, for the dashboard's overdue counts. */
    openItemsOf: (incidentIds: readonly string[]): Promise<ChecklistItem[]> =>
      incidentIds.length === 0
        ? Promise.resolve([])
        : db.checklistItems.where('[incidentId+status]').anyOf(incidentIds.flatMap((id) => [[id, 'todo'], [id, 'in-progress']])).toArray(),

    /**
     * Takes the chosen changes of the plan's newest version of a template into a running
     * incident (new items, new wording of open items), checked again against the items as stored
     * now. Resolved items never change. One audit line per item.
     */
    takeOverFromPlan: (incidentId: string, templateKey: string, keys: readonly string[] | 'all', actor: Actor): Promise<number> =>
      db.transaction('rw', db.checklistTemplates, db.checklistItems, db.auditLog, async () => {
        const latest = latestVersions(await history(templateKey));
        const existing = await db.checklistItems.where('incidentId').equals(incidentId).toArray();
        const [pending] = planChangesFor(existing, latest);
        const chosen = (pending?.changes ?? []).filter((c) => keys === 'all' || keys.includes(changeKey(c)));
        const { created, updated } = takeOver(chosen, { incidentId, existing, newId: () => newId('cki', gen), actor });
        await db.checklistItems.bulkAdd(created);
        await db.checklistItems.bulkPut(updated.map((u) => u.next));
        for (const item of created) {
          await audit({ actor, incidentId, entityType: 'checklist-item', entityId: item.id, action: 'create', summary: `Checklist item taken over from the plan (“${pending?.template.title ?? templateKey}”, version ${item.template?.version ?? ''}): ${item.title}`, changes: creationChanges({ ...item, offset: offsetLabel(item.offset) }, ['phase', 'title', 'owner', 'offset']) });
        }
        for (const u of updated) {
          await audit({ actor, incidentId, entityType: 'checklist-item', entityId: u.next.id, action: 'update', summary: `Checklist item reworded as in the plan (“${pending?.template.title ?? templateKey}”, version ${u.next.template?.version ?? ''}): ${u.next.title}`, changes: u.changes });
        }
        return created.length + updated.length;
      }),

    updateItem: (itemId: string, draft: ItemDraft, actor: Actor) =>
      changeItem<ChecklistItemWriteError>(
        itemId,
        (item) => {
          const valid = validateItemDraft(draft);
          return valid.ok ? ok(updateItem(item, valid.value, actor)) : err({ code: 'invalid', errors: valid.error });
        },
        (next) => `Checklist item “${next.title}” changed`,
      ),

    /** A custom item for one incident, at the end of its phase. */
    addCustomItem: (incidentId: string, draft: ItemDraft, actor: Actor): Promise<Result<ChecklistItem, ItemDraftErrors>> =>
      db.transaction('rw', db.checklistItems, db.auditLog, async () => {
        const valid = validateItemDraft(draft);
        if (!valid.ok) return valid;
        const inPhase = await db.checklistItems.where('[incidentId+phase]').equals([incidentId, valid.value.phase]).toArray();
        const position = inPhase.reduce((max, i) => Math.max(max, i.position + 1), 0);
        const item = createCustomItem(valid.value, { id: newId('cki', gen), incidentId, position, actor });
        await db.checklistItems.add(item);
        await audit({
          actor,
          incidentId: auditScope(incidentId),
          entityType: 'checklist-item',
          entityId: item.id,
          action: 'create',
          summary: `Custom checklist item added: ${item.title}`,
          changes: creationChanges({ ...item, offset: item.offset === null ? null : `+${item.offset.amount} ${item.offset.unit}` }, ['phase', 'title', 'owner', 'offset', 'assignee']),
        });
        return ok(item);
      }),
  };
}
export type ChecklistsRepo = ReturnType<typeof createChecklistsRepo>;

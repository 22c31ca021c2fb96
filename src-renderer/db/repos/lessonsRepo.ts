import { auditEvent, creationChanges, diffFields, type Actor } from '@shared/domain/audit';
import { newId, type IdGenerator } from '@shared/domain/ids';
import { checklistDraftFromAction, type LessonToItemError } from '@shared/domain/checklists/fromLesson';
import { createCustomItem, validateItemDraft, type ItemDraftErrors } from '@shared/domain/checklists/items';
import { currentLessons, isLessonExported, newLesson, type LessonFields } from '@shared/domain/lessons';
import { err, ok, type Result } from '@shared/domain/result';
import type { ChecklistItem } from '@shared/schemas/checklists';
import { LessonSchema, type Lesson } from '@shared/schemas/lessons';

import type { DeskDatabase } from '../database';

const FIELDS = ['kind', 'text', 'owner', 'dueDate', 'answers', 'status', 'checklistItemId', 'supersedes'] as const;

export type LessonWriteError = { code: 'not-found' } | { code: 'exported'; exportedAt: number };

export function createLessonsRepo(db: DeskDatabase, gen: IdGenerator) {
  const audit = (actor: Actor, lesson: Lesson, action: 'create' | 'update' | 'delete', summary: string, changes = creationChanges(lesson, FIELDS)) =>
    db.auditLog.add(auditEvent({ id: newId('aud', gen), actor, incidentId: lesson.incidentId, entityType: 'lesson', entityId: lesson.id, action, summary, changes }));

  /** When a record of the incident last left the desk (from the log of published heads), or null. */
  const lastExportAt = async (incidentId: string): Promise<number | null> => {
    const exports = await db.publishedHeads.where('incidentId').equals(incidentId).filter((h) => h.via === 'export').toArray();
    return exports.length === 0 ? null : Math.max(...exports.map((h) => h.at));
  };

  /** One door for every lesson written: the schema its readers use. */
  const put = async (lesson: Lesson) => db.lessons.put(LessonSchema.parse(lesson));

  return {
    /** The incident's lessons as they read now (a lesson reworded after an export shows its newest version), oldest first. */
    listForIncident: async (incidentId: string): Promise<Lesson[]> => currentLessons(await db.lessons.where('incidentId').equals(incidentId).sortBy('createdAt')),

    lastExportAt,

    add: (incidentId: string, fields: LessonFields, actor: Actor): Promise<Lesson> =>
      db.transaction('rw', db.lessons, db.auditLog, async () => {
        const lesson = newLesson(fields, { id: newId('les', gen), incidentId }, actor);
        await put(lesson);
        await audit(actor, lesson, 'create', `Lesson recorded: ${lesson.text.slice(0, 80)}`);
        return lesson;
      }),

    /**
     * Rewords a lesson. Until a record holding it is exported the lesson is changed in place;
     * after that, the change is a new version that supersedes it, and the exported wording stays.
     * Status and the checklist link are the action's progress, kept in place either way.
     */
    update: (id: string, patch: Partial<Pick<Lesson, 'text' | 'owner' | 'dueDate' | 'answers' | 'status' | 'checklistItemId'>>, actor: Actor): Promise<Result<Lesson, LessonWriteError>> =>
      db.transaction('rw', db.lessons, db.auditLog, db.publishedHeads, async () => {
        const current = await db.lessons.get(id);
        if (!current) return err({ code: 'not-found' as const });
        const rewording = (['text', 'owner', 'dueDate', 'answers'] as const).some((f) => f in patch && (patch[f] ?? null) !== (current[f] ?? null));
        if (rewording && isLessonExported(current, await lastExportAt(current.incidentId))) {
          const version: Lesson = { ...current, ...patch, id: newId('les', gen), supersedes: current.id, createdAt: actor.now, createdBy: actor.operator, updatedAt: actor.now, updatedBy: actor.operator };
          await put(version);
          await audit(actor, version, 'create', `Lesson reworded after the record was exported (a new version; the exported wording is kept): ${version.text.slice(0, 80)}`, diffFields(current, version, FIELDS));
          return ok(version);
        }
        const next: Lesson = { ...current, ...patch, updatedAt: actor.now, updatedBy: actor.operator };
        await put(next);
        await audit(actor, next, 'update', `Lesson updated: ${next.text.slice(0, 80)}`, diffFields(current, next, FIELDS));
        return ok(next);
      }),

    /** Removes a lesson no exported record holds yet; once exported, a lesson stays. */
    remove: (id: string, actor: Actor): Promise<Result<Lesson, LessonWriteError>> =>
      db.transaction('rw', db.lessons, db.auditLog, db.publishedHeads, async () => {
        const current = await db.lessons.get(id);
        if (!current) return err({ code: 'not-found' as const });
        const exportedAt = await lastExportAt(current.incidentId);
        if (exportedAt !== null && isLessonExported(current, exportedAt)) return err({ code: 'exported' as const, exportedAt });
        await db.lessons.delete(id);
        await audit(actor, current, 'delete', `Lesson removed before any export: ${current.text.slice(0, 80)}`, diffFields(current, { ...current, text: '' }, ['text']));
        return ok(current);
      }),

    /**
     * Turns a corrective action into a custom checklist item of its incident, once: the item and
     * the lesson's link to it are written together, or neither is.
     */
    toChecklist: (id: string, actor: Actor): Promise<Result<ChecklistItem, { code: 'not-found' } | { code: 'already'; itemId: string } | LessonToItemError | { code: 'invalid'; errors: ItemDraftErrors }>> =>
      db.transaction('rw', [db.lessons, db.incidents, db.checklistItems, db.auditLog], async () => {
        const lesson = await db.lessons.get(id);
        const incident = lesson && (await db.incidents.get(lesson.incidentId));
        if (!lesson || !incident) return err({ code: 'not-found' as const });
        if (lesson.checklistItemId !== null) return err({ code: 'already' as const, itemId: lesson.checklistItemId });
        const draft = checklistDraftFromAction(lesson, incident);
        if (!draft.ok) return draft;
        const valid = validateItemDraft(draft.value);
        if (!valid.ok) return err({ code: 'invalid' as const, errors: valid.error });
        const inPhase = await db.checklistItems.where('[incidentId+phase]').equals([incident.id, valid.value.phase]).toArray();
        const item = createCustomItem(valid.value, { id: newId('cki', gen), incidentId: incident.id, position: inPhase.reduce((max, i) => Math.max(max, i.position + 1), 0), actor });
        await db.checklistItems.add(item);
        await db.auditLog.add(auditEvent({ id: newId('aud', gen), actor, incidentId: incident.id, entityType: 'checklist-item', entityId: item.id, action: 'create', summary: `Checklist item added from a corrective action: ${item.title}`, changes: creationChanges(item, ['phase', 'title', 'assignee']) }));
        const next: Lesson = { ...lesson, checklistItemId: item.id, updatedAt: actor.now, updatedBy: actor.operator };
        await put(next);
        await audit(actor, next, 'update', `Corrective action put on the checklist: ${next.text.slice(0, 80)}`, diffFields(lesson, next, FIELDS));
        return ok(item);
      }),
  };
}
export type LessonsRepo = ReturnType<typeof createLessonsRepo>;

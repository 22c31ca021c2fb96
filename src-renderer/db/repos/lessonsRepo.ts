import { auditEvent, creationChanges, diffFields, type Actor } from '@shared/domain/audit';
import { newId, type IdGenerator } from '@shared/domain/ids';
import { checklistDraftFromAction, type LessonToItemError } from '@shared/domain/checklists/fromLesson';
import { createCustomItem, validateItemDraft, type ItemDraftErrors } from '@shared/domain/checklists/items';
import { newLesson } from '@shared/domain/lessons';
import { err, ok, type Result } from '@shared/domain/result';
import type { ChecklistItem } from '@shared/schemas/checklists';
import type { Lesson } from '@shared/schemas/lessons';

import type { DeskDatabase } from '../database';

const FIELDS = ['kind', 'text', 'owner', 'dueDate', 'status', 'checklistItemId'] as const;

export function createLessonsRepo(db: DeskDatabase, gen: IdGenerator) {
  const audit = (actor: Actor, lesson: Lesson, action: 'create' | 'update', summary: string, changes = creationChanges(lesson, FIELDS)) =>
    db.auditLog.add(auditEvent({ id: newId('aud', gen), actor, incidentId: lesson.incidentId, entityType: 'lesson', entityId: lesson.id, action, summary, changes }));

  return {
    listForIncident: (incidentId: string): Promise<Lesson[]> => db.lessons.where('incidentId').equals(incidentId).sortBy('createdAt'),

    add: (incidentId: string, fields: Pick<Lesson, 'kind' | 'text' | 'owner' | 'dueDate'>, actor: Actor): Promise<Lesson> =>
      db.transaction('rw', db.lessons, db.auditLog, async () => {
        const lesson = newLesson(fields, { id: newId('les', gen), incidentId }, actor);
        await db.lessons.add(lesson);
        await audit(actor, lesson, 'create', `Lesson recorded: ${lesson.text.slice(0, 80)}`);
        return lesson;
      }),

    update: (id: string, patch: Partial<Pick<Lesson, 'text' | 'owner' | 'dueDate' | 'status' | 'checklistItemId'>>, actor: Actor): Promise<Result<Lesson, { code: 'not-found' }>> =>
      db.transaction('rw', db.lessons, db.auditLog, async () => {
        const current = await db.lessons.get(id);
        if (!current) return err({ code: 'not-found' as const });
        const next: Lesson = { ...current, ...patch, updatedAt: actor.now, updatedBy: actor.operator };
        await db.lessons.put(next);
        await audit(actor, next, 'update', `Lesson updated: ${next.text.slice(0, 80)}`, diffFields(current, next, FIELDS));
        return ok(next);
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
        await db.lessons.put(next);
        await audit(actor, next, 'update', `Corrective action put on the checklist: ${next.text.slice(0, 80)}`, diffFields(lesson, next, FIELDS));
        return ok(item);
      }),
  };
}
export type LessonsRepo = ReturnType<typeof createLessonsRepo>;

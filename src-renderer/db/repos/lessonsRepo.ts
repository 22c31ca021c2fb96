import { auditEvent, creationChanges, diffFields, type Actor } from '@shared/domain/audit';
import { newId, type IdGenerator } from '@shared/domain/ids';
import { newLesson } from '@shared/domain/lessons';
import { err, ok, type Result } from '@shared/domain/result';
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
  };
}
export type LessonsRepo = ReturnType<typeof createLessonsRepo>;

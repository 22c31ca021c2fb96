import { err, ok, type Result } from './result';
import type { Actor } from './audit';
import type { Lesson, LessonKind } from '../schemas/lessons';

export type LessonDraft = { kind: LessonKind; text: string; owner: string; dueDate: string };
export type LessonErrors = Partial<Record<keyof LessonDraft, string>>;

/** A lesson from the form; a corrective action must say who and by when, or it is only a wish. */
export function validateLesson(draft: LessonDraft): Result<Pick<Lesson, 'kind' | 'text' | 'owner' | 'dueDate'>, LessonErrors> {
  const errors: LessonErrors = {};
  const text = draft.text.trim();
  if (text === '') errors.text = 'Write the lesson in a sentence or two.';
  else if (text.length > 4000) errors.text = 'Keep it under 4,000 characters.';
  const action = draft.kind === 'corrective-action';
  if (action && draft.owner.trim() === '') errors.owner = 'Name who owns this action.';
  if (action && !/^\d{4}-\d{2}-\d{2}$/.test(draft.dueDate)) errors.dueDate = 'Give the date it is due.';
  if (Object.keys(errors).length > 0) return err(errors);
  return ok({ kind: draft.kind, text, owner: action ? draft.owner.trim() : null, dueDate: action ? draft.dueDate : null });
}

export function newLesson(fields: Pick<Lesson, 'kind' | 'text' | 'owner' | 'dueDate'>, ids: { id: string; incidentId: string }, actor: Actor): Lesson {
  return { ...ids, ...fields, status: 'open', checklistItemId: null, createdAt: actor.now, createdBy: actor.operator, updatedAt: actor.now, updatedBy: actor.operator };
}

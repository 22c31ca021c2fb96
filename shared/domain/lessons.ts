import { err, ok, type Result } from './result';
import type { Actor } from './audit';
import type { Lesson, LessonKind } from '../schemas/lessons';
import { format } from '../i18n/format';

export type LessonDraft = { kind: LessonKind; text: string; owner: string; dueDate: string; answers: string };
export type LessonErrors = Partial<Record<keyof LessonDraft, string>>;

export type LessonFields = Pick<Lesson, 'kind' | 'text' | 'owner' | 'dueDate'> & { answers: string | null };

/**
 * A lesson from the form. A corrective action must say who and by when, or it is only a wish,
 * and which area for improvement it answers, or nobody can tell what it is for.
 */
export function validateLesson(
  draft: LessonDraft,
  improvements: readonly string[] = [],
): Result<LessonFields, LessonErrors> {
  const errors: LessonErrors = {};
  const text = draft.text.trim();
  if (text === '') errors.text = format('lessons.noText');
  else if (text.length > 4000) errors.text = format('lessons.textTooLong', { limit: 4000 });
  const action = draft.kind === 'corrective-action';
  if (action && draft.owner.trim() === '') errors.owner = format('lessons.noOwner');
  if (action && !/^\d{4}-\d{2}-\d{2}$/.test(draft.dueDate)) errors.dueDate = format('lessons.noDueDate');
  if (action && !improvements.includes(draft.answers)) {
    errors.answers = format(improvements.length === 0 ? 'lessons.noImprovementYet' : 'lessons.chooseImprovement');
  }
  if (Object.keys(errors).length > 0) return err(errors);
  return ok({
    kind: draft.kind,
    text,
    owner: action ? draft.owner.trim() : null,
    dueDate: action ? draft.dueDate : null,
    answers: action ? draft.answers : null,
  });
}

export function newLesson(fields: LessonFields, ids: { id: string; incidentId: string }, actor: Actor): Lesson {
  return {
    ...ids,
    ...fields,
    status: 'open',
    checklistItemId: null,
    createdAt: actor.now,
    createdBy: actor.operator,
    updatedAt: actor.now,
    updatedBy: actor.operator,
  };
}

/**
 * Whether a lesson's wording is fixed: it existed when a record of its incident was exported,
 * so that record quotes it. It can no longer be removed, and a change is saved as a new version.
 */
export function isLessonExported(lesson: Pick<Lesson, 'createdAt'>, lastExportAt: number | null): boolean {
  return lastExportAt !== null && lesson.createdAt <= lastExportAt;
}

/** The lessons as they read now: a lesson reworded after an export is replaced by its newest version. */
export function currentLessons<T extends Pick<Lesson, 'id' | 'supersedes'>>(lessons: readonly T[]): T[] {
  const replaced = new Set(lessons.map((l) => l.supersedes).filter((id): id is string => typeof id === 'string'));
  return lessons.filter((l) => !replaced.has(l.id));
}

import { auditEvent, creationChanges, diffFields, type Actor } from '@shared/domain/audit';
import { checklistDraftFromAction, type LessonToItemError } from '@shared/domain/checklists/fromLesson';
import { createCustomItem, validateItemDraft, type ItemDraftErrors } from '@shared/domain/checklists/items';
import { newId, type IdGenerator } from '@shared/domain/ids';
import { isLessonExported, newLesson, type LessonFields } from '@shared/domain/lessons';
import { err, ok, type Result } from '@shared/domain/result';
import type { ChecklistItem } from '@shared/schemas/checklists';
import type { AuditEvent, FieldChange } from '@shared/schemas/entities';
import { LessonSchema, type Lesson } from '@shared/schemas/lessons';

import type { IncidentsStore } from '../../db/repos/incidentsRepo';
import type { LessonsStore } from '../../db/repos/lessonsRepo';
import type { Door } from '../door';
import { busy, changeRow, stillReads, type NotWritten, type Planned } from '../planned';
import type { ChecklistPositions } from '../checklists/checklists';
import { t } from '../../i18n/messages';

const FIELDS = ['kind', 'text', 'owner', 'dueDate', 'answers', 'status', 'checklistItemId', 'supersedes'] as const;

export type LessonWriteError = { code: 'not-found' } | { code: 'exported'; exportedAt: number } | NotWritten;
export type LessonToChecklistError =
  | { code: 'not-found' }
  | { code: 'already'; itemId: string }
  | LessonToItemError
  | { code: 'invalid'; errors: ItemDraftErrors }
  | NotWritten;

type Deps = {
  door: Door;
  store: LessonsStore;
  incidents: IncidentsStore;
  positions: ChecklistPositions;
  gen: IdGenerator;
};

/** A lesson as its readers store it (the text trimmed); a lesson the schema refuses is left for the door to refuse in words. */
const stored = (lesson: Lesson): Lesson => {
  const parsed = LessonSchema.safeParse(lesson);
  return parsed.success ? parsed.data : lesson;
};

/** Lessons learned and their corrective actions: recorded, reworded (a new version once exported), removed, put on the checklist. */
export function createLessonCases({ door, store, incidents, positions, gen }: Deps) {
  const BUSY = busy('lesson');
  const lessonAudit = (
    actor: Actor,
    lesson: Lesson,
    action: 'create' | 'update' | 'delete',
    summary: string,
    changes: FieldChange[] = creationChanges(lesson, FIELDS),
  ): AuditEvent =>
    auditEvent({
      id: newId('aud', gen),
      actor,
      incidentId: lesson.incidentId,
      entityType: 'lesson',
      entityId: lesson.id,
      action,
      summary,
      changes,
    });
  /** The change was planned on when the incident's record last left the desk. */
  const exportStill = (incidentId: string, exportedAt: number | null) =>
    stillReads(
      `the record of ${incidentId} last exported at ${exportedAt}`,
      ['publishedHeads'],
      () => store.lastExportAt(incidentId),
      exportedAt,
    );

  /** Changes one lesson as stored now; `plan` says what to write. */
  const changeLesson = <V, E>(
    id: string,
    plan: (current: Lesson) => Promise<Result<Planned<V>, E | { code: 'not-found' } | NotWritten>>,
  ) =>
    changeRow<'lessons', V, E | { code: 'not-found' } | NotWritten>(door, {
      table: 'lessons',
      key: id,
      read: store.get,
      missing: { code: 'not-found' },
      busy: BUSY,
      plan,
    });

  return {
    listForIncident: store.listForIncident,
    lastExportAt: store.lastExportAt,

    /** Records a lesson; one its readers would refuse comes back as `refused`, nothing stored. */
    add(incidentId: string, fields: LessonFields, actor: Actor): Promise<Result<Lesson, NotWritten>> {
      const lesson = stored(newLesson(fields, { id: newId('les', gen), incidentId }, actor));
      const audit = lessonAudit(
        actor,
        lesson,
        'create',
        t('audit.summary.lessonRecorded', { text: lesson.text.slice(0, 80) }),
      );
      return door
        .write({ scope: { incidentId }, kind: 'lesson.recorded', add: { lessons: [lesson] }, audit: [audit] })
        .then((w) => (w.ok ? ok(lesson) : w));
    },

    /**
     * Rewords a lesson. Until a record holding it is exported the lesson is changed in place;
     * after that, the change is a new version that supersedes it, and the exported wording stays.
     * Status and the checklist link are the action's progress, kept in place either way.
     */
    update: (
      id: string,
      patch: Partial<Pick<Lesson, 'text' | 'owner' | 'dueDate' | 'answers' | 'status' | 'checklistItemId'>>,
      actor: Actor,
    ): Promise<Result<Lesson, LessonWriteError>> =>
      changeLesson<Lesson, LessonWriteError>(id, async (current) => {
        const scope = { incidentId: current.incidentId };
        const rewording = (['text', 'owner', 'dueDate', 'answers'] as const).some(
          (f) => f in patch && (patch[f] ?? null) !== (current[f] ?? null),
        );
        const exportedAt = rewording ? await store.lastExportAt(current.incidentId) : null;
        const asVersion = rewording && isLessonExported(current, exportedAt);
        const next = stored(
          asVersion
            ? {
                ...current,
                ...patch,
                id: newId('les', gen),
                supersedes: current.id,
                createdAt: actor.now,
                createdBy: actor.operator,
                updatedAt: actor.now,
                updatedBy: actor.operator,
              }
            : { ...current, ...patch, updatedAt: actor.now, updatedBy: actor.operator },
        );
        const audit = lessonAudit(
          actor,
          next,
          asVersion ? 'create' : 'update',
          t(asVersion ? 'audit.summary.lessonReworded' : 'audit.summary.lessonUpdated', {
            text: next.text.slice(0, 80),
          }),
          diffFields(current, next, FIELDS),
        );
        return ok({
          change: {
            scope,
            ...(asVersion
              ? { kind: 'lesson.reworded', add: { lessons: [next] } }
              : { kind: 'lesson.updated', put: { lessons: [next] } }),
            audit: [audit],
            ...(rewording && { preconditions: [exportStill(current.incidentId, exportedAt)] }),
          },
          value: next,
        });
      }),

    /** Removes a lesson no exported record holds yet; once exported, a lesson stays. */
    remove: (id: string, actor: Actor): Promise<Result<Lesson, LessonWriteError>> =>
      changeLesson<Lesson, LessonWriteError>(id, async (current) => {
        const exportedAt = await store.lastExportAt(current.incidentId);
        if (exportedAt !== null && isLessonExported(current, exportedAt)) return err({ code: 'exported', exportedAt });
        const audit = lessonAudit(
          actor,
          current,
          'delete',
          t('audit.summary.lessonRemoved', { text: current.text.slice(0, 80) }),
          diffFields(current, { ...current, text: '' }, ['text']),
        );
        return ok({
          change: {
            scope: { incidentId: current.incidentId },
            kind: 'lesson.removed',
            delete: { lessons: [id] },
            audit: [audit],
            preconditions: [exportStill(current.incidentId, exportedAt)],
          },
          value: current,
        });
      }),

    /**
     * Turns a corrective action into a custom checklist item of its incident, once: the item and
     * the lesson's link to it are written together, or neither is.
     */
    toChecklist: (id: string, actor: Actor): Promise<Result<ChecklistItem, LessonToChecklistError>> =>
      changeLesson<ChecklistItem, LessonToChecklistError>(id, async (lesson) => {
        const incident = await incidents.get(lesson.incidentId);
        if (!incident) return err({ code: 'not-found' });
        if (lesson.checklistItemId !== null) return err({ code: 'already', itemId: lesson.checklistItemId });
        const draft = checklistDraftFromAction(lesson, incident);
        if (!draft.ok) return draft;
        const valid = validateItemDraft(draft.value);
        if (!valid.ok) return err({ code: 'invalid', errors: valid.error });
        const end = await positions.endOfPhase(incident.id, valid.value.phase);
        const item = createCustomItem(valid.value, {
          id: newId('cki', gen),
          incidentId: incident.id,
          position: end.position,
          actor,
        });
        const next = stored({ ...lesson, checklistItemId: item.id, updatedAt: actor.now, updatedBy: actor.operator });
        const audit = [
          auditEvent({
            id: newId('aud', gen),
            actor,
            incidentId: incident.id,
            entityType: 'checklist-item',
            entityId: item.id,
            action: 'create',
            summary: t('audit.summary.itemFromCorrectiveAction', { title: item.title }),
            changes: creationChanges(item, ['phase', 'title', 'assignee']),
          }),
          lessonAudit(
            actor,
            next,
            'update',
            t('audit.summary.correctiveOnChecklist', { text: next.text.slice(0, 80) }),
            diffFields(lesson, next, FIELDS),
          ),
        ];
        return ok({
          change: {
            scope: { incidentId: incident.id },
            kind: 'lesson.put-on-checklist',
            add: { checklistItems: [item] },
            put: { lessons: [next] },
            audit,
            preconditions: [end.still],
          },
          value: item,
        });
      }),
  };
}

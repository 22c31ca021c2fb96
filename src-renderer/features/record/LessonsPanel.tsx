import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type ReactElement } from 'react';

import { describeLessonToItemError } from '@shared/domain/checklists/fromLesson';
import { citeGuide } from '@shared/domain/guide/citation';
import { isLessonExported, validateLesson, type LessonDraft, type LessonErrors } from '@shared/domain/lessons';
import type { DeskSettings, Incident } from '@shared/schemas/entities';
import { LESSON_KINDS, LESSON_KIND_HEADINGS, LESSON_KIND_LABELS, type Lesson } from '@shared/schemas/lessons';

import { actorFrom, useDesk } from '../../desk/DeskContext';
import { useAppStore } from '../../store';
import { Field, FormError } from '../../ui/Field';
import { ChoiceField, SelectField, TextAreaField, TextField } from '../../ui/FieldControls';
import { UserText } from '../../ui/UserText';
import { displayLocale, showInstant } from '../../lib/LocaleContext';
import { IsoDateInput } from '../../ui/DateTimeInputs';
import { formatDateOnly } from '@shared/domain/locale/deskLocale';
import { RowActionButton } from '../../ui/RowActionButton';
import { t } from '../../i18n/messages';
import { describeNotWritten } from '../../i18n/notWritten';
import { DeskForm } from '../../ui/DeskForm';
import { bindFields } from '../../ui/bindFields';

const EMPTY: LessonDraft = { kind: 'strength', text: '', owner: '', dueDate: '', answers: '' };

/** The fields of one lesson; the form adds a lesson, or rewords one in place of its line. */
function LessonFields({
  draft,
  setDraft,
  errors,
  improvements,
  fixedKind,
}: {
  draft: LessonDraft;
  setDraft: (d: LessonDraft) => void;
  errors: LessonErrors;
  improvements: Lesson[];
  fixedKind: boolean;
}): ReactElement {
  const set = (patch: Partial<LessonDraft>) => setDraft({ ...draft, ...patch });
  const field = bindFields(draft, errors, set);
  return (
    <>
      <div className="form-row">
        {!fixedKind && (
          <ChoiceField
            label={t('record.lessons.kind')}
            {...field('kind')}
            choices={LESSON_KINDS}
            labelOf={(k) => LESSON_KIND_LABELS[k]}
          />
        )}
        {draft.kind === 'corrective-action' && (
          <>
            <TextField label={t('record.lessons.owner')} {...field('owner')} />
            <Field label={t('record.lessons.due')} error={errors.dueDate}>
              {({ id, describedBy }) => (
                <IsoDateInput
                  id={id}
                  describedBy={describedBy}
                  value={draft.dueDate}
                  onChange={(dueDate) => set({ dueDate })}
                />
              )}
            </Field>
          </>
        )}
      </div>
      {draft.kind === 'corrective-action' && (
        <SelectField label={t('record.lessons.answers')} {...field('answers')}>
          <option value="">
            {improvements.length === 0 ? t('record.lessons.noImprovement') : t('record.lessons.choose')}
          </option>
          {improvements.map((l) => (
            <option key={l.id} value={l.id}>
              {l.text.length > 90 ? `${l.text.slice(0, 89)}…` : l.text}
            </option>
          ))}
        </SelectField>
      )}
      <TextAreaField label={t('record.lessons.lesson')} {...field('text')} rows={2} />
    </>
  );
}

/** One of a lesson's quiet buttons; `name`, when given, says for screen readers which lesson it acts on. */
/**
 * What went well, what to improve, and who will do what by when: written by the team, kept in the
 * record. A lesson can be reworded or removed until a record holding it is exported; after that a
 * change is a new version and the exported wording stays, and removal is no longer possible.
 */
export function LessonsPanel({ incident, settings }: { incident: Incident; settings: DeskSettings }): ReactElement {
  const { useCases, clock } = useDesk();
  const lessons = useLiveQuery(() => useCases.lessons.listForIncident(incident.id), [useCases, incident.id]);
  const exportedAt = useLiveQuery(() => useCases.lessons.lastExportAt(incident.id), [useCases, incident.id]) ?? null;
  const [draft, setDraft] = useState<LessonDraft>(EMPTY);
  const [errors, setErrors] = useState<LessonErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ id: string; draft: LessonDraft; errors: LessonErrors } | null>(null);
  const actor = () => actorFrom(settings.operatorName, clock);
  const showNotice = useAppStore((s) => s.showNotice);
  const improvements = lessons?.filter((l) => l.kind === 'improvement') ?? [];
  const improvementIds = improvements.map((l) => l.id);
  const byId = new Map((lessons ?? []).map((l) => [l.id, l]));

  const saveEdit = (l: Lesson) => {
    if (!editing) return;
    const valid = validateLesson(editing.draft, improvementIds);
    if (!valid.ok) return setEditing({ ...editing, errors: valid.error });
    void useCases.lessons
      .update(
        l.id,
        {
          text: valid.value.text,
          owner: valid.value.owner,
          dueDate: valid.value.dueDate,
          answers: valid.value.answers,
        },
        actor(),
      )
      .then((r) => {
        if (!r.ok) return showNotice('error', t('record.lessons.gone'));
        setEditing(null);
        if (r.value.id !== l.id) showNotice('success', t('record.lessons.newVersion'));
      });
  };

  const startEditing = (l: Lesson) =>
    setEditing({
      id: l.id,
      draft: { kind: l.kind, text: l.text, owner: l.owner ?? '', dueDate: l.dueDate ?? '', answers: l.answers ?? '' },
      errors: {},
    });

  const remove = (l: Lesson) =>
    void useCases.lessons.remove(l.id, actor()).then((r) => {
      if (!r.ok)
        showNotice(
          'error',
          r.error.code === 'exported'
            ? t('record.lessons.exportedRefused')
            : r.error.code === 'refused'
              ? r.error.message
              : t('record.lessons.gone'),
        );
    });

  const toggleDone = (l: Lesson) =>
    void useCases.lessons.update(l.id, { status: l.status === 'done' ? 'open' : 'done' }, actor());

  const addToChecklist = (l: Lesson) =>
    void useCases.lessons.toChecklist(l.id, actor()).then((r) => {
      if (r.ok)
        showNotice(
          'success',
          t('record.lessons.onChecklistsDone', {
            title: r.value.title,
            due: l.dueDate ? formatDateOnly(l.dueDate, displayLocale()) : t('record.lessons.withoutDate'),
          }),
        );
      else
        showNotice(
          'error',
          r.error.code === 'not-an-action' || r.error.code === 'due-before-start'
            ? describeLessonToItemError(r.error)
            : t('record.lessons.notAdded', { code: r.error.code }),
        );
    });

  return (
    <section className="panel" aria-labelledby="lessons-title">
      <h2 id="lessons-title">{t('record.lessons.title')}</h2>
      <p className="muted">{t('record.lessons.intro', { cite: citeGuide(t('record.lessons.citeChapter')) })}</p>
      {exportedAt !== null && (
        <p className="muted">
          {t('record.lessons.exported', { at: showInstant(exportedAt, incident.timeZone, 'date-time') })}
        </p>
      )}
      {LESSON_KINDS.map((kind) => {
        const list = lessons?.filter((l) => l.kind === kind) ?? [];
        return (
          <div key={kind} className="lessons__group">
            <h3>{t('record.lessons.heading', { heading: LESSON_KIND_HEADINGS[kind], count: list.length })}</h3>
            {list.length === 0 ? (
              <p className="muted">{t('record.lessons.none')}</p>
            ) : (
              <ul className="lessons__list">
                {list.map((l) => {
                  const exported = isLessonExported(l, exportedAt);
                  const answers = l.answers ? byId.get(l.answers) : undefined;
                  if (editing?.id === l.id) {
                    return (
                      <li key={l.id} className="lessons__edit">
                        <LessonFields
                          draft={editing.draft}
                          setDraft={(d) => setEditing({ ...editing, draft: d })}
                          errors={editing.errors}
                          improvements={improvements}
                          fixedKind
                        />
                        <div className="button-row">
                          <button type="button" className="button button--primary" onClick={() => saveEdit(l)}>
                            {exported ? t('record.lessons.saveVersion') : t('record.lessons.save')}
                          </button>
                          <button type="button" className="button" onClick={() => setEditing(null)}>
                            {t('record.lessons.cancel')}
                          </button>
                        </div>
                      </li>
                    );
                  }
                  return (
                    <li key={l.id} className={l.status === 'done' ? 'lessons__done' : ''}>
                      <span>
                        <UserText text={l.text} />
                      </span>
                      {l.kind === 'corrective-action' && (
                        <span className="muted">
                          {t('record.lessons.action', {
                            owner: l.owner ?? '',
                            due: l.dueDate ? formatDateOnly(l.dueDate, displayLocale()) : '',
                            done: l.status === 'done' ? 'yes' : 'no',
                            answers: answers ? answers.text : '',
                            answering: answers ? 'yes' : 'no',
                          })}
                        </span>
                      )}
                      {l.supersedes && <span className="marker">{t('record.lessons.reworded')}</span>}
                      <RowActionButton
                        className="button button--ghost"
                        label={t('record.lessons.editName', { text: l.text })}
                        onClick={() => startEditing(l)}
                      >
                        {t('record.lessons.edit')}
                      </RowActionButton>
                      {!exported && (
                        <RowActionButton
                          className="button button--ghost"
                          label={t('record.lessons.removeName', { text: l.text })}
                          onClick={() => remove(l)}
                        >
                          {t('record.lessons.remove')}
                        </RowActionButton>
                      )}
                      {l.kind === 'corrective-action' && (
                        <button type="button" className="button button--ghost" onClick={() => toggleDone(l)}>
                          {l.status === 'done' ? t('record.lessons.reopen') : t('record.lessons.markDone')}
                        </button>
                      )}
                      {l.kind === 'corrective-action' &&
                        (l.checklistItemId !== null ? (
                          <span className="marker">{t('record.lessons.onChecklists')}</span>
                        ) : (
                          <RowActionButton
                            className="button button--ghost"
                            label={t('record.lessons.toChecklistName', { text: l.text })}
                            onClick={() => addToChecklist(l)}
                          >
                            {t('record.lessons.toChecklist')}
                          </RowActionButton>
                        ))}
                    </li>
                  );
                })}
              </ul>
            )}
          </div>
        );
      })}
      <DeskForm
        className="lessons__form"
        onSubmit={() => {
          const valid = validateLesson(draft, improvementIds);
          if (!valid.ok) return setErrors(valid.error);
          setErrors({});
          setFailure(null);
          // Cleared at once, not when the write lands: someone quick may already be typing the next
          // lesson, and a late reset would wipe it. A failed write puts the lesson back in the form,
          // unless the next one is already being typed there.
          const submitted = draft;
          setDraft((d) => ({ ...EMPTY, kind: d.kind }));
          const putBack = (reason: string) => {
            setDraft((d) => (d.text === '' ? submitted : d));
            setFailure(t('record.export.notSaved', { reason }));
          };
          useCases.lessons.add(incident.id, valid.value, actor()).then(
            (r) => {
              if (!r.ok) putBack(describeNotWritten(r.error));
            },
            (err: unknown) => putBack(String(err)),
          );
        }}
      >
        <LessonFields draft={draft} setDraft={setDraft} errors={errors} improvements={improvements} fixedKind={false} />
        <FormError>{failure}</FormError>
        <button type="submit" className="button">
          {t('record.lessons.add')}
        </button>
      </DeskForm>
    </section>
  );
}

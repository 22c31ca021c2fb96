import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type ReactElement } from 'react';

import { describeLessonToItemError } from '@shared/domain/checklists/fromLesson';
import { citeGuide } from '@shared/domain/guide/citation';
import { validateLesson, type LessonDraft, type LessonErrors } from '@shared/domain/lessons';
import type { DeskSettings, Incident } from '@shared/schemas/entities';
import { LESSON_KINDS, LESSON_KIND_HEADINGS, LESSON_KIND_LABELS } from '@shared/schemas/lessons';

import { actorFrom, useDesk } from '../../app/DeskContext';
import { useAppStore } from '../../store';
import { Field, FormError } from '../../ui/Field';
import { UserText } from '../../ui/UserText';

const EMPTY: LessonDraft = { kind: 'strength', text: '', owner: '', dueDate: '' };

/** What went well, what to improve, and who will do what by when: written by the team, kept in the record. */
export function LessonsPanel({ incident, settings }: { incident: Incident; settings: DeskSettings }): ReactElement {
  const { repos, clock } = useDesk();
  const lessons = useLiveQuery(() => repos.lessons.listForIncident(incident.id), [repos, incident.id]);
  const [draft, setDraft] = useState<LessonDraft>(EMPTY);
  const [errors, setErrors] = useState<LessonErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const actor = () => actorFrom(settings.operatorName, clock);
  const showNotice = useAppStore((s) => s.showNotice);

  return (
    <section className="panel" aria-labelledby="lessons-title">
      <h2 id="lessons-title">Lessons learned</h2>
      <p className="muted">The guide asks cities to capture lessons and act on them ({citeGuide('Conclusion')}). Strengths to keep, areas to improve, and corrective actions with an owner and a date.</p>
      {LESSON_KINDS.map((kind) => {
        const list = lessons?.filter((l) => l.kind === kind) ?? [];
        return (
          <div key={kind} className="lessons__group">
            <h3>{LESSON_KIND_HEADINGS[kind]} ({list.length})</h3>
            {list.length === 0 ? <p className="muted">None yet.</p> : (
              <ul className="lessons__list">
                {list.map((l) => (
                  <li key={l.id} className={l.status === 'done' ? 'lessons__done' : ''}>
                    <span><UserText text={l.text} /></span>
                    {l.kind === 'corrective-action' && (
                      <span className="muted"> · {l.owner} · due {l.dueDate}{l.status === 'done' ? ' · done' : ''}</span>
                    )}
                    {l.kind === 'corrective-action' && (
                      <button type="button" className="button button--ghost" onClick={() => void repos.lessons.update(l.id, { status: l.status === 'done' ? 'open' : 'done' }, actor())}>
                        {l.status === 'done' ? 'Reopen' : 'Mark done'}
                      </button>
                    )}
                    {l.kind === 'corrective-action' && (l.checklistItemId !== null ? <span className="marker">On the checklists</span> : (
                      <button type="button" className="button button--ghost" aria-label={`Put “${l.text}” on the checklists`} onClick={() => void repos.lessons.toChecklist(l.id, actor()).then((r) => {
                        if (r.ok) showNotice('success', `“${r.value.title}” is on the checklists, due ${l.dueDate ?? 'without a date'}.`);
                        else showNotice('error', r.error.code === 'not-an-action' || r.error.code === 'due-before-start' ? describeLessonToItemError(r.error) : `Not added to the checklists (${r.error.code}).`);
                      })}>
                        Put on the checklists
                      </button>
                    ))}
                  </li>
                ))}
              </ul>
            )}
          </div>
        );
      })}
      <form className="lessons__form" noValidate onSubmit={(e) => {
        e.preventDefault();
        const valid = validateLesson(draft);
        if (!valid.ok) return setErrors(valid.error);
        setErrors({});
        setFailure(null);
        // Cleared at once, not when the write lands: someone quick may already be typing the next
        // lesson, and a late reset would wipe it. A failed write puts the lesson back in the form,
        // unless the next one is already being typed there.
        const submitted = draft;
        setDraft((d) => ({ ...EMPTY, kind: d.kind }));
        repos.lessons.add(incident.id, valid.value, actor()).catch((err: unknown) => {
          setDraft((d) => (d.text === '' ? submitted : d));
          setFailure(`Not saved: ${String(err)}`);
        });
      }}>
        <div className="form-row">
          <Field label="Kind">
            {({ id }) => (
              <select id={id} value={draft.kind} onChange={(e) => setDraft({ ...draft, kind: e.target.value as LessonDraft['kind'] })}>
                {LESSON_KINDS.map((k) => <option key={k} value={k}>{LESSON_KIND_LABELS[k]}</option>)}
              </select>
            )}
          </Field>
          {draft.kind === 'corrective-action' && (
            <>
              <Field label="Owner" error={errors.owner}>
                {({ id, describedBy, invalid }) => <input id={id} aria-describedby={describedBy} aria-invalid={invalid} value={draft.owner} onChange={(e) => setDraft({ ...draft, owner: e.target.value })} />}
              </Field>
              <Field label="Due" error={errors.dueDate}>
                {({ id, describedBy, invalid }) => <input id={id} type="date" aria-describedby={describedBy} aria-invalid={invalid} value={draft.dueDate} onChange={(e) => setDraft({ ...draft, dueDate: e.target.value })} />}
              </Field>
            </>
          )}
        </div>
        <Field label="Lesson" error={errors.text}>
          {({ id, describedBy, invalid }) => <textarea id={id} rows={2} aria-describedby={describedBy} aria-invalid={invalid} value={draft.text} onChange={(e) => setDraft({ ...draft, text: e.target.value })} />}
        </Field>
        <FormError>{failure}</FormError>
        <button type="submit" className="button">Add lesson</button>
      </form>
    </section>
  );
}

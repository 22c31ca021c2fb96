import { useMemo, useState, type ReactElement } from 'react';

import type { Actor } from '@shared/domain/audit';
import { STATEMENT_LANGUAGES, isRightToLeft, languageLabel } from '@shared/domain/statements/languages';
import { isKnownPlaceholder, placeholderLabel } from '@shared/domain/statements/placeholderCatalogue';
import { placeholderNames } from '@shared/domain/statements/placeholders';
import { guidanceFromLines, typeKeyFromTitle, validateTemplateInput, type TemplateErrors } from '@shared/domain/statements/templates';
import { AUDIENCES, type Audience, type StatementTemplate } from '@shared/schemas/statements';

import { useDesk } from '../../desk/DeskContext';
import { useAppStore } from '../../store';
import { Field, FormError } from '../../ui/Field';
import { describeTemplateError, failed } from './statementErrors';

/** What the editor starts from: an existing template, or a new one (possibly a language version of a type). */
export type TemplateDraft = { existing: StatementTemplate | null; base: Omit<StatementTemplate, 'id' | 'kind' | 'origin' | 'revision' | 'createdAt' | 'createdBy' | 'updatedAt' | 'updatedBy'>; newType: boolean };

const AUDIENCE_LABELS: Record<Audience, string> = { public: 'Public', internal: 'Internal (staff)', private: 'Private (those directly affected)' };

/** Edits a template or a language version: its text with placeholders, purpose, dos and don'ts. */
export function StatementTemplateEditor({ draft, actor, onSaved, onCancel }: { draft: TemplateDraft; actor: () => Actor; onSaved: (t: StatementTemplate) => void; onCancel: () => void }): ReactElement {
  const { useCases } = useDesk();
  const showNotice = useAppStore((s) => s.showNotice);
  const { base, existing } = draft;
  const [title, setTitle] = useState(base.title);
  const [language, setLanguage] = useState(base.language);
  const [audience, setAudience] = useState<Audience>(base.audience);
  const [purpose, setPurpose] = useState(base.purpose);
  const [body, setBody] = useState(base.body);
  const [dos, setDos] = useState(base.dos.map((g) => g.text).join('\n'));
  const [donts, setDonts] = useState(base.donts.map((g) => g.text).join('\n'));
  const [errors, setErrors] = useState<TemplateErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const type = draft.newType ? typeKeyFromTitle(title) : base.type;
  const names = useMemo(() => placeholderNames(body), [body]);
  const custom = names.filter((n) => !isKnownPlaceholder(n));

  const submit = () => {
    const input = {
      type,
      language,
      title,
      purpose,
      audience,
      body,
      dos: guidanceFromLines('do', dos, base.dos),
      donts: guidanceFromLines('dont', donts, base.donts),
      pages: base.pages,
    };
    const valid = validateTemplateInput(input);
    setErrors(valid.ok ? {} : valid.error);
    if (!valid.ok) return setProblem('The template has problems; see the fields marked below.');
    useCases.statements.saveTemplate(input, existing?.id ?? null, actor()).then(
      (r) => {
        if (!r.ok) {
          if (r.error.code === 'invalid') setErrors(r.error.errors);
          return setProblem(describeTemplateError(r.error));
        }
        showNotice('success', `Template saved: ${r.value.title} (${languageLabel(r.value.language)}).`);
        onSaved(r.value);
      },
      (e: unknown) => setProblem(failed('Saving the template', e)),
    );
  };

  return (
    <form className="template-editor" aria-labelledby="template-editor-title" onSubmit={(e) => { e.preventDefault(); submit(); }}>
      <h2 id="template-editor-title">{existing ? `Edit: ${existing.title} (${languageLabel(existing.language)})` : draft.newType ? 'New template' : `New language version of “${base.title}”`}</h2>
      {existing && <p className="muted">Revision {existing.revision}, last saved by {existing.updatedBy}. Drafts already started keep their text; new drafts use the saved template.</p>}
      <div className="form-row">
        <Field label="Title" error={errors.title}>
          {({ id, describedBy, invalid }) => <input id={id} aria-describedby={describedBy} aria-invalid={invalid} value={title} onChange={(e) => setTitle(e.target.value)} lang={language} dir="auto" />}
        </Field>
        <Field label="Language" error={errors.language} hint={existing ? 'Fixed for a saved version; add another language version instead.' : undefined}>
          {({ id, describedBy, invalid }) => (
            <select id={id} aria-describedby={describedBy} aria-invalid={invalid} value={language} disabled={existing !== null} onChange={(e) => setLanguage(e.target.value)}>
              {STATEMENT_LANGUAGES.map((l) => <option key={l.code} value={l.code}>{languageLabel(l.code)}</option>)}
            </select>
          )}
        </Field>
        <Field label="Audience">
          {({ id, describedBy }) => (
            <select id={id} aria-describedby={describedBy} value={audience} onChange={(e) => setAudience(e.target.value as Audience)}>
              {AUDIENCES.map((a) => <option key={a} value={a}>{AUDIENCE_LABELS[a]}</option>)}
            </select>
          )}
        </Field>
      </div>
      {draft.newType && <p className="muted">Key: <code>{type}</code>{errors.type && <span className="field__error"> {errors.type}</span>}</p>}
      <Field label="Purpose" hint="What this statement is for, shown beside the editor when drafting.">
        {({ id, describedBy }) => <textarea id={id} aria-describedby={describedBy} rows={2} value={purpose} onChange={(e) => setPurpose(e.target.value)} />}
      </Field>
      <Field label="Text" error={errors.body} hint="Placeholders in double braces, e.g. {{city}}, {{incident_time}}. Write \{{ for literal braces.">
        {({ id, describedBy, invalid }) => (
          <textarea id={id} aria-describedby={describedBy} aria-invalid={invalid} rows={12} value={body} onChange={(e) => setBody(e.target.value)} lang={language} dir={isRightToLeft(language) ? 'rtl' : 'ltr'} className="draft__body" />
        )}
      </Field>
      <p className="template-editor__placeholders" aria-live="polite">
        {names.length === 0 ? 'No placeholders.' : <>Placeholders: {names.map((n) => <code key={n} className={isKnownPlaceholder(n) ? '' : 'template-editor__custom'}>{`{{${n}}}`}</code>)}</>}
        {custom.length > 0 && <> <span className="warning-inline">The desk does not know {custom.map((n) => `“${placeholderLabel(n)}”`).join(', ')}: it will ask for {custom.length === 1 ? 'it' : 'them'} when drafting. Check for typos.</span></>}
      </p>
      <div className="form-row">
        <Field label="Do (one per line)">
          {({ id, describedBy }) => <textarea id={id} aria-describedby={describedBy} rows={5} value={dos} onChange={(e) => setDos(e.target.value)} />}
        </Field>
        <Field label="Don’t (one per line)">
          {({ id, describedBy }) => <textarea id={id} aria-describedby={describedBy} rows={5} value={donts} onChange={(e) => setDonts(e.target.value)} />}
        </Field>
      </div>
      <FormError>{problem}</FormError>
      <div className="button-row">
        <button type="button" className="button" onClick={onCancel}>Cancel</button>
        <button type="submit" className="button button--primary">Save template</button>
      </div>
    </form>
  );
}

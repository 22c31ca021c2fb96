import { useMemo, useState, type ReactElement } from 'react';

import type { Actor } from '@shared/domain/audit';
import { STATEMENT_LANGUAGES, languageLabel } from '@shared/domain/statements/languages';
import { isKnownPlaceholder, placeholderLabel } from '@shared/domain/statements/placeholderCatalogue';
import { placeholderNames } from '@shared/domain/statements/placeholders';
import {
  guidanceFromLines,
  typeKeyFromTitle,
  validateTemplateInput,
  type TemplateErrors,
} from '@shared/domain/statements/templates';
import { AUDIENCES, type Audience, type StatementTemplate } from '@shared/schemas/statements';

import { useDesk } from '../../desk/DeskContext';
import { useAppStore } from '../../store';
import { FormError } from '../../ui/Field';
import { ChoiceField, SelectField, TextAreaField, TextField } from '../../ui/FieldControls';
import { describeTemplateError, failed } from './statementErrors';
import { t, type MessageId, tList } from '../../i18n/messages';
import { textIn } from './textIn';

/** What the editor starts from: an existing template, or a new one (possibly a language version of a type). */
export type TemplateDraft = {
  existing: StatementTemplate | null;
  base: Omit<
    StatementTemplate,
    'id' | 'kind' | 'origin' | 'revision' | 'createdAt' | 'createdBy' | 'updatedAt' | 'updatedBy'
  >;
  newType: boolean;
};

const AUDIENCE_LABELS: Record<Audience, MessageId> = {
  public: 'statements.audience.public',
  internal: 'statements.audience.internal',
  private: 'statements.audience.private',
};

/** Edits a template or a language version: its text with placeholders, purpose, dos and don'ts. */
export function StatementTemplateEditor({
  draft,
  actor,
  onSaved,
  onCancel,
}: {
  draft: TemplateDraft;
  actor: () => Actor;
  onSaved: (t: StatementTemplate) => void;
  onCancel: () => void;
}): ReactElement {
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
    if (!valid.ok) return setProblem(t('statements.statementTemplateEditor.theTemplateHasProblemsSee'));
    useCases.statements.saveTemplate(input, existing?.id ?? null, actor()).then(
      (r) => {
        if (!r.ok) {
          if (r.error.code === 'invalid') setErrors(r.error.errors);
          return setProblem(describeTemplateError(r.error));
        }
        showNotice(
          'success',
          t('statements.statementTemplateEditor.templateSaved', {
            title: r.value.title,
            language: languageLabel(r.value.language),
          }),
        );
        onSaved(r.value);
      },
      (e: unknown) => setProblem(failed(t('statements.statementTemplateEditor.savingTheTemplate'), e)),
    );
  };

  return (
    <form
      className="template-editor"
      aria-labelledby="template-editor-title"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <h2 id="template-editor-title">
        {existing
          ? t('statements.statementTemplateEditor.edit', {
              title: existing.title,
              language: languageLabel(existing.language),
            })
          : draft.newType
            ? t('statements.statementTemplateEditor.newTemplate')
            : t('statements.statementTemplateEditor.newLanguageVersionOf', { title: base.title })}
      </h2>
      {existing && (
        <p className="muted">
          {t('statements.statementTemplateEditor.revisionLastSavedByDrafts', {
            revision: existing.revision,
            updatedBy: existing.updatedBy,
          })}
        </p>
      )}
      <div className="form-row">
        <TextField
          label={t('statements.statementTemplateEditor.title')}
          error={errors.title}
          value={title}
          onChange={setTitle}
          lang={language}
          dir="auto"
        />
        <SelectField
          label={t('statements.statementTemplateEditor.language')}
          error={errors.language}
          hint={existing ? t('statements.statementTemplateEditor.fixedForASavedVersion') : undefined}
          value={language}
          disabled={existing !== null}
          onChange={setLanguage}
        >
          {STATEMENT_LANGUAGES.map((l) => (
            <option key={l.code} value={l.code}>
              {languageLabel(l.code)}
            </option>
          ))}
        </SelectField>
        <ChoiceField
          label={t('statements.statementTemplateEditor.audience')}
          value={audience}
          onChange={setAudience}
          choices={AUDIENCES}
          labelOf={(a) => t(AUDIENCE_LABELS[a])}
        />
      </div>
      {draft.newType && (
        <p className="muted">
          {t('statements.statementTemplateEditor.key')} <code>{type}</code>
          {errors.type && <span className="field__error"> {errors.type}</span>}
        </p>
      )}
      <TextAreaField
        label={t('statements.statementTemplateEditor.purpose')}
        hint={t('statements.statementTemplateEditor.whatThisStatementIsFor')}
        rows={2}
        value={purpose}
        onChange={setPurpose}
      />
      <TextAreaField
        label={t('statements.statementTemplateEditor.text')}
        error={errors.body}
        hint={t('statements.statementTemplateEditor.placeholdersInDoubleBracesE')}
        rows={12}
        value={body}
        onChange={setBody}
        {...textIn(language)}
        className="draft__body"
      />
      <p className="template-editor__placeholders" aria-live="polite">
        {names.length === 0 ? (
          t('statements.statementTemplateEditor.noPlaceholders')
        ) : (
          <>
            {t('statements.statementTemplateEditor.placeholders')}{' '}
            {names.map((n) => (
              <code key={n} className={isKnownPlaceholder(n) ? '' : 'template-editor__custom'}>{`{{${n}}}`}</code>
            ))}
          </>
        )}
        {custom.length > 0 && (
          <>
            {' '}
            <span className="warning-inline">
              {t('statements.statementTemplateEditor.unknownPlaceholders', {
                count: custom.length,
                names: tList(custom.map((n) => t('ui.quoted', { text: placeholderLabel(n) }))),
              })}
            </span>
          </>
        )}
      </p>
      <div className="form-row">
        <TextAreaField
          label={t('statements.statementTemplateEditor.doOnePerLine')}
          rows={5}
          value={dos}
          onChange={setDos}
        />
        <TextAreaField
          label={t('statements.statementTemplateEditor.donTOnePerLine')}
          rows={5}
          value={donts}
          onChange={setDonts}
        />
      </div>
      <FormError>{problem}</FormError>
      <div className="button-row">
        <button type="button" className="button" onClick={onCancel}>
          {t('statements.statementTemplateEditor.cancel')}
        </button>
        <button type="submit" className="button button--primary">
          {t('statements.statementTemplateEditor.saveTemplate')}
        </button>
      </div>
    </form>
  );
}

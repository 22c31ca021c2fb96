import { useState, type ReactElement } from 'react';

import type { Actor } from '@shared/domain/audit';
import { STATEMENT_LANGUAGES, languageLabel } from '@shared/domain/statements/languages';
import type { DeskSettings, Incident } from '@shared/schemas/entities';
import type { Statement, StatementTemplate } from '@shared/schemas/statements';

import { useDesk } from '../../desk/DeskContext';
import { Dialog } from '../../ui/Dialog';
import { DialogActions, FormError } from '../../ui/Field';
import { describeWriteError, failed } from './statementErrors';
import { t } from '../../i18n/messages';
import { DeskForm } from '../../ui/DeskForm';

type Props = {
  source: Statement;
  existing: readonly Statement[];
  templates: readonly StatementTemplate[];
  incident: Incident;
  settings: DeskSettings;
  actor: () => Actor;
  onCreated: (id: string) => void;
  onClose: () => void;
};

/** Starts a translation, from the library's version of the template in that language when there is one. */
export function TranslateDialog({
  source,
  existing,
  templates,
  incident,
  settings,
  actor,
  onCreated,
  onClose,
}: Props): ReactElement {
  const { useCases } = useDesk();
  const taken = new Set([source.language, ...existing.filter((t) => t.status !== 'withdrawn').map((t) => t.language)]);
  const options = STATEMENT_LANGUAGES.filter((l) => !taken.has(l.code));
  const [language, setLanguage] = useState(options[0]?.code ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const hasTemplate = templates.some((t) => t.type === source.type && t.language === language);
  return (
    <Dialog title={t('statements.translateDialog.addATranslation')} onClose={onClose}>
      <DeskForm
        onSubmit={() => {
          useCases.statements
            .startTranslation({ sourceId: source.id, language, incident, cityName: settings.cityName }, actor())
            .then(
              (r) => (r.ok ? onCreated(r.value.id) : setProblem(describeWriteError(r.error))),
              (err: unknown) => setProblem(failed(t('statements.action.startingTheTranslation'), err)),
            );
        }}
      >
        <p>
          {t('statements.translateDialog.linked', {
            version: source.approvedVersionNumber ?? source.headVersionNumber,
            title: source.title,
            approved: source.approvedVersionNumber === null ? 'no' : 'yes',
          })}
        </p>
        <div className="field">
          <label htmlFor="translate-language">{t('statements.translateDialog.language')}</label>
          <select id="translate-language" value={language} onChange={(e) => setLanguage(e.target.value)}>
            {options.map((l) => (
              <option key={l.code} value={l.code}>
                {languageLabel(l.code)}
              </option>
            ))}
          </select>
        </div>
        <p className="muted" role="status">
          {hasTemplate
            ? t('statements.translateDialog.startsFromTheLibraryS', { language: languageLabel(language) })
            : t('statements.translateDialog.theLibraryHasNoVersion', { language: languageLabel(language) })}
        </p>
        <FormError>{problem}</FormError>
        <DialogActions cancelLabel={t('statements.translateDialog.cancel')} onCancel={onClose}>
          <button type="submit" className="button button--primary" disabled={language === ''}>
            {t('statements.translateDialog.startTheTranslation')}
          </button>
        </DialogActions>
      </DeskForm>
    </Dialog>
  );
}

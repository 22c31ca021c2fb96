import { useMemo, useState, type ReactElement } from 'react';

import type { Actor } from '@shared/domain/audit';
import { BASE_LANGUAGE, languageLabel } from '@shared/domain/statements/languages';
import type { DeskSettings, Incident } from '@shared/schemas/entities';
import type { StatementTemplate } from '@shared/schemas/statements';

import { useDesk } from '../../desk/DeskContext';
import { Dialog } from '../../ui/Dialog';
import { DialogActions, FormError } from '../../ui/Field';
import { runStatementWrite } from './statementErrors';
import { t } from '../../i18n/messages';
import { DeskForm } from '../../ui/DeskForm';
import { AudienceBadge } from './AudienceBadge';

type Props = {
  incident: Incident;
  settings: DeskSettings;
  templates: readonly StatementTemplate[];
  actor: () => Actor;
  onCreated: (id: string) => void;
  onClose: () => void;
};

/** Starts a draft: a statement type from the library, then one of its languages. */
export function NewStatementDialog({ incident, settings, templates, actor, onCreated, onClose }: Props): ReactElement {
  const { useCases } = useDesk();
  const types = useMemo(() => {
    const byType = new Map<string, StatementTemplate[]>();
    for (const t of templates) byType.set(t.type, [...(byType.get(t.type) ?? []), t]);
    return [...byType.values()]
      .flatMap((versions) => versions.find((v) => v.language === BASE_LANGUAGE) ?? versions.slice(0, 1))
      .sort((a, b) => a.title.localeCompare(b.title));
  }, [templates]);
  const [type, setType] = useState(
    types.find((t) => t.type === 'initial-holding-statement')?.type ?? types[0]?.type ?? '',
  );
  const languages = templates
    .filter((t) => t.type === type)
    .sort((a, b) =>
      a.language === BASE_LANGUAGE ? -1 : b.language === BASE_LANGUAGE ? 1 : a.language.localeCompare(b.language),
    );
  const [templateId, setTemplateId] = useState<string | null>(null);
  const chosen = languages.find((t) => t.id === templateId) ?? languages[0];
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  return (
    <Dialog title={t('statements.newStatementDialog.newStatement')} onClose={onClose} wide>
      <DeskForm
        onSubmit={() => {
          if (!chosen) return setProblem(t('statements.newStatementDialog.chooseTemplate'));
          void runStatementWrite(
            t('statements.action.startingTheDraft'),
            () =>
              useCases.statements.startDraft({ incident, cityName: settings.cityName, templateId: chosen.id }, actor()),
            { setBusy, setProblem },
          ).then((created) => {
            if (created) onCreated(created.id);
          });
        }}
      >
        <fieldset className="fieldset template-pick">
          <legend>{t('statements.newStatementDialog.whatKindOfStatement')}</legend>
          {types.map((option) => (
            <label key={option.type} className="template-pick__option">
              <input
                type="radio"
                name="statement-type"
                value={option.type}
                checked={type === option.type}
                onChange={() => {
                  setType(option.type);
                  setTemplateId(null);
                }}
              />
              <span>
                <strong>{option.title}</strong>
                <AudienceBadge audience={option.audience} />
                <span className="template-pick__purpose">{option.purpose}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor="new-statement-language">{t('statements.newStatementDialog.language')}</label>
          <select id="new-statement-language" value={chosen?.id ?? ''} onChange={(e) => setTemplateId(e.target.value)}>
            {languages.map((t) => (
              <option key={t.id} value={t.id}>
                {languageLabel(t.language)}
              </option>
            ))}
          </select>
          <p className="field__hint">{t('statements.newStatementDialog.languagesWithAVersionOf')}</p>
        </div>
        <FormError>{problem}</FormError>
        <DialogActions cancelLabel={t('statements.newStatementDialog.cancel')} onCancel={onClose}>
          <button type="submit" className="button button--primary" disabled={busy || !chosen}>
            {t('statements.newStatementDialog.startTheDraft')}
          </button>
        </DialogActions>
      </DeskForm>
    </Dialog>
  );
}

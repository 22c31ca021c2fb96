import { useState, type ReactElement } from 'react';

import type { Actor } from '@shared/domain/audit';
import { languageLabel } from '@shared/domain/statements/languages';
import type { DeskSettings, Incident } from '@shared/schemas/entities';
import type { Statement, StatementTemplate } from '@shared/schemas/statements';

import { StatusBadge } from './StatusBadge';
import { TranslateDialog } from './TranslateDialog';
import { TranslationFlag } from './TranslationFlag';
import { useTranslationStates } from './queries';
import { t } from '../../i18n/messages';

type Props = {
  statement: Statement;
  templates: readonly StatementTemplate[];
  incident: Incident;
  settings: DeskSettings;
  actor: () => Actor;
  onSelect: (id: string) => void;
};

/** A statement's translations, each flagged when the source has moved on, and the way to add one. */
export function TranslationsPanel({ statement, templates, incident, settings, actor, onSelect }: Props): ReactElement {
  const translations = useTranslationStates(statement.id);
  const [adding, setAdding] = useState(false);
  return (
    <section className="translations" aria-labelledby="translations-title">
      <h3 id="translations-title">{t('statements.translationsPanel.translations')}</h3>
      {translations && translations.length > 0 ? (
        <ul className="translations__list">
          {translations.map(({ statement: t, state }) => (
            <li key={t.id}>
              <button type="button" className="link-button" onClick={() => onSelect(t.id)}>
                {languageLabel(t.language)}:{' '}
                <span lang={t.language} dir="auto">
                  {t.title}
                </span>
              </button>{' '}
              <StatusBadge status={t.status} /> <TranslationFlag state={state} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('statements.translationsPanel.noTranslationsYetPublishKey')}</p>
      )}
      {statement.status !== 'withdrawn' && (
        <button type="button" className="button button--small" onClick={() => setAdding(true)}>
          {t('statements.translationsPanel.addATranslation')}
        </button>
      )}
      {adding && (
        <TranslateDialog
          source={statement}
          existing={translations?.map((t) => t.statement) ?? []}
          templates={templates}
          incident={incident}
          settings={settings}
          actor={actor}
          onClose={() => setAdding(false)}
          onCreated={(id) => {
            setAdding(false);
            onSelect(id);
          }}
        />
      )}
    </section>
  );
}

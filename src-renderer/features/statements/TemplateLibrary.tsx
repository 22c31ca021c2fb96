import { useMemo, useState, type ReactElement } from 'react';

import { BASE_LANGUAGE, languageOf } from '@shared/domain/statements/languages';
import type { DeskSettings } from '@shared/schemas/entities';
import type { StatementTemplate } from '@shared/schemas/statements';

import { actorFrom, useDesk } from '../../desk/DeskContext';
import { GlossaryEditor } from './GlossaryEditor';
import { StatementTemplateEditor, type TemplateDraft } from './StatementTemplateEditor';
import { useGlossary, useTemplates } from './queries';
import { useStatementTemplates } from './useStatementTemplates';
import { t } from '../../i18n/messages';
import { AudienceBadge } from './AudienceBadge';

const blank = (): TemplateDraft['base'] => ({
  type: '',
  language: BASE_LANGUAGE,
  title: '',
  purpose: '',
  audience: 'public',
  body: '',
  dos: [],
  donts: [],
  pages: [],
});

/**
 * The city's statement templates, prepared in peacetime: the guide's statement types as shipped,
 * the city's edits and own templates, their language versions, and the glossary of terms to avoid.
 */
export function TemplateLibrary({ settings }: { settings: DeskSettings }): ReactElement {
  const { clock } = useDesk();
  useStatementTemplates(settings.operatorName);
  const templates = useTemplates();
  const glossary = useGlossary();
  const [draft, setDraft] = useState<TemplateDraft | null>(null);
  const actor = () => actorFrom(settings.operatorName, clock);
  const types = useMemo(() => {
    const byType = new Map<string, StatementTemplate[]>();
    for (const t of templates ?? []) byType.set(t.type, [...(byType.get(t.type) ?? []), t]);
    return [...byType.entries()]
      .map(([type, versions]) => {
        const sorted = [...versions].sort((a, b) =>
          a.language === BASE_LANGUAGE ? -1 : b.language === BASE_LANGUAGE ? 1 : a.language.localeCompare(b.language),
        );
        return { type, base: sorted[0], versions: sorted };
      })
      .filter(
        (t): t is { type: string; base: StatementTemplate; versions: StatementTemplate[] } => t.base !== undefined,
      )
      .sort((a, b) => a.base.title.localeCompare(b.base.title));
  }, [templates]);

  return (
    <main className="page" aria-labelledby="library-title">
      <div className="page__header">
        <div>
          <h1 id="library-title">{t('statements.templateLibrary.statementTemplates')}</h1>
          <p className="lead">{t('statements.templateLibrary.prepareAndPreApproveWording')}</p>
        </div>
        <button
          type="button"
          className="button button--primary nowrap"
          onClick={() => setDraft({ existing: null, base: blank(), newType: true })}
        >
          {t('statements.templateLibrary.newTemplate')}
        </button>
      </div>
      {draft && (
        <div className="panel">
          <StatementTemplateEditor
            key={draft.existing?.id ?? `${draft.base.type}-${draft.base.language}-new`}
            draft={draft}
            actor={actor}
            onSaved={() => setDraft(null)}
            onCancel={() => setDraft(null)}
          />
        </div>
      )}
      {templates === undefined ? (
        <p className="muted">{t('statements.templateLibrary.loading')}</p>
      ) : (
        <ul className="library" aria-label={t('statements.templateLibrary.templates')}>
          {types.map(({ type, base, versions }) => (
            <li key={type} className="library__item">
              <div className="library__head">
                <h2 className="library__title">{base.title}</h2>
                {base.origin === 'city' && <span className="badge">{t('statements.templateLibrary.citySOwn')}</span>}
                <AudienceBadge audience={base.audience} />
              </div>
              <p className="library__purpose">{base.purpose}</p>
              <div
                className="library__versions"
                role="group"
                aria-label={t('statements.templateLibrary.languageVersionsOf', { title: base.title })}
              >
                {versions.map((v) => (
                  <button
                    key={v.id}
                    type="button"
                    className="button button--small"
                    onClick={() => setDraft({ existing: v, base: v, newType: false })}
                  >
                    {t('statements.templateLibrary.edit', { name: languageOf(v.language).name })}
                  </button>
                ))}
                <button
                  type="button"
                  className="button button--small button--ghost"
                  onClick={() =>
                    setDraft({
                      existing: null,
                      base: { ...base, language: firstMissingLanguage(versions) },
                      newType: false,
                    })
                  }
                >
                  {t('statements.templateLibrary.languageVersion')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {glossary && <GlossaryEditor key={glossary.length} terms={glossary} actor={actor} />}
    </main>
  );
}

/** The first language the library lacks for a type, to suggest for a new version. */
function firstMissingLanguage(versions: readonly StatementTemplate[]): string {
  const taken = new Set(versions.map((v) => v.language));
  return (
    ['ar', 'nb', 'fr', 'de', 'es', 'tr', 'pl', 'uk', 'fa', 'he', 'da', 'sv', 'nl', 'en'].find((c) => !taken.has(c)) ??
    'en'
  );
}

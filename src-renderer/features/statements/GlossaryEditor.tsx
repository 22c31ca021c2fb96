import { useState, type ReactElement } from 'react';

import type { Actor } from '@shared/domain/audit';
import { glossaryToLines, parseGlossaryLines } from '@shared/domain/statements/templates';
import type { GlossaryTerm } from '@shared/schemas/statements';

import { useDesk } from '../../desk/DeskContext';
import { useAppStore } from '../../store';
import { FormError } from '../../ui/Field';
import { failed } from './statementErrors';
import { t } from '../../i18n/messages';
import { DeskForm } from '../../ui/DeskForm';
import { HiddenLabel } from '../../ui/HiddenLabel';

/**
 * The city's glossary of wording to avoid when naming communities, one term per line:
 * "term to avoid => what to say instead | why". Drafts are checked against it as they are typed.
 */
export function GlossaryEditor({ terms, actor }: { terms: readonly GlossaryTerm[]; actor: () => Actor }): ReactElement {
  const { useCases } = useDesk();
  const showNotice = useAppStore((s) => s.showNotice);
  const [text, setText] = useState(glossaryToLines(terms));
  const [problems, setProblems] = useState<string[]>([]);
  return (
    <section className="panel" aria-labelledby="glossary-title">
      <h2 id="glossary-title">{t('statements.glossaryEditor.glossaryTermsToAvoid')}</h2>
      <p className="muted">
        {t('statements.glossaryEditor.howTheCityNamesCommunities')}{' '}
        <code>{t('statements.glossaryEditor.termToAvoidWhatTo')}</code>.
      </p>
      <DeskForm
        onSubmit={() => {
          const parsed = parseGlossaryLines(text);
          if (!parsed.ok) return setProblems(parsed.error);
          setProblems([]);
          useCases.statements.saveGlossary(parsed.value, actor()).then(
            (saved) =>
              saved.ok
                ? showNotice('success', t('statements.glossarySaved', { count: saved.value.length }))
                : setProblems([saved.error.message]),
            (err: unknown) => setProblems([failed(t('statements.action.savingTheGlossary'), err)]),
          );
        }}
      >
        <HiddenLabel htmlFor="glossary-text">{t('statements.glossaryEditor.termsToAvoidOnePer')}</HiddenLabel>
        <textarea id="glossary-text" rows={8} value={text} onChange={(e) => setText(e.target.value)} dir="auto" />
        <FormError>
          {problems.length > 0 && (
            <>
              {problems.map((p) => (
                <span key={p} className="block">
                  {p}
                </span>
              ))}
            </>
          )}
        </FormError>
        <div className="button-row">
          <button type="submit" className="button button--primary">
            {t('statements.glossaryEditor.saveGlossary')}
          </button>
        </div>
      </DeskForm>
    </section>
  );
}

import type { ReactElement } from 'react';

import { languageLabel } from '@shared/domain/statements/languages';
import { translationState } from '@shared/domain/statements/translations';
import type { Statement } from '@shared/schemas/statements';

import { StatusBadge } from './StatusBadge';
import { TranslationFlag } from './TranslationFlag';
import { shortTime } from './statementDisplay';
import { UserText } from '../../ui/UserText';
import { t } from '../../i18n/messages';

/**
 * The incident's statements, translations listed under their source, each marked when it is
 * still to translate or out of date against its source.
 */
export function StatementList({
  statements,
  selectedId,
  timeZone,
  untranslated,
  onSelect,
}: {
  statements: readonly Statement[];
  selectedId: string | null;
  timeZone: string;
  untranslated: ReadonlySet<string>;
  onSelect: (id: string) => void;
}): ReactElement {
  const originals = statements.filter((s) => s.sourceStatementId === null);
  const stateOf = (t: Statement) => {
    const source = statements.find((s) => s.id === t.sourceStatementId);
    return source ? translationState(t, source) : null;
  };
  const item = (s: Statement, isTranslation: boolean) => (
    <li key={s.id} className={`stmt-list__item${isTranslation ? ' stmt-list__item--translation' : ''}`}>
      <button
        type="button"
        className={`stmt-list__button${s.id === selectedId ? ' stmt-list__button--selected' : ''}`}
        aria-current={s.id === selectedId ? 'true' : undefined}
        onClick={() => onSelect(s.id)}
      >
        <span className="stmt-list__title">
          <span lang={s.language}>
            <UserText text={s.title} />
          </span>
        </span>
        <span className="stmt-list__meta">
          <StatusBadge status={s.status} />{' '}
          {t('statements.statementList.v', {
            language: languageLabel(s.language),
            headVersionNumber: s.headVersionNumber,
            updatedAt: shortTime(s.updatedAt, timeZone),
          })}
        </span>
        {isTranslation && s.status !== 'withdrawn' && (untranslated.has(s.id) || stateOf(s) === 'out-of-date') && (
          <span className="stmt-list__flags">
            {untranslated.has(s.id) && (
              <span className="badge stmt-translation stmt-translation--to-translate">
                {t('statements.statementList.toTranslate')}
              </span>
            )}
            {stateOf(s) === 'out-of-date' && <TranslationFlag state="out-of-date" />}
          </span>
        )}
      </button>
    </li>
  );
  return (
    <ul className="stmt-list" aria-label={t('statements.statementList.statementsOfThisIncident')}>
      {originals.flatMap((s) => [
        item(s, false),
        ...statements.filter((t) => t.sourceStatementId === s.id).map((t) => item(t, true)),
      ])}
    </ul>
  );
}

import type { ReactElement } from 'react';

import { languageLabel } from '@shared/domain/statements/languages';
import type { Statement } from '@shared/schemas/statements';

import { StatusBadge } from './StatusBadge';
import { shortTime } from './statementDisplay';
import { UserText } from '../../ui/UserText';

/** The incident's statements, translations listed under their source. */
export function StatementList({ statements, selectedId, timeZone, onSelect }: { statements: readonly Statement[]; selectedId: string | null; timeZone: string; onSelect: (id: string) => void }): ReactElement {
  const originals = statements.filter((s) => s.sourceStatementId === null);
  const item = (s: Statement, isTranslation: boolean) => (
    <li key={s.id} className={`stmt-list__item${isTranslation ? ' stmt-list__item--translation' : ''}`}>
      <button type="button" className={`stmt-list__button${s.id === selectedId ? ' stmt-list__button--selected' : ''}`} aria-current={s.id === selectedId ? 'true' : undefined} onClick={() => onSelect(s.id)}>
        <span className="stmt-list__title">
          <span lang={s.language}><UserText text={s.title} /></span>
        </span>
        <span className="stmt-list__meta">
          <StatusBadge status={s.status} /> {languageLabel(s.language)} · v{s.headVersionNumber} · {shortTime(s.updatedAt, timeZone)}
        </span>
      </button>
    </li>
  );
  return (
    <ul className="stmt-list" aria-label="Statements of this incident">
      {originals.flatMap((s) => [item(s, false), ...statements.filter((t) => t.sourceStatementId === s.id).map((t) => item(t, true))])}
    </ul>
  );
}

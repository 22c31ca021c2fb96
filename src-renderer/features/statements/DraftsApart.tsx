import { useState, type ReactElement } from 'react';

import type { Actor } from '@shared/domain/audit';
import type { Statement, StatementVersion } from '@shared/schemas/statements';

import { useDesk } from '../../desk/DeskContext';
import { t } from '../../i18n/messages';
import { FormError } from '../../ui/Field';
import { describeWriteError } from './statementErrors';
import { VersionCompare } from './VersionCompare';

/**
 * Drafts of one statement written apart on two desks: the one the statement shows for now and
 * each other, compared word by word, with who wrote them. Keeping one makes it the next version,
 * which every desk then shows: nothing is lost, both stay in the version history.
 */
export function DraftsApart({
  statement,
  drafts,
  actor,
}: {
  statement: Statement;
  /** The drafts at the head number, the one shown first. */
  drafts: readonly StatementVersion[];
  actor: () => Actor;
}): ReactElement {
  const { useCases } = useDesk();
  const [problem, setProblem] = useState<string | null>(null);
  const [shown, ...others] = drafts;
  const keep = async (id: string) => {
    const kept = await useCases.statements.keepDraft(statement.id, id, actor());
    setProblem(kept.ok ? null : describeWriteError(kept.error));
  };
  return (
    <section className="conflict" aria-labelledby="drafts-apart-title" data-testid="drafts-apart">
      <h3 id="drafts-apart-title" className="conflict__title">
        {t('statements.draftsApart.title')}
      </h3>
      <p>
        {t('statements.draftsApart.explain', {
          count: drafts.length,
          version: statement.headVersionNumber,
          shownBy: shown?.createdBy ?? '',
        })}
      </p>
      {shown &&
        others.map((other) => (
          <VersionCompare
            key={other.id}
            before={shown}
            after={other}
            caption={t('statements.draftsApart.caption', { shownBy: shown.createdBy, otherBy: other.createdBy })}
          />
        ))}
      <div className="button-row">
        {drafts.map((d) => (
          <button key={d.id} type="button" className="button" onClick={() => void keep(d.id)}>
            {t('statements.draftsApart.keep', { by: d.createdBy, next: statement.headVersionNumber + 1 })}
          </button>
        ))}
      </div>
      <FormError>{problem}</FormError>
    </section>
  );
}

import { useMemo, type ReactElement } from 'react';

import { compareTexts } from '@shared/domain/statements/compare';
import type { StatementVersion } from '@shared/schemas/statements';
import { t } from '../../i18n/messages';
import { textIn } from './textIn';

/**
 * Two versions compared word by word: removed words struck through, added words underlined.
 * `caption` names the two when their numbers do not (drafts written apart share one).
 */
export function VersionCompare({
  before,
  after,
  caption,
}: {
  before: StatementVersion;
  after: StatementVersion;
  caption?: string;
}): ReactElement {
  const comparison = useMemo(
    () => compareTexts(before.text, after.text, after.language),
    [before.text, after.text, after.language],
  );
  const same = comparison.added === 0 && comparison.removed === 0 && before.text === after.text;
  return (
    <figure
      className="compare"
      aria-label={
        caption ??
        t('statements.versionCompare.changesFromVersionToVersion', {
          number: before.number,
          number2: after.number,
        })
      }
    >
      <figcaption className="compare__summary">
        {caption ?? t('statements.versionCompare.versionVersion', { number: before.number, number2: after.number })}{' '}
        {same
          ? t('statements.versionCompare.theTextsAreIdentical')
          : t('statements.wordsChanged', { added: comparison.added, removed: comparison.removed })}{' '}
        <span className="compare__legend">
          <del>{t('statements.versionCompare.removed')}</del> <ins>{t('statements.versionCompare.added')}</ins>
        </span>
      </figcaption>
      <div className="compare__text stmt-preview" {...textIn(after.language)} data-testid="version-diff">
        {comparison.changes.map((c, i) =>
          c.kind === 'same' ? (
            <span key={i}>{c.text}</span>
          ) : c.kind === 'added' ? (
            <ins key={i}>{c.text}</ins>
          ) : (
            <del key={i}>{c.text}</del>
          ),
        )}
      </div>
    </figure>
  );
}

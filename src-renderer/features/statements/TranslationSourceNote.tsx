import { useLiveQuery } from 'dexie-react-hooks';
import type { ReactElement } from 'react';

import { languageLabel } from '@shared/domain/statements/languages';
import type { TranslationState } from '@shared/domain/statements/translations';
import type { Statement } from '@shared/schemas/statements';

import { useDesk } from '../../desk/DeskContext';
import { TranslationFlag } from './TranslationFlag';
import { VersionCompare } from './VersionCompare';
import { t, tRich } from '../../i18n/messages';

type Props = {
  translation: Statement;
  source: Statement;
  state: TranslationState;
  onOpenSource: () => void;
  onUpdate: (() => void) | null;
};

/**
 * For a translation: which source version it translates and whether the source has moved on.
 * When it is out of date, shows what changed in the source, word by word, and offers the update.
 */
export function TranslationSourceNote({ translation, source, state, onOpenSource, onUpdate }: Props): ReactElement {
  const { useCases } = useDesk();
  const versions = useLiveQuery(
    async () => ({
      translated: translation.translatesVersionId
        ? await useCases.statements.getVersion(translation.translatesVersionId)
        : undefined,
      approved: source.approvedVersionId ? await useCases.statements.getVersion(source.approvedVersionId) : undefined,
    }),
    [useCases, translation.translatesVersionId, source.approvedVersionId],
  );
  return (
    <div
      className={`stmt-source${state === 'out-of-date' ? ' stmt-source--stale' : ''}`}
      role="note"
      aria-label={t('statements.translationSourceNote.translationStatus')}
    >
      <p>
        <TranslationFlag state={state} />{' '}
        {tRich(
          'statements.translationSourceNote.translationOf',
          {
            language: languageLabel(translation.language),
            title: source.title,
            number: versions?.translated?.number ?? '?',
          },
          {
            source: (chunks) => (
              <button type="button" className="link-button" onClick={onOpenSource}>
                {chunks}
              </button>
            ),
          },
        )}
        {state === 'out-of-date' && versions?.approved && (
          <> {t('statements.translationSourceNote.theSourceNowHasApproved', { number: versions.approved.number })}</>
        )}
        {state === 'source-not-approved' && ` ${t('statements.translationSourceNote.theSourceIsNotApproved')}`}
      </p>
      {state === 'out-of-date' && versions?.translated && versions.approved && (
        <>
          <h4>{t('statements.translationSourceNote.whatChangedInTheSource')}</h4>
          <VersionCompare before={versions.translated} after={versions.approved} />
        </>
      )}
      {state === 'out-of-date' && onUpdate && (
        <button type="button" className="button button--primary" onClick={onUpdate}>
          {t('statements.translationSourceNote.updateTheTranslation')}
        </button>
      )}
    </div>
  );
}

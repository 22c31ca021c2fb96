import { useLiveQuery } from 'dexie-react-hooks';
import type { ReactElement } from 'react';

import { languageLabel } from '@shared/domain/statements/languages';
import type { TranslationState } from '@shared/domain/statements/translations';
import type { Statement } from '@shared/schemas/statements';

import { useDesk } from '../../desk/DeskContext';
import { TranslationFlag } from './TranslationFlag';
import { VersionCompare } from './VersionCompare';

type Props = { translation: Statement; source: Statement; state: TranslationState; onOpenSource: () => void; onUpdate: (() => void) | null };

/**
 * For a translation: which source version it translates and whether the source has moved on.
 * When it is out of date, shows what changed in the source, word by word, and offers the update.
 */
export function TranslationSourceNote({ translation, source, state, onOpenSource, onUpdate }: Props): ReactElement {
  const { useCases } = useDesk();
  const versions = useLiveQuery(
    async () => ({
      translated: translation.translatesVersionId ? await useCases.statements.getVersion(translation.translatesVersionId) : undefined,
      approved: source.approvedVersionId ? await useCases.statements.getVersion(source.approvedVersionId) : undefined,
    }),
    [useCases, translation.translatesVersionId, source.approvedVersionId],
  );
  return (
    <div className={`stmt-source${state === 'out-of-date' ? ' stmt-source--stale' : ''}`} role="note" aria-label="Translation status">
      <p>
        <TranslationFlag state={state} /> {languageLabel(translation.language)} translation of{' '}
        <button type="button" className="link-button" onClick={onOpenSource}>“{source.title}”</button>, version {versions?.translated?.number ?? '?'}.
        {state === 'out-of-date' && versions?.approved && <> The source now has approved version {versions.approved.number}. Update the translation and have it approved again.</>}
        {state === 'source-not-approved' && ' The source is not approved yet; its text may still change.'}
      </p>
      {state === 'out-of-date' && versions?.translated && versions.approved && (
        <>
          <h4>What changed in the source</h4>
          <VersionCompare before={versions.translated} after={versions.approved} />
        </>
      )}
      {state === 'out-of-date' && onUpdate && <button type="button" className="button button--primary" onClick={onUpdate}>Update the translation…</button>}
    </div>
  );
}

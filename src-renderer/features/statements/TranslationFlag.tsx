import type { ReactElement } from 'react';

import { TRANSLATION_STATE_LABELS, type TranslationState } from '@shared/domain/statements/translations';

/** Where a translation stands against its source; "Out of date" is the one that needs action. */
export function TranslationFlag({ state }: { state: TranslationState }): ReactElement {
  return (
    <span className={`badge stmt-translation stmt-translation--${state}`}>
      {state === 'out-of-date' ? '⚠ ' : ''}
      {TRANSLATION_STATE_LABELS[state]}
    </span>
  );
}

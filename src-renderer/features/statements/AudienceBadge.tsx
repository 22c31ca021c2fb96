import type { ReactElement } from 'react';

import type { Audience } from '@shared/schemas/statements';

import { t } from '../../i18n/messages';

/** Marks a statement that is not for the public with whom it is for; a public one needs no mark. */
export function AudienceBadge({ audience }: { audience: Audience }): ReactElement | null {
  if (audience === 'public') return null;
  return (
    <span className="badge">
      {audience === 'internal' ? t('statements.templateLibrary.internal') : t('statements.templateLibrary.private')}
    </span>
  );
}

import type { ReactElement } from 'react';

import type { NamedReleaseApart } from '../../desk/team/teamRecords';
import { t } from '../../i18n/messages';
import { ReleasedApartItems } from '../team/ReleasedApartNotes';

/**
 * A release of this statement made on one desk while another desk had already written a newer
 * version: the public may have text the team had moved on from, so the comms lead is told where
 * she works on the statement, with what settles it.
 */
export function ReleasedApart({ releases }: { releases: readonly NamedReleaseApart[] }): ReactElement {
  return (
    <section className="conflict" role="alert" aria-labelledby="released-apart-title" data-testid="released-apart">
      <h3 id="released-apart-title" className="conflict__title">
        {t('statements.releasedApart.title')}
      </h3>
      <ReleasedApartItems releases={releases} />
      <p>{t('statements.releasedApart.advice')}</p>
    </section>
  );
}

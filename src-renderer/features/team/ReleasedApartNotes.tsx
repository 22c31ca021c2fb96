import type { ReactElement } from 'react';

import type { NamedReleaseApart } from '../../desk/team/teamRecords';
import { t } from '../../i18n/messages';

/** One release made apart from a newer version, in a sentence: which versions, on which desks. */
function releasedApartWords(r: NamedReleaseApart): string {
  const here = t('teamScreen.records.thisDesk');
  return t('team.releasedApart.line', {
    released: r.released,
    newer: r.newer,
    releasedOn: r.releasedOn ?? here,
    newerOn: r.newerOn ?? here,
  });
}

/** The releases a conflict of a statement notes, one sentence each, as the team screen and the overview list them. */
export function ReleasedApartNotes({ releases }: { releases: readonly NamedReleaseApart[] }): ReactElement {
  return (
    <>
      {releases.map((r) => (
        <p key={r.releaseId} className="warning-text">
          {releasedApartWords(r)}
        </p>
      ))}
    </>
  );
}

/** The same releases as list items, for the statement's own warning. */
export function ReleasedApartItems({ releases }: { releases: readonly NamedReleaseApart[] }): ReactElement {
  return (
    <ul>
      {releases.map((r) => (
        <li key={r.releaseId}>{releasedApartWords(r)}</li>
      ))}
    </ul>
  );
}

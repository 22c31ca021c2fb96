import type { NamedReleaseApart } from '../../desk/team/teamRecords';
import { t } from '../../i18n/messages';

/** One release made apart from a newer version, in a sentence: which versions, on which desks. */
export function releasedApartWords(r: NamedReleaseApart): string {
  const here = t('team.releasedApart.thisDesk');
  return t('team.releasedApart.line', {
    released: r.released,
    newer: r.newer,
    releasedOn: r.releasedOn ?? here,
    newerOn: r.newerOn ?? here,
  });
}

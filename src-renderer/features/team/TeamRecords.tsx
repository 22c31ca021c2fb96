import type { ReactElement } from 'react';

import type { TeamSync } from '../../desk/team/teamSync';
import { t } from '../../i18n/messages';
import { CatchUpProgress } from './CatchUpProgress';
import { ReleasedApartNotes } from './ReleasedApartNotes';
import { useTeamRecords } from './queries';
import { useTeamSync } from './useTeamStatus';

/**
 * What came from the other desks: their records taken in, entries refused (with the reason, so a
 * forged or damaged record is seen, never silently dropped), and rows changed apart on two desks.
 */
export function TeamRecords({ sync }: { sync: TeamSync }): ReactElement {
  const state = useTeamSync(sync);
  const held = useTeamRecords();
  return (
    <section className="panel" aria-labelledby="team-records-title">
      <h2 id="team-records-title">{t('teamScreen.records.title')}</h2>
      <p data-testid="team-records-summary">
        {t('teamScreen.records.summary', {
          desks: held?.desks.length ?? 0,
          stored: state.totals.stored,
          toRead: state.last?.toRead ?? 0,
        })}
      </p>
      <CatchUpProgress catchUp={state.catchUp} />
      {state.exchangeProblem !== null && (
        <p className="warning-text" role="alert">
          {t('teamScreen.records.problem', { problem: state.exchangeProblem })}
        </p>
      )}
      {(held?.conflicts.length ?? 0) > 0 && (
        <div data-testid="team-conflicts">
          <p className="warning-text">{t('teamScreen.records.conflicts', { count: held?.conflicts.length ?? 0 })}</p>
          <ul>
            {held?.conflicts.map((c) => (
              <li key={c.id}>
                {t('teamScreen.records.conflict', {
                  kind: c.kind,
                  subject: c.subject,
                  desks: c.sides,
                  shown: c.shownBy ?? t('teamScreen.records.thisDesk'),
                })}
                <ReleasedApartNotes releases={c.releasedApart} />
              </li>
            ))}
          </ul>
        </div>
      )}
      {(held?.refused ?? 0) > 0 && (
        <div data-testid="team-refusals">
          <p className="warning-text">{t('teamScreen.records.refused', { count: held?.refused ?? 0 })}</p>
          <ul>
            {held?.latestRefusals.map((r) => (
              <li key={r.n}>{r.reason}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

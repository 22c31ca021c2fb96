import type { ReactElement } from 'react';

import { ROLE_TITLES } from '@shared/domain/checklists/roles';
import { yearAhead, type ScheduledItem } from '@shared/domain/checklists/views';
import { formatWallClock } from '@shared/domain/incident/wallClock';
import type { Incident } from '@shared/schemas/entities';
import { showInstant } from '../../lib/LocaleContext';
import { t, tRich } from '../../i18n/messages';
import { boldTag } from '../../ui/boldTag';

type Props = { incident: Incident; items: ScheduledItem[]; now: number };

/** Where a milestone stands, for its colour and its words. */
const milestoneState = (m: ScheduledItem, now: number) =>
  m.status === 'done'
    ? 'done'
    : m.status === 'not-applicable'
      ? 'na'
      : m.dueAt !== null && m.dueAt < now
        ? 'overdue'
        : 'open';

const pct = (f: number) => `${(Math.min(1, Math.max(0, f)) * 100).toFixed(2)}%`;

/**
 * The milestones of the year after the incident on one horizontal time axis: a row per
 * milestone, its dot placed at its due date, the months marked, and today as a line. The text
 * of each row carries the date, so the chart reads without seeing it.
 */
export function YearAheadView({ incident, items, now }: Props): ReactElement {
  const year = yearAhead(items, incident);
  const zone = incident.timeZone;
  const nowFraction = (now - year.from) / (year.to - year.from);
  const showNow = nowFraction >= 0 && nowFraction <= 1;
  return (
    <section className="year" aria-labelledby="year-title">
      <h3 id="year-title">{t('checklists.year.title')}</h3>
      <p className="muted">
        {t('checklists.year.intro', {
          from: showInstant(year.from, zone, 'date'),
          to: showInstant(year.to, zone, 'date'),
          zone,
        })}
      </p>
      <div className="year__chart">
        <div className="year__row year__row--axis" aria-hidden="true">
          <span className="year__label" />
          <span className="year__track">
            <span className="year__lane">
              {year.months.map((m) => (
                <span key={m.at} className="year__month" style={{ left: pct(m.fraction) }}>
                  {showInstant(m.at, zone, formatWallClock(m.at, zone, 'M') === '1' ? 'month-year' : 'month')}
                </span>
              ))}
            </span>
          </span>
        </div>
        <ol className="year__rows" aria-label={t('checklists.year.list')}>
          {year.placed.map((m) => {
            const state = milestoneState(m, now);
            const stateText = t('checklists.year.state', { state });
            return (
              <li key={m.id} className={`year__row year__row--${state}`}>
                <span className="year__label">
                  <span className="year__date">{showInstant(m.dueAt ?? year.from, zone, 'date')}</span>
                  <span className="year__title">{m.title}</span>
                  <span className="year__meta">
                    {ROLE_TITLES[m.owner]} · <span className={`year__state year__state--${state}`}>{stateText}</span>
                  </span>
                </span>
                <span className="year__track" aria-hidden="true">
                  <span className="year__lane">
                    {year.months.map((mo) => (
                      <span key={mo.at} className="year__grid" style={{ left: pct(mo.fraction) }} />
                    ))}
                    {showNow && <span className="year__now" style={{ left: pct(nowFraction) }} />}
                    <span className={`year__dot year__dot--${state}`} style={{ left: pct(m.fraction) }}>
                      {state === 'done' ? t('checklists.year.doneMark') : ''}
                    </span>
                  </span>
                </span>
              </li>
            );
          })}
        </ol>
        {showNow && (
          <div className="year__row year__row--legend" aria-hidden="true">
            <span className="year__label" />
            <span className="year__track">
              <span className="year__lane">
                <span className="year__now-label" style={{ left: pct(nowFraction) }}>
                  {t('checklists.year.today')}
                </span>
              </span>
            </span>
          </div>
        )}
      </div>
      {year.placed.length === 0 && <p className="muted">{t('checklists.year.none')}</p>}
      {year.later.length > 0 && (
        <>
          <h4>{t('checklists.year.later')}</h4>
          <ul className="year__later">
            {year.later.map((m) => (
              <li key={m.id}>
                {tRich(
                  'checklists.year.laterItem',
                  {
                    date: showInstant(m.dueAt ?? year.to, zone, 'date'),
                    title: m.title,
                    owner: ROLE_TITLES[m.owner],
                    state: milestoneState(m, now),
                  },
                  boldTag,
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

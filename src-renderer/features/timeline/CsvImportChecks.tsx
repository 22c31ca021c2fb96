import type { ReactElement, ReactNode } from 'react';

import {
  describeOutside,
  type AmbiguityChoice,
  type ImportAnalysis,
  type WriteChoices,
} from '@shared/domain/timeline/csvImport';
import { describeReading } from '@shared/domain/timeline/csvMoment';
import { t } from '../../i18n/messages';
import { showInstant } from '../../lib/LocaleContext';
import { CheckboxField } from '../../ui/FieldControls';

const SHOWN = 50;
const AMBIGUITY_CHOICES: readonly AmbiguityChoice[] = ['earlier', 'later'];

/**
 * What the preview calls out before anything is written: times that happened twice, rows already
 * on the timeline, rows dated far from the incident, characters the encoding could not read, and
 * rows with problems. Each comes with the choice it needs.
 */
export function CsvImportChecks({
  analysis,
  timeZone,
  incidentStart,
  choices,
  onChoices,
  onAmbiguity,
}: {
  analysis: ImportAnalysis;
  timeZone: string;
  incidentStart: number;
  choices: WriteChoices;
  onChoices: (next: WriteChoices) => void;
  onAmbiguity: (rows: readonly number[], choice: AmbiguityChoice | null) => void;
}): ReactElement {
  const twice = [
    ...analysis.ambiguous.map((a) => ({ ...a, choice: null as AmbiguityChoice | null })),
    ...analysis.resolved,
  ].sort((a, b) => a.row - b.row);
  const duplicates = analysis.rows.filter((r) => r.duplicate);
  const outside = analysis.rows.filter((r) => r.outside !== null);
  const unreadable = analysis.rows.filter((r) => r.unreadable);
  const badRows = new Set(analysis.errors.map((e) => e.row)).size;
  /** A check's box, bound to the write choice it settles. */
  const choice = (setting: keyof WriteChoices, label: string) => ({
    label,
    checked: choices[setting],
    onChange: (checked: boolean) => onChoices({ ...choices, [setting]: checked }),
  });

  return (
    <>
      {twice.length > 0 && (
        <section className="import-check import-check--ask" aria-labelledby="import-twice">
          <h3 id="import-twice">{t('csvImport.twice', { count: twice.length, zone: timeZone })}</h3>
          <p>{t('timeline.csvImportChecks.theClocksWentBackAn')}</p>
          <div className="button-row">
            {AMBIGUITY_CHOICES.map((choice) => (
              <button
                key={choice}
                type="button"
                className="button"
                onClick={() =>
                  onAmbiguity(
                    twice.map((t) => t.row),
                    choice,
                  )
                }
              >
                {choice === 'earlier'
                  ? t('timeline.csvImportChecks.allTheFirstTime')
                  : t('timeline.csvImportChecks.allTheSecondTime')}
              </button>
            ))}
          </div>
          <ul className="import-check__list">
            {twice.slice(0, SHOWN).map((time) => (
              <li key={time.row}>
                <label>
                  {t('timeline.csvImportChecks.row', {
                    row: time.row,
                    earlier: showInstant(time.earlier, timeZone, 'date-time'),
                  })}{' '}
                  <select
                    value={time.choice ?? ''}
                    onChange={(e) =>
                      onAmbiguity([time.row], e.target.value === '' ? null : (e.target.value as AmbiguityChoice))
                    }
                  >
                    <option value="">{t('timeline.csvImportChecks.choose')}</option>
                    <option value="earlier">
                      {t('timeline.csvImportChecks.theFirst', { earlier: describeReading(time.earlier, timeZone) })}
                    </option>
                    <option value="later">
                      {t('timeline.csvImportChecks.theSecond', { later: describeReading(time.later, timeZone) })}
                    </option>
                  </select>
                </label>
              </li>
            ))}
          </ul>
          {twice.length > SHOWN && <p>{t('csvImport.twiceMore', { count: twice.length - SHOWN })}</p>}
        </section>
      )}
      {duplicates.length > 0 && (
        <ImportCheck
          id="import-duplicates"
          heading={t('csvImport.duplicates', { count: duplicates.length })}
          choice={choice('skipDuplicates', t('timeline.csvImportChecks.skipThemImportOnlyWhat'))}
        >
          <p>{t('timeline.csvImportChecks.sameTimeAndTheSame', rowsNamed(duplicates))}</p>
        </ImportCheck>
      )}
      {outside.length > 0 && (
        <ImportCheck
          id="import-outside"
          heading={t('csvImport.outside', { count: outside.length })}
          choice={choice('leaveOutOutside', t('timeline.csvImportChecks.leaveTheseRowsOut'))}
        >
          <ul className="import-check__list">
            {outside.slice(0, 12).map((r) => (
              <li key={r.row}>
                {t('timeline.csvImportChecks.row2', {
                  row: r.row,
                  where: describeOutside(r, { timeZone, incidentStart }),
                })}
              </li>
            ))}
          </ul>
          {outside.length > 12 && <p>{t('csvImport.outsideMore', { count: outside.length - 12 })}</p>}
        </ImportCheck>
      )}
      {unreadable.length > 0 && (
        <ImportCheck
          id="import-unreadable"
          ask
          heading={t('csvImport.unreadableRows', { count: unreadable.length })}
          choice={choice('acceptUnreadable', t('timeline.csvImportChecks.importThemWithWhereThe'))}
        >
          <p>{t('timeline.csvImportChecks.unreadableRows', rowsNamed(unreadable))}</p>
        </ImportCheck>
      )}
      {analysis.errors.length > 0 && (
        <div className="import-errors" role="alert">
          <h3>{t('csvImport.problems', { problems: analysis.errors.length, rows: badRows })}</h3>
          <ul>
            {analysis.errors.slice(0, SHOWN).map((e, i) => (
              <li key={i}>
                {t('timeline.csvImportChecks.rowColumn', { row: e.row, column: e.column, problem: e.problem })}
              </li>
            ))}
          </ul>
          {analysis.errors.length > SHOWN && (
            <p>{t('timeline.csvImportChecks.andMore', { errors: analysis.errors.length - SHOWN })}</p>
          )}
          <CheckboxField {...choice('leaveOutBad', t('csvImport.leaveOutBad', { count: badRows }))} />
        </div>
      )}
    </>
  );
}

/** One check of the preview: what was found, and the one choice that settles it. */
function ImportCheck({
  id,
  ask = false,
  heading,
  choice,
  children,
}: {
  id: string;
  /** A check that blocks the import until it is answered. */
  ask?: boolean;
  heading: string;
  choice: { label: string; checked: boolean; onChange: (checked: boolean) => void };
  children: ReactNode;
}): ReactElement {
  return (
    <section className={ask ? 'import-check import-check--ask' : 'import-check'} aria-labelledby={id}>
      <h3 id={id}>{heading}</h3>
      {children}
      <CheckboxField {...choice} />
    </section>
  );
}

/** The first rows of a check by number, and whether there are more than those named. */
function rowsNamed(rows: readonly { row: number }[]): { rows: string; more: 'yes' | 'no' } {
  return {
    rows: rows
      .slice(0, 12)
      .map((r) => r.row)
      .join(', '),
    more: rows.length > 12 ? 'yes' : 'no',
  };
}

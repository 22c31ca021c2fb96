import { useCallback, useEffect, useRef, useState, type ReactElement } from 'react';

import type { Actor } from '@shared/domain/audit';
import { dateOrderLabel, type DateOrder } from '@shared/domain/locale/dateOrder';
import { TEXT_ENCODINGS, describeEncodingGuess, encodingLabel, isTextEncodingId } from '@shared/domain/text/encoding';
import {
  IMPORT_FIELDS,
  importFieldLabels,
  planImport,
  type AmbiguityChoice,
  type ImportSettings,
  type WriteChoices,
} from '@shared/domain/timeline/csvImport';
import { previewWallClock } from '@shared/domain/timeline/csvMoment';
import { CATEGORY_LABELS } from '@shared/domain/timeline/entryForm';
import type { Incident } from '@shared/schemas/entities';

import { useDesk } from '../../desk/DeskContext';
import { describeAppendError } from '../../desk/timeline/writes';
import { ColumnMappingFields } from '../../ui/ColumnMappingFields';
import { Dialog } from '../../ui/Dialog';
import { DialogActions, FormError } from '../../ui/Field';
import { CsvImportChecks } from './CsvImportChecks';
import type { CsvImportOutcome, CsvImportReader } from './csvImportReader';
import { t } from '../../i18n/messages';
import type { CsvImportView, FileChoice } from './csvImportWorker';
import { TableHead } from '../../ui/TableHead';
import { CheckboxField } from '../../ui/FieldControls';

const PREVIEW_ROWS = 8;

type Progress = { step: string; fraction: number };

/**
 * The import of a timeline kept in a spreadsheet: how the file is read (encoding, header row,
 * date order), which column holds what, a preview, and every row that needs a decision, all
 * before anything is written. Reading and checking run in a worker; writing can be stopped
 * until the entries are sealed.
 */
export function TimelineCsvImportDialog({
  incident,
  fileName,
  reader,
  actor,
  onDone,
  onClose,
}: {
  incident: Incident;
  fileName: string;
  reader: CsvImportReader;
  actor: () => Actor;
  onDone: (n: number) => void;
  onClose: () => void;
}): ReactElement {
  const { useCases } = useDesk();
  const [fileChoice, setFileChoice] = useState<FileChoice>({});
  const [view, setView] = useState<CsvImportView | null>(null);
  const [outcome, setOutcome] = useState<CsvImportOutcome | null>(null);
  const [reading, setReading] = useState<Progress | null>({
    step: t('timeline.timelineCsvImportDialog.readingTheFile'),
    fraction: 0,
  });
  const [choices, setChoices] = useState<WriteChoices>({
    skipDuplicates: true,
    leaveOutOutside: false,
    acceptUnreadable: false,
    leaveOutBad: false,
  });
  const [writing, setWriting] = useState<Progress | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const stop = useRef<AbortController | null>(null);

  const receive = useCallback((answer: CsvImportOutcome | null) => {
    if (answer === null) return; // replaced by a newer question
    setReading(null);
    setOutcome(answer);
    if (answer.kind === 'view') setView(answer.view);
  }, []);
  const progress = useCallback((step: string, fraction: number) => setReading({ step, fraction }), []);
  // The desk's first reading of the file: its guesses for the encoding, header row and mapping.
  useEffect(() => void reader.analyse({}, null, progress).then(receive), [reader, progress, receive]);

  const ask = (file: FileChoice, settings: ImportSettings | null) => {
    setFileChoice(file);
    setReading({ step: t('timeline.timelineCsvImportDialog.readingTheFile'), fraction: 0 });
    void reader.analyse(file, settings, progress).then(receive);
  };

  const settings = view?.settings;
  const change = (patch: Partial<ImportSettings>) => settings && ask(fileChoice, { ...settings, ...patch });
  const chooseAmbiguity = (rows: readonly number[], choice: AmbiguityChoice | null) => {
    if (!settings) return;
    const kept = Object.entries(settings.ambiguity).filter(([row]) => !rows.includes(Number(row)));
    const chosen = choice === null ? [] : rows.map((row) => [String(row), choice] as const);
    change({ ambiguity: Object.fromEntries([...kept, ...chosen]) });
  };

  const analysis = view?.analysis ?? null;
  const plan = analysis ? planImport(analysis, choices) : null;
  const busy = reading !== null || writing !== null;
  const canImport = plan !== null && plan.blockers.length === 0 && !busy;
  const zone = incident.timeZone;

  const write = () => {
    if (!plan) return;
    const controller = new AbortController();
    stop.current = controller;
    setFailure(null);
    setWriting({ step: t('timeline.timelineCsvImportDialog.sealingTheEntries'), fraction: 0 });
    useCases.timeline
      .append(incident.id, plan.contents, actor(), {
        signal: controller.signal,
        // Sealing (hashing each revision into the chain) is the first half, writing the second.
        onProgress: (step, done, total) =>
          setWriting({
            step: t('timeline.timelineCsvImportDialog.writingEntry', { step, done, total }),
            fraction: total === 0 ? 1 : (done / total + (step === 'writing' ? 1 : 0)) / 2,
          }),
      })
      .then(
        (written) => {
          if (written.ok) return onDone(written.value.length);
          setWriting(null);
          stop.current = null;
          if (written.error.code === 'stopped')
            setFailure(t('timeline.timelineCsvImportDialog.importStoppedNothingWasWritten'));
          else
            setFailure(
              t('timeline.timelineCsvImportDialog.nothingWasImported', { error: describeAppendError(written.error) }),
            );
        },
        (e: unknown) => {
          setWriting(null);
          stop.current = null;
          if (controller.signal.aborted)
            setFailure(t('timeline.timelineCsvImportDialog.importStoppedNothingWasWritten'));
          else
            setFailure(
              t('timeline.timelineCsvImportDialog.nothingWasImported', {
                error: e instanceof Error ? e.message : String(e),
              }),
            );
        },
      );
  };

  const cancel = () => {
    if (writing && stop.current) stop.current.abort();
    else onClose();
  };

  return (
    <Dialog title={t('timeline.timelineCsvImportDialog.importATimelineFrom', { fileName })} onClose={cancel} wide>
      {outcome?.kind === 'unreadable' && (
        <p className="form-error" role="alert">
          {outcome.empty
            ? t('timeline.timelineCsvImportDialog.hasNoRowsToImport', { fileName })
            : t('timeline.timelineCsvImportDialog.isNotAReadableCsv', { fileName, detail: outcome.detail })}
        </p>
      )}
      {outcome?.kind === 'failed' && (
        <p className="form-error" role="alert">
          {t('timeline.timelineCsvImportDialog.couldNotBeRead', { fileName, message: outcome.message })}
        </p>
      )}
      {view && settings && (
        <>
          <p>{t('timeline.timelineCsvImportDialog.timesWithoutAnOffsetAre', { count: view.rowCount, zone })}</p>
          <fieldset className="fieldset import-file" disabled={writing !== null}>
            <legend>{t('timeline.timelineCsvImportDialog.howTheFileIsRead')}</legend>
            <label className="import-file__row">
              <span>{t('timeline.timelineCsvImportDialog.encoding')}</span>
              <select
                value={view.encoding}
                aria-describedby="import-encoding-guess"
                onChange={(e) => {
                  const value = e.target.value;
                  if (isTextEncodingId(value)) ask({ ...fileChoice, encoding: value }, null);
                }}
              >
                {TEXT_ENCODINGS.map((e) => (
                  <option key={e.id} value={e.id}>
                    {e.label}
                  </option>
                ))}
              </select>
            </label>
            <p id="import-encoding-guess" className="import-file__note" data-testid="encoding-guess">
              {t('timeline.timelineCsvImportDialog.detected', {
                guess: describeEncodingGuess(view.guess),
                chose: view.encoding !== view.guess.encoding ? 'yes' : 'no',
                encoding: encodingLabel(view.encoding),
              })}
            </p>
            {view.unreadable > 0 && (
              <p className="warning-text" role="alert">
                {t('timeline.timelineCsvImportDialog.cannotBeReadAsAnd', {
                  count: view.unreadable,
                  encoding: encodingLabel(view.encoding),
                })}
              </p>
            )}
            {view.replacementsInFile > 0 && (
              <p className="warning-text">
                {t('timeline.timelineCsvImportDialog.theFileItselfHoldsLetters', { count: view.replacementsInFile })}
              </p>
            )}
            <CheckboxField
              label={
                <>
                  {t('timeline.timelineCsvImportDialog.theFirstRowIsData')}
                  {view.firstRowLooksLikeData && (
                    <span className="muted"> {t('timeline.timelineCsvImportDialog.itLooksLikeDataIt')}</span>
                  )}
                </>
              }
              checked={view.firstRowIsData}
              onChange={(firstRowIsData) => ask({ ...fileChoice, firstRowIsData }, null)}
            />
            <label className="import-file__row">
              <span>{t('timeline.timelineCsvImportDialog.datesWrittenLike74')}</span>
              <select
                value={settings.dateOrder}
                aria-describedby="import-date-order"
                onChange={(e) => change({ dateOrder: e.target.value as DateOrder })}
              >
                <option value="month-first">{dateOrderLabel('month-first')}</option>
                <option value="day-first">{dateOrderLabel('day-first')}</option>
              </select>
            </label>
            <p id="import-date-order" className="import-file__note" data-testid="date-order-basis">
              {view.dateOrderBasis.kind === 'file'
                ? t('timeline.timelineCsvImportDialog.dateOrderFromFile', {
                    order: view.dateOrderBasis.order === 'month-first' ? 'monthFirst' : 'dayFirst',
                    row: view.dateOrderBasis.row,
                    text: view.dateOrderBasis.text,
                  })
                : t('timeline.timelineCsvImportDialog.dateOrderFromZone', {
                    order: view.dateOrderBasis.order === 'month-first' ? 'monthFirst' : 'dayFirst',
                    zone,
                  })}
              {settings.dateOrder !== view.dateOrderBasis.order &&
                ` ${t('timeline.timelineCsvImportDialog.dateOrderChosen', { order: settings.dateOrder === 'month-first' ? 'monthFirst' : 'dayFirst' })}`}
            </p>
          </fieldset>
          <fieldset className="fieldset" disabled={writing !== null}>
            <legend>{t('timeline.timelineCsvImportDialog.whichColumnHoldsWhat')}</legend>
            <ColumnMappingFields
              fields={IMPORT_FIELDS}
              labels={importFieldLabels()}
              headers={view.headers}
              mapping={settings.mapping}
              onChange={(update) => change({ mapping: update(settings.mapping) })}
            />
          </fieldset>
          {view.mappingError !== null && (
            <p className="form-error" role="alert">
              {view.mappingError}
            </p>
          )}
          {analysis && (
            <>
              <h3>{t('timeline.timelineCsvImportDialog.preview')}</h3>
              <table className="table table--compact">
                <TableHead
                  columns={[
                    t('timeline.timelineCsvImportDialog.row'),
                    t('timeline.timelineCsvImportDialog.when', { zone }),
                    t('timeline.timelineCsvImportDialog.category'),
                    t('timeline.timelineCsvImportDialog.whatHappened'),
                    t('timeline.timelineCsvImportDialog.source'),
                  ]}
                />
                <tbody>
                  {analysis.rows.slice(0, PREVIEW_ROWS).map((r) => (
                    <tr key={r.row}>
                      <td>{r.row}</td>
                      <td className="nowrap">{previewWallClock(r.content.occurredAt, zone)}</td>
                      <td>{CATEGORY_LABELS[r.content.category]}</td>
                      <td>{r.content.title}</td>
                      <td>{r.content.source}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {analysis.rows.length > PREVIEW_ROWS && (
                <p className="muted">{t('csvImport.moreRows', { count: analysis.rows.length - PREVIEW_ROWS })}</p>
              )}
              <CsvImportChecks
                analysis={analysis}
                timeZone={zone}
                incidentStart={incident.startAt}
                choices={choices}
                onChoices={setChoices}
                onAmbiguity={chooseAmbiguity}
              />
            </>
          )}
        </>
      )}
      <div className="import-footer">
        {(reading ?? writing) && (
          <p className="import-progress" role="status">
            <progress
              max={1}
              value={(writing ?? reading)?.fraction ?? 0}
              aria-label={
                writing
                  ? t('timeline.timelineCsvImportDialog.importProgress')
                  : t('timeline.timelineCsvImportDialog.readingProgress')
              }
            />{' '}
            {(writing ?? reading)?.step}…
          </p>
        )}
        {plan && plan.blockers.length > 0 && !busy && (
          <ul className="import-blockers" aria-label={t('timeline.timelineCsvImportDialog.beforeImporting')}>
            {plan.blockers.map((b) => (
              <li key={b}>{b}</li>
            ))}
          </ul>
        )}
        <FormError>{failure}</FormError>
        <DialogActions
          cancelLabel={
            writing ? t('timeline.timelineCsvImportDialog.stopTheImport') : t('timeline.timelineCsvImportDialog.cancel')
          }
          onCancel={cancel}
        >
          <button type="button" className="button button--primary" disabled={!canImport} onClick={write}>
            {t('csvImport.import', { count: plan?.contents.length ?? 0 })}
          </button>
        </DialogActions>
      </div>
    </Dialog>
  );
}

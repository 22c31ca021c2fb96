import { useCallback, useEffect, useRef, useState, type ReactElement } from 'react';

import type { Actor } from '@shared/domain/audit';
import { DATE_ORDER_LABELS, type DateOrder } from '@shared/domain/locale/dateOrder';
import { TEXT_ENCODINGS, describeEncodingGuess, encodingLabel, isTextEncodingId } from '@shared/domain/text/encoding';
import { IMPORT_FIELDS, IMPORT_FIELD_LABELS, planImport, type AmbiguityChoice, type ImportSettings, type WriteChoices } from '@shared/domain/timeline/csvImport';
import { previewWallClock } from '@shared/domain/timeline/csvMoment';
import { CATEGORY_LABELS } from '@shared/domain/timeline/entryForm';
import type { Incident } from '@shared/schemas/entities';

import { useDesk } from '../../desk/DeskContext';
import { describeAppendError } from '../../desk/timeline/writes';
import { ColumnMappingFields } from '../../ui/ColumnMappingFields';
import { Dialog } from '../../ui/Dialog';
import { FormError } from '../../ui/Field';
import { CsvImportChecks } from './CsvImportChecks';
import type { CsvImportOutcome, CsvImportReader } from './csvImportReader';
import { t } from '../../i18n/messages';
import type { CsvImportView, FileChoice } from './csvImportWorker';

const PREVIEW_ROWS = 8;

type Progress = { step: string; fraction: number };

/**
 * The import of a timeline kept in a spreadsheet: how the file is read (encoding, header row,
 * date order), which column holds what, a preview, and every row that needs a decision, all
 * before anything is written. Reading and checking run in a worker; writing can be stopped
 * until the entries are sealed.
 */
export function TimelineCsvImportDialog({ incident, fileName, reader, actor, onDone, onClose }: {
  incident: Incident; fileName: string; reader: CsvImportReader; actor: () => Actor; onDone: (n: number) => void; onClose: () => void;
}): ReactElement {
  const { useCases } = useDesk();
  const [fileChoice, setFileChoice] = useState<FileChoice>({});
  const [view, setView] = useState<CsvImportView | null>(null);
  const [outcome, setOutcome] = useState<CsvImportOutcome | null>(null);
  const [reading, setReading] = useState<Progress | null>({ step: 'Reading the file', fraction: 0 });
  const [choices, setChoices] = useState<WriteChoices>({ skipDuplicates: true, leaveOutOutside: false, acceptUnreadable: false, leaveOutBad: false });
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
    setReading({ step: 'Reading the file', fraction: 0 });
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
    setWriting({ step: 'Sealing the entries', fraction: 0 });
    useCases.timeline
      .append(incident.id, plan.contents, actor(), {
        signal: controller.signal,
        // Sealing (hashing each revision into the chain) is the first half, writing the second.
        onProgress: (step, done, total) => setWriting({
          step: `${step === 'sealing' ? 'Sealing' : 'Writing'} entry ${done.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')}`,
          fraction: total === 0 ? 1 : (done / total + (step === 'writing' ? 1 : 0)) / 2,
        }),
      })
      .then(
        (written) => {
          if (written.ok) return onDone(written.value.length);
          setWriting(null);
          stop.current = null;
          if (written.error.code === 'stopped') setFailure('Import stopped: nothing was written.');
          else setFailure(`Nothing was imported: ${describeAppendError(written.error)}`);
        },
        (e: unknown) => {
          setWriting(null);
          stop.current = null;
          if (controller.signal.aborted) setFailure('Import stopped: nothing was written.');
          else setFailure(`Nothing was imported: ${e instanceof Error ? e.message : String(e)}`);
        },
      );
  };

  const cancel = () => {
    if (writing && stop.current) stop.current.abort();
    else onClose();
  };

  return (
    <Dialog title={`Import a timeline from “${fileName}”`} onClose={cancel} wide>
      {outcome?.kind === 'unreadable' && (
        <p className="form-error" role="alert">{outcome.empty ? `“${fileName}” has no rows to import.` : `“${fileName}” is not a readable CSV file: ${outcome.detail}`}</p>
      )}
      {outcome?.kind === 'failed' && <p className="form-error" role="alert">“{fileName}” could not be read: {outcome.message}</p>}
      {view && settings && (
        <>
          <p>
            {t('csvImport.rows', { count: view.rowCount })}. Times without an offset are read on the incident&apos;s clock ({zone}). Imported entries are marked as
            transcribed. Nothing is written until you press Import.
          </p>
          <fieldset className="fieldset import-file" disabled={writing !== null}>
            <legend>How the file is read</legend>
            <label className="import-file__row">
              <span>Encoding</span>
              <select value={view.encoding} aria-describedby="import-encoding-guess" onChange={(e) => {
                const value = e.target.value;
                if (isTextEncodingId(value)) ask({ ...fileChoice, encoding: value }, null);
              }}>
                {TEXT_ENCODINGS.map((e) => <option key={e.id} value={e.id}>{e.label}</option>)}
              </select>
            </label>
            <p id="import-encoding-guess" className="import-file__note" data-testid="encoding-guess">
              Detected: {describeEncodingGuess(view.guess)}.
              {view.encoding !== view.guess.encoding && ` You chose ${encodingLabel(view.encoding)}.`}
            </p>
            {view.unreadable > 0 && (
              <p className="warning-text" role="alert">
                {t('csvImport.unreadableCharacters', { count: view.unreadable })} cannot be read as {encodingLabel(view.encoding)} and would be stored as �. Choose the
                file&apos;s encoding above (Excel on Windows saves “CSV” as Windows-1252).
              </p>
            )}
            {view.replacementsInFile > 0 && (
              <p className="warning-text">The file itself holds {t('csvImport.replacementCharacters', { count: view.replacementsInFile })} (�): letters were lost before the file reached the desk.</p>
            )}
            <label className="checkbox">
              <input type="checkbox" checked={view.firstRowIsData} onChange={(e) => ask({ ...fileChoice, firstRowIsData: e.target.checked }, null)} />
              The first row is data (this file has no header row)
              {view.firstRowLooksLikeData && <span className="muted"> — it looks like data: it holds a date, not column names</span>}
            </label>
            <label className="import-file__row">
              <span>Dates written like 7/4/2026</span>
              <select value={settings.dateOrder} aria-describedby="import-date-order" onChange={(e) => change({ dateOrder: e.target.value as DateOrder })}>
                <option value="month-first">{DATE_ORDER_LABELS['month-first']}</option>
                <option value="day-first">{DATE_ORDER_LABELS['day-first']}</option>
              </select>
            </label>
            <p id="import-date-order" className="import-file__note" data-testid="date-order-basis">
              {view.dateOrderBasis.kind === 'file'
                ? `Detected: ${view.dateOrderBasis.order === 'month-first' ? 'month first' : 'day first'}, as row ${view.dateOrderBasis.row} has “${view.dateOrderBasis.text}”, which reads only that way.`
                : `Detected: ${view.dateOrderBasis.order === 'month-first' ? 'month first' : 'day first'}, the convention in ${zone}. ISO dates (2026-07-04) read the same either way.`}
              {settings.dateOrder !== view.dateOrderBasis.order && ` You chose ${settings.dateOrder === 'month-first' ? 'month first' : 'day first'}.`}
            </p>
          </fieldset>
          <fieldset className="fieldset" disabled={writing !== null}>
            <legend>Which column holds what</legend>
            <ColumnMappingFields fields={IMPORT_FIELDS} labels={IMPORT_FIELD_LABELS} headers={view.headers} mapping={settings.mapping}
              onChange={(update) => change({ mapping: update(settings.mapping) })} />
          </fieldset>
          {view.mappingError !== null && <p className="form-error" role="alert">{view.mappingError}</p>}
          {analysis && (
            <>
              <h3>Preview</h3>
              <table className="table table--compact">
                <thead><tr><th scope="col">Row</th><th scope="col">When ({zone})</th><th scope="col">Category</th><th scope="col">What happened</th><th scope="col">Source</th></tr></thead>
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
              {analysis.rows.length > PREVIEW_ROWS && <p className="muted">{t('csvImport.moreRows', { count: analysis.rows.length - PREVIEW_ROWS })}</p>}
              <CsvImportChecks analysis={analysis} timeZone={zone} incidentStart={incident.startAt} choices={choices} onChoices={setChoices} onAmbiguity={chooseAmbiguity} />
            </>
          )}
        </>
      )}
      <div className="import-footer">
        {(reading ?? writing) && (
          <p className="import-progress" role="status">
            <progress max={1} value={(writing ?? reading)?.fraction ?? 0} aria-label={writing ? 'Import progress' : 'Reading progress'} /> {(writing ?? reading)?.step}…
          </p>
        )}
        {plan && plan.blockers.length > 0 && !busy && (
          <ul className="import-blockers" aria-label="Before importing">{plan.blockers.map((b) => <li key={b}>{b}</li>)}</ul>
        )}
        <FormError>{failure}</FormError>
        <div className="dialog__actions">
          <button type="button" className="button" onClick={cancel}>{writing ? 'Stop the import' : 'Cancel'}</button>
          <button type="button" className="button button--primary" disabled={!canImport} onClick={write}>
            {t('csvImport.import', { count: plan?.contents.length ?? 0 })}
          </button>
        </div>
      </div>
    </Dialog>
  );
}

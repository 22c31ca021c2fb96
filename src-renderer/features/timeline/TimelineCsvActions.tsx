import { useMemo, useState, type ReactElement } from 'react';

import { fileSlug } from '@shared/domain/fileNames';
import type { Actor } from '@shared/domain/audit';
import { formatWallClock } from '@shared/domain/incident/wallClock';
import { IMPORT_FIELDS, IMPORT_FIELD_LABELS, autoMap, importRows, readCsv, timelineToCsv, type ColumnMapping, type CsvTable } from '@shared/domain/timeline/csv';
import { CATEGORY_LABELS } from '@shared/domain/timeline/entryForm';
import type { Incident } from '@shared/schemas/entities';
import type { TimelineEntry } from '@shared/schemas/timeline';

import { useDesk } from '../../app/DeskContext';
import type { ListedEntry } from '../../db/repos/timelineQuery';
import { useAppStore } from '../../store';
import { Dialog } from '../../ui/Dialog';
import { FormError } from '../../ui/Field';
import { ColumnMappingFields } from '../../ui/ColumnMappingFields';
import { ProblemAlert } from '../../ui/ProblemAlert';

const slug = (s: string) => fileSlug(s, 'incident');

function ImportDialog({ incident, fileName, table, actor, onDone, onClose }: {
  incident: Incident; fileName: string; table: CsvTable; actor: () => Actor; onDone: (n: number) => void; onClose: () => void;
}): ReactElement {
  const { repos } = useDesk();
  const [mapping, setMapping] = useState<ColumnMapping>(() => autoMap(table.headers));
  const [skipBad, setSkipBad] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const result = useMemo(() => importRows(table, mapping, { timeZone: incident.timeZone }), [table, mapping, incident.timeZone]);
  const good = result.ok ? result.value.contents.length : 0;
  const errors = result.ok ? result.value.errors : [];
  const badRows = new Set(errors.map((e) => e.row)).size;
  const canImport = result.ok && good > 0 && (errors.length === 0 || skipBad) && !busy;

  return (
    <Dialog title={`Import a timeline from “${fileName}”`} onClose={onClose} wide>
      <p>{table.rows.length} rows. Times without an offset are read on the incident&apos;s clock ({incident.timeZone}). Imported entries are marked as transcribed. Nothing is written until you press Import.</p>
      <fieldset className="fieldset">
        <legend>Which column holds what</legend>
        <ColumnMappingFields fields={IMPORT_FIELDS} labels={IMPORT_FIELD_LABELS} headers={table.headers} mapping={mapping} onChange={setMapping} />
      </fieldset>
      {!result.ok ? <p className="form-error" role="alert">{result.error}</p> : (
        <>
          <h3>Preview</h3>
          <table className="table table--compact">
            <thead><tr><th scope="col">When ({incident.timeZone})</th><th scope="col">Category</th><th scope="col">What happened</th><th scope="col">Source</th></tr></thead>
            <tbody>
              {result.value.contents.slice(0, 8).map((c, i) => (
                <tr key={i}><td className="nowrap">{formatWallClock(c.occurredAt, incident.timeZone, 'd MMM yyyy HH:mm')}</td><td>{CATEGORY_LABELS[c.category]}</td><td>{c.title}</td><td>{c.source}</td></tr>
              ))}
            </tbody>
          </table>
          {good > 8 && <p className="muted">…and {good - 8} more.</p>}
          {errors.length > 0 && (
            <div className="import-errors" role="alert">
              <h3>{errors.length} {errors.length === 1 ? 'problem' : 'problems'} in {badRows} {badRows === 1 ? 'row' : 'rows'}</h3>
              <ul>{errors.slice(0, 50).map((e, i) => <li key={i}>Row {e.row}, column “{e.column}”: {e.problem}</li>)}</ul>
              {errors.length > 50 && <p>…and {errors.length - 50} more.</p>}
              <label className="checkbox"><input type="checkbox" checked={skipBad} onChange={(e) => setSkipBad(e.target.checked)} /> Import the {good} good rows and leave out the {badRows} with problems</label>
            </div>
          )}
        </>
      )}
      <FormError>{failure}</FormError>
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onClose}>Cancel</button>
        <button type="button" className="button button--primary" disabled={!canImport} onClick={() => {
          if (!result.ok) return;
          setBusy(true);
          repos.timeline.append(incident.id, result.value.contents, actor()).then(
            (written) => onDone(written.length),
            (e: unknown) => { setBusy(false); setFailure(`Nothing was imported: ${e instanceof Error ? e.message : String(e)}`); },
          );
        }}>Import {good} {good === 1 ? 'entry' : 'entries'}</button>
      </div>
    </Dialog>
  );
}

/** CSV out (the filtered timeline) and in (a spreadsheet kept by hand during the incident). */
export function TimelineCsvActions({ incident, listed, actor, onImported }: { incident: Incident; listed: ListedEntry[]; actor: () => Actor; onImported: (n: number) => void }): ReactElement {
  const { repos, platform, clock } = useDesk();
  const showNotice = useAppStore((s) => s.showNotice);
  const [importing, setImporting] = useState<{ fileName: string; table: CsvTable } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <div className="csv-actions">
      <button type="button" className="button" onClick={() => {
        void (async () => {
          const entries: TimelineEntry[] = [];
          await repos.timeline.forEachPage(incident.id, (page) => void entries.push(...page), listed.map((l) => l.id));
          const saved = await platform.saveFile({
            suggestedName: `timeline-${slug(incident.title)}-${formatWallClock(clock(), incident.timeZone, 'yyyy-MM-dd-HHmm')}.csv`,
            content: timelineToCsv(entries, incident.timeZone),
            encoding: 'utf8',
            filters: [{ name: 'CSV', extensions: ['csv'] }],
            title: 'Export the timeline as CSV',
          });
          if (!saved.ok) showNotice('error', `The CSV could not be saved: ${saved.error.message}`);
          else if (saved.value.savedTo) showNotice('success', `${entries.length} entries exported to ${saved.value.savedTo}`);
        })();
      }}>Export CSV</button>
      <button type="button" className="button" onClick={() => {
        setProblem(null);
        void platform.openFile({ filters: [{ name: 'CSV', extensions: ['csv', 'txt'] }], maxBytes: 64 * 1024 * 1024, title: 'Import a timeline from CSV' }).then((r) => {
          if (!r.ok) return setProblem(r.error.message);
          if (!r.value) return;
          const table = readCsv(r.value.text);
          if (!table.ok) return setProblem(table.error.code === 'empty' ? `“${r.value.name}” has no rows to import.` : `“${r.value.name}” is not a readable CSV file (${table.error.detail}).`);
          setImporting({ fileName: r.value.name, table: table.value });
        });
      }}>Import CSV…</button>
      <ProblemAlert>{problem}</ProblemAlert>
      {importing && (
        <ImportDialog incident={incident} fileName={importing.fileName} table={importing.table} actor={actor} onClose={() => setImporting(null)}
          onDone={(n) => { setImporting(null); onImported(n); }} />
      )}
    </div>
  );
}

import { useMemo, useState, type ReactElement } from 'react';

import type { ContactFields } from '@shared/domain/contacts/contact';
import {
  CONTACT_IMPORT_FIELDS,
  describeContactCsvError,
  readContactCsv,
  CONTACT_IMPORT_LABELS,
  autoMapContacts,
  describeCsvLayout,
  importContactRows,
  type ContactColumnMapping,
  type ContactCsvTable,
} from '@shared/domain/contacts/csv';
import { groupsInFile, prepareImport, type ImportCandidate, type ImportProblem } from '@shared/domain/contacts/importCandidates';
import type { PhoneCountry } from '@shared/domain/contacts/phone';
import { OTHER_CATEGORY, STAKEHOLDER_CATEGORIES } from '@shared/domain/contacts/stakeholderCategories';
import { cardCandidates, describeVCardSummary, type ParsedCard, type VCardSummary } from '@shared/domain/contacts/vcard';
import { TEXT_ENCODINGS, decodeText, describeEncodingGuess, encodingLabel, isTextEncodingId, type EncodingGuess, type TextEncodingId } from '@shared/domain/text/encoding';
import type { Contact } from '@shared/schemas/contacts';

import { Dialog } from '../../ui/Dialog';
import { FormError } from '../../ui/Field';
import { ColumnMappingFields } from '../../ui/ColumnMappingFields';
import { t } from '../../i18n/messages';
import { PhoneNumber } from './PhoneNumber';

export type ImportSource =
  | { kind: 'vcard'; fileName: string; cards: ParsedCard[]; summary: VCardSummary }
  /** `table` as read in the guessed encoding; the bytes are kept so the operator can choose another. */
  | { kind: 'csv'; fileName: string; table: ContactCsvTable; bytes: Uint8Array; guess: EncodingGuess };

type Read = { ok: true; candidates: ImportCandidate[]; problems: ImportProblem[]; badCount: number; detected: string[] } | { ok: false; message: string };

/** The columns of numbers found in a spreadsheet, each to read or leave, with its label. */
function PhoneColumns({ table, mapping, onChange }: { table: ContactCsvTable; mapping: ContactColumnMapping; onChange: (m: ContactColumnMapping) => void }): ReactElement {
  const used = new Set(mapping.phones.map((p) => p.column));
  const free = table.headers.map((h, i) => ({ h: h || `Column ${i + 1}`, i })).filter(({ i }) => !used.has(i) && !Object.values(mapping.fields).includes(i));
  return (
    <div className="phone-columns">
      <p className="muted">Columns read as phone numbers, each with its label (from the column beside it where the file has one):</p>
      {mapping.phones.length === 0 && <p>No column holds phone numbers yet.</p>}
      <ul className="plain-list">
        {mapping.phones.map((p) => (
          <li key={p.column}>
            <label className="checkbox">
              <input type="checkbox" checked onChange={() => onChange({ ...mapping, phones: mapping.phones.filter((x) => x.column !== p.column) })} />
              {' '}“{table.headers[p.column] || `Column ${p.column + 1}`}”, labelled {p.labelColumn !== null ? <>from “{table.headers[p.labelColumn]}”</> : <>“{p.label}”</>}
            </label>
          </li>
        ))}
      </ul>
      {free.length > 0 && (
        <label className="mapping__row">
          <span>Another column holds numbers</span>
          <select value="" onChange={(e) => {
            const column = Number(e.target.value);
            if (e.target.value === '') return;
            onChange({ ...mapping, phones: [...mapping.phones, { column, labelColumn: null, label: table.headers[column]?.trim().toLowerCase() || 'phone' }].sort((a, b) => a.column - b.column) });
          }}>
            <option value="">— choose a column —</option>
            {free.map(({ h, i }) => <option key={i} value={i}>{h}</option>)}
          </select>
        </label>
      )}
    </div>
  );
}

/** Checks what a file holds against the directory; nothing is written until the operator presses Import. */
export function ContactImportDialog({ source, directory, now, country, onImport, onClose }: {
  source: ImportSource; directory: readonly Contact[]; now: number; country: PhoneCountry | null; onImport: (list: ContactFields[]) => Promise<string | null>; onClose: () => void;
}): ReactElement {
  const [mapping, setMapping] = useState<ContactColumnMapping>(() => (source.kind === 'csv' ? autoMapContacts(source.table) : { fields: {}, phones: [], otherEmails: [] }));
  const [categoryChoices, setCategoryChoices] = useState<ReadonlyMap<string, string>>(new Map());
  const [keepUnread, setKeepUnread] = useState(false);
  const [skipBad, setSkipBad] = useState(false);
  const [skipDuplicates, setSkipDuplicates] = useState(true);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const [encoding, setEncoding] = useState<TextEncodingId | null>(source.kind === 'csv' ? source.guess.encoding : null);
  // The spreadsheet read again when the operator chooses another encoding than the one guessed.
  const csv = useMemo(() => {
    if (source.kind !== 'csv' || encoding === null) return null;
    const decoded = decodeText(source.bytes, encoding);
    if (encoding === source.guess.encoding) return { table: source.table, unreadable: decoded.unreadable, problem: null };
    const table = readContactCsv(decoded.text);
    return table.ok ? { table: table.value, unreadable: decoded.unreadable, problem: null } : { table: source.table, unreadable: decoded.unreadable, problem: describeContactCsvError(table.error, source.fileName) };
  }, [source, encoding]);

  const read = useMemo((): Read => {
    if (source.kind === 'vcard') {
      const r = cardCandidates(source.cards);
      return { ok: true, ...r, detected: describeVCardSummary(source.summary) };
    }
    if (csv?.problem) return { ok: false, message: csv.problem };
    const table = csv?.table ?? source.table;
    const r = importContactRows(table, mapping, { now, country });
    if (!r.ok) return { ok: false, message: r.error };
    return {
      ok: true,
      candidates: r.value.rows,
      problems: r.value.errors.map((e) => ({ where: `Row ${e.row}`, field: e.field, problem: e.problem })),
      badCount: new Set(r.value.errors.map((e) => e.row)).size,
      detected: [
        t('contactImport.detectedRows', { count: table.rows.length, layout: describeCsvLayout(table.headers) }),
        `Read as ${describeEncodingGuess(source.guess)}.${encoding !== null && encoding !== source.guess.encoding ? ` You chose ${encodingLabel(encoding)}.` : ''}`,
      ],
    };
  }, [source, csv, encoding, mapping, now, country]);
  const unreadable = csv?.unreadable ?? 0;

  const groups = useMemo(() => (read.ok ? groupsInFile(read.candidates) : []), [read]);
  const prepared = useMemo(
    () => (read.ok ? prepareImport(read.candidates, { categories: categoryChoices, keepUnreadNumbers: keepUnread }, { now, country, directory }) : null),
    [read, categoryChoices, keepUnread, now, country, directory],
  );
  const unread = read.ok ? read.candidates.flatMap((c) => c.unreadNumbers.map((u) => ({ ...u, where: c.where }))) : [];
  const adjusted = read.ok ? read.candidates.flatMap((c) => c.notes.map((n) => ({ where: c.where, note: n }))) : [];
  const ready = prepared?.ready ?? [];
  const toImport = ready.filter((c) => !(skipDuplicates && c.duplicates.length > 0));
  const duplicateCount = ready.filter((c) => c.duplicates.length > 0).length;
  const problems = read.ok ? [...read.problems, ...(prepared?.problems ?? [])] : [];
  const badCount = read.ok ? read.badCount + (prepared?.badCount ?? 0) : 0;
  const canImport = read.ok && toImport.length > 0 && (problems.length === 0 || skipBad) && unreadable === 0 && !busy;

  return (
    <Dialog title={`Import contacts from “${source.fileName}”`} onClose={onClose} wide>
      {read.ok && (
        <section className="import-detected" aria-label="What the file holds">
          <h3>What the file holds</h3>
          {read.detected.map((line) => <p key={line}>{line}</p>)}
          <p className="muted">Nothing is written until you press Import; Cancel leaves the directory exactly as it was.</p>
        </section>
      )}
      {source.kind === 'csv' && (
        <fieldset className="fieldset">
          <legend>How the file is read</legend>
          <label className="mapping__row">
            <span>Encoding</span>
            <select value={encoding ?? source.guess.encoding} onChange={(e) => {
              if (isTextEncodingId(e.target.value)) setEncoding(e.target.value);
            }}>
              {TEXT_ENCODINGS.map((t) => <option key={t.id} value={t.id}>{t.label}</option>)}
            </select>
          </label>
          {unreadable > 0 && (
            <p className="form-error" role="alert">
              {t('csvImport.unreadableCharacters', { count: unreadable })} cannot be read as {encodingLabel(encoding ?? source.guess.encoding)} and would be stored as �. Choose the
              file&apos;s encoding above (Outlook and Excel on Windows save CSV as Windows-1252).
            </p>
          )}
        </fieldset>
      )}
      {source.kind === 'csv' && (
        <fieldset className="fieldset">
          <legend>Which column holds what</legend>
          <p className="muted">Columns from Google Contacts, Outlook and this desk are matched automatically. Check them, and change any that are wrong.</p>
          <ColumnMappingFields fields={CONTACT_IMPORT_FIELDS} labels={CONTACT_IMPORT_LABELS} headers={(csv?.table ?? source.table).headers} mapping={mapping.fields}
            onChange={(update) => setMapping((m) => ({ ...m, fields: update(m.fields) }))} />
          <PhoneColumns table={csv?.table ?? source.table} mapping={mapping} onChange={setMapping} />
        </fieldset>
      )}
      {!read.ok ? <p className="form-error" role="alert">{read.message}</p> : (
        <>
          {groups.length > 0 && (
            <fieldset className="fieldset">
              <legend>The file's own groups</legend>
              <p className="muted">These are the address book's groups, not the guide's stakeholder categories. Choose the category each group stands for; a contact takes the category of its first group that has one, and “Other” otherwise.</p>
              <div className="mapping">
                {groups.map((g) => (
                  <label key={g.group} className="mapping__row">
                    <span>{t('contactImport.groupContacts', { group: g.group, count: g.contacts })}</span>
                    <select aria-label={`Category for the group ${g.group}`} value={categoryChoices.get(g.group) ?? g.suggested} onChange={(e) => {
                      const value = e.target.value;
                      setCategoryChoices((m) => new Map(m).set(g.group, value));
                    }}>
                      {STAKEHOLDER_CATEGORIES.map((c) => <option key={c.id} value={c.id}>{c.title}</option>)}
                      <option value={OTHER_CATEGORY}>Other (no stakeholder category)</option>
                    </select>
                  </label>
                ))}
              </div>
            </fieldset>
          )}
          {unread.length > 0 && (
            <div className="import-unread" role="status">
              <h3>{t('contactImport.unreadNumbers', { count: unread.length })}</h3>
              <ul>{unread.slice(0, 30).map((u, i) => <li key={i}>{u.where}, {u.label || 'phone'}: {u.problem}</li>)}</ul>
              {unread.length > 30 && <p>…and {unread.length - 30} more.</p>}
              <p className="muted">The rest of each contact is imported either way.</p>
              <label className="checkbox"><input type="checkbox" checked={keepUnread} onChange={(e) => setKeepUnread(e.target.checked)} /> Keep these numbers as typed, flagged for checking (otherwise they are left out)</label>
            </div>
          )}
          <h3>{t('contactImport.ready', { count: toImport.length })}</h3>
          <table className="table table--compact">
            <thead><tr><th scope="col">From</th><th scope="col">Name</th><th scope="col">Organisation</th><th scope="col">Category</th><th scope="col">Numbers</th><th scope="col">Email</th></tr></thead>
            <tbody>
              {toImport.slice(0, 10).map((c) => (
                <tr key={c.where}>
                  <td>{c.where}</td><td>{c.fields.name}</td><td>{c.fields.organisation}</td>
                  <td>{STAKEHOLDER_CATEGORIES.find((k) => k.id === c.fields.category)?.title ?? 'Other'}</td>
                  <td>{c.fields.phones.map((p) => <div key={`${p.label}${p.number}`}><PhoneNumber phone={p} country={country} link={false} /></div>)}</td>
                  <td>{c.fields.email}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {toImport.length > 10 && <p className="muted">…and {toImport.length - 10} more.</p>}
          {adjusted.length > 0 && (
            <details className="import-adjusted">
              <summary>{t('contactImport.adjusted', { count: adjusted.length })}</summary>
              <ul>{adjusted.slice(0, 50).map((a, i) => <li key={i}>{a.where}: {a.note}</li>)}</ul>
            </details>
          )}
          {duplicateCount > 0 && (
            <div className="import-duplicates" role="status">
              <h3>{t('contactImport.duplicates', { count: duplicateCount })}</h3>
              <ul>{ready.filter((c) => c.duplicates.length > 0).slice(0, 20).map((c) => <li key={c.where}>{c.where}, {c.fields.name}: {c.duplicates.join('; ')}</li>)}</ul>
              <label className="checkbox"><input type="checkbox" checked={skipDuplicates} onChange={(e) => setSkipDuplicates(e.target.checked)} /> Leave out the possible duplicates</label>
            </div>
          )}
          {problems.length > 0 && (
            <div className="import-errors" role="alert">
              <h3>{t('contactImport.problems', { problems: problems.length, bad: badCount, unit: source.kind })}</h3>
              <ul>{problems.slice(0, 50).map((p, i) => <li key={i}>{p.where}, field “{p.field}”: {p.problem}</li>)}</ul>
              {problems.length > 50 && <p>…and {problems.length - 50} more.</p>}
              <label className="checkbox"><input type="checkbox" checked={skipBad} onChange={(e) => setSkipBad(e.target.checked)} /> Import the good ones and leave out those with problems</label>
            </div>
          )}
        </>
      )}
      <FormError>{failure}</FormError>
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onClose}>Cancel</button>
        <button type="button" className="button button--primary" disabled={!canImport} onClick={() => {
          setBusy(true);
          // The write door validates again; numbers kept as typed travel with e164: null.
          void onImport(toImport.map((c) => c.fields)).then((problem) => {
            setBusy(false);
            if (problem) setFailure(problem);
          });
        }}>{t('contactImport.import', { count: toImport.length })}</button>
      </div>
    </Dialog>
  );
}

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
import {
  groupsInFile,
  prepareImport,
  type ImportCandidate,
  type ImportProblem,
} from '@shared/domain/contacts/importCandidates';
import type { PhoneCountry } from '@shared/domain/contacts/phone';
import { STAKEHOLDER_CATEGORIES } from '@shared/domain/contacts/stakeholderCategories';
import {
  cardCandidates,
  describeVCardSummary,
  type ParsedCard,
  type VCardSummary,
} from '@shared/domain/contacts/vcard';
import {
  decodeText,
  describeEncodingGuess,
  encodingLabel,
  type EncodingGuess,
  type TextEncodingId,
} from '@shared/domain/text/encoding';
import type { Contact } from '@shared/schemas/contacts';

import { Dialog } from '../../ui/Dialog';
import { EncodingSelect } from '../../ui/EncodingSelect';
import { DialogActions, FormError } from '../../ui/Field';
import { ColumnMappingFields } from '../../ui/ColumnMappingFields';
import { t } from '../../i18n/messages';
import { CategoryOptions } from './CategoryOptions';
import { PhoneNumber } from './PhoneNumber';
import { headings, TableHead } from '../../ui/TableHead';
import { CheckboxField } from '../../ui/FieldControls';

export type ImportSource =
  | { kind: 'vcard'; fileName: string; cards: ParsedCard[]; summary: VCardSummary }
  /** `table` as read in the guessed encoding; the bytes are kept so the operator can choose another. */
  | { kind: 'csv'; fileName: string; table: ContactCsvTable; bytes: Uint8Array; guess: EncodingGuess };

type Read =
  | { ok: true; candidates: ImportCandidate[]; problems: ImportProblem[]; badCount: number; detected: string[] }
  | { ok: false; message: string };

/** The columns of numbers found in a spreadsheet, each to read or leave, with its label. */
function PhoneColumns({
  table,
  mapping,
  onChange,
}: {
  table: ContactCsvTable;
  mapping: ContactColumnMapping;
  onChange: (m: ContactColumnMapping) => void;
}): ReactElement {
  const used = new Set(mapping.phones.map((p) => p.column));
  const free = table.headers
    .map((h, i) => ({ h: h || t('contactImport.column', { n: i + 1 }), i }))
    .filter(({ i }) => !used.has(i) && !Object.values(mapping.fields).includes(i));
  return (
    <div className="phone-columns">
      <p className="muted">{t('contactImport.phoneColumns')}</p>
      {mapping.phones.length === 0 && <p>{t('contactImport.noPhoneColumn')}</p>}
      <ul className="plain-list">
        {mapping.phones.map((p) => (
          <li key={p.column}>
            <label className="checkbox">
              <input
                type="checkbox"
                checked
                onChange={() => onChange({ ...mapping, phones: mapping.phones.filter((x) => x.column !== p.column) })}
              />{' '}
              {p.labelColumn !== null
                ? t('contactImport.phoneColumnLabelledFrom', {
                    column: table.headers[p.column] || t('contactImport.column', { n: p.column + 1 }),
                    labelColumn: table.headers[p.labelColumn] ?? '',
                  })
                : t('contactImport.phoneColumnLabelled', {
                    column: table.headers[p.column] || t('contactImport.column', { n: p.column + 1 }),
                    label: p.label,
                  })}
            </label>
          </li>
        ))}
      </ul>
      {free.length > 0 && (
        <label className="mapping__row">
          <span>{t('contactImport.anotherPhoneColumn')}</span>
          <select
            value=""
            onChange={(e) => {
              const column = Number(e.target.value);
              if (e.target.value === '') return;
              onChange({
                ...mapping,
                phones: [
                  ...mapping.phones,
                  {
                    column,
                    labelColumn: null,
                    label: table.headers[column]?.trim().toLowerCase() || t('contactImport.phone'),
                  },
                ].sort((a, b) => a.column - b.column),
              });
            }}
          >
            <option value="">{t('contactImport.chooseColumn')}</option>
            {free.map(({ h, i }) => (
              <option key={i} value={i}>
                {h}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}

/** Checks what a file holds against the directory; nothing is written until the operator presses Import. */
export function ContactImportDialog({
  source,
  directory,
  now,
  country,
  onImport,
  onClose,
}: {
  source: ImportSource;
  directory: readonly Contact[];
  now: number;
  country: PhoneCountry | null;
  onImport: (list: ContactFields[]) => Promise<string | null>;
  onClose: () => void;
}): ReactElement {
  const [mapping, setMapping] = useState<ContactColumnMapping>(() =>
    source.kind === 'csv' ? autoMapContacts(source.table) : { fields: {}, phones: [], otherEmails: [] },
  );
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
    if (encoding === source.guess.encoding)
      return { table: source.table, unreadable: decoded.unreadable, problem: null };
    const table = readContactCsv(decoded.text);
    return table.ok
      ? { table: table.value, unreadable: decoded.unreadable, problem: null }
      : {
          table: source.table,
          unreadable: decoded.unreadable,
          problem: describeContactCsvError(table.error, source.fileName),
        };
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
      problems: r.value.errors.map((e) => ({
        where: t('contactImport.row', { row: e.row }),
        field: e.field,
        problem: e.problem,
      })),
      badCount: new Set(r.value.errors.map((e) => e.row)).size,
      detected: [
        t('contactImport.detectedRows', { count: table.rows.length, layout: describeCsvLayout(table.headers) }),
        encoding !== null && encoding !== source.guess.encoding
          ? t('contactImport.readAsChosen', {
              guess: describeEncodingGuess(source.guess),
              chosen: encodingLabel(encoding),
            })
          : t('contactImport.readAs', { guess: describeEncodingGuess(source.guess) }),
      ],
    };
  }, [source, csv, encoding, mapping, now, country]);
  const unreadable = csv?.unreadable ?? 0;

  const groups = useMemo(() => (read.ok ? groupsInFile(read.candidates) : []), [read]);
  const prepared = useMemo(
    () =>
      read.ok
        ? prepareImport(
            read.candidates,
            { categories: categoryChoices, keepUnreadNumbers: keepUnread },
            { now, country, directory },
          )
        : null,
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
    <Dialog title={t('contactImport.title', { file: source.fileName })} onClose={onClose} wide>
      {read.ok && (
        <section className="import-detected" aria-label={t('contactImport.holds')}>
          <h3>{t('contactImport.holds')}</h3>
          {read.detected.map((line) => (
            <p key={line}>{line}</p>
          ))}
          <p className="muted">{t('contactImport.nothingWritten')}</p>
        </section>
      )}
      {source.kind === 'csv' && (
        <fieldset className="fieldset">
          <legend>{t('contactImport.howRead')}</legend>
          <label className="mapping__row">
            <span>{t('contactImport.encoding')}</span>
            <EncodingSelect value={encoding ?? source.guess.encoding} onChange={setEncoding} />
          </label>
          {unreadable > 0 && (
            <p className="form-error" role="alert">
              {t('contactImport.unreadable', {
                count: unreadable,
                encoding: encodingLabel(encoding ?? source.guess.encoding),
              })}
            </p>
          )}
        </fieldset>
      )}
      {source.kind === 'csv' && (
        <fieldset className="fieldset">
          <legend>{t('contactImport.whichColumn')}</legend>
          <p className="muted">{t('contactImport.autoMatched')}</p>
          <ColumnMappingFields
            fields={CONTACT_IMPORT_FIELDS}
            labels={CONTACT_IMPORT_LABELS}
            headers={(csv?.table ?? source.table).headers}
            mapping={mapping.fields}
            onChange={(update) => setMapping((m) => ({ ...m, fields: update(m.fields) }))}
          />
          <PhoneColumns table={csv?.table ?? source.table} mapping={mapping} onChange={setMapping} />
        </fieldset>
      )}
      {!read.ok ? (
        <p className="form-error" role="alert">
          {read.message}
        </p>
      ) : (
        <>
          {groups.length > 0 && (
            <fieldset className="fieldset">
              <legend>{t('contactImport.groups')}</legend>
              <p className="muted">{t('contactImport.groupsHint')}</p>
              <div className="mapping">
                {groups.map((g) => (
                  <label key={g.group} className="mapping__row">
                    <span>{t('contactImport.groupContacts', { group: g.group, count: g.contacts })}</span>
                    <select
                      aria-label={t('contactImport.groupCategory', { group: g.group })}
                      value={categoryChoices.get(g.group) ?? g.suggested}
                      onChange={(e) => {
                        const value = e.target.value;
                        setCategoryChoices((m) => new Map(m).set(g.group, value));
                      }}
                    >
                      <CategoryOptions otherLabel={t('contactImport.otherCategory')} />
                    </select>
                  </label>
                ))}
              </div>
            </fieldset>
          )}
          {unread.length > 0 && (
            <div className="import-unread" role="status">
              <h3>{t('contactImport.unreadNumbers', { count: unread.length })}</h3>
              <ul>
                {unread.slice(0, 30).map((u, i) => (
                  <li key={i}>
                    {t('contactImport.unreadLine', {
                      where: u.where,
                      label: u.label || t('contactImport.phone'),
                      problem: u.problem,
                    })}
                  </li>
                ))}
              </ul>
              {unread.length > 30 && <p>{t('contactImport.more', { count: unread.length - 30 })}</p>}
              <p className="muted">{t('contactImport.restImported')}</p>
              <CheckboxField label={t('contactImport.keepUnread')} checked={keepUnread} onChange={setKeepUnread} />
            </div>
          )}
          <h3>{t('contactImport.ready', { count: toImport.length })}</h3>
          <table className="table table--compact">
            <TableHead
              columns={headings('contactImport', [
                'colFrom',
                'colName',
                'colOrganisation',
                'colCategory',
                'colNumbers',
                'colEmail',
              ])}
            />
            <tbody>
              {toImport.slice(0, 10).map((c) => (
                <tr key={c.where}>
                  <td>{c.where}</td>
                  <td>{c.fields.name}</td>
                  <td>{c.fields.organisation}</td>
                  <td>
                    {STAKEHOLDER_CATEGORIES.find((k) => k.id === c.fields.category)?.title ?? t('contactImport.other')}
                  </td>
                  <td>
                    {c.fields.phones.map((p) => (
                      <div key={`${p.label}${p.number}`}>
                        <PhoneNumber phone={p} country={country} link={false} />
                      </div>
                    ))}
                  </td>
                  <td>{c.fields.email}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {toImport.length > 10 && <p className="muted">{t('contactImport.more', { count: toImport.length - 10 })}</p>}
          {adjusted.length > 0 && (
            <details className="import-adjusted">
              <summary>{t('contactImport.adjusted', { count: adjusted.length })}</summary>
              <ul>
                {adjusted.slice(0, 50).map((a, i) => (
                  <li key={i}>{t('contactImport.adjustedLine', { where: a.where, note: a.note })}</li>
                ))}
              </ul>
            </details>
          )}
          {duplicateCount > 0 && (
            <div className="import-duplicates" role="status">
              <h3>{t('contactImport.duplicates', { count: duplicateCount })}</h3>
              <ul>
                {ready
                  .filter((c) => c.duplicates.length > 0)
                  .slice(0, 20)
                  .map((c) => (
                    <li key={c.where}>
                      {t('contactImport.duplicateLine', {
                        where: c.where,
                        name: c.fields.name,
                        duplicates: c.duplicates.join('; '),
                      })}
                    </li>
                  ))}
              </ul>
              <CheckboxField
                label={t('contactImport.skipDuplicates')}
                checked={skipDuplicates}
                onChange={setSkipDuplicates}
              />
            </div>
          )}
          {problems.length > 0 && (
            <div className="import-errors" role="alert">
              <h3>{t('contactImport.problems', { problems: problems.length, bad: badCount, unit: source.kind })}</h3>
              <ul>
                {problems.slice(0, 50).map((p, i) => (
                  <li key={i}>
                    {t('contactImport.problemLine', { where: p.where, field: p.field, problem: p.problem })}
                  </li>
                ))}
              </ul>
              {problems.length > 50 && <p>{t('contactImport.more', { count: problems.length - 50 })}</p>}
              <CheckboxField label={t('contactImport.skipBad')} checked={skipBad} onChange={setSkipBad} />
            </div>
          )}
        </>
      )}
      <FormError>{failure}</FormError>
      <DialogActions cancelLabel={t('contactImport.cancel')} onCancel={onClose}>
        <button
          type="button"
          className="button button--primary"
          disabled={!canImport}
          onClick={() => {
            setBusy(true);
            // The write door validates again; numbers kept as typed travel with e164: null.
            void onImport(toImport.map((c) => c.fields)).then((problem) => {
              setBusy(false);
              if (problem) setFailure(problem);
            });
          }}
        >
          {t('contactImport.import', { count: toImport.length })}
        </button>
      </DialogActions>
    </Dialog>
  );
}

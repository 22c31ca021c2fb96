import { useMemo, useState, type ReactElement } from 'react';

import { describeDuplicate, findDuplicates, validateContactFields, type ContactFieldErrors, type ContactFields } from '@shared/domain/contacts/contact';
import {
  CONTACT_IMPORT_FIELDS,
  CONTACT_IMPORT_LABELS,
  autoMapContacts,
  importContactRows,
  type ContactColumnMapping,
  type ContactCsvTable,
} from '@shared/domain/contacts/csv';
import type { ParsedCard } from '@shared/domain/contacts/vcard';
import type { Contact } from '@shared/schemas/contacts';

import { Dialog } from '../../ui/Dialog';
import { FormError } from '../../ui/Field';
import { ColumnMappingFields } from '../../ui/ColumnMappingFields';

export type ImportSource = { kind: 'vcard'; fileName: string; cards: ParsedCard[] } | { kind: 'csv'; fileName: string; table: ContactCsvTable };

type Candidate = { label: string; fields: ContactFields };
type Problem = { where: string; field: string; problem: string };

const FIELD_NAMES: Record<keyof ContactFieldErrors, string> = {
  name: 'name', organisation: 'organisation', role: 'role', category: 'category', phones: 'phone', email: 'email', radioCallSign: 'radio call sign',
  languages: 'languages', afterHours: 'after hours', notes: 'notes', doNotShare: 'do not share', consentOnFile: 'consent', intermediaryId: 'intermediary', lastVerifiedAt: 'last verified',
};

/** Checks what a file holds against the directory; nothing is written until the operator presses Import. */
export function ContactImportDialog({ source, directory, now, onImport, onClose }: {
  source: ImportSource; directory: readonly Contact[]; now: number; onImport: (list: ContactFields[]) => Promise<string | null>; onClose: () => void;
}): ReactElement {
  const [mapping, setMapping] = useState<ContactColumnMapping>(() => (source.kind === 'csv' ? autoMapContacts(source.table.headers) : {}));
  const [skipBad, setSkipBad] = useState(false);
  const [skipDuplicates, setSkipDuplicates] = useState(true);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const checked = useMemo((): { ok: true; good: Candidate[]; problems: Problem[]; badCount: number } | { ok: false; message: string } => {
    const candidates: Candidate[] = [];
    const problems: Problem[] = [];
    let bad = 0;
    if (source.kind === 'csv') {
      const r = importContactRows(source.table, mapping, now);
      if (!r.ok) return { ok: false, message: r.error };
      candidates.push(...r.value.rows.map((row) => ({ label: `Row ${row.row}`, fields: row.fields })));
      problems.push(...r.value.errors.map((e) => ({ where: `Row ${e.row}`, field: e.field, problem: e.problem })));
      bad = new Set(r.value.errors.map((e) => e.row)).size;
    } else {
      for (const card of source.cards) {
        const where = `Card ${card.index}${card.fields.name ? ` (${card.fields.name})` : ''}`;
        const v = validateContactFields(card.fields, now);
        const cardProblems = [
          ...card.problems.map((p) => ({ where, field: 'card', problem: p })),
          ...(v.ok ? [] : Object.entries(v.error).map(([k, p]) => ({ where, field: FIELD_NAMES[k as keyof ContactFieldErrors], problem: p }))),
        ];
        if (cardProblems.length > 0 || !v.ok) {
          problems.push(...cardProblems);
          bad += 1;
        } else candidates.push({ label: where, fields: v.value });
      }
    }
    return { ok: true, good: candidates, problems, badCount: bad };
  }, [source, mapping, now]);

  const withDuplicates = useMemo(() => {
    if (!checked.ok) return [];
    const seen: Contact[] = [...directory];
    return checked.good.map((c, i) => {
      const dups = findDuplicates(c.fields, seen);
      // Earlier rows of the same file count as the directory for later ones.
      seen.push({ ...c.fields, id: `file-${i}`, phoneKeys: c.fields.phones.map((p) => p.number.replace(/\D/g, '').slice(-8)), createdAt: 0, createdBy: '-', updatedAt: 0, updatedBy: '-' });
      return { ...c, duplicates: dups.map((d) => (d.contact.id.startsWith('file-') ? `${describeDuplicate(d)}, earlier in this file` : describeDuplicate(d))) };
    });
  }, [checked, directory]);

  const toImport = withDuplicates.filter((c) => !(skipDuplicates && c.duplicates.length > 0));
  const duplicateCount = withDuplicates.filter((c) => c.duplicates.length > 0).length;
  const problems = checked.ok ? checked.problems : [];
  const canImport = checked.ok && toImport.length > 0 && (problems.length === 0 || skipBad) && !busy;

  return (
    <Dialog title={`Import contacts from “${source.fileName}”`} onClose={onClose} wide>
      <p>
        {source.kind === 'csv' ? `${source.table.rows.length} rows.` : `${source.cards.length} cards.`} Nothing is written until you press Import; Cancel leaves the directory exactly as it was.
      </p>
      {source.kind === 'csv' && (
        <fieldset className="fieldset">
          <legend>Which column holds what</legend>
          <p className="muted">Columns from Google Contacts, Outlook and this desk are matched automatically. Check them, and change any that are wrong.</p>
          <ColumnMappingFields fields={CONTACT_IMPORT_FIELDS} labels={CONTACT_IMPORT_LABELS} headers={source.table.headers} mapping={mapping} onChange={setMapping} />
        </fieldset>
      )}
      {!checked.ok ? <p className="form-error" role="alert">{checked.message}</p> : (
        <>
          <h3>Ready to import: {toImport.length} {toImport.length === 1 ? 'contact' : 'contacts'}</h3>
          <table className="table table--compact">
            <thead><tr><th scope="col">From</th><th scope="col">Name</th><th scope="col">Organisation</th><th scope="col">Phone</th><th scope="col">Email</th></tr></thead>
            <tbody>
              {toImport.slice(0, 10).map((c) => (
                <tr key={c.label}><td>{c.label}</td><td>{c.fields.name}</td><td>{c.fields.organisation}</td><td className="nowrap">{c.fields.phones[0]?.number ?? ''}</td><td>{c.fields.email}</td></tr>
              ))}
            </tbody>
          </table>
          {toImport.length > 10 && <p className="muted">…and {toImport.length - 10} more.</p>}
          {duplicateCount > 0 && (
            <div className="import-duplicates" role="status">
              <h3>{duplicateCount} possible {duplicateCount === 1 ? 'duplicate' : 'duplicates'}</h3>
              <ul>{withDuplicates.filter((c) => c.duplicates.length > 0).slice(0, 20).map((c) => <li key={c.label}>{c.label}, {c.fields.name}: {c.duplicates.join('; ')}</li>)}</ul>
              <label className="checkbox"><input type="checkbox" checked={skipDuplicates} onChange={(e) => setSkipDuplicates(e.target.checked)} /> Leave out the possible duplicates</label>
            </div>
          )}
          {problems.length > 0 && (
            <div className="import-errors" role="alert">
              <h3>{problems.length} {problems.length === 1 ? 'problem' : 'problems'} in {checked.badCount} {checked.badCount === 1 ? (source.kind === 'csv' ? 'row' : 'card') : (source.kind === 'csv' ? 'rows' : 'cards')}</h3>
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
          void onImport(toImport.map((c) => c.fields)).then((problem) => {
            setBusy(false);
            if (problem) setFailure(problem);
          });
        }}>Import {toImport.length} {toImport.length === 1 ? 'contact' : 'contacts'}</button>
      </div>
    </Dialog>
  );
}

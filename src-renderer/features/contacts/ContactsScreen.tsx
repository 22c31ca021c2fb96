import { getCountryCallingCode } from 'libphonenumber-js';
import { useMemo, useState, type ReactElement } from 'react';

import {
  contactFieldsOf,
  describeDuplicate,
  describeVerification,
  duplicatesInDirectory,
  isStale,
  searchContacts,
  type ContactFields,
} from '@shared/domain/contacts/contact';
import { describeContactCsvError, readContactCsv } from '@shared/domain/contacts/csv';
import { PHONE_COUNTRIES, countryForTimeZone, countryName, deskPhoneCountry, isPhoneCountry } from '@shared/domain/contacts/phone';
import { categoryTitle } from '@shared/domain/contacts/stakeholderCategories';
import { describeVCardError, parseVCards } from '@shared/domain/contacts/vcard';
import { decodeText, detectEncoding } from '@shared/domain/text/encoding';
import type { Contact } from '@shared/schemas/contacts';
import type { DeskSettings } from '@shared/schemas/entities';

import { actorFrom, useDesk } from '../../desk/DeskContext';
import { useNow } from '../../lib/useNow';
import { Dialog } from '../../ui/Dialog';
import { useAppStore } from '../../store';
import { ContactExportDialog } from './ContactExportDialog';
import { ContactForm } from './ContactForm';
import { ContactImportDialog, type ImportSource } from './ContactImportDialog';
import { decodeCharset } from './decodeCharset';
import { PhoneNumber } from './PhoneNumber';
import { useContacts } from './queries';
import { TreeEditor } from './TreeEditor';
import { useStaleDays } from './useStaleDays';
import { UserText } from '../../ui/UserText';

/** How long contact details stay trusted before the desk flags them for checking. */
function StalePeriodForm({ settings, staleDays }: { settings: DeskSettings; staleDays: number }): ReactElement {
  const { useCases, clock } = useDesk();
  const showNotice = useAppStore((s) => s.showNotice);
  const [days, setDays] = useState(String(staleDays));
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <form className="inline-form" noValidate onSubmit={(e) => {
      e.preventDefault();
      const n = Number(days.trim());
      if (!/^\d+$/.test(days.trim()) || n < 1 || n > 3650) {
        setProblem(`“${days}” is not a number of days from 1 to 3650.`);
        return;
      }
      setProblem(null);
      void useCases.settings
        .save({ cityName: settings.cityName, operatorName: settings.operatorName, defaultTimeZone: settings.defaultTimeZone, contactStaleDays: n }, actorFrom(settings.operatorName, clock))
        .then(() => showNotice('success', `Contact details are now flagged as stale after ${n} days without a check.`));
    }}>
      <label htmlFor="stale-days">Flag details as stale after</label>
      <input id="stale-days" inputMode="numeric" size={5} value={days} aria-invalid={problem !== null} onChange={(e) => setDays(e.target.value)} />
      <span>days</span>
      <button type="submit" className="button button--ghost">Save</button>
      {problem && <span className="form-error" role="alert">{problem}</span>}
    </form>
  );
}

const callingCode = (c: string) => {
  try {
    return `+${getCountryCallingCode(c as Parameters<typeof getCountryCallingCode>[0])}`;
  } catch {
    return '';
  }
};

/** Which country numbers written without + are read in: by default the country of the desk's time zone. */
function PhoneCountryForm({ settings }: { settings: DeskSettings }): ReactElement {
  const { useCases, clock } = useDesk();
  const showNotice = useAppStore((s) => s.showNotice);
  const current = deskPhoneCountry(settings);
  const [country, setCountry] = useState<string>(current ?? '');
  const options = useMemo(() => [...PHONE_COUNTRIES].map((c) => ({ code: c, name: countryName(c).replace(/^the /, '') })).sort((a, b) => a.name.localeCompare(b.name)), []);
  const fromZone = countryForTimeZone(settings.defaultTimeZone);
  return (
    <form className="inline-form" noValidate onSubmit={(e) => {
      e.preventDefault();
      if (!isPhoneCountry(country)) return;
      void useCases.settings
        .save({ cityName: settings.cityName, operatorName: settings.operatorName, defaultTimeZone: settings.defaultTimeZone, phoneCountry: country }, actorFrom(settings.operatorName, clock))
        .then(() => showNotice('success', `Numbers written without + are now read as numbers in ${countryName(country)}. Numbers already stored keep the country they were read in.`));
    }}>
      <label htmlFor="phone-country">Read numbers without + as numbers in</label>
      <select id="phone-country" value={country} onChange={(e) => setCountry(e.target.value)}>
        {current === null && <option value="">— choose the desk's country —</option>}
        {options.map((o) => <option key={o.code} value={o.code}>{o.name} ({callingCode(o.code)}){o.code === fromZone ? ', from the time zone' : ''}</option>)}
      </select>
      <button type="submit" className="button button--ghost" disabled={!isPhoneCountry(country) || country === settings.phoneCountry}>Save country</button>
    </form>
  );
}

function Directory({ contacts, settings }: { contacts: Contact[]; settings: DeskSettings }): ReactElement {
  const { useCases, platform, clock } = useDesk();
  const now = useNow();
  const staleDays = useStaleDays();
  const showNotice = useAppStore((s) => s.showNotice);
  const [query, setQuery] = useState('');
  const [onlyStale, setOnlyStale] = useState(false);
  const [editing, setEditing] = useState<Contact | 'new' | null>(null);
  const [importing, setImporting] = useState<ImportSource | null>(null);
  const [exporting, setExporting] = useState(false);
  const [deleting, setDeleting] = useState<Contact | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const actor = () => actorFrom(settings.operatorName, clock);
  const country = deskPhoneCountry(settings);
  const duplicates = useMemo(() => duplicatesInDirectory(contacts), [contacts]);
  const shown = useMemo(() => searchContacts(contacts, query, country), [contacts, query, country]).filter((c) => !onlyStale || isStale(c, now, staleDays));
  const staleCount = contacts.filter((c) => isStale(c, now, staleDays)).length;

  const save = async (fields: ContactFields, id: string | null) => {
    const r = id === null ? await useCases.contacts.createContact(fields, actor()) : await useCases.contacts.updateContact(id, fields, actor());
    if (r.ok) {
      setEditing(null);
      showNotice('success', `${r.value.name} saved.`);
      return null;
    }
    return r.error.code === 'invalid' ? r.error.errors : 'The contact no longer exists on this desk.';
  };

  return (
    <section className="panel" aria-labelledby="directory-title">
      <div className="section-head">
        <h2 id="directory-title">Directory</h2>
        <div className="button-row">
          <button type="button" className="button button--primary" onClick={() => setEditing('new')}>+ New contact</button>
          <button type="button" className="button" onClick={() => {
            setProblem(null);
            void platform.openFile({ filters: [{ name: 'Contacts (vCard or CSV)', extensions: ['vcf', 'vcard', 'csv', 'txt'] }], maxBytes: 16 * 1024 * 1024, title: 'Import contacts' }).then((r) => {
              if (!r.ok) return setProblem(r.error.message);
              if (!r.value) return;
              const { name, bytes } = r.value;
              // Outlook and Excel on Windows save CSV in the system's code page, not UTF-8.
              const guess = detectEncoding(bytes);
              const text = decodeText(bytes, guess.encoding).text;
              if (/\.(vcf|vcard)$/i.test(name) || /^\s*BEGIN:VCARD/i.test(text.replace(/^\uFEFF/, ''))) {
                const read = parseVCards(text, { country, decode: decodeCharset });
                if (!read.ok) return setProblem(describeVCardError(read.error, name));
                return setImporting({ kind: 'vcard', fileName: name, cards: read.value.cards, summary: read.value.summary });
              }
              const table = readContactCsv(text);
              if (!table.ok) return setProblem(describeContactCsvError(table.error, name));
              setImporting({ kind: 'csv', fileName: name, table: table.value, bytes, guess });
            });
          }}>Import vCard or CSV…</button>
          <button type="button" className="button" disabled={contacts.length === 0} onClick={() => setExporting(true)}>Export…</button>
        </div>
      </div>
      {problem && <p className="form-error" role="alert">{problem}</p>}
      <div className="filters__row">
        <label className="visually-hidden" htmlFor="contact-search">Search contacts</label>
        <input id="contact-search" type="search" className="filters__search" placeholder="Search by name, organisation, number, language, notes…" value={query} onChange={(e) => setQuery(e.target.value)} />
        <label className="checkbox"><input type="checkbox" checked={onlyStale} onChange={(e) => setOnlyStale(e.target.checked)} /> Only stale ({staleCount})</label>
      </div>
      <p className="muted" data-testid="contact-count">
        {shown.length === contacts.length ? `${contacts.length} contacts` : `${shown.length} of ${contacts.length} contacts`}. Details not verified for {staleDays} days are marked stale: check them before they are needed.
      </p>
      <div className="contacts-settings">
        <StalePeriodForm settings={settings} staleDays={staleDays} />
        <PhoneCountryForm settings={settings} />
      </div>
      {contacts.length === 0 ? <p>No contacts yet. Add the people your city must reach after an attack, or import them from an address book.</p> : (
        <table className="table contacts-table">
          <thead><tr><th scope="col">Name</th><th scope="col">Organisation, role and category</th><th scope="col">Phone</th><th scope="col">Email</th><th scope="col">Details</th><th scope="col"><span className="visually-hidden">Actions</span></th></tr></thead>
          <tbody>
            {shown.map((c) => {
              const stale = isStale(c, now, staleDays);
              const dups = duplicates.get(c.id) ?? [];
              return (
                <tr key={c.id} className={stale ? 'row--stale' : undefined}>
                  <td>
                    <strong><UserText text={c.name} /></strong>
                    {c.doNotShare && <span className="badge badge--restricted">Do not share</span>}
                    {dups.length > 0 && <p className="warning-inline">Possible duplicate: {dups.map(describeDuplicate).join('; ')}</p>}
                  </td>
                  <td><UserText text={c.organisation} />{c.organisation && c.role ? ', ' : ''}<UserText text={c.role} /><div className="muted">{categoryTitle(c.category)}</div></td>
                  <td>{c.phones.map((p) => <div key={`${p.label}${p.number}`}><PhoneNumber phone={p} country={country} /></div>)}</td>
                  <td className="contacts-table__email">{c.email}</td>
                  <td>{stale ? <span className="badge badge--stale">Stale: {describeVerification(c, now)}</span> : <span className="muted">{describeVerification(c, now)}</span>}</td>
                  <td><div className="row-actions">
                    <button type="button" className="button" onClick={() => setEditing(c)} aria-label={`Edit ${c.name}`}>Edit</button>
                    <button type="button" className="button" aria-label={`Mark ${c.name} verified today`} onClick={() => void useCases.contacts.markVerified(c.id, actor()).then((r) => r.ok && showNotice('success', `${c.name}: details marked verified today.`))}>Verified today</button>
                    <button type="button" className="button button--ghost" aria-label={`Delete ${c.name}`} onClick={() => setDeleting(c)}>Delete</button>
                  </div></td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {editing && (
        <ContactForm title={editing === 'new' ? 'New contact' : `Edit ${editing.name}`} initial={editing === 'new' ? null : contactFieldsOf(editing)} editingId={editing === 'new' ? null : editing.id}
          directory={contacts} country={country} onClose={() => setEditing(null)} onSubmit={(f) => save(f, editing === 'new' ? null : editing.id)} />
      )}
      {importing && (
        <ContactImportDialog source={importing} directory={contacts} now={now} country={country} onClose={() => setImporting(null)} onImport={async (list) => {
          const r = await useCases.contacts.importContacts(list, importing.fileName, actor());
          if (!r.ok) return `Nothing was imported: item ${r.error.row} has a problem (${Object.values(r.error.errors).join(' ')}).`;
          setImporting(null);
          showNotice('success', `${r.value.length} contacts imported from ${importing.fileName}.`);
          return null;
        }} />
      )}
      {deleting && (
        <Dialog title={`Delete ${deleting.name}?`} onClose={() => setDeleting(null)}>
          <p>{deleting.name} leaves the directory. Call trees already activated keep the name as it was when the call was made; the deletion is recorded in the audit log.</p>
          <div className="button-row">
            <button type="button" className="button button--danger" onClick={() => void useCases.contacts.deleteContact(deleting.id, actor()).then((r) => {
              setDeleting(null);
              if (r.ok) showNotice('success', `${deleting.name} deleted.`);
              else if (r.error.code === 'in-use') showNotice('error', `${deleting.name} is not deleted: still in ${r.error.trees.map((t) => `“${t}”`).join(', ')}. Take them out of ${r.error.trees.length === 1 ? 'that tree' : 'those trees'} first.`);
              else showNotice('error', `${deleting.name} is no longer on this desk.`);
            })}>Delete</button>
            <button type="button" className="button" onClick={() => setDeleting(null)}>Keep</button>
          </div>
        </Dialog>
      )}
      {exporting && <ContactExportDialog contacts={contacts} onClose={() => setExporting(false)} />}
    </section>
  );
}

/** The desk-wide contacts screen: the directory, then the call trees built from it. */
export function ContactsScreen({ settings }: { settings: DeskSettings }): ReactElement {
  const contacts = useContacts();
  return (
    <main className="page contacts" aria-labelledby="contacts-title">
      <h1 id="contacts-title">Contacts and call trees</h1>
      <p className="lead">Whom the city must reach after an attack, and who calls whom. Keep it checked: a tree with dead numbers fails exactly when it is needed.</p>
      {contacts === undefined ? <p className="muted">Loading…</p> : (
        <>
          <Directory contacts={contacts} settings={settings} />
          <TreeEditor contacts={contacts} settings={settings} />
        </>
      )}
    </main>
  );
}

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
import {
  PHONE_COUNTRIES,
  countryForTimeZone,
  countryName,
  deskPhoneCountry,
  isPhoneCountry,
} from '@shared/domain/contacts/phone';
import { categoryTitle } from '@shared/domain/contacts/stakeholderCategories';
import { describeVCardError, parseVCards } from '@shared/domain/contacts/vcard';
import { decodeText, detectEncoding } from '@shared/domain/text/encoding';
import type { Contact } from '@shared/schemas/contacts';
import type { DeskSettings, SettingsInput } from '@shared/schemas/entities';

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
import { ChangedApartProvider, ChangedApartRow } from '../team/ChangedApartNote';
import { TreeEditor } from './TreeEditor';
import { useStaleDays } from './useStaleDays';
import { UserText } from '../../ui/UserText';
import { RowActionButton } from '../../ui/RowActionButton';
import { FormError } from '../../ui/Field';
import { SearchInput } from '../../ui/SearchInput';
import { t, tList } from '../../i18n/messages';
import { DeskForm } from '../../ui/DeskForm';
import { OpenFileButton } from '../../ui/OpenFileButton';
import { headings, TableHead } from '../../ui/TableHead';
import { CheckboxField } from '../../ui/FieldControls';

/** What the directory reads: vCards and the CSV that address books and spreadsheets export. */
const CONTACT_FILE_EXTENSIONS = ['vcf', 'vcard', 'csv', 'txt'];
/** The largest contacts file the directory opens. */
const CONTACT_FILE_MAX_BYTES = 16 * 1024 * 1024;

/** Saves one of the directory's settings beside what the desk already holds, and says so once stored. */
function useSaveSetting(settings: DeskSettings) {
  const { useCases, clock } = useDesk();
  const showNotice = useAppStore((s) => s.showNotice);
  return (change: Omit<SettingsInput, 'cityName' | 'operatorName' | 'defaultTimeZone'>, saved: string): void => {
    const { cityName, operatorName, defaultTimeZone } = settings;
    void useCases.settings
      .save({ cityName, operatorName, defaultTimeZone, ...change }, actorFrom(operatorName, clock))
      .then(() => showNotice('success', saved));
  };
}

/** How long contact details stay trusted before the desk flags them for checking. */
function StalePeriodForm({ settings, staleDays }: { settings: DeskSettings; staleDays: number }): ReactElement {
  const saveSetting = useSaveSetting(settings);
  const [days, setDays] = useState(String(staleDays));
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <DeskForm
      className="inline-form"
      onSubmit={() => {
        const n = Number(days.trim());
        if (!/^\d+$/.test(days.trim()) || n < 1 || n > 3650) {
          setProblem(t('contacts.screen.staleDaysInvalid', { value: days }));
          return;
        }
        setProblem(null);
        saveSetting({ contactStaleDays: n }, t('contacts.screen.staleDaysSaved', { days: n }));
      }}
    >
      <label htmlFor="stale-days">{t('contacts.screen.staleAfter')}</label>
      <input
        id="stale-days"
        inputMode="numeric"
        size={5}
        value={days}
        aria-invalid={problem !== null}
        onChange={(e) => setDays(e.target.value)}
      />
      <span>{t('contacts.screen.days')}</span>
      <button type="submit" className="button button--ghost">
        {t('contacts.screen.save')}
      </button>
      {problem && (
        <span className="form-error" role="alert">
          {problem}
        </span>
      )}
    </DeskForm>
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
  const saveSetting = useSaveSetting(settings);
  const current = deskPhoneCountry(settings);
  const [country, setCountry] = useState<string>(current ?? '');
  const options = useMemo(
    () =>
      [...PHONE_COUNTRIES]
        .map((c) => ({ code: c, name: countryName(c).replace(/^the /, '') }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    [],
  );
  const fromZone = countryForTimeZone(settings.defaultTimeZone);
  return (
    <DeskForm
      className="inline-form"
      onSubmit={() => {
        if (!isPhoneCountry(country)) return;
        saveSetting(
          { phoneCountry: country },
          t('contacts.screen.phoneCountrySaved', { country: countryName(country) }),
        );
      }}
    >
      <label htmlFor="phone-country">{t('contacts.screen.phoneCountry')}</label>
      <select id="phone-country" value={country} onChange={(e) => setCountry(e.target.value)}>
        {current === null && <option value="">{t('contacts.screen.chooseCountry')}</option>}
        {options.map((o) => (
          <option key={o.code} value={o.code}>
            {t('contacts.screen.countryOption', {
              name: o.name,
              code: callingCode(o.code),
              fromZone: o.code === fromZone ? 'yes' : 'no',
            })}
          </option>
        ))}
      </select>
      <button
        type="submit"
        className="button button--ghost"
        disabled={!isPhoneCountry(country) || country === settings.phoneCountry}
      >
        {t('contacts.screen.saveCountry')}
      </button>
    </DeskForm>
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
  const shown = useMemo(() => searchContacts(contacts, query, country), [contacts, query, country]).filter(
    (c) => !onlyStale || isStale(c, now, staleDays),
  );
  const staleCount = contacts.filter((c) => isStale(c, now, staleDays)).length;
  const openContactFile = () =>
    platform.openFile({
      filters: [{ name: t('contacts.screen.importFilter'), extensions: CONTACT_FILE_EXTENSIONS }],
      maxBytes: CONTACT_FILE_MAX_BYTES,
      title: t('contacts.screen.importTitle'),
    });

  const save = async (fields: ContactFields, id: string | null) => {
    const r =
      id === null
        ? await useCases.contacts.createContact(fields, actor())
        : await useCases.contacts.updateContact(id, fields, actor());
    if (r.ok) {
      setEditing(null);
      showNotice('success', t('contacts.screen.saved', { name: r.value.name }));
      return null;
    }
    return r.error.code === 'invalid'
      ? r.error.errors
      : r.error.code === 'refused'
        ? r.error.message
        : t('contacts.screen.gone');
  };

  return (
    <section className="panel" aria-labelledby="directory-title">
      <div className="section-head">
        <h2 id="directory-title">{t('contacts.screen.directory')}</h2>
        <div className="button-row">
          <button type="button" className="button button--primary" onClick={() => setEditing('new')}>
            {t('contacts.screen.newContact')}
          </button>
          <OpenFileButton
            label={t('contacts.screen.import')}
            open={openContactFile}
            onProblem={setProblem}
            onOpened={({ name, bytes }) => {
              // Outlook and Excel on Windows save CSV in the system's code page, not UTF-8.
              const guess = detectEncoding(bytes);
              const text = decodeText(bytes, guess.encoding).text;
              if (/\.(vcf|vcard)$/i.test(name) || /^\s*BEGIN:VCARD/i.test(text.replace(/^\uFEFF/, ''))) {
                const read = parseVCards(text, { country, decode: decodeCharset });
                if (!read.ok) return setProblem(describeVCardError(read.error, name));
                return setImporting({
                  kind: 'vcard',
                  fileName: name,
                  cards: read.value.cards,
                  summary: read.value.summary,
                });
              }
              const table = readContactCsv(text);
              if (!table.ok) return setProblem(describeContactCsvError(table.error, name));
              setImporting({ kind: 'csv', fileName: name, table: table.value, bytes, guess });
            }}
          />
          <button type="button" className="button" disabled={contacts.length === 0} onClick={() => setExporting(true)}>
            {t('contacts.screen.export')}
          </button>
        </div>
      </div>
      <FormError>{problem}</FormError>
      <div className="filters__row">
        <SearchInput
          id="contact-search"
          label={t('contacts.screen.search')}
          className="filters__search"
          placeholder={t('contacts.screen.searchPlaceholder')}
          value={query}
          onChange={setQuery}
        />
        <CheckboxField
          label={t('contacts.screen.onlyStale', { count: staleCount })}
          checked={onlyStale}
          onChange={setOnlyStale}
        />
      </div>
      <p className="muted" data-testid="contact-count">
        {shown.length === contacts.length
          ? t('contacts.screen.count', { total: contacts.length, days: staleDays })
          : t('contacts.screen.countOf', { shown: shown.length, total: contacts.length, days: staleDays })}
      </p>
      <div className="contacts-settings">
        <StalePeriodForm settings={settings} staleDays={staleDays} />
        <PhoneCountryForm settings={settings} />
      </div>
      {contacts.length === 0 ? (
        <p>{t('contacts.screen.empty')}</p>
      ) : (
        <table className="table contacts-table">
          <TableHead
            columns={headings('contacts.screen', [
              'colName',
              'colOrganisation',
              'colPhone',
              'colEmail',
              'colDetails',
              { hidden: 'colActions' },
            ])}
          />
          <tbody>
            {shown.map((c) => {
              const stale = isStale(c, now, staleDays);
              const dups = duplicates.get(c.id) ?? [];
              return (
                <tr key={c.id} className={stale ? 'row--stale' : undefined}>
                  <td>
                    <strong>
                      <UserText text={c.name} />
                    </strong>
                    {c.doNotShare && <span className="badge badge--restricted">{t('contacts.screen.doNotShare')}</span>}
                    <ChangedApartRow table="contacts" rowId={c.id} describe={describeContactSide} />
                    {dups.length > 0 && (
                      <p className="warning-inline">
                        {t('contacts.screen.possibleDuplicate', { duplicates: dups.map(describeDuplicate).join('; ') })}
                      </p>
                    )}
                  </td>
                  <td>
                    <UserText text={c.organisation} />
                    {c.organisation && c.role ? t('contacts.screen.roleSeparator') : ''}
                    <UserText text={c.role} />
                    <div className="muted">{categoryTitle(c.category)}</div>
                  </td>
                  <td>
                    {c.phones.map((p) => (
                      <div key={`${p.label}${p.number}`}>
                        <PhoneNumber phone={p} country={country} />
                      </div>
                    ))}
                  </td>
                  <td className="contacts-table__email">{c.email}</td>
                  <td>
                    {stale ? (
                      <span className="badge badge--stale">
                        {t('contacts.screen.stale', { verification: describeVerification(c, now) })}
                      </span>
                    ) : (
                      <span className="muted">{describeVerification(c, now)}</span>
                    )}
                  </td>
                  <td>
                    <div className="row-actions">
                      <RowActionButton
                        label={t('contacts.screen.editName', { name: c.name })}
                        onClick={() => setEditing(c)}
                      >
                        {t('contacts.screen.edit')}
                      </RowActionButton>
                      <RowActionButton
                        label={t('contacts.screen.markVerifiedName', { name: c.name })}
                        onClick={() =>
                          void useCases.contacts
                            .markVerified(c.id, actor())
                            .then(
                              (r) =>
                                r.ok && showNotice('success', t('contacts.screen.markedVerified', { name: c.name })),
                            )
                        }
                      >
                        {t('contacts.screen.verifiedToday')}
                      </RowActionButton>
                      <RowActionButton
                        label={t('contacts.screen.deleteName', { name: c.name })}
                        className="button button--ghost"
                        onClick={() => setDeleting(c)}
                      >
                        {t('contacts.screen.delete')}
                      </RowActionButton>
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {editing && (
        <ContactForm
          title={
            editing === 'new'
              ? t('contacts.screen.newContactTitle')
              : t('contacts.screen.editName', { name: editing.name })
          }
          initial={editing === 'new' ? null : contactFieldsOf(editing)}
          editingId={editing === 'new' ? null : editing.id}
          directory={contacts}
          country={country}
          onClose={() => setEditing(null)}
          onSubmit={(f) => save(f, editing === 'new' ? null : editing.id)}
        />
      )}
      {importing && (
        <ContactImportDialog
          source={importing}
          directory={contacts}
          now={now}
          country={country}
          onClose={() => setImporting(null)}
          onImport={async (list) => {
            const r = await useCases.contacts.importContacts(list, importing.fileName, actor());
            if (!r.ok)
              return 'row' in r.error
                ? t('contacts.screen.importRefused', {
                    row: r.error.row,
                    problem: Object.values(r.error.errors).join(' '),
                  })
                : r.error.message;
            setImporting(null);
            showNotice('success', t('contacts.screen.imported', { count: r.value.length, file: importing.fileName }));
            return null;
          }}
        />
      )}
      {deleting && (
        <Dialog title={t('contacts.screen.deleteTitle', { name: deleting.name })} onClose={() => setDeleting(null)}>
          <p>{t('contacts.screen.deleteExplain', { name: deleting.name })}</p>
          <div className="button-row">
            <button
              type="button"
              className="button button--danger"
              onClick={() =>
                void useCases.contacts.deleteContact(deleting.id, actor()).then((r) => {
                  setDeleting(null);
                  if (r.ok) showNotice('success', t('contacts.screen.deleted', { name: deleting.name }));
                  else if (r.error.code === 'in-use')
                    showNotice(
                      'error',
                      t('contacts.screen.inUse', {
                        name: deleting.name,
                        trees: tList(r.error.trees.map((tree) => `“${tree}”`)),
                        count: r.error.trees.length,
                      }),
                    );
                  else showNotice('error', t('contacts.screen.deleteGone', { name: deleting.name }));
                })
              }
            >
              {t('contacts.screen.delete')}
            </button>
            <button type="button" className="button" onClick={() => setDeleting(null)}>
              {t('contacts.screen.keep')}
            </button>
          </div>
        </Dialog>
      )}
      {exporting && <ContactExportDialog contacts={contacts} onClose={() => setExporting(false)} />}
    </section>
  );
}

/** A side of a contact changed apart on two desks: who, where, and how to reach them, as that desk wrote it. */
function describeContactSide(row: unknown): string {
  const c = row as Contact;
  return t('contacts.screen.side', {
    name: c.name,
    role: c.role,
    organisation: c.organisation,
    phones: c.phones.map((p) => p.number).join(', '),
    email: c.email,
  });
}

/** The desk-wide contacts screen: the directory, then the call trees built from it. */
export function ContactsScreen({ settings }: { settings: DeskSettings }): ReactElement {
  const contacts = useContacts();
  return (
    <main className="page contacts" aria-labelledby="contacts-title">
      <h1 id="contacts-title">{t('contacts.screen.title')}</h1>
      <p className="lead">{t('contacts.screen.lead')}</p>
      {contacts === undefined ? (
        <p className="muted">{t('contacts.screen.loading')}</p>
      ) : (
        <ChangedApartProvider scope="desk">
          <Directory contacts={contacts} settings={settings} />
          <TreeEditor contacts={contacts} settings={settings} />
        </ChangedApartProvider>
      )}
    </main>
  );
}

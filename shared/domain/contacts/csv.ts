import Papa from 'papaparse';

import { safeCell } from '../csv/safeCell';
import { err, ok, type Result } from '../result';
import { DAY_MS } from '../time';
import type { Contact } from '../../schemas/contacts';
import { emailProblem, emptyContactFields } from './contact';
import type { ImportCandidate, UnreadNumber } from './importCandidates';
import { isHonorific } from './names';
import {
  cleanLabel,
  describePhoneProblem,
  internationalNumber,
  phoneKeyOf,
  splitPhoneList,
  structurePhone,
  type PhoneCountry,
} from './phone';
import { categoryTitle, matchCategory } from './stakeholderCategories';
import type { ContactExportOptions } from './vcard';
import { format } from '../../i18n/format';

/**
 * Contacts in and out of spreadsheets. Import goes through a column mapping that knows the
 * layouts Google Contacts and Outlook export (and the desk's own), then checks every row and
 * names each problem (row, column, why). Nothing is written here: the caller shows the
 * problems and writes only what the operator confirms.
 */

export const CONTACT_IMPORT_FIELDS = [
  'name',
  'prefix',
  'givenName',
  'middleName',
  'familyName',
  'suffix',
  'organisation',
  'department',
  'role',
  'category',
  'email',
  'radioCallSign',
  'languages',
  'afterHours',
  'notes',
  'lastVerified',
  'doNotShare',
  'consentOnFile',
] as const;
export type ContactImportField = (typeof CONTACT_IMPORT_FIELDS)[number];

/** A column of numbers: where its label comes from (a label column, else the column's own name). */
export type PhoneColumn = { column: number; labelColumn: number | null; label: string };

export type ContactColumnMapping = {
  fields: Partial<Record<ContactImportField, number>>;
  phones: PhoneColumn[];
  /** Further email columns (Outlook's "E-mail 2 Address"): kept in the notes. */
  otherEmails: number[];
};

export const CONTACT_IMPORT_LABELS: Record<ContactImportField, string> = {
  name: 'Full name',
  prefix: 'Name prefix (Dr., Imam…)',
  givenName: 'First name',
  middleName: 'Middle name',
  familyName: 'Last name',
  suffix: 'Name suffix',
  organisation: 'Organisation',
  department: 'Department',
  role: 'Role or job title',
  category: 'Stakeholder category or groups',
  email: 'Email',
  radioCallSign: 'Radio call sign',
  languages: 'Languages',
  afterHours: 'After-hours availability',
  notes: 'Notes',
  lastVerified: 'Last verified (date)',
  doNotShare: 'Do not share (yes/no)',
  consentOnFile: 'Consent on file (yes/no)',
};

/**
 * Header names, lower-cased, as the desk's own export, Google Contacts (current and older
 * layouts) and Outlook write them. Outlook's "Title" is the honorific; its "Job Title" the role.
 */
const SYNONYMS: Record<ContactImportField, string[]> = {
  name: ['name', 'full name', 'display name', 'fn'],
  prefix: ['name prefix', 'prefix', 'honorific', 'salutation'],
  givenName: ['first name', 'given name', 'firstname', 'forename'],
  middleName: ['middle name', 'additional name'],
  familyName: ['last name', 'family name', 'surname', 'lastname'],
  suffix: ['name suffix', 'suffix'],
  organisation: ['organisation', 'organization', 'company', 'organization name', 'organization 1 - name', 'org'],
  department: ['department', 'organization department', 'organization 1 - department'],
  role: ['role', 'job title', 'organization title', 'organization 1 - title', 'position', 'occupation'],
  category: ['stakeholder category', 'category', 'labels', 'group membership', 'categories', 'groups', 'group'],
  email: ['email', 'e-mail', 'e-mail address', 'email address', 'e-mail 1 - value', 'email 1 - value'],
  radioCallSign: ['radio call sign', 'call sign', 'callsign', 'radio'],
  languages: ['languages', 'language', 'languages spoken'],
  afterHours: ['after-hours availability', 'after hours', 'after-hours', 'availability'],
  notes: ['notes', 'note', 'comments'],
  lastVerified: ['last verified', 'last verified (date)', 'verified', 'verified on'],
  doNotShare: ['do not share', 'do not share (yes/no)'],
  consentOnFile: ['consent on file', 'consent', 'consent on file (yes/no)'],
};

/** Outlook's phone columns and the label each gives its number. */
const OUTLOOK_PHONES: Record<string, string> = {
  'mobile phone': 'mobile',
  'business phone': 'work',
  'business phone 2': 'work',
  'home phone': 'home',
  'home phone 2': 'home',
  'primary phone': 'main',
  'company main phone': 'main',
  'other phone': 'other',
  'car phone': 'car',
  pager: 'pager',
  'business fax': 'work fax',
  'home fax': 'home fax',
  'other fax': 'other fax',
  callback: 'callback',
  'radio phone': 'radio',
  "assistant's phone": 'assistant',
  isdn: 'ISDN',
  'tty/tdd phone': 'textphone',
  telex: 'telex',
};

/** Hand-made sheets: a column named like a phone, its label from the name. */
const GENERIC_PHONES: Record<string, string> = {
  phone: 'phone',
  telephone: 'phone',
  tel: 'phone',
  'phone number': 'phone',
  'telephone number': 'phone',
  mobile: 'mobile',
  cell: 'mobile',
  'mobile number': 'mobile',
  'cell phone': 'mobile',
  'work phone': 'work',
  'office phone': 'work',
  'after-hours phone': 'after hours',
  'after hours phone': 'after hours',
  'emergency phone': 'emergency',
  'phone 1': 'phone',
  'phone 2': 'phone',
  'phone 3': 'phone',
};

const norm = (h: string) => h.trim().toLowerCase().replace(/\s+/g, ' ');

export {
  readCsvTable as readContactCsv,
  type CsvError as ContactCsvError,
  type CsvTable as ContactCsvTable,
} from '../csv/readCsvTable';
import type { CsvError as ContactCsvError, CsvTable as ContactCsvTable } from '../csv/readCsvTable';

/** A spreadsheet that cannot be read, in words a city official can act on. */
export function describeContactCsvError(e: ContactCsvError, fileName: string): string {
  if (e.code === 'empty') return format('contacts.csv.empty', { fileName });
  const row = /row (\d+)/i.exec(e.detail)?.[1];
  if (/quote/i.test(e.detail)) {
    return row === undefined
      ? format('contacts.csv.unclosedQuote', { fileName })
      : format('contacts.csv.unclosedQuoteInRow', { fileName, row });
  }
  return row === undefined
    ? format('contacts.csv.unreadable', { fileName })
    : format('contacts.csv.unreadableInRow', { fileName, row });
}

/** Which columns hold numbers, with their labels, in the file's order. */
function findPhoneColumns(headers: readonly string[]): PhoneColumn[] {
  const h = headers.map(norm);
  const columns: PhoneColumn[] = [];
  h.forEach((header, i) => {
    // Google and the desk: "Phone 1 - Value" beside "Phone 1 - Label" (older Google: "- Type").
    const pair = /^phone (\d+) - value$/.exec(header);
    if (pair) {
      const labelColumn = h.findIndex(
        (x) => x === `phone ${pair[1] ?? ''} - label` || x === `phone ${pair[1] ?? ''} - type`,
      );
      columns.push({ column: i, labelColumn: labelColumn >= 0 ? labelColumn : null, label: 'phone' });
      return;
    }
    const outlook = OUTLOOK_PHONES[header];
    const generic = GENERIC_PHONES[header];
    const label = outlook ?? generic;
    if (label !== undefined) {
      // The desk's older export and hand-made sheets may put a label beside: "Phone 1 label".
      const labelColumn = h.findIndex(
        (x) => x === `${header} label` || x === `${header} - label` || x === `${header} type`,
      );
      columns.push({ column: i, labelColumn: labelColumn >= 0 ? labelColumn : null, label });
    }
  });
  return columns;
}

/**
 * Guesses which column holds what from the header names (and, for a column called "Title",
 * from what it holds: honorifics such as "Dr." or "Mrs" go before the name, anything else is
 * the role).
 */
export function autoMapContacts(table: Pick<ContactCsvTable, 'headers' | 'rows'>): ContactColumnMapping {
  const fields: ContactColumnMapping['fields'] = {};
  const h = table.headers.map(norm);
  const taken = new Set<number>();
  const phones = findPhoneColumns(table.headers);
  for (const p of phones) {
    taken.add(p.column);
    if (p.labelColumn !== null) taken.add(p.labelColumn);
  }
  for (const field of CONTACT_IMPORT_FIELDS) {
    for (const synonym of SYNONYMS[field]) {
      const i = h.findIndex((x, idx) => x === synonym && !taken.has(idx));
      if (i >= 0) {
        fields[field] = i;
        taken.add(i);
        break;
      }
    }
  }
  const title = h.findIndex((x, idx) => x === 'title' && !taken.has(idx));
  if (title >= 0) {
    const values = table.rows.map((r) => (r[title] ?? '').trim()).filter((v) => v !== '');
    const honorifics = values.filter(isHonorific).length;
    const outlookLayout = h.includes('job title');
    if ((outlookLayout || honorifics * 2 >= values.length) && fields.prefix === undefined) fields.prefix = title;
    else if (fields.role === undefined) fields.role = title;
  }
  const otherEmails = h.flatMap((x, i) => (!taken.has(i) && /^e-?mail [2-9]( address| - value)$/.test(x) ? [i] : []));
  return { fields, phones, otherEmails };
}

/** "laid out as Google Contacts exports it": which layout the headers are, for the preview. */
export function describeCsvLayout(headers: readonly string[]): string {
  const h = new Set(headers.map(norm));
  if (h.has('stakeholder category') && (h.has('phone 1 - value') || h.has('phone 1')))
    return format('contacts.csv.layout.desk');
  if (h.has('phone 1 - value') || h.has('group membership') || h.has('given name') || h.has('name prefix'))
    return format('contacts.csv.layout.google');
  if (h.has('job title') || h.has('business phone') || h.has('e-mail address') || h.has('mobile phone'))
    return format('contacts.csv.layout.outlook');
  return format('contacts.csv.layout.own');
}

export type ContactRowError = { row: number; field: string; problem: string };

const YES = /^(yes|y|true|1|x|ja)$/i;
const NO = /^(no|n|false|0|nei)?$/i;

/** "2026-01-31", "31/01/2026", "31.01.2026": UTC midnight of that day. */
function parseDate(text: string): number | null {
  const t = text.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  let y: number, mo: number, d: number;
  if (m) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else if ((m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(t))) [y, mo, d] = [Number(m[3]), Number(m[2]), Number(m[1])];
  else return null;
  const at = Date.UTC(y, mo - 1, d);
  const back = new Date(at);
  return back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d ? at : null;
}

/** Google's groups that every contact has ("* myContacts", "* starred"): never a category. */
const SYSTEM_GROUP = /^\*\s|^(mycontacts|starred|other contacts)$/i;

/**
 * The groups of a cell: Google separates them with ":::", Outlook with ";", people with commas
 * (a category title that holds a comma, "Faith, cultural and sports venues", stays whole).
 */
export function splitGroups(cell: string): string[] {
  const parts = cell.split(/\s*(?::::|;)\s*/).flatMap((p) => (matchCategory(p) !== null ? [p] : p.split(/\s*,\s*/)));
  return [...new Set(parts.map((g) => g.trim()).filter((g) => g !== '' && !SYSTEM_GROUP.test(g)))];
}

/**
 * Reads every row with the mapping. A row without a name is a problem that keeps it out; a
 * number the desk cannot read is reported on its own and never costs the rest of the row.
 */
export function importContactRows(
  table: ContactCsvTable,
  mapping: ContactColumnMapping,
  options: { now: number; country: PhoneCountry | null },
): Result<{ rows: ImportCandidate[]; errors: ContactRowError[] }, string> {
  const f = mapping.fields;
  if (f.name === undefined && f.givenName === undefined && f.familyName === undefined) {
    return err(format('contacts.import.chooseName'));
  }
  const headerOf = (i: number) => table.headers[i] || format('contacts.import.column', { number: i + 1 });
  const colName = (field: ContactImportField) =>
    f[field] === undefined ? CONTACT_IMPORT_LABELS[field] : headerOf(f[field]);
  const cell = (row: string[], field: ContactImportField) =>
    f[field] === undefined ? '' : (row[f[field]] ?? '').trim();
  const rows: ImportCandidate[] = [];
  const errors: ContactRowError[] = [];
  table.rows.forEach((row, i) => {
    const rowNo = i + 2; // the header is row 1, as a spreadsheet numbers it
    const problems: ContactRowError[] = [];
    const bad = (field: ContactImportField, problem: string) =>
      problems.push({ row: rowNo, field: colName(field), problem });
    const notes: string[] = [];
    const fields = emptyContactFields();

    const prefix = cell(row, 'prefix');
    const whole = cell(row, 'name');
    const parts = [
      prefix,
      cell(row, 'givenName'),
      cell(row, 'middleName'),
      cell(row, 'familyName'),
      cell(row, 'suffix'),
    ].filter((s) => s !== '');
    fields.name =
      whole === ''
        ? parts.length > (prefix === '' ? 0 : 1)
          ? parts.join(' ')
          : ''
        : prefix !== '' && !whole.toLowerCase().startsWith(prefix.toLowerCase())
          ? `${prefix} ${whole}`
          : whole;
    if (fields.name === '') bad(f.name !== undefined ? 'name' : 'givenName', format('contacts.import.noName'));
    else if (fields.name.length > 200) bad('name', format('contacts.import.tooLong', { limit: 200 }));
    fields.organisation = [cell(row, 'organisation'), cell(row, 'department')].filter((s) => s !== '').join(', ');
    fields.role = cell(row, 'role');
    const groups = splitGroups(cell(row, 'category'));

    const unreadNumbers: UnreadNumber[] = [];
    const keys = new Set<string>();
    for (const col of mapping.phones) {
      const value = (row[col.column] ?? '').trim();
      if (value === '') continue;
      const typed = col.labelColumn === null ? '' : cleanLabel(row[col.labelColumn] ?? '');
      const label = typed || col.label;
      for (const number of splitPhoneList(value, options.country)) {
        const read = structurePhone(label, number, options.country);
        if (!read.ok) {
          unreadNumbers.push({
            label,
            number,
            problem: format('text.issue', {
              path: headerOf(col.column),
              message: describePhoneProblem(number, read.error),
            }),
          });
          continue;
        }
        const key = phoneKeyOf(read.value);
        if (keys.has(key)) continue;
        keys.add(key);
        fields.phones.push(read.value);
      }
    }
    const emails = [cell(row, 'email'), ...mapping.otherEmails.map((c) => (row[c] ?? '').trim())]
      .flatMap((e) => e.split(/\s*:::\s*/))
      .filter((e) => e !== '');
    fields.email = emails[0] ?? '';
    const emailBad = emailProblem(fields.email);
    if (emailBad) bad('email', emailBad);
    fields.radioCallSign = cell(row, 'radioCallSign');
    if (
      fields.phones.length === 0 &&
      unreadNumbers.length === 0 &&
      fields.email === '' &&
      fields.radioCallSign === '' &&
      !emailBad
    ) {
      problems.push({
        row: rowNo,
        field: mapping.phones[0] ? headerOf(mapping.phones[0].column) : format('contacts.import.phone'),
        problem: format('contacts.import.unreachable'),
      });
    }
    fields.languages = cell(row, 'languages')
      .split(/[,;/]/)
      .map((l) => l.trim())
      .filter((l) => l !== '');
    fields.afterHours = cell(row, 'afterHours');
    const noteParts = [cell(row, 'notes')];
    if (emails.length > 1) {
      noteParts.push(format('contacts.import.otherEmail', { emails: emails.slice(1).join(', ') }));
      notes.push(format('contacts.import.emails', { count: emails.length, kept: emails[0] ?? '' }));
    }
    fields.notes = noteParts.filter((n) => n !== '').join('\n');
    if (fields.notes.length > 5000) bad('notes', format('contacts.import.tooLong', { limit: 5000 }));

    const verified = cell(row, 'lastVerified');
    if (verified !== '') {
      const at = parseDate(verified);
      if (at === null) bad('lastVerified', format('contacts.import.notADate', { text: verified }));
      else if (at > options.now + DAY_MS) bad('lastVerified', format('contacts.import.inFuture', { text: verified }));
      else fields.lastVerifiedAt = at;
    }
    for (const field of ['doNotShare', 'consentOnFile'] as const) {
      const v = cell(row, field);
      if (YES.test(v)) fields[field] = true;
      else if (!NO.test(v)) bad(field, format('contacts.import.notYesOrNo', { text: v }));
    }
    if (problems.length > 0) errors.push(...problems);
    else
      rows.push({
        where: format('contacts.import.row', { row: rowNo }),
        fields,
        groups,
        ownCategory: false,
        unreadNumbers,
        notes,
      });
  });
  return ok({ rows, errors });
}

/** FORMAT: the columns of a contacts CSV export, Google's layout for numbers; the import maps them back automatically. */
export function contactCsvColumns(phonePairs: number, options: ContactExportOptions): string[] {
  const phones = Array.from({ length: phonePairs }, (_, i) => [
    `Phone ${i + 1} - Label`,
    `Phone ${i + 1} - Value`,
  ]).flat();
  return options.includeDetails
    ? [
        'Name',
        'Organisation',
        'Role',
        'Stakeholder category',
        ...phones,
        'Email',
        'Radio call sign',
        'Languages',
        'After-hours availability',
        'Notes',
        'Last verified',
        'Do not share',
        'Consent on file',
      ]
    : [
        'Name',
        'Organisation',
        'Role',
        'Stakeholder category',
        'Languages',
        'Last verified',
        'Do not share',
        'Consent on file',
      ];
}

/** RFC 4180 CSV with a byte-order mark, so spreadsheets read accents; every number with its label; no cell can start a formula (safeCell). */
export function contactsToCsv(contacts: readonly Contact[], options: ContactExportOptions): string {
  const pairs = Math.max(1, ...contacts.map((c) => c.phones.length));
  const verified = (c: Contact) =>
    c.lastVerifiedAt === null ? '' : new Date(c.lastVerifiedAt).toISOString().slice(0, 10);
  const rows = contacts
    .map((c) => {
      const head = [c.name, c.organisation, c.role, categoryTitle(c.category)];
      const flags = [c.doNotShare ? 'yes' : 'no', c.consentOnFile ? 'yes' : 'no'];
      if (!options.includeDetails) return [...head, c.languages.join(', '), verified(c), ...flags];
      const phones = Array.from({ length: pairs }, (_, i) => {
        const p = c.phones[i];
        return p ? [p.label, internationalNumber(p)] : ['', ''];
      }).flat();
      return [
        ...head,
        ...phones,
        c.email,
        c.radioCallSign,
        c.languages.join(', '),
        c.afterHours,
        c.notes,
        verified(c),
        ...flags,
      ];
    })
    .map((row) => row.map(safeCell));
  return `\uFEFF${Papa.unparse({ fields: contactCsvColumns(pairs, options), data: rows }, { newline: '\r\n' })}\r\n`;
}

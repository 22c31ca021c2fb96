import Papa from 'papaparse';

import { safeCell } from '../csv/safeCell';
import { err, ok, type Result } from '../result';
import type { Contact, ContactPhone } from '../../schemas/contacts';
import { emailProblem, emptyContactFields, phoneProblem, type ContactFields } from './contact';
import { OTHER_CATEGORY, categoryTitle, matchCategory } from './stakeholderCategories';

/**
 * Contacts in and out of spreadsheets. Import goes through a column mapping that recognises the
 * headers Google Contacts and Outlook write, then checks every row and names each problem
 * (row, field, why). Nothing is written here: the caller shows the problems and writes only
 * what the operator confirms.
 */

export const CONTACT_IMPORT_FIELDS = [
  'name', 'givenName', 'familyName', 'organisation', 'role', 'category', 'phone1', 'phone2', 'phone3', 'email',
  'radioCallSign', 'languages', 'afterHours', 'notes', 'lastVerified', 'doNotShare', 'consentOnFile',
] as const;
export type ContactImportField = (typeof CONTACT_IMPORT_FIELDS)[number];
export type ContactColumnMapping = Partial<Record<ContactImportField, number>>;

export const CONTACT_IMPORT_LABELS: Record<ContactImportField, string> = {
  name: 'Full name',
  givenName: 'First name',
  familyName: 'Last name',
  organisation: 'Organisation',
  role: 'Role or title',
  category: 'Stakeholder category',
  phone1: 'Phone 1',
  phone2: 'Phone 2',
  phone3: 'Phone 3',
  email: 'Email',
  radioCallSign: 'Radio call sign',
  languages: 'Languages',
  afterHours: 'After-hours availability',
  notes: 'Notes',
  lastVerified: 'Last verified (date)',
  doNotShare: 'Do not share (yes/no)',
  consentOnFile: 'Consent on file (yes/no)',
};

/** Header names, lower-cased, as the desk's own export, Google Contacts and Outlook write them. */
const SYNONYMS: Record<ContactImportField, string[]> = {
  name: ['name', 'full name', 'display name', 'fn'],
  givenName: ['first name', 'given name', 'firstname'],
  familyName: ['last name', 'family name', 'surname', 'lastname'],
  organisation: ['organisation', 'organization', 'company', 'organization name', 'organization 1 - name', 'org'],
  role: ['role', 'title', 'job title', 'organization title', 'organization 1 - title', 'position'],
  category: ['category', 'stakeholder category', 'categories', 'labels', 'group membership'],
  phone1: ['phone 1', 'mobile phone', 'mobile', 'phone 1 - value', 'cell', 'phone'],
  phone2: ['phone 2', 'business phone', 'work phone', 'phone 2 - value'],
  phone3: ['phone 3', 'home phone', 'other phone', 'phone 3 - value'],
  email: ['email', 'e-mail', 'e-mail address', 'email address', 'e-mail 1 - value', 'email 1 - value'],
  radioCallSign: ['radio call sign', 'call sign', 'callsign', 'radio'],
  languages: ['languages', 'language', 'languages spoken'],
  afterHours: ['after-hours availability', 'after hours', 'after-hours', 'availability'],
  notes: ['notes', 'note', 'comments'],
  lastVerified: ['last verified', 'last verified (date)', 'verified', 'verified on'],
  doNotShare: ['do not share', 'do not share (yes/no)'],
  consentOnFile: ['consent on file', 'consent', 'consent on file (yes/no)'],
};

/** Google writes "Phone 1 - Type" beside "Phone 1 - Value": the label of that number. */
const typeColumnFor = (header: string) => header.replace(/ - value$/i, ' - Type');

export { readCsvTable as readContactCsv, type CsvError as ContactCsvError, type CsvTable as ContactCsvTable } from '../csv/readCsvTable';
import type { CsvTable as ContactCsvTable } from '../csv/readCsvTable';

/** Guesses which column holds what from the header names. */
export function autoMapContacts(headers: readonly string[]): ContactColumnMapping {
  const mapping: ContactColumnMapping = {};
  const norm = headers.map((h) => h.trim().toLowerCase().replace(/\s+/g, ' '));
  const taken = new Set<number>();
  for (const field of CONTACT_IMPORT_FIELDS) {
    for (const synonym of SYNONYMS[field]) {
      const i = norm.findIndex((h, idx) => h === synonym && !taken.has(idx));
      if (i >= 0) {
        mapping[field] = i;
        taken.add(i);
        break;
      }
    }
  }
  return mapping;
}

export type ContactRowError = { row: number; field: string; problem: string };
export type ContactRow = { row: number; fields: ContactFields };

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

const phoneLabel = (header: string) => {
  const h = header.toLowerCase();
  if (h.includes('mobile') || h.includes('cell')) return 'mobile';
  if (h.includes('business') || h.includes('work')) return 'work';
  if (h.includes('home')) return 'home';
  return 'phone';
};

/**
 * Checks every row against the mapping. Rows with a problem are left out of `rows` and each
 * problem is listed; the caller decides, with the operator, whether to import the rest.
 */
export function importContactRows(
  table: ContactCsvTable,
  mapping: ContactColumnMapping,
  now: number,
): Result<{ rows: ContactRow[]; errors: ContactRowError[] }, string> {
  if (mapping.name === undefined && mapping.givenName === undefined && mapping.familyName === undefined) {
    return err('Choose the column that holds the name (or the first and last name).');
  }
  const colName = (f: ContactImportField) => (mapping[f] === undefined ? CONTACT_IMPORT_LABELS[f] : (table.headers[mapping[f]] ?? `column ${mapping[f] + 1}`) || `column ${mapping[f] + 1}`);
  const cell = (row: string[], f: ContactImportField) => (mapping[f] === undefined ? '' : (row[mapping[f]] ?? '').trim());
  const rows: ContactRow[] = [];
  const errors: ContactRowError[] = [];
  table.rows.forEach((row, i) => {
    const rowNo = i + 2; // the header is row 1, as a spreadsheet numbers it
    const problems: ContactRowError[] = [];
    const bad = (f: ContactImportField, problem: string) => problems.push({ row: rowNo, field: colName(f), problem });
    const fields = emptyContactFields();

    fields.name = cell(row, 'name') || [cell(row, 'givenName'), cell(row, 'familyName')].filter((s) => s !== '').join(' ');
    if (fields.name === '') bad(mapping.name !== undefined ? 'name' : 'givenName', 'is empty: every contact needs a name');
    else if (fields.name.length > 200) bad('name', 'is longer than 200 characters');
    fields.organisation = cell(row, 'organisation');
    fields.role = cell(row, 'role');

    const categoryText = cell(row, 'category').split(/\s*:::\s*|[;,]/)[0]?.trim() ?? '';
    const category = categoryText === '' ? OTHER_CATEGORY : matchCategory(categoryText);
    if (category === null) bad('category', `“${categoryText}” is not one of the guide's stakeholder categories (e.g. “${categoryTitle('local-law-enforcement')}”)`);
    else fields.category = category;

    const phones: ContactPhone[] = [];
    for (const f of ['phone1', 'phone2', 'phone3'] as const) {
      const number = cell(row, f);
      if (number === '') continue;
      const problem = phoneProblem(number);
      if (problem) {
        bad(f, problem);
        continue;
      }
      const header = table.headers[mapping[f] ?? -1] ?? '';
      const typeCol = table.headers.findIndex((h) => h.toLowerCase() === typeColumnFor(header).toLowerCase());
      const typed = typeCol >= 0 && typeCol !== mapping[f] ? (row[typeCol] ?? '').replace(/^\*\s*/, '').trim().toLowerCase() : '';
      phones.push({ label: typed || phoneLabel(header), number });
    }
    fields.phones = phones;
    fields.email = cell(row, 'email').split(/\s*:::\s*/)[0] ?? '';
    const emailBad = emailProblem(fields.email);
    if (emailBad) bad('email', emailBad);
    fields.radioCallSign = cell(row, 'radioCallSign');
    if (phones.length === 0 && fields.email === '' && fields.radioCallSign === '' && !problems.some((p) => p.field === colName('phone1') || p.field === colName('email'))) {
      bad('phone1', 'no phone number, email or call sign in this row: nobody could reach this contact');
    }
    fields.languages = cell(row, 'languages').split(/[,;/]/).map((l) => l.trim()).filter((l) => l !== '');
    fields.afterHours = cell(row, 'afterHours');
    fields.notes = cell(row, 'notes');
    if (fields.notes.length > 5000) bad('notes', 'is longer than 5,000 characters');

    const verified = cell(row, 'lastVerified');
    if (verified !== '') {
      const at = parseDate(verified);
      if (at === null) bad('lastVerified', `“${verified}” is not a date (use YYYY-MM-DD or DD/MM/YYYY)`);
      else if (at > now + 24 * 60 * 60 * 1000) bad('lastVerified', `“${verified}” is in the future`);
      else fields.lastVerifiedAt = at;
    }
    for (const f of ['doNotShare', 'consentOnFile'] as const) {
      const v = cell(row, f);
      if (YES.test(v)) fields[f] = true;
      else if (!NO.test(v)) bad(f, `“${v}” is not yes or no`);
    }
    if (problems.length > 0) errors.push(...problems);
    else rows.push({ row: rowNo, fields });
  });
  return ok({ rows, errors });
}

/** FORMAT: the columns of a contacts CSV export; the import maps them back automatically. */
export const CONTACT_CSV_COLUMNS = [
  'Name', 'Organisation', 'Role', 'Stakeholder category', 'Phone 1', 'Phone 2', 'Phone 3', 'Email', 'Radio call sign', 'Languages',
  'After-hours availability', 'Notes', 'Last verified', 'Do not share', 'Consent on file',
] as const;

/** RFC 4180 CSV with a byte-order mark, so spreadsheets read accents; no cell can start a formula (safeCell). */
export function contactsToCsv(contacts: readonly Contact[]): string {
  const rows = contacts.map((c) => [
    c.name, c.organisation, c.role, categoryTitle(c.category), c.phones[0]?.number ?? '', c.phones[1]?.number ?? '', c.phones[2]?.number ?? '',
    c.email, c.radioCallSign, c.languages.join(', '), c.afterHours, c.notes, c.lastVerifiedAt === null ? '' : new Date(c.lastVerifiedAt).toISOString().slice(0, 10),
    c.doNotShare ? 'yes' : 'no', c.consentOnFile ? 'yes' : 'no',
  ].map(safeCell));
  return `\uFEFF${Papa.unparse({ fields: [...CONTACT_CSV_COLUMNS], data: rows }, { newline: '\r\n' })}\r\n`;
}

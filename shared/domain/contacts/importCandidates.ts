import type { Contact } from '../../schemas/contacts';
import {
  createContact,
  describeDuplicate,
  findDuplicates,
  validateContactFields,
  type ContactFieldErrors,
  type ContactFields,
  type ValidContactFields,
} from './contact';
import type { PhoneCountry } from './phone';
import { OTHER_CATEGORY, matchCategory } from './stakeholderCategories';

/**
 * One contact read from a file (a vCard card or a CSV row), before the operator decides what
 * to import: the category step (the file's own groups onto the guide's stakeholder
 * categories) and what to do with numbers the desk could not read.
 */

/** A number the desk could not read: reported, and left out unless the operator keeps it as typed. */
export type UnreadNumber = { label: string; number: string; problem: string };

export type ImportCandidate = {
  /** "Card 3 (Imam Yusuf Rahman)" or "Row 4": where it is in the file. */
  where: string;
  /** Its fields; `phones` holds the numbers the desk could read. */
  fields: ContactFields;
  /** The file's own groups for it (Google "Labels", Outlook "Categories", vCard CATEGORIES). */
  groups: string[];
  /** True when the file names the desk's stakeholder category itself: no category step for it. */
  ownCategory: boolean;
  unreadNumbers: UnreadNumber[];
  /** What was adjusted while reading, said so in the preview. */
  notes: string[];
};

export type ImportProblem = { where: string; field: string; problem: string };

/** The groups the file uses, how many contacts each holds, and the category the desk suggests. */
export function groupsInFile(
  candidates: readonly ImportCandidate[],
): { group: string; contacts: number; suggested: string }[] {
  const counts = new Map<string, number>();
  for (const c of candidates) if (!c.ownCategory) for (const g of c.groups) counts.set(g, (counts.get(g) ?? 0) + 1);
  return [...counts].map(([group, contacts]) => ({
    group,
    contacts,
    suggested: matchCategory(group) ?? OTHER_CATEGORY,
  }));
}

/** The stakeholder category of a candidate: its own, else that of its first group mapped to one. */
export function categoryOf(c: ImportCandidate, choices: ReadonlyMap<string, string>): string {
  if (c.ownCategory) return c.fields.category;
  for (const g of c.groups) {
    const chosen = choices.get(g) ?? matchCategory(g) ?? OTHER_CATEGORY;
    if (chosen !== OTHER_CATEGORY) return chosen;
  }
  return c.fields.category;
}

export type ImportChoices = {
  /** Group → stakeholder category id, as the operator set them in the category step. */
  categories: ReadonlyMap<string, string>;
  /** Keep numbers the desk cannot read as typed, flagged; otherwise they are left out. */
  keepUnreadNumbers: boolean;
};

/** The fields to import for a candidate, with the operator's choices applied. */
export function fieldsToImport(c: ImportCandidate, choices: ImportChoices): ContactFields {
  const kept = choices.keepUnreadNumbers
    ? c.unreadNumbers.map((u) => ({ label: u.label, number: u.number, e164: null }))
    : [];
  return { ...c.fields, category: categoryOf(c, choices.categories), phones: [...c.fields.phones, ...kept] };
}

const FIELD_NAMES: Record<keyof ContactFieldErrors, string> = {
  name: 'name',
  organisation: 'organisation',
  role: 'role',
  category: 'category',
  phones: 'phone',
  email: 'email',
  radioCallSign: 'radio call sign',
  languages: 'languages',
  afterHours: 'after hours',
  notes: 'notes',
  doNotShare: 'do not share',
  consentOnFile: 'consent',
  intermediaryId: 'intermediary',
  lastVerifiedAt: 'last verified',
};

export type ReadyContact = { where: string; fields: ValidContactFields; notes: string[]; duplicates: string[] };

/**
 * Checks every candidate as the directory will (the same validation the write door runs) and
 * finds possible duplicates, against the directory and against earlier contacts of the file.
 */
export function prepareImport(
  candidates: readonly ImportCandidate[],
  choices: ImportChoices,
  context: { now: number; country: PhoneCountry | null; directory: readonly Contact[] },
): { ready: ReadyContact[]; problems: ImportProblem[]; badCount: number } {
  const ready: ReadyContact[] = [];
  const problems: ImportProblem[] = [];
  let badCount = 0;
  const seen: Contact[] = [...context.directory];
  for (const c of candidates) {
    const v = validateContactFields(fieldsToImport(c, choices), context.now, context.country);
    if (!v.ok) {
      badCount += 1;
      problems.push(
        ...Object.entries(v.error).map(([k, p]) => ({
          where: c.where,
          field: FIELD_NAMES[k as keyof ContactFieldErrors],
          problem: p,
        })),
      );
      continue;
    }
    const duplicates = findDuplicates(v.value, seen, null, context.country).map((d) =>
      d.contact.id.startsWith('file-') ? `${describeDuplicate(d)}, earlier in this file` : describeDuplicate(d),
    );
    // Earlier contacts of the same file count as the directory for later ones.
    seen.push(createContact(v.value, `file-${ready.length}`, { now: context.now, operator: '-' }));
    ready.push({ where: c.where, fields: v.value, notes: c.notes, duplicates });
  }
  return { ready, problems, badCount };
}

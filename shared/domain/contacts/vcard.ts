import ICAL from 'ical.js';

import { err, ok, type Result } from '../result';
import type { Contact, ContactPhone } from '../../schemas/contacts';
import { emptyContactFields, type ContactFields } from './contact';
import type { ImportCandidate, ImportProblem, UnreadNumber } from './importCandidates';
import { honorificOf } from './names';
import {
  cleanLabel,
  describePhoneProblem,
  dialUri,
  internationalNumber,
  phoneKeyOf,
  structurePhone,
  type PhoneCountry,
} from './phone';
import { OTHER_CATEGORY, categoryTitle, matchCategory } from './stakeholderCategories';
import {
  readVCardLines,
  splitComponents,
  splitList,
  unescapeText,
  type CharsetDecoder,
  type RawCard,
  type VCardProperty,
} from './vcardLines';
import { format } from '../../i18n/format';

/**
 * Contacts in and out of .vcf files. Reading takes vCard 2.1, 3.0 and 4.0, in any mix, as
 * phones and address books write them (vcardLines.ts); writing produces 3.0 (RFC 2426) or 4.0
 * (RFC 6350) with ical.js. Every number keeps its label: the standard ones as TYPE parameters,
 * any other ("After hours") as an item group with X-ABLabel, which Apple's and Google's address
 * books read. The desk's own fields travel as X- properties, so a card exported here and
 * imported on another desk loses nothing, and an ordinary address book simply ignores them.
 * FORMAT: X-RESPONSE-DESK-CATEGORY (stakeholder category id), X-RADIO-CALLSIGN,
 * X-AFTER-HOURS, X-DO-NOT-SHARE / X-CONSENT-ON-FILE ("yes"/"no"), X-LAST-VERIFIED (YYYY-MM-DD).
 */

export type VCardVersion = '3.0' | '4.0';

/** The versions the desk reads. */
export const READABLE_VCARD_VERSIONS = ['2.1', '3.0', '4.0'] as const;

export type ParsedCard = {
  index: number;
  /** The version the card says it is ("2.1", "3.0", "4.0"), or "3.0" when it says none. */
  version: string;
  /** The card's fields; `phones` holds the numbers the desk could read. */
  fields: ContactFields;
  unreadNumbers: UnreadNumber[];
  /** The card's own groups (CATEGORIES), for the category step of the import. */
  groups: string[];
  /** True when the card names a stakeholder category itself (X-RESPONSE-DESK-CATEGORY). */
  ownCategory: boolean;
  /** What keeps the card out (no name, a version the desk cannot read). */
  problems: string[];
  /** What was adjusted while reading, said so in the preview. */
  notes: string[];
};

/** What the file turned out to hold, for the preview: versions, encodings, labels. */
export type VCardSummary = {
  cards: number;
  versions: { version: string; cards: number }[];
  quotedPrintableCards: number;
  charsets: string[];
  labelledNumbers: number;
  groupLabels: number;
  extensions: number;
  unreadNumbers: number;
};

export type VCardError =
  | { code: 'empty' }
  | { code: 'no-cards' }
  | { code: 'xcard' }
  | { code: 'jcard' }
  | { code: 'unsupported-version'; versions: string[] };

export function describeVCardError(e: VCardError, fileName: string): string {
  switch (e.code) {
    case 'empty':
      return format('contacts.vcard.empty', { fileName });
    case 'no-cards':
      return format('contacts.vcard.noCards', { fileName });
    case 'xcard':
      return format('contacts.vcard.xcard', { fileName });
    case 'jcard':
      return format('contacts.vcard.jcard', { fileName });
    case 'unsupported-version':
      return format('contacts.vcard.unsupportedVersion', { fileName, versions: e.versions.join(' and ') });
  }
}

/** "3 cards: 1 in vCard 2.1, 2 in vCard 3.0. Quoted-printable text decoded in 1 card (UTF-8). …" */
export function describeVCardSummary(s: VCardSummary): string[] {
  const versions = s.versions
    .map((v) => format('contacts.vcard.summary.version', { count: v.cards, version: v.version }))
    .join(', ');
  const lines = [format('contacts.vcard.summary.cards', { count: s.cards, versions })];
  if (s.quotedPrintableCards > 0) {
    const count = s.quotedPrintableCards;
    lines.push(
      s.charsets.length > 0
        ? format('contacts.vcard.summary.quotedPrintableCharsets', { count, charsets: s.charsets.join(', ') })
        : format('contacts.vcard.summary.quotedPrintable', { count }),
    );
  }
  if (s.labelledNumbers > 0) {
    const count = s.labelledNumbers;
    lines.push(
      s.groupLabels > 0
        ? format('contacts.vcard.summary.labelledGroups', { count, groups: s.groupLabels })
        : format('contacts.vcard.summary.labelled', { count }),
    );
  }
  if (s.extensions > 0) lines.push(format('contacts.vcard.summary.extensions', { count: s.extensions }));
  if (s.unreadNumbers > 0) lines.push(format('contacts.vcard.summary.unread', { count: s.unreadNumbers }));
  return lines;
}

// ------------------------------------------------------------------ labels

/** TYPE words and what the desk calls them; pref, voice and internet say nothing of the line. */
const TYPE_WORDS: Record<string, string> = {
  cell: 'mobile',
  mobile: 'mobile',
  'x-mobile': 'mobile',
  work: 'work',
  home: 'home',
  fax: 'fax',
  pager: 'pager',
  text: 'text',
  msg: 'text',
  video: 'video',
  textphone: 'textphone',
  main: 'main',
  car: 'car',
  isdn: 'ISDN',
  iphone: 'iPhone',
  other: 'other',
  pcs: 'PCS',
  bbs: 'BBS',
  modem: 'modem',
};
const PLACE_WORDS = new Set(['work', 'home']);
const SILENT_TYPES = new Set(['pref', 'voice', 'internet', 'x-internet', 'x-voice']);

/** The label a number's TYPE parameters give: CELL → mobile, WORK,FAX → work fax, X-After-hours → After-hours. */
export function labelFromTypes(types: readonly string[]): string {
  const words: string[] = [];
  for (const raw of types) {
    const t = raw.trim();
    const lower = t.toLowerCase();
    if (t === '' || SILENT_TYPES.has(lower)) continue;
    const known = TYPE_WORDS[lower];
    if (known !== undefined) words.push(known);
    else {
      // An unknown word is a label someone chose: Android writes TEL;X-Emergency or TYPE=After hours.
      const bare = t.replace(/^x-/i, '');
      words.push(bare === bare.toUpperCase() ? bare.toLowerCase().replace(/-/g, ' ') : bare);
    }
  }
  const unique = [...new Set(words)];
  const ordered = [...unique.filter((w) => PLACE_WORDS.has(w)), ...unique.filter((w) => !PLACE_WORDS.has(w))];
  return ordered.join(' ') || 'phone';
}

/** Labels written as TYPE parameters; any other label travels as an item group with X-ABLabel. */
function typesForLabel(label: string, version: VCardVersion): string[] | null {
  const known: Record<string, string[]> = {
    mobile: ['cell'],
    work: ['work'],
    home: ['home'],
    fax: ['fax'],
    'work fax': ['work', 'fax'],
    'home fax': ['home', 'fax'],
    pager: ['pager'],
    video: ['video'],
    'work mobile': ['work', 'cell'],
    'home mobile': ['home', 'cell'],
    phone: ['voice'],
    '': ['voice'],
    ...(version === '3.0'
      ? { text: ['msg'], car: ['car'], ISDN: ['isdn'] }
      : { text: ['text'], textphone: ['textphone'] }),
  };
  return known[label] ?? null;
}

// ------------------------------------------------------------------ reading

const yes = (v: string) => /^(yes|true|1|y)$/i.test(v.trim());

/** The date of X-LAST-VERIFIED as UTC midnight, or null. */
function parseDay(v: string): number | null {
  const m = /^(\d{4})-?(\d{2})-?(\d{2})/.exec(v.trim());
  if (!m) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isNaN(t) ? null : t;
}

const isPref = (p: VCardProperty) =>
  (p.params.get('TYPE') ?? []).some((t) => t.toLowerCase() === 'pref') ||
  (p.params.get('PREF') ?? []).some((v) => v.trim() === '1');

/** Preferred properties first, the rest in file order. */
const prefFirst = (props: VCardProperty[]) => [...props.filter(isPref), ...props.filter((p) => !isPref(p))];

type CardReading = {
  card: ParsedCard;
  stats: { groupLabels: number; labelled: number; extensions: number; charsets: string[] };
};

function readCard(raw: RawCard, index: number, country: PhoneCountry | null): CardReading {
  const version = raw.version ?? '3.0';
  const problems: string[] = [];
  const notes: string[] = [];
  if (raw.version === null) notes.push(format('contacts.vcard.card.noVersion'));
  else if (!(READABLE_VCARD_VERSIONS as readonly string[]).includes(raw.version)) {
    problems.push(format('contacts.vcard.card.unsupportedVersion', { version: raw.version }));
  }
  if (raw.unterminated) notes.push(format('contacts.vcard.card.unterminated'));
  if (raw.unreadableLines.length > 0)
    notes.push(
      format('contacts.vcard.card.unreadableLines', {
        count: raw.unreadableLines.length,
        lines: raw.unreadableLines.join(', '),
      }),
    );
  const props = raw.properties.filter((p) => !p.binary);
  const all = (name: string) => props.filter((p) => p.name === name);
  const firstText = (name: string) => unescapeText(all(name)[0]?.value ?? '').trim();
  const fields = emptyContactFields();
  const charsets = [
    ...new Set(
      props.filter((p) => p.quotedPrintable).map((p) => (p.params.get('CHARSET')?.[0] ?? 'UTF-8').toUpperCase()),
    ),
  ];
  if (props.some((p) => p.charsetFallback)) notes.push(format('contacts.vcard.card.charsetFallback'));

  // Names: FN as written; the honorific of N kept when FN leaves it out (Google writes "Dr." only there).
  const n = splitComponents(all('N')[0]?.value ?? '').map((s) => s.trim());
  const [family = '', given = '', additional = '', prefix = '', suffix = ''] = n;
  let name = firstText('FN');
  if (name === '') name = [prefix, given, additional, family, suffix].filter((s) => s !== '').join(' ');
  else if (prefix !== '' && !name.toLowerCase().startsWith(prefix.toLowerCase())) name = `${prefix} ${name}`;
  fields.name = name;
  if (name === '') problems.push(format('contacts.vcard.card.noName'));
  fields.organisation = splitComponents(all('ORG')[0]?.value ?? '')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .join(', ');
  fields.role = [...all('TITLE'), ...all('ROLE')]
    .map((p) => unescapeText(p.value).trim())
    .filter((s) => s !== '')
    .join(', ');

  // Numbers, each with its label: an item group's X-ABLabel wins over TYPE parameters.
  const groupLabels = new Map(
    all('X-ABLABEL')
      .filter((p) => p.group !== null)
      .map((p) => [p.group ?? '', cleanLabel(unescapeText(p.value))]),
  );
  const unreadNumbers: UnreadNumber[] = [];
  const keys = new Set<string>();
  let fromGroups = 0;
  let extensions = 0;
  for (const tel of prefFirst(all('TEL'))) {
    const number = unescapeText(tel.value).trim();
    if (number === '') continue;
    const grouped = tel.group !== null ? groupLabels.get(tel.group) : undefined;
    const label = grouped ?? labelFromTypes(tel.params.get('TYPE') ?? []);
    const read = structurePhone(label, number, country);
    if (!read.ok) {
      unreadNumbers.push({ label, number, problem: describePhoneProblem(number, read.error) });
      continue;
    }
    const key = phoneKeyOf(read.value);
    if (keys.has(key)) continue;
    keys.add(key);
    if (grouped !== undefined) fromGroups += 1;
    if (read.value.extension !== '') extensions += 1;
    fields.phones.push(read.value);
  }
  const emails = prefFirst(all('EMAIL'))
    .map((p) => unescapeText(p.value).trim())
    .filter((e) => e !== '');
  fields.email = emails[0] ?? '';
  fields.languages = all('LANG')
    .map((p) => unescapeText(p.value).trim())
    .filter((l) => l !== '');
  fields.languages.push(...all('X-LANGUAGES').flatMap((p) => splitList(p.value)));
  const noteTexts = all('NOTE')
    .map((p) => unescapeText(p.value).trim())
    .filter((t) => t !== '');
  if (emails.length > 1) {
    // The desk keeps one address per contact; the others go in the notes rather than away.
    noteTexts.push(format('contacts.import.otherEmail', { emails: emails.slice(1).join(', ') }));
    notes.push(format('contacts.import.emails', { count: emails.length, kept: emails[0] ?? '' }));
  }
  fields.notes = noteTexts.join('\n');
  fields.radioCallSign = firstText('X-RADIO-CALLSIGN');
  fields.afterHours = firstText('X-AFTER-HOURS');
  fields.doNotShare = yes(firstText('X-DO-NOT-SHARE'));
  fields.consentOnFile = yes(firstText('X-CONSENT-ON-FILE'));
  const verified = firstText('X-LAST-VERIFIED');
  if (verified !== '') {
    fields.lastVerifiedAt = parseDay(verified);
    if (fields.lastVerifiedAt === null) notes.push(format('contacts.vcard.card.badVerified', { text: verified }));
  }
  const own = matchCategory(firstText('X-RESPONSE-DESK-CATEGORY'));
  const groups = all('CATEGORIES').flatMap((p) => splitList(p.value));
  fields.category = own ?? groups.map((g) => matchCategory(g)).find((c) => c !== null) ?? OTHER_CATEGORY;
  return {
    card: { index, version, fields, unreadNumbers, groups, ownCategory: own !== null, problems, notes },
    stats: { groupLabels: fromGroups, labelled: fields.phones.length, extensions, charsets },
  };
}

export type VCardReadOptions = { country: PhoneCountry | null; decode: CharsetDecoder };

/**
 * Reads every card of a .vcf file (2.1, 3.0 or 4.0, any mix). A line that is not a property is
 * skipped and said so; a card in a version the desk cannot read is named and left out; a file
 * holding nothing the desk reads is refused with the reason.
 */
export function parseVCards(
  input: string,
  options: VCardReadOptions,
): Result<{ cards: ParsedCard[]; summary: VCardSummary }, VCardError> {
  const clean = input.replace(/^\uFEFF/, '');
  if (clean.trim() === '') return err({ code: 'empty' });
  if (/^\s*<(\?xml|vcards)/i.test(clean) && /urn:ietf:params:xml:ns:vcard-4\.0|<vcards/i.test(clean))
    return err({ code: 'xcard' });
  if (/^\s*\[\s*"vcard"/i.test(clean)) return err({ code: 'jcard' });
  const raws = readVCardLines(clean, options.decode);
  if (raws.length === 0) return err({ code: 'no-cards' });
  const readings = raws.map((raw, i) => readCard(raw, i + 1, options.country));
  const cards = readings.map((r) => r.card);
  const unsupported = [
    ...new Set(
      raws
        .map((r) => r.version)
        .filter((v): v is string => v !== null && !(READABLE_VCARD_VERSIONS as readonly string[]).includes(v)),
    ),
  ];
  if (
    unsupported.length > 0 &&
    unsupported.length === new Set(raws.map((r) => r.version ?? '3.0')).size &&
    cards.every((c) => !(READABLE_VCARD_VERSIONS as readonly string[]).includes(c.version))
  ) {
    return err({ code: 'unsupported-version', versions: unsupported });
  }
  const versions = new Map<string, number>();
  for (const c of cards) versions.set(c.version, (versions.get(c.version) ?? 0) + 1);
  const summary: VCardSummary = {
    cards: cards.length,
    versions: [...versions].sort(([a], [b]) => a.localeCompare(b)).map(([version, n]) => ({ version, cards: n })),
    quotedPrintableCards: readings.filter((r) => r.stats.charsets.length > 0).length,
    charsets: [...new Set(readings.flatMap((r) => r.stats.charsets))],
    labelledNumbers: readings.reduce(
      (n, r) => n + r.card.fields.phones.filter((p) => p.label !== 'phone' && p.label !== '').length,
      0,
    ),
    groupLabels: readings.reduce((n, r) => n + r.stats.groupLabels, 0),
    extensions: readings.reduce((n, r) => n + r.stats.extensions, 0),
    unreadNumbers: cards.reduce((n, c) => n + c.unreadNumbers.length, 0),
  };
  return ok({ cards, summary });
}

/** The cards to go on to the import step, and the problems that keep the others out. */
export function cardCandidates(cards: readonly ParsedCard[]): {
  candidates: ImportCandidate[];
  problems: ImportProblem[];
  badCount: number;
} {
  const candidates: ImportCandidate[] = [];
  const problems: ImportProblem[] = [];
  for (const card of cards) {
    const where = card.fields.name
      ? format('contacts.vcard.card.whereNamed', { index: card.index, name: card.fields.name })
      : format('contacts.vcard.card.where', { index: card.index });
    if (card.problems.length > 0) problems.push(...card.problems.map((problem) => ({ where, field: 'card', problem })));
    else
      candidates.push({
        where,
        fields: card.fields,
        groups: card.groups,
        ownCategory: card.ownCategory,
        unreadNumbers: card.unreadNumbers,
        notes: card.notes,
      });
  }
  return { candidates, problems, badCount: cards.length - candidates.length };
}

// ------------------------------------------------------------------ writing

const day = (t: number) => new Date(t).toISOString().slice(0, 10);

export type ContactExportOptions = {
  /** Phone numbers, email, radio call sign, after-hours and notes: only when the operator opts in. */
  includeDetails: boolean;
};

function addTel(
  card: InstanceType<typeof ICAL.Component>,
  p: ContactPhone,
  version: VCardVersion,
  preferred: boolean,
  group: () => string,
): void {
  const uri = version === '4.0' ? dialUri(p) : null;
  const tel = card.addPropertyWithValue('tel', uri ?? (p.e164 === null ? p.number : internationalNumber(p)));
  if (version === '4.0') tel.setParameter('value', uri === null ? 'text' : 'uri');
  const types = typesForLabel(p.label, version);
  if (types === null) {
    // A label of the city's own ("After hours") travels as an item group, as Apple writes it.
    const g = group();
    tel.setParameter('group', g);
    const label = card.addPropertyWithValue('x-ablabel', p.label);
    label.setParameter('group', g);
  }
  const all = [...(types ?? []), ...(preferred && version === '3.0' ? ['pref'] : [])];
  if (all.length > 0) tel.setParameter('type', version === '3.0' ? all.map((t) => t.toUpperCase()) : all);
  if (preferred && version === '4.0') tel.setParameter('pref', '1');
}

function toCard(c: Contact, version: VCardVersion, options: ContactExportOptions): InstanceType<typeof ICAL.Component> {
  const card = new ICAL.Component(['vcard', [], []]);
  card.addPropertyWithValue('version', version);
  card.addPropertyWithValue('fn', c.name);
  const { honorific, rest } = honorificOf(c.name);
  const parts = rest.split(/\s+/).filter((s) => s !== '');
  const family = parts.length > 1 ? (parts[parts.length - 1] ?? '') : rest;
  const given = parts.length > 1 ? parts.slice(0, -1).join(' ') : '';
  const n = new ICAL.Property('n');
  n.setValue([family, given, '', honorific, '']);
  card.addProperty(n);
  if (c.organisation !== '') {
    const org = new ICAL.Property('org');
    org.setValue([c.organisation]);
    card.addProperty(org);
  }
  if (c.role !== '') card.addPropertyWithValue('title', c.role);
  if (options.includeDetails) {
    let groups = 0;
    c.phones.forEach((p, i) => addTel(card, p, version, i === 0 && c.phones.length > 1, () => `item${(groups += 1)}`));
    if (c.email !== '') card.addPropertyWithValue('email', c.email);
  }
  if (version === '4.0') for (const l of c.languages) card.addPropertyWithValue('lang', l);
  else if (c.languages.length > 0) card.addPropertyWithValue('x-languages', c.languages.join(','));
  if (options.includeDetails && c.notes !== '') card.addPropertyWithValue('note', c.notes);
  card.addPropertyWithValue('categories', categoryTitle(c.category));
  card.addPropertyWithValue('x-response-desk-category', c.category);
  if (options.includeDetails && c.radioCallSign !== '') card.addPropertyWithValue('x-radio-callsign', c.radioCallSign);
  if (options.includeDetails && c.afterHours !== '') card.addPropertyWithValue('x-after-hours', c.afterHours);
  card.addPropertyWithValue('x-do-not-share', c.doNotShare ? 'yes' : 'no');
  card.addPropertyWithValue('x-consent-on-file', c.consentOnFile ? 'yes' : 'no');
  if (c.lastVerifiedAt !== null) card.addPropertyWithValue('x-last-verified', day(c.lastVerifiedAt));
  return card;
}

/** One .vcf file holding every contact given, in the version asked for; CRLF line ends. */
export function contactsToVCards(
  contacts: readonly Contact[],
  version: VCardVersion,
  options: ContactExportOptions,
): string {
  return (
    contacts
      .map((c) => ICAL.stringify(toCard(c, version, options).toJSON() as unknown[]))
      .join('\r\n')
      .replace(/\r?\n/g, '\r\n') + '\r\n'
  );
}

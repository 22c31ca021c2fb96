import type { GlossaryTerm, PersonMention, SensitivityWarning } from '../../schemas/statements';
import { format } from '../../i18n/format';

/**
 * Checks a statement's text for what the guide warns against, before it goes to review:
 * - a victim named when no consent to name them is recorded (families first, privacy always);
 * - the suspected perpetrator named (deny attackers the publicity they seek);
 * - motive or suspect details stated while the timeline entries about them are unverified
 *   (say only what the lead agency has confirmed);
 * - a community named in words the city's glossary marks as to avoid (no collective blame);
 * - a private person linked to the incident named (a source on its timeline, a survivor, a
 *   witness or a family member in the directory), whether or not the drafter listed them;
 * - an age or a home town given next to a name ("Kari Olsen, 34, from Lund"): details that
 *   identify people the guide asks the city to protect.
 * Warnings are advice, never a block: the drafter may send past them with a reason, which is
 * recorded with the review request.
 */

/** A timeline entry the checks compare the text with. */
export type EntryForCheck = { readonly id: string; readonly title: string; readonly body: string };

/** A person the incident's records name, and why naming them in public needs care. */
export type LinkedPerson = { readonly name: string; readonly why: string };

export type SensitivityContext = {
  /** Victims and suspects listed for this statement, and for the incident's other statements. */
  readonly people: readonly PersonMention[];
  /** Private people linked to the incident's timeline (sources, survivors, witnesses, families). */
  readonly linkedPeople?: readonly LinkedPerson[];
  readonly glossary: readonly GlossaryTerm[];
  /** The incident's unverified, unretracted timeline entries. */
  readonly unverifiedEntries: readonly EntryForCheck[];
};

/** A word of the list matches where it stands alone or begins a longer word ("motiv" in "motivated"). */
type Stem = { readonly stem: string; readonly wholeWord?: boolean };

/**
 * Words that state why an attack happened or who did it, in the languages of the seed templates.
 * Arabic words take prefixes (و، ب، ال), so they match anywhere in a word.
 */
export const DETAIL_TOPICS: Readonly<Record<'motive' | 'suspect', readonly Stem[]>> = {
  motive: [
    { stem: 'motiv' },
    { stem: 'ideolog' },
    { stem: 'manifesto' },
    { stem: 'terror' },
    { stem: 'extremis' },
    { stem: 'jihad' },
    { stem: 'far-right' },
    { stem: 'islamis' },
    { stem: 'antisemit' },
    { stem: 'racis' },
    { stem: 'hate crime' },
    { stem: 'hate-motivated' },
    { stem: 'radicalis' },
    { stem: 'radicaliz' },
    { stem: 'claimed responsibility' },
    { stem: 'targeted because' },
    { stem: 'دافع' },
    { stem: 'دوافع' },
    { stem: 'إرهاب' },
    { stem: 'ارهاب' },
    { stem: 'متطرف' },
    { stem: 'أيديولوج' },
    { stem: 'كراهية' },
  ],
  suspect: [
    { stem: 'suspect' },
    { stem: 'perpetrator' },
    { stem: 'attacker' },
    { stem: 'gunman' },
    { stem: 'assailant' },
    { stem: 'shooter' },
    { stem: 'arrest' },
    { stem: 'detain' },
    { stem: 'in custody' },
    { stem: 'charged' },
    { stem: 'accused' },
    { stem: 'known to police' },
    { stem: 'acted alone' },
    { stem: 'lone wolf' },
    { stem: 'مشتبه' },
    { stem: 'المهاجم' },
    { stem: 'منفذ' },
    { stem: 'الجاني' },
    { stem: 'اعتقال' },
    { stem: 'القبض' },
  ],
};

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const LETTER_BEFORE = '(?<![\\p{L}\\p{N}])';
const LETTER_AFTER = '(?![\\p{L}\\p{N}])';
const isArabicScript = (s: string) => /[\u0600-\u06FF]/.test(s);

/** Flexible whitespace inside a phrase, so a line break between two words still matches. */
const phrase = (s: string) => s.trim().split(/\s+/).map(escapeRe).join('\\s+');

/** How often a person is named: the full name, or any part of it of three letters or more. */
export function countNameMentions(text: string, name: string): number {
  const parts = name
    .trim()
    .split(/\s+/)
    .filter((p) => p.length >= 3);
  const alternatives = [phrase(name), ...parts.map(escapeRe)].filter((a) => a !== '');
  if (alternatives.length === 0) return 0;
  const re = new RegExp(`${LETTER_BEFORE}(?:${alternatives.join('|')})${LETTER_AFTER}`, 'giu');
  return [...text.matchAll(re)].length;
}

/** The topic words found in a text. */
export function detailTopics(text: string): { motive: string[]; suspect: string[] } {
  const found = (stems: readonly Stem[]) =>
    stems
      .filter(({ stem }) => {
        const re = isArabicScript(stem)
          ? new RegExp(escapeRe(stem), 'u')
          : new RegExp(`${LETTER_BEFORE}${phrase(stem)}`, 'iu');
        return re.test(text);
      })
      .map((s) => s.stem);
  return { motive: found(DETAIL_TOPICS.motive), suspect: found(DETAIL_TOPICS.suspect) };
}

/** Where a glossary term stands as a whole phrase in the text (ignoring case). */
export function findTerm(text: string, term: string): number {
  const re = new RegExp(`${LETTER_BEFORE}${phrase(term)}${LETTER_AFTER}`, 'giu');
  return [...text.matchAll(re)].length;
}

const quote = (s: string) => `“${s}”`;

/** Every warning for `text`, in a stable order; `key` tells them apart across edits. */
export function checkSensitivity(text: string, ctx: SensitivityContext): SensitivityWarning[] {
  const warnings: SensitivityWarning[] = [];

  // The same person listed twice (in two statements) is checked once.
  const people = ctx.people.filter(
    (p, i, all) => all.findIndex((q) => q.role === p.role && q.name.toLowerCase() === p.name.toLowerCase()) === i,
  );
  for (const person of people) {
    const n = countNameMentions(text, person.name);
    if (n === 0) continue;
    if (person.role === 'victim' && !person.consentRecorded) {
      warnings.push({
        code: 'victim-named-without-consent',
        key: `victim:${person.id}`,
        message: format('statements.sensitivity.victimNamed', { name: person.name, times: n }),
        advice: format('statements.sensitivity.victimNamed.advice'),
      });
    }
    if (person.role === 'suspect') {
      warnings.push({
        code: 'perpetrator-named',
        key: `suspect:${person.id}`,
        message: format('statements.sensitivity.perpetratorNamed', { name: person.name, times: n }),
        advice: format('statements.sensitivity.perpetratorNamed.advice'),
      });
    }
  }

  const listed = new Set(people.map((p) => p.name.toLowerCase()));
  for (const person of ctx.linkedPeople ?? []) {
    if (listed.has(person.name.toLowerCase())) continue;
    const found = findFullName(text, person.name);
    if (found.count === 0) continue;
    warnings.push({
      code: 'linked-person-named',
      key: `linked:${person.name.toLowerCase()}`,
      message: format('statements.sensitivity.linkedNamed', {
        name: found.asWritten,
        times: found.count,
        why: person.why,
      }),
      advice: format('statements.sensitivity.linkedNamed.advice'),
    });
  }

  for (const found of identifyingDetails(text)) {
    warnings.push({
      code: 'identifying-details',
      key: `identifying:${found.name.toLowerCase()}`,
      message: format('statements.sensitivity.identifying', {
        name: found.name,
        details: found.details.join(format('statements.sensitivity.and')),
        excerpt: found.excerpt,
      }),
      advice: format('statements.sensitivity.identifying.advice'),
    });
  }

  const topics = detailTopics(text);
  for (const topic of ['motive', 'suspect'] as const) {
    const stems = topics[topic];
    if (stems.length === 0) continue;
    const related = ctx.unverifiedEntries.filter((e) => detailTopicsOf(`${e.title}\n${e.body}`)[topic]);
    if (related.length === 0) continue;
    const shown = related
      .slice(0, 3)
      .map((e) => quote(e.title))
      .join(', ');
    warnings.push({
      code: 'unverified-details',
      key: `unverified:${topic}`,
      message: format('statements.sensitivity.unverified', {
        topic,
        stems: stems.map(quote).join(', '),
        entries: related.length,
        shown,
        more: related.length > 3 ? 'yes' : 'no',
      }),
      advice: format('statements.sensitivity.unverified.advice'),
    });
  }

  for (const term of ctx.glossary) {
    const n = findTerm(text, term.avoid);
    if (n === 0) continue;
    warnings.push({
      code: 'glossary-term',
      key: `glossary:${term.avoid.toLowerCase()}`,
      message: format('statements.sensitivity.glossary', { term: term.avoid, times: n }),
      advice:
        [term.prefer !== '' ? format('statements.sensitivity.glossary.prefer', { term: term.prefer }) : '', term.note]
          .filter(Boolean)
          .join(' ') || format('statements.sensitivity.glossary.advice'),
    });
  }
  return warnings;
}

/**
 * Where a full name (every part, in order, any case) appears, and how the text writes it. A first
 * name alone is too common to warn about.
 */
export function findFullName(text: string, name: string): { count: number; asWritten: string } {
  if (name.trim().split(/\s+/).length < 2) return { count: 0, asWritten: name };
  const re = new RegExp(`${LETTER_BEFORE}${phrase(name)}${LETTER_AFTER}`, 'giu');
  const matches = [...text.matchAll(re)];
  return { count: matches.length, asWritten: matches[0]?.[0] ?? name };
}

/** Words that make a source an organisation, not a person ("Fire service", "Red Cross"). */
const ORGANISATION_WORDS = new Set([
  'police',
  'service',
  'services',
  'hospital',
  'office',
  'council',
  'department',
  'media',
  'news',
  'team',
  'centre',
  'center',
  'ambulance',
  'fire',
  'city',
  'municipality',
  'cross',
  'church',
  'mosque',
  'synagogue',
  'temple',
  'school',
  'university',
  'radio',
  'tv',
  'association',
  'committee',
  'agency',
  'command',
  'unit',
  'station',
  'desk',
  'tree',
  'government',
  'ministry',
  'press',
  'nrk',
  'bbc',
  'red',
  'social',
  'online',
  'public',
]);

/** A source as typed ("lars nilsen") that reads as a person's name: two to four words of letters, none an organisation's. */
export function isPersonLikeSource(source: string): boolean {
  const words = source.trim().split(/\s+/);
  return (
    words.length >= 2 &&
    words.length <= 4 &&
    words.every((w) => /^[\p{L}'’-]{2,}$/u.test(w) && !ORGANISATION_WORDS.has(w.toLowerCase()))
  );
}

/** Stakeholder categories of private people: named in public only with their consent. */
const PRIVATE_CATEGORIES: ReadonlySet<string> = new Set(['survivors', 'families-and-networks', 'witnesses']);

// ICU selectors are identifiers: 'families-and-networks' is asked for as 'families_and_networks'.
const whyPrivate = (category: string) =>
  format('statements.sensitivity.privateContact', { category: category.replace(/-/g, '_') });

/**
 * The private people an incident's statements must not name lightly: survivors, families and
 * witnesses in the directory, and the people the incident's timeline gives as sources (minus
 * the directory's officials, who speak for their office).
 */
export function linkedPeopleOf(input: {
  contacts: readonly { name: string; category: string }[];
  timelineSources: readonly string[];
}): LinkedPerson[] {
  const contacts = input.contacts.flatMap((c) =>
    PRIVATE_CATEGORIES.has(c.category) ? [{ name: c.name, why: whyPrivate(c.category) }] : [],
  );
  const known = new Set(input.contacts.map((c) => c.name.trim().toLowerCase()));
  const sources = input.timelineSources
    .filter((s) => isPersonLikeSource(s) && !known.has(s.trim().toLowerCase()))
    .map((s) => ({ name: s.trim(), why: format('statements.sensitivity.timelineSource') }));
  const privateSources = input.contacts.filter(
    (c) =>
      PRIVATE_CATEGORIES.has(c.category) &&
      input.timelineSources.some((s) => s.trim().toLowerCase() === c.name.trim().toLowerCase()),
  );
  return [
    ...contacts.map((c) =>
      privateSources.some((p) => p.name === c.name)
        ? { ...c, why: format('statements.sensitivity.alsoTimelineSource', { why: c.why }) }
        : c,
    ),
    ...sources,
  ];
}

// A person's name as written in running text: two to four capitalised words.
const NAME = "\\p{Lu}[\\p{L}'’-]+(?:\\s+\\p{Lu}[\\p{L}'’-]+){1,3}";
const AGE_AFTER = new RegExp(
  `(${NAME})\\s*(?:,\\s*(?:aged\\s+)?(\\d{1,3})(?![\\d:.])|\\((?:aged\\s+)?(\\d{1,3})\\))`,
  'gu',
);
const AGE_BEFORE = new RegExp(`(\\d{1,3})[-\\s]year[-\\s]old\\s+(?:\\p{Ll}+,?\\s+)?(${NAME})`, 'gu');
const TOWN_AFTER = new RegExp(
  `(${NAME})(?:\\s*,\\s*(?:aged\\s+)?\\d{1,3})?\\s*,?\\s+(?:from|of)\\s+(\\p{Lu}[\\p{L}'’-]+)`,
  'gu',
);

/**
 * Ages and home towns next to a name: "Kari Olsen, 34", "Kari Olsen (34)", "34-year-old Kari
 * Olsen", "Kari Olsen, 34, from Lund". A town after "of" counts only with an age beside it
 * ("Mayor of Kristiansand" is a title, not a home town).
 */
export function identifyingDetails(text: string): { name: string; details: string[]; excerpt: string }[] {
  const found = new Map<string, { name: string; details: Set<string>; excerpt: string }>();
  const note = (name: string, detail: string, excerpt: string) => {
    const key = name.toLowerCase();
    const entry = found.get(key) ?? { name, details: new Set<string>(), excerpt };
    entry.details.add(detail);
    if (excerpt.length > entry.excerpt.length) entry.excerpt = excerpt;
    found.set(key, entry);
  };
  const age = format('statements.sensitivity.detail', { detail: 'age' });
  for (const m of text.matchAll(AGE_AFTER)) note(m[1] ?? '', age, m[0]);
  for (const m of text.matchAll(AGE_BEFORE)) note(m[2] ?? '', age, m[0]);
  for (const m of text.matchAll(TOWN_AFTER)) {
    const withAge = /\d/.test(m[0]);
    if (!withAge && /\sof\s/.test(m[0])) continue;
    note(m[1] ?? '', format('statements.sensitivity.detail', { detail: 'town' }), m[0]);
  }
  return [...found.values()].map((f) => ({ name: f.name, details: [...f.details], excerpt: f.excerpt.trim() }));
}

function detailTopicsOf(text: string): { motive: boolean; suspect: boolean } {
  const t = detailTopics(text);
  return { motive: t.motive.length > 0, suspect: t.suspect.length > 0 };
}

import type { GlossaryTerm, PersonMention, SensitivityWarning } from '../../schemas/statements';

/**
 * Checks a statement's text for what the guide warns against, before it goes to review:
 * - a victim named when no consent to name them is recorded (families first, privacy always);
 * - the suspected perpetrator named (deny attackers the publicity they seek);
 * - motive or suspect details stated while the timeline entries about them are unverified
 *   (say only what the lead agency has confirmed);
 * - a community named in words the city's glossary marks as to avoid (no collective blame).
 * Warnings are advice, never a block: the drafter may send past them with a reason, which is
 * recorded with the review request.
 */

/** A timeline entry the checks compare the text with. */
export type EntryForCheck = { readonly id: string; readonly title: string; readonly body: string };

export type SensitivityContext = {
  readonly people: readonly PersonMention[];
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
    { stem: 'motiv' }, { stem: 'ideolog' }, { stem: 'manifesto' }, { stem: 'terror' }, { stem: 'extremis' }, { stem: 'jihad' },
    { stem: 'far-right' }, { stem: 'islamis' }, { stem: 'antisemit' }, { stem: 'racis' }, { stem: 'hate crime' }, { stem: 'hate-motivated' },
    { stem: 'radicalis' }, { stem: 'radicaliz' }, { stem: 'claimed responsibility' }, { stem: 'targeted because' },
    { stem: 'دافع' }, { stem: 'دوافع' }, { stem: 'إرهاب' }, { stem: 'ارهاب' }, { stem: 'متطرف' }, { stem: 'أيديولوج' }, { stem: 'كراهية' },
  ],
  suspect: [
    { stem: 'suspect' }, { stem: 'perpetrator' }, { stem: 'attacker' }, { stem: 'gunman' }, { stem: 'assailant' }, { stem: 'shooter' },
    { stem: 'arrest' }, { stem: 'detain' }, { stem: 'in custody' }, { stem: 'charged' }, { stem: 'accused' }, { stem: 'known to police' },
    { stem: 'acted alone' }, { stem: 'lone wolf' },
    { stem: 'مشتبه' }, { stem: 'المهاجم' }, { stem: 'منفذ' }, { stem: 'الجاني' }, { stem: 'اعتقال' }, { stem: 'القبض' },
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
  const parts = name.trim().split(/\s+/).filter((p) => p.length >= 3);
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
        const re = isArabicScript(stem) ? new RegExp(escapeRe(stem), 'u') : new RegExp(`${LETTER_BEFORE}${phrase(stem)}`, 'iu');
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

const times = (n: number) => (n === 1 ? 'once' : `${n} times`);
const quote = (s: string) => `“${s}”`;

/** Every warning for `text`, in a stable order; `key` tells them apart across edits. */
export function checkSensitivity(text: string, ctx: SensitivityContext): SensitivityWarning[] {
  const warnings: SensitivityWarning[] = [];

  for (const person of ctx.people) {
    const n = countNameMentions(text, person.name);
    if (n === 0) continue;
    if (person.role === 'victim' && !person.consentRecorded) {
      warnings.push({
        code: 'victim-named-without-consent',
        key: `victim:${person.id}`,
        message: `${quote(person.name)} is named (${times(n)}), and no consent to name them is recorded.`,
        advice: 'Speak to the family first and record their consent in “People this statement may name”, or leave the name out.',
      });
    }
    if (person.role === 'suspect') {
      warnings.push({
        code: 'perpetrator-named',
        key: `suspect:${person.id}`,
        message: `The suspected perpetrator ${quote(person.name)} is named ${times(n)}.`,
        advice: 'Deny attackers publicity: leave identification to the police and prosecutors, and speak of “the attacker” if at all.',
      });
    }
  }

  const topics = detailTopics(text);
  for (const topic of ['motive', 'suspect'] as const) {
    const stems = topics[topic];
    if (stems.length === 0) continue;
    const related = ctx.unverifiedEntries.filter((e) => detailTopicsOf(`${e.title}\n${e.body}`)[topic]);
    if (related.length === 0) continue;
    const shown = related.slice(0, 3).map((e) => quote(e.title)).join(', ');
    warnings.push({
      code: 'unverified-details',
      key: `unverified:${topic}`,
      message: `The text states ${topic === 'motive' ? 'a motive' : 'details of a suspect'} (${stems.map(quote).join(', ')}) while ${related.length === 1 ? 'the related timeline entry is' : `${related.length} related timeline entries are`} still unverified: ${shown}${related.length > 3 ? ' …' : ''}.`,
      advice: 'Say only what the lead agency has confirmed. Mark the entries confirmed on the timeline once they are, or take the detail out.',
    });
  }

  for (const term of ctx.glossary) {
    const n = findTerm(text, term.avoid);
    if (n === 0) continue;
    warnings.push({
      code: 'glossary-term',
      key: `glossary:${term.avoid.toLowerCase()}`,
      message: `${quote(term.avoid)} appears ${times(n)}: the city's glossary marks it as a term to avoid.`,
      advice: [term.prefer !== '' ? `Prefer ${quote(term.prefer)}.` : '', term.note].filter(Boolean).join(' ') || 'Name communities as they name themselves, and never attribute blame to a whole community.',
    });
  }
  return warnings;
}

function detailTopicsOf(text: string): { motive: boolean; suspect: boolean } {
  const t = detailTopics(text);
  return { motive: t.motive.length > 0, suspect: t.suspect.length > 0 };
}

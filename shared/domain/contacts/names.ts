/**
 * Honorifics people put before a name ("Dr.", "Imam", "Rev."). Address books keep them apart
 * (vCard N's prefix, Google's "Name Prefix", Outlook's "Title"); the desk keeps them in the
 * name as people say it, and gives them back apart when it writes a card.
 */
const HONORIFICS = [
  'mr',
  'mrs',
  'ms',
  'mx',
  'miss',
  'dr',
  'prof',
  'professor',
  'rev',
  'revd',
  'reverend',
  'fr',
  'father',
  'sr',
  'sister',
  'br',
  'brother',
  'sir',
  'dame',
  'lord',
  'lady',
  'hon',
  'cllr',
  'councillor',
  'rabbi',
  'imam',
  'sheikh',
  'shaykh',
  'pastor',
  'bishop',
  'canon',
  'capt',
  'col',
  'gen',
  'lt',
  'sgt',
  'insp',
  'supt',
  'herr',
  'frau',
  'fru',
  'hr',
  'mme',
  'mlle',
  'sra',
  'srta',
];
const HONORIFIC_SET = new Set(HONORIFICS);

/** True for "Dr.", "Mrs", "Imam", "Prof. Dr.": words that stand before a name rather than say a job. */
export function isHonorific(text: string): boolean {
  const words = text
    .trim()
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w !== '');
  return words.length > 0 && words.length <= 3 && words.every((w) => HONORIFIC_SET.has(w.replace(/\.$/, '')));
}

/** "Dr. Amina Yusuf" → { honorific: "Dr.", rest: "Amina Yusuf" }; a name without one comes back whole. */
export function honorificOf(name: string): { honorific: string; rest: string } {
  const words = name.trim().split(/\s+/);
  let i = 0;
  while (i < words.length - 1 && i < 3 && isHonorific(words[i] ?? '')) i += 1;
  return { honorific: words.slice(0, i).join(' '), rest: words.slice(i).join(' ') };
}

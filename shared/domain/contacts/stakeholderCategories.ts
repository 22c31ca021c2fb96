import { citeGuide } from '../guide/citation';

/**
 * The stakeholders a city must be able to reach after an attack, in the guide's own grouping,
 * paraphrased. `basis` says whether the guide states the group ("stated") or the desk
 * generalises from it ("generalised"); `pages` name the guide pages the group comes from.
 */
export type StakeholderCategory = {
  readonly id: string;
  readonly title: string;
  readonly examples: readonly string[];
  readonly basis: 'stated' | 'generalised';
  readonly pages: readonly string[];
};

/** Where the categories come from: the guide's stakeholder map and chain of command. */
export const STAKEHOLDER_CATEGORIES_SOURCE = citeGuide(
  'ch. 1 Mayoral Leadership Response, ch. 2 Community Engagement, ch. 6 Preparing to Respond',
);

export const STAKEHOLDER_CATEGORIES: readonly StakeholderCategory[] = [
  {
    id: 'mayor-and-senior-officials',
    title: 'Mayor and senior local government officials',
    examples: ['Mayor', 'Chief of staff', 'Senior officials consulted on rapid decisions'],
    basis: 'stated',
    pages: ['cr-p2', 'gm-p5'],
  },
  {
    id: 'city-departments-and-staff',
    title: 'City departments and local government workers',
    examples: ['Service departments', 'Front-desk and outreach staff', 'HR / staff welfare'],
    basis: 'stated',
    pages: ['cr-p4'],
  },
  {
    id: 'national-security-agencies',
    title: 'National security and response agencies',
    examples: ['National police / security services', 'National response teams', 'National crisis coordination bodies'],
    basis: 'stated',
    pages: ['cr-p4', 'cr-p7', 'cr-p8', 'gm-p5'],
  },
  {
    id: 'local-law-enforcement',
    title: 'Local law enforcement',
    examples: ['Local police command', 'Community/neighbourhood policing teams'],
    basis: 'stated',
    pages: ['cr-p3'],
  },
  {
    id: 'survivors',
    title: 'Survivors and people directly affected',
    examples: ['Injured survivors', 'People present at the scene'],
    basis: 'stated',
    pages: ['cr-p2', 'gm-p5'],
  },
  {
    id: 'families-and-networks',
    title: 'Families and networks of victims and survivors',
    examples: ['Bereaved families', 'Families of the injured', 'Friends and wider networks'],
    basis: 'stated',
    pages: ['cr-p2', 'gm-p5'],
  },
  {
    id: 'witnesses',
    title: 'Witnesses and the wider affected public',
    examples: ['Bystanders', 'Residents of the affected area'],
    basis: 'stated',
    pages: ['cr-p5'],
  },
  {
    id: 'frontline-workers',
    title: 'Frontline workers and responders',
    examples: ['Emergency responders', 'City frontline personnel'],
    basis: 'stated',
    pages: ['cr-p2', 'cr-p3'],
  },
  {
    id: 'psychosocial-providers',
    title: 'Psychosocial support providers',
    examples: ['Health and mental-health services', 'Victim support organisations'],
    basis: 'stated',
    pages: ['cr-p5'],
  },
  {
    id: 'civil-society-and-communities',
    title: 'Civil society organisations and community groups',
    examples: ['Standing safety network members', 'Community organisations', 'Community leaders'],
    basis: 'stated',
    pages: ['cr-p3'],
  },
  {
    id: 'targeted-or-at-risk-communities',
    title: 'Targeted or at-risk communities',
    examples: ['Community targeted by the attack', 'Communities at risk of backlash'],
    basis: 'stated',
    pages: ['cr-p4', 'gm-p5'],
  },
  {
    id: 'faith-and-cultural-venues',
    title: 'Faith, cultural and sports venues',
    examples: ['Places of worship', 'Cultural venues', 'Sports venues'],
    basis: 'generalised',
    pages: ['gm-p2'],
  },
  {
    id: 'media',
    title: 'Media (local, national, international)',
    examples: ['Local press and broadcasters', 'National and international outlets'],
    basis: 'stated',
    pages: ['cr-p4'],
  },
  {
    id: 'online-platforms',
    title: 'Online platforms and online communities',
    examples: ['Social media platforms', 'Local online groups'],
    basis: 'stated',
    pages: ['cr-p4', 'gm-p5'],
  },
  {
    id: 'plan-beneficiaries',
    title: 'Residents as plan beneficiaries',
    examples: ['Resident representatives consulted in planning'],
    basis: 'stated',
    pages: ['cr-p7'],
  },
  {
    id: 'schools',
    title: 'Schools and education providers',
    examples: ['School leaders', 'Universities and colleges'],
    basis: 'generalised',
    pages: ['gm-p3'],
  },
  {
    id: 'businesses',
    title: 'Local businesses and business associations',
    examples: ['Business improvement districts', 'Chambers of commerce'],
    basis: 'generalised',
    pages: ['cr-p5'],
  },
  {
    id: 'neighbouring-and-peer-cities',
    title: 'Neighbouring and peer cities',
    examples: ['Neighbouring municipalities', 'Peer cities in networks such as Strong Cities'],
    basis: 'generalised',
    pages: ['cr-p1'],
  },
];

/** A contact outside every category above. */
export const OTHER_CATEGORY = 'other';

export const STAKEHOLDER_CATEGORY_IDS: readonly string[] = [...STAKEHOLDER_CATEGORIES.map((c) => c.id), OTHER_CATEGORY];

/** "Local law enforcement"; "Other" for a contact outside the guide's categories. */
export function categoryTitle(id: string): string {
  return STAKEHOLDER_CATEGORIES.find((c) => c.id === id)?.title ?? 'Other';
}

/** Matches an id or a title, or the start of a title, as a person or an address book writes it. */
export function matchCategory(text: string): string | null {
  const t = text.trim().toLowerCase();
  if (t === '') return null;
  if (t === OTHER_CATEGORY) return OTHER_CATEGORY;
  return (
    STAKEHOLDER_CATEGORIES.find((c) => c.id === t || c.title.toLowerCase() === t || c.title.toLowerCase().startsWith(t))
      ?.id ?? null
  );
}

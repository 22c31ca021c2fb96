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

/** A row of the table below, in reading order: id, title, the guide's pages, then examples. */
const categoryOn =
  (basis: StakeholderCategory['basis']) =>
  (id: string, title: string, pages: readonly string[], examples: readonly string[]): StakeholderCategory => ({
    id,
    title,
    examples,
    basis,
    pages,
  });

/** A group the guide names itself. */
const stated = categoryOn('stated');
/** A group the desk generalises from the guide's examples. */
const generalised = categoryOn('generalised');

export const STAKEHOLDER_CATEGORIES: readonly StakeholderCategory[] = [
  stated(
    'mayor-and-senior-officials',
    'Mayor and senior local government officials',
    ['cr-p2', 'gm-p5'],
    ['Mayor', 'Chief of staff', 'Senior officials consulted on rapid decisions'],
  ),
  stated(
    'city-departments-and-staff',
    'City departments and local government workers',
    ['cr-p4'],
    ['Service departments', 'Front-desk and outreach staff', 'HR / staff welfare'],
  ),
  stated(
    'national-security-agencies',
    'National security and response agencies',
    ['cr-p4', 'cr-p7', 'cr-p8', 'gm-p5'],
    ['National police / security services', 'National response teams', 'National crisis coordination bodies'],
  ),
  stated(
    'local-law-enforcement',
    'Local law enforcement',
    ['cr-p3'],
    ['Local police command', 'Community/neighbourhood policing teams'],
  ),
  stated(
    'survivors',
    'Survivors and people directly affected',
    ['cr-p2', 'gm-p5'],
    ['Injured survivors', 'People present at the scene'],
  ),
  stated(
    'families-and-networks',
    'Families and networks of victims and survivors',
    ['cr-p2', 'gm-p5'],
    ['Bereaved families', 'Families of the injured', 'Friends and wider networks'],
  ),
  stated(
    'witnesses',
    'Witnesses and the wider affected public',
    ['cr-p5'],
    ['Bystanders', 'Residents of the affected area'],
  ),
  stated(
    'frontline-workers',
    'Frontline workers and responders',
    ['cr-p2', 'cr-p3'],
    ['Emergency responders', 'City frontline personnel'],
  ),
  stated(
    'psychosocial-providers',
    'Psychosocial support providers',
    ['cr-p5'],
    ['Health and mental-health services', 'Victim support organisations'],
  ),
  stated(
    'civil-society-and-communities',
    'Civil society organisations and community groups',
    ['cr-p3'],
    ['Standing safety network members', 'Community organisations', 'Community leaders'],
  ),
  stated(
    'targeted-or-at-risk-communities',
    'Targeted or at-risk communities',
    ['cr-p4', 'gm-p5'],
    ['Community targeted by the attack', 'Communities at risk of backlash'],
  ),
  generalised(
    'faith-and-cultural-venues',
    'Faith, cultural and sports venues',
    ['gm-p2'],
    ['Places of worship', 'Cultural venues', 'Sports venues'],
  ),
  stated(
    'media',
    'Media (local, national, international)',
    ['cr-p4'],
    ['Local press and broadcasters', 'National and international outlets'],
  ),
  stated(
    'online-platforms',
    'Online platforms and online communities',
    ['cr-p4', 'gm-p5'],
    ['Social media platforms', 'Local online groups'],
  ),
  stated(
    'plan-beneficiaries',
    'Residents as plan beneficiaries',
    ['cr-p7'],
    ['Resident representatives consulted in planning'],
  ),
  generalised('schools', 'Schools and education providers', ['gm-p3'], ['School leaders', 'Universities and colleges']),
  generalised(
    'businesses',
    'Local businesses and business associations',
    ['cr-p5'],
    ['Business improvement districts', 'Chambers of commerce'],
  ),
  generalised(
    'neighbouring-and-peer-cities',
    'Neighbouring and peer cities',
    ['cr-p1'],
    ['Neighbouring municipalities', 'Peer cities in networks such as Strong Cities'],
  ),
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

import { citeGuide } from '../guide/citation';
import { GUIDE_PAGES, type GuidePageId } from '../guide/pages';
import { GUIDE_BASES, type GuideSource } from '../../schemas/checklists';
import { choiceLabels } from '../../i18n/choices';
import { format, listOf } from '../../i18n/format';

/** The companion guide some items come from. */
export const MAYORS_GUIDE = {
  shortTitle: 'Guide for Mayors',
  publisher: 'Strong Cities Network',
  year: 2023,
} as const;

/** The chapter a guide page holds, as cited: "ch. 6 Preparing to Respond". */
export function chapterOf(source: GuideSource): string {
  return GUIDE_PAGES[source.page].chapter;
}

/**
 * The full citation of an item's source: "Guide for City-Led Response (Strong Cities Network,
 * 2024), ch. 6 Preparing to Respond", or the Guide for Mayors for items drawn from it.
 */
export function citeSource(source: GuideSource): string {
  const page = GUIDE_PAGES[source.page];
  return page.guide === 'city-led-response'
    ? citeGuide(page.chapter)
    : `${MAYORS_GUIDE.shortTitle} (${MAYORS_GUIDE.publisher}, ${MAYORS_GUIDE.year}), ${page.chapter}`;
}

/** "ch. 3 Public Communications and Conclusion": chapters joined as the desk's language joins a list. */
const joinWords = (parts: readonly string[]): string => listOf(parts);

/**
 * Page references as a reader can follow them: each guide named once with the chapters drawn on
 * ("Guide for City-Led Response (Strong Cities Network, 2024), ch. 3 Public Communications and
 * Conclusion"), never the desk's page ids. A reference the desk does not know is shown as written.
 */
export function citePages(pages: readonly string[]): string {
  const known = (p: string): p is GuidePageId => Object.hasOwn(GUIDE_PAGES, p);
  const chapters = (guide: 'city-led-response' | 'mayors') => [
    ...new Set(
      pages
        .filter(known)
        .filter((p) => GUIDE_PAGES[p].guide === guide)
        .map((p) => GUIDE_PAGES[p].chapter),
    ),
  ];
  const city = chapters('city-led-response');
  const mayors = chapters('mayors');
  const other = pages.filter((p) => !known(p));
  return [
    ...(city.length > 0 ? [citeGuide(joinWords(city))] : []),
    ...(mayors.length > 0
      ? [`${MAYORS_GUIDE.shortTitle} (${MAYORS_GUIDE.publisher}, ${MAYORS_GUIDE.year}), ${joinWords(mayors)}`]
      : []),
    ...(other.length > 0 ? [format('checklists.source.otherPages', { pages: other.join(', ') })] : []),
  ].join('; ');
}

/** How an item's basis is labelled, honestly: only stated items speak for the guide. */
export const BASIS_LABELS = choiceLabels('guideBasis', GUIDE_BASES);

/** One line under an item: where it comes from and how firmly. */
export function sourceLine(source: GuideSource | null, adapted: boolean): string {
  if (source === null) return format('checklists.source.city');
  if (adapted) return format('checklists.source.adapted', { citation: citeSource(source) });
  return source.basis === 'stated'
    ? format('checklists.source.stated', { basis: BASIS_LABELS.stated, citation: citeSource(source) })
    : format('checklists.source.generalised', { basis: BASIS_LABELS.generalised, citation: citeSource(source) });
}

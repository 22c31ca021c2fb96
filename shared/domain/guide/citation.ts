/**
 * The guide the desk follows. Everything the desk shows from it is paraphrased in our own
 * words and cited by chapter, so a reader can check it against the source.
 */
export const GUIDE = {
  title: 'A Guide for City-Led Response',
  shortTitle: 'Guide for City-Led Response',
  publisher: 'Strong Cities Network',
  year: 2024,
  url: 'https://strongcitiesnetwork.org/resource/a-guide-for-city-led-response/',
} as const;

/** "Guide for City-Led Response (Strong Cities Network, 2024), ch. 6 Preparing to Respond" */
export function citeGuide(chapter?: string): string {
  const base = `${GUIDE.shortTitle} (${GUIDE.publisher}, ${GUIDE.year})`;
  return chapter === undefined ? base : `${base}, ${chapter}`;
}

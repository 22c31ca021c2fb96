/** Web pages of the guides, with the chapter each one holds, as the desk cites it (checklist items and their schemas name these ids). */
export const GUIDE_PAGES = {
  'cr-p1': {
    guide: 'city-led-response',
    chapter: 'front matter',
    url: 'https://strongcitiesnetwork.org/resource/a-guide-for-city-led-response/',
  },
  'cr-p2': {
    guide: 'city-led-response',
    chapter: 'ch. 1 Mayoral Leadership Response',
    url: 'https://strongcitiesnetwork.org/resource/a-guide-for-city-led-response/2/',
  },
  'cr-p3': {
    guide: 'city-led-response',
    chapter: 'ch. 2 Community Engagement',
    url: 'https://strongcitiesnetwork.org/resource/a-guide-for-city-led-response/3/',
  },
  'cr-p4': {
    guide: 'city-led-response',
    chapter: 'ch. 3 Public Communications',
    url: 'https://strongcitiesnetwork.org/resource/a-guide-for-city-led-response/4/',
  },
  'cr-p5': {
    guide: 'city-led-response',
    chapter: 'ch. 4 Psychosocial Support',
    url: 'https://strongcitiesnetwork.org/resource/a-guide-for-city-led-response/5/',
  },
  'cr-p6': {
    guide: 'city-led-response',
    chapter: 'ch. 5 (title not retrieved)',
    url: 'https://strongcitiesnetwork.org/resource/a-guide-for-city-led-response/6/',
  },
  'cr-p7': {
    guide: 'city-led-response',
    chapter: 'ch. 6 Preparing to Respond',
    url: 'https://strongcitiesnetwork.org/resource/a-guide-for-city-led-response/7/',
  },
  'cr-p8': {
    guide: 'city-led-response',
    chapter: 'Conclusion',
    url: 'https://strongcitiesnetwork.org/resource/a-guide-for-city-led-response/8/',
  },
  'gm-p2': {
    guide: 'mayors',
    chapter: 'Overview',
    url: 'https://strongcitiesnetwork.org/resource/a-guide-for-mayors/2/',
  },
  'gm-p3': {
    guide: 'mayors',
    chapter: 'ch. 1 Preparation',
    url: 'https://strongcitiesnetwork.org/resource/a-guide-for-mayors/3/',
  },
  'gm-p4': {
    guide: 'mayors',
    chapter: 'ch. 2 Prevention',
    url: 'https://strongcitiesnetwork.org/resource/a-guide-for-mayors/4/',
  },
  'gm-p5': {
    guide: 'mayors',
    chapter: 'ch. 3 Response',
    url: 'https://strongcitiesnetwork.org/resource/a-guide-for-mayors/5/',
  },
  'gm-p6': {
    guide: 'mayors',
    chapter: 'closing page',
    url: 'https://strongcitiesnetwork.org/resource/a-guide-for-mayors/6/',
  },
} as const;
export type GuidePageId = keyof typeof GUIDE_PAGES;

import type { EntryContent } from '../../schemas/timeline';

/** What an entry's content says unless told otherwise, in the schema's order (first-hand, internal, unlinked, standing). */
const PLAIN: EntryContent = {
  occurredAt: 0,
  occurredPrecision: 'exact',
  reportedAt: null,
  category: 'event',
  title: '',
  body: '',
  source: '',
  sourceContactId: null,
  verification: 'unverified',
  tags: [],
  release: 'internal',
  links: [],
  onBehalfOf: null,
  transcribed: false,
  retracted: false,
  retractionReason: null,
};

/** An entry's content from what is said of it; every field not given is the plain default. */
export function plainEntry(fields: Pick<EntryContent, 'occurredAt' | 'title'> & Partial<EntryContent>): EntryContent {
  return { ...PLAIN, ...fields };
}

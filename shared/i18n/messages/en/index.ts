import contacts from './contacts.json';

/**
 * The domain's English catalogue, one file per area of the domain so that each area's words sit
 * together for a translator. Ids are unique across files (a test checks), so the parts merge
 * without one hiding another.
 */
export const DOMAIN_EN_PARTS = { contacts };

export const en = {
  ...contacts,
};

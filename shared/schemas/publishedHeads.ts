import { z } from 'zod';

// zod's own words come from the catalogue wherever a schema of the desk is checked.
import '../i18n/zodMessages';

import { choiceLabels } from '../i18n/choices';

/**
 * FORMAT: the log of published chain heads. Every time an incident's chain head leaves the desk
 * (a record exported, a backup written, a report printed, a verification run), the head is
 * appended here. Rows are never changed or removed, and they travel in every backup and record,
 * so a chain later cut short is caught against the highest head ever published.
 */
export const PUBLISHED_VIA = ['export', 'backup', 'print', 'verify'] as const;
export const PublishedViaSchema = z.enum(PUBLISHED_VIA);
export type PublishedVia = z.infer<typeof PublishedViaSchema>;

export const PublishedHeadSchema = z.object({
  id: z.string().min(1).max(100),
  incidentId: z.string().min(1).max(100),
  /** The chain's length when the head left the desk: the chainSeq of its newest revision (0: no revisions yet). */
  chainSeq: z.number().int().nonnegative(),
  /** The hash of that newest revision (the genesis hash for an empty chain). */
  headHash: z.string().regex(/^[0-9a-f]{64}$/),
  at: z.number().int().nonnegative(),
  via: PublishedViaSchema,
  /** The operator at the desk then. */
  by: z.string().min(1).max(120),
});
export type PublishedHead = z.infer<typeof PublishedHeadSchema>;

export const PUBLISHED_VIA_WORDS = choiceLabels('publishedVia', PUBLISHED_VIA);

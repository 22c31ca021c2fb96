import type { StatementStatus } from '@shared/schemas/statements';
import { showInstant } from '../../lib/LocaleContext';
import type { MessageId } from '../../i18n/messages';

/** "28 Mar 14:20" on the incident's clock. */
export const shortTime = (t: number, zone: string): string => showInstant(t, zone, 'day-month-time');

/** "28 Mar 2026 14:20" on the incident's clock. */
export const longTime = (t: number, zone: string): string => showInstant(t, zone, 'date-time');

/** What a status means for the person at the desk, in one line. */
export const STATUS_HINTS: Readonly<Record<StatementStatus, MessageId>> = {
  draft: 'statements.statusHint.draft',
  'in-review': 'statements.statusHint.inReview',
  approved: 'statements.statusHint.approved',
  released: 'statements.statusHint.released',
  withdrawn: 'statements.statusHint.withdrawn',
};

/** The first characters of a hash, for lists; the full hash is always shown beside it on demand. */
export const shortHash = (hash: string): string => `${hash.slice(0, 12)}…`;

import type { StatementStatus } from '@shared/schemas/statements';
import { showInstant } from '../../lib/LocaleContext';

/** "28 Mar 14:20" on the incident's clock. */
export const shortTime = (t: number, zone: string): string => showInstant(t, zone, 'day-month-time');

/** "28 Mar 2026 14:20" on the incident's clock. */
export const longTime = (t: number, zone: string): string => showInstant(t, zone, 'date-time');

/** What a status means for the person at the desk, in one line. */
export const STATUS_HINTS: Readonly<Record<StatementStatus, string>> = {
  draft: 'Being written. Fill every gap, then send it for review.',
  'in-review': 'With the approver. Nothing can change until it is approved or returned.',
  approved: 'Approved and frozen. Copy, export or release it. Any edit makes a new version.',
  released: 'Released. Any edit makes a new version that needs approval again.',
  withdrawn: 'Withdrawn. Kept for the record; it cannot be changed or released.',
};

/** The first characters of a hash, for lists; the full hash is always shown beside it on demand. */
export const shortHash = (hash: string): string => `${hash.slice(0, 12)}…`;

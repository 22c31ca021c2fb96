import type { EpochMs } from '../time';
import type { TimelineRevision } from '../../schemas/timeline';
import { chainOrder, newestRevisions } from './tree';

/**
 * The timeline exactly as it stood at `at`: for each entry, its newest revision recorded by
 * then. Entries logged later are absent; corrections made later are not yet applied. This
 * answers the inquiry's question "what did the city know, and when?".
 */
export function revisionsAsKnownAt(revisions: Iterable<TimelineRevision>, at: EpochMs): TimelineRevision[] {
  const known = [...revisions].filter((r) => r.recordedAt <= at);
  return [...newestRevisions(known).values()].sort(
    (a, b) => a.content.occurredAt - b.content.occurredAt || a.chainSeq - b.chainSeq || chainOrder(a, b),
  );
}

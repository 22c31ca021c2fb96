import type { EpochMs } from '../time';
import type { TimelineRevision } from '../../schemas/timeline';

/**
 * The timeline exactly as it stood at `at`: for each entry, its newest revision recorded by
 * then. Entries logged later are absent; corrections made later are not yet applied. This
 * answers the inquiry's question "what did the city know, and when?".
 */
export function revisionsAsKnownAt(revisions: Iterable<TimelineRevision>, at: EpochMs): TimelineRevision[] {
  const latest = new Map<string, TimelineRevision>();
  for (const r of revisions) {
    if (r.recordedAt > at) continue;
    const seen = latest.get(r.entryId);
    if (!seen || r.revisionNo > seen.revisionNo) latest.set(r.entryId, r);
  }
  return [...latest.values()].sort((a, b) => a.content.occurredAt - b.content.occurredAt || a.chainSeq - b.chainSeq);
}

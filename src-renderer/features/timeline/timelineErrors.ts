import { describeContentProblems } from '@shared/domain/timeline/contentCheck';
import { describeRevisionError } from '@shared/domain/timeline/revisions';

import type { TimelineWriteError } from '../../db/repos/timelineRepo';

export function describeTimelineError(e: TimelineWriteError): string {
  switch (e.code) {
    case 'not-found':
      return 'This entry no longer exists on this desk.';
    case 'busy':
      return 'The timeline is busy; try again.';
    case 'invalid':
      return `Not saved: ${describeContentProblems(e.problems)}`;
    default:
      return describeRevisionError(e);
  }
}

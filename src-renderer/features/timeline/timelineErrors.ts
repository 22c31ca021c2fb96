import { describeContentProblems } from '@shared/domain/timeline/contentCheck';
import { describeRevisionError } from '@shared/domain/timeline/revisions';

import type { TimelineWriteError } from '../../desk/timeline/writes';

export function describeTimelineError(e: TimelineWriteError): string {
  switch (e.code) {
    case 'not-found':
      return 'This entry no longer exists on this desk.';
    case 'busy':
      return 'The timeline is busy; try again.';
    case 'invalid':
      return `Not saved: ${describeContentProblems(e.problems)}`;
    case 'refused':
      return e.message;
    default:
      return describeRevisionError(e);
  }
}

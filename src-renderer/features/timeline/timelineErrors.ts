import { describeContentProblems } from '@shared/domain/timeline/contentCheck';
import { describeRevisionError } from '@shared/domain/timeline/revisions';

import type { TimelineWriteError } from '../../desk/timeline/writes';
import { t } from '../../i18n/messages';

export function describeTimelineError(e: TimelineWriteError): string {
  switch (e.code) {
    case 'not-found':
      return t('timeline.timelineErrors.thisEntryNoLongerExists');
    case 'busy':
      return t('timeline.timelineErrors.theTimelineIsBusyTry');
    case 'invalid':
      return t('timeline.timelineErrors.notSaved', { problems: describeContentProblems(e.problems) });
    case 'refused':
      return e.message;
    default:
      return describeRevisionError(e);
  }
}

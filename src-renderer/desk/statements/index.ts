import type { IdGenerator } from '@shared/domain/ids';
import type { Sha256Hex } from '@shared/domain/integrity/canonical';

import type { StatementsRepo } from '../../db/repos/statementsRepo';
import type { TimelineRepo } from '../../db/repos/timelineRepo';
import type { Door } from '../door';
import type { WriteQueue } from '../timeline/chain';
import { createDrafting } from './drafting';
import { createReview } from './review';
import { createTemplateLibrary } from './templates';
import { createTranslation } from './translation';

export type { StatementWriteError, TemplateWriteError } from './common';

/** The statements' use-cases (drafting, review and release, translation, the template library) over their store's reads. */
export function createStatementCases(deps: {
  door: Door;
  store: StatementsRepo;
  gen: IdGenerator;
  sha256: Sha256Hex;
  timeline: TimelineRepo;
  enqueue: WriteQueue;
}) {
  return {
    ...deps.store,
    ...createTemplateLibrary(deps),
    ...createDrafting(deps),
    ...createReview(deps),
    ...createTranslation(deps),
  };
}

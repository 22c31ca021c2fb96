import type { StatementDeps } from './common';
import { createDrafting } from './drafting';
import { createReview } from './review';
import { createTemplateLibrary } from './templates';
import { createTranslation } from './translation';

export type { StatementWriteError, TemplateWriteError } from './common';

/** The statements' use-cases (drafting, review and release, translation, the template library) over their store's reads. */
export function createStatementCases(deps: StatementDeps) {
  return {
    ...deps.store,
    ...createTemplateLibrary(deps),
    ...createDrafting(deps),
    ...createReview(deps),
    ...createTranslation(deps),
  };
}

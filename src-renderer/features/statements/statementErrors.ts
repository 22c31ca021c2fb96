import { languageLabel } from '@shared/domain/statements/languages';
import { describeStatementError } from '@shared/domain/statements/workflow';

import type { StatementWriteError, TemplateWriteError } from '../../desk/statements';

export function describeWriteError(e: StatementWriteError): string {
  return e.code === 'translation-exists' ? `There is already a ${languageLabel(e.language)} version of this statement. Open it from the list.` : describeStatementError(e);
}

export function describeTemplateError(e: TemplateWriteError): string {
  switch (e.code) {
    case 'invalid':
      return 'The template has problems; see the fields marked below.';
    case 'duplicate':
      return `This template already has a ${languageLabel(e.language)} version. Open it from the library instead.`;
    case 'not-found':
      return 'This template no longer exists on this desk.';
    case 'refused':
      return e.message;
  }
}

/** Words for an unexpected failure (a full disk, a closed database). */
export const failed = (what: string, e: unknown): string => `${what} failed: ${e instanceof Error ? e.message : String(e)}. Nothing was changed.`;

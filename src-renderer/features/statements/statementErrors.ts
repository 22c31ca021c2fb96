import { languageLabel } from '@shared/domain/statements/languages';
import { describeStatementError } from '@shared/domain/statements/workflow';

import type { StatementWriteError, TemplateWriteError } from '../../desk/statements';
import { t } from '../../i18n/messages';

export function describeWriteError(e: StatementWriteError): string {
  return e.code === 'translation-exists'
    ? t('statements.statementErrors.thereIsAlreadyAVersion', { language: languageLabel(e.language) })
    : describeStatementError(e);
}

export function describeTemplateError(e: TemplateWriteError): string {
  switch (e.code) {
    case 'invalid':
      return t('statements.statementErrors.theTemplateHasProblemsSee');
    case 'duplicate':
      return t('statements.statementErrors.thisTemplateAlreadyHasA', { language: languageLabel(e.language) });
    case 'not-found':
      return t('statements.statementErrors.thisTemplateNoLongerExists');
    case 'refused':
      return e.message;
  }
}

/** Words for an unexpected failure (a full disk, a closed database). */
export const failed = (what: string, e: unknown): string =>
  t('statements.failed', { what, error: e instanceof Error ? e.message : String(e) });

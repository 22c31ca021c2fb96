import { languageLabel } from '@shared/domain/statements/languages';
import { describeStatementError } from '@shared/domain/statements/workflow';

import type { Result } from '@shared/domain/result';

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

/**
 * Runs a statement write for a form: busy while it runs, and what went wrong, in words, through
 * `setProblem` (`what` names the action for a failure nobody expected). Gives the written value,
 * or null when nothing was written.
 */
export async function runStatementWrite<T>(
  what: string,
  write: () => Promise<Result<T, StatementWriteError>>,
  form: { setBusy: (busy: boolean) => void; setProblem: (problem: string) => void },
): Promise<T | null> {
  form.setBusy(true);
  try {
    const r = await write();
    if (r.ok) return r.value;
    form.setProblem(describeWriteError(r.error));
  } catch (e) {
    form.setProblem(failed(what, e));
  } finally {
    form.setBusy(false);
  }
  return null;
}

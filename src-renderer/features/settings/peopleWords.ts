import type { OperatorsError } from '../../desk/identity/operators';
import { isRowRefused, type WriteRefused } from '../../desk/door';
import { t } from '../../i18n/messages';

/** What went wrong with a change to the people at the desk, in words. */
export function describePeopleError(error: OperatorsError | WriteRefused): string {
  switch (error.code) {
    case 'invalid':
      return t('settings.people.invalid', { field: error.field, problem: error.problem });
    case 'same-name':
      return t('settings.people.sameName', { name: error.name });
    case 'unknown-person':
      return t('settings.people.unknown');
    case 'retired':
      return t('settings.people.retiredRefused', { name: error.name });
    case 'at-the-keyboard':
      return t('settings.people.atKeyboardRefused', { name: error.name });
    case 'not-set-up':
      return t('settings.operator.noSettings');
    case 'busy':
      return t('settings.people.busy');
    case 'refused':
      return isRowRefused(error) ? t('settings.people.refused', { problem: error.problem }) : error.message;
  }
}

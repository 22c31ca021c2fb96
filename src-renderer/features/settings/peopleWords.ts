import type { OperatorsError } from '../../desk/identity/operators';
import { isRowRefused, type WriteRefused } from '../../desk/door';
import { t, type MessageId } from '../../i18n/messages';

const PEOPLE_MESSAGES = {
  invalid: 'settings.people.invalid',
  'same-name': 'settings.people.sameName',
  'unknown-person': 'settings.people.unknown',
  retired: 'settings.people.retiredRefused',
  'at-the-keyboard': 'settings.people.atKeyboardRefused',
  'not-set-up': 'settings.operator.noSettings',
  busy: 'settings.people.busy',
} as const satisfies Record<OperatorsError['code'], MessageId>;

/**
 * What went wrong with a change to the people at the desk, in words; the error's own fields
 * (name, field, problem) fill the message.
 */
export function describePeopleError(error: OperatorsError | WriteRefused): string {
  if (error.code !== 'refused') return t(PEOPLE_MESSAGES[error.code], error);
  return isRowRefused(error) ? t('settings.people.refused', { problem: error.problem }) : error.message;
}

import { t } from './messages';

/**
 * A change the desk did not store, in the catalogue's words: a row the desk refused names what is
 * wrong with it; another window that kept changing the same thing keeps the desk's own sentence.
 */
export function describeNotWritten(e: { code: 'refused'; message: string }): string {
  return 'problem' in e && typeof e.problem === 'string'
    ? t('ui.notWritten.refused', { problem: e.problem })
    : e.message;
}

import type { Statement } from '../../schemas/statements';
import { choiceLabels } from '../../i18n/choices';

/**
 * Where a translation stands against its source:
 * - 'source-not-approved': the source has no approved version yet; nothing is final to translate;
 * - 'out-of-date': the source has a newer approved version than the one the translation's
 *   current version translates. Flagged until the translation is updated and approved again;
 * - 'needs-approval': it translates the source's newest approved version but is not approved;
 * - 'current': approved, and translating the source's newest approved version.
 */
export const TRANSLATION_STATES = ['source-not-approved', 'out-of-date', 'needs-approval', 'current'] as const;
export type TranslationState = (typeof TRANSLATION_STATES)[number];

export function translationState(
  translation: Pick<Statement, 'translatesVersionId' | 'status' | 'approvedVersionId' | 'headVersionId'>,
  source: Pick<Statement, 'approvedVersionId'>,
  /** The version the translation's approved version translates, when it differs from its head's. */
  approvedTranslates: string | null = translation.translatesVersionId,
): TranslationState {
  if (source.approvedVersionId === null) return 'source-not-approved';
  if (translation.translatesVersionId !== source.approvedVersionId) return 'out-of-date';
  const approvedIsHead =
    translation.approvedVersionId !== null && translation.approvedVersionId === translation.headVersionId;
  if (
    (translation.status === 'approved' || translation.status === 'released') &&
    approvedIsHead &&
    approvedTranslates === source.approvedVersionId
  )
    return 'current';
  return 'needs-approval';
}

export const TRANSLATION_STATE_LABELS = choiceLabels('translationState', TRANSLATION_STATES);

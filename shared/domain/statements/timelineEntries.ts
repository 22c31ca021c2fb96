import type { Approval, ReleaseChannel, Statement, StatementVersion } from '../../schemas/statements';
import { ENTRY_LIMITS, type EntryContent } from '../../schemas/timeline';
import { clampText } from '../text/clampText';
import { languageLabel } from './languages';
import { CHANNEL_LABELS } from './workflow';

const communication = (s: Pick<Statement, 'id'>, at: number, title: string, body: string): EntryContent => ({
  occurredAt: at,
  occurredPrecision: 'exact',
  reportedAt: null,
  category: 'communication',
  title: clampText(title, ENTRY_LIMITS.title),
  body: clampText(body, ENTRY_LIMITS.body),
  source: 'Statements',
  sourceContactId: null,
  verification: 'confirmed',
  tags: ['statement'],
  release: 'public',
  links: [{ kind: 'statement', id: s.id }],
  onBehalfOf: null,
  transcribed: false,
  retracted: false,
  retractionReason: null,
});

/**
 * The timeline entry that logs a release: a public communication at the release time, linked to
 * the statement, with the channels, the approval and its hash, then the released text itself, so
 * the incident's record shows what was said, when and where.
 */
export function releaseTimelineEntry(
  s: Pick<Statement, 'id' | 'title' | 'language'>,
  version: Pick<StatementVersion, 'number' | 'text'>,
  approval: Pick<Approval, 'approverName' | 'approverRole' | 'textHash'> | undefined,
  release: { channels: readonly ReleaseChannel[]; at: number; note: string },
): EntryContent {
  const header = [
    `Channels: ${release.channels.map((c) => CHANNEL_LABELS[c]).join(', ')}.`,
    approval
      ? `Approved by ${approval.approverName}, ${approval.approverRole}. SHA-256 of the approved text: ${approval.textHash}`
      : '',
    release.note.trim(),
  ].filter((line) => line !== '');
  return communication(
    s,
    release.at,
    `Statement released: ${s.title} (${languageLabel(s.language)}, version ${version.number})`,
    [...header, '', version.text].join('\n'),
  );
}

/** The timeline entry that logs the withdrawal of a statement that had been released. */
export function withdrawalTimelineEntry(
  s: Pick<Statement, 'id' | 'title' | 'language'>,
  at: number,
  reason: string,
): EntryContent {
  return communication(
    s,
    at,
    `Statement withdrawn: ${s.title} (${languageLabel(s.language)})`,
    `Reason: ${reason.trim()}`,
  );
}

import type { Approval, ReleaseChannel, Statement, StatementVersion } from '../../schemas/statements';
import { ENTRY_LIMITS, type EntryContent } from '../../schemas/timeline';
import { clampText } from '../text/clampText';
import { format } from '../../i18n/format';
import { languageLabel } from './languages';
import { CHANNEL_LABELS } from './workflow';

const communication = (s: Pick<Statement, 'id'>, at: number, title: string, body: string): EntryContent => ({
  occurredAt: at,
  occurredPrecision: 'exact',
  reportedAt: null,
  category: 'communication',
  title: clampText(title, ENTRY_LIMITS.title),
  body: clampText(body, ENTRY_LIMITS.body),
  source: format('statements.timeline.source'),
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
    format('statements.timeline.channels', {
      count: release.channels.length,
      channels: release.channels.map((c) => CHANNEL_LABELS[c]).join(', '),
    }),
    approval
      ? format('statements.timeline.approvedBy', {
          name: approval.approverName,
          role: approval.approverRole,
          hash: approval.textHash,
        })
      : '',
    release.note.trim(),
  ].filter((line) => line !== '');
  return communication(
    s,
    release.at,
    format('statements.timeline.released', {
      title: s.title,
      language: languageLabel(s.language),
      version: version.number,
    }),
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
    format('statements.timeline.withdrawn', { title: s.title, language: languageLabel(s.language) }),
    format('statements.timeline.reason', { reason: reason.trim() }),
  );
}

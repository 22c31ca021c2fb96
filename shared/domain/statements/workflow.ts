import type { Actor } from '../audit';
import { err, ok, type Result } from '../result';
import type { EpochMs } from '../time';
import type {
  Approval,
  PersonMention,
  ReleaseChannel,
  ReleaseRecord,
  SensitivityWarning,
  Statement,
  StatementStatus,
  StatementTemplate,
  StatementVersion,
} from '../../schemas/statements';
import { fillTemplate, hasValue } from './placeholders';
import { placeholderLabel } from './placeholderCatalogue';
import { format, type DomainMessageId } from '../../i18n/format';
import { choiceLabels } from '../../i18n/choices';
import { RELEASE_CHANNELS, STATEMENT_STATUSES } from '../../schemas/statements';

/**
 * A statement's life: draft → in review → approved → released, or withdrawn from any of them.
 *
 *   draft ──submit──▶ in-review ──approve──▶ approved ──release──▶ released
 *     ▲  ◀──reject/recall──┘                    │                     │
 *     └──────────────revise (a new version)─────┴─────────────────────┘
 *   draft | in-review | approved | released ──withdraw──▶ withdrawn (final)
 *
 * Approved text is frozen: it is never edited in place. Revising it makes a new version, back in
 * draft, which needs approval again; the approved version stays the one copied, exported and
 * released until a newer one is approved.
 */
export type StatementAction = 'edit' | 'submit' | 'recall' | 'approve' | 'reject' | 'revise' | 'release' | 'withdraw';

/** The statuses each action may start from; everything else is refused. */
export const ALLOWED_FROM: Readonly<Record<StatementAction, readonly StatementStatus[]>> = {
  edit: ['draft'],
  submit: ['draft'],
  recall: ['in-review'],
  approve: ['in-review'],
  reject: ['in-review'],
  revise: ['approved', 'released'],
  release: ['approved', 'released'],
  withdraw: ['draft', 'in-review', 'approved', 'released'],
};

export const canDo = (action: StatementAction, status: StatementStatus): boolean =>
  ALLOWED_FROM[action].includes(status);

export const STATUS_LABELS = choiceLabels('statementStatus', STATEMENT_STATUSES);

export const CHANNEL_LABELS = choiceLabels('releaseChannel', RELEASE_CHANNELS);

export type StatementError =
  | { code: 'not-allowed'; action: StatementAction; status: StatementStatus }
  | { code: 'approved-text-frozen'; status: StatementStatus }
  | { code: 'not-ready'; unfilled: string[]; malformed: number; empty: boolean }
  | { code: 'warnings-not-acknowledged'; count: number }
  | { code: 'missing'; field: 'title' | 'approver-name' | 'approver-role' | 'comment' | 'reason' | 'channels' }
  | { code: 'version-moved' }
  | { code: 'translation-out-of-date' }
  | { code: 'untranslated' }
  | { code: 'not-found'; what: 'statement' | 'version' | 'template' | 'incident' | 'source' }
  /** The change would store something the desk could not read back; `message` says what, in words. */
  | { code: 'refused'; message: string };

/** What a drafter saves: the title, the text with its placeholders, and the values given. */
export type DraftEdit = {
  readonly title: string;
  readonly body: string;
  readonly values: Readonly<Record<string, string>>;
};

/** Blank values are no values: dropped, so "unfilled" means the same everywhere. */
export function cleanValues(values: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => hasValue(v)));
}

const sameValues = (a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean => {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
};

function buildVersion(input: {
  id: string;
  statement: Pick<Statement, 'id' | 'incidentId' | 'language'>;
  number: number;
  edit: DraftEdit;
  autoFilled: readonly string[];
  translatesVersionId: string | null;
  note: string;
  actor: Actor;
}): StatementVersion {
  const values = cleanValues(input.edit.values);
  return {
    id: input.id,
    statementId: input.statement.id,
    incidentId: input.statement.incidentId,
    number: input.number,
    title: input.edit.title.trim(),
    language: input.statement.language,
    body: input.edit.body,
    values,
    autoFilled: input.autoFilled.filter((n) => values[n] !== undefined),
    text: fillTemplate(input.edit.body, values).text,
    translatesVersionId: input.translatesVersionId,
    note: input.note,
    createdAt: input.actor.now,
    createdBy: input.actor.operator,
  };
}

const touched = (actor: Actor): Pick<Statement, 'updatedAt' | 'updatedBy'> => ({
  updatedAt: actor.now,
  updatedBy: actor.operator,
});

export type StartInput = {
  statementId: string;
  versionId: string;
  incidentId: string;
  template: Pick<
    StatementTemplate,
    'id' | 'type' | 'language' | 'title' | 'audience' | 'body' | 'purpose' | 'dos' | 'donts' | 'pages'
  >;
  values: Readonly<Record<string, string>>;
  autoFilled: readonly string[];
  people: readonly PersonMention[];
  /** For a translation: what it translates. */
  translation: { sourceStatementId: string; translatesVersionId: string } | null;
  /** A body to start from instead of the template's (a translation begun from the source text). */
  body?: string;
  note: string;
  actor: Actor;
};

/** A new statement in draft, with its first version. */
export function startStatement(input: StartInput): { statement: Statement; version: StatementVersion } {
  const { template, actor } = input;
  const statement: Statement = {
    id: input.statementId,
    incidentId: input.incidentId,
    templateId: template.id,
    type: template.type,
    language: template.language,
    title: template.title,
    audience: template.audience,
    status: 'draft',
    headVersionId: input.versionId,
    headVersionNumber: 1,
    approvedVersionId: null,
    approvedVersionNumber: null,
    sourceStatementId: input.translation?.sourceStatementId ?? null,
    translatesVersionId: input.translation?.translatesVersionId ?? null,
    ticked: [],
    guidance: {
      purpose: template.purpose,
      dos: [...template.dos],
      donts: [...template.donts],
      pages: [...template.pages],
    },
    people: [...input.people],
    submission: null,
    returnedComment: null,
    releases: [],
    withdrawal: null,
    createdAt: actor.now,
    createdBy: actor.operator,
    updatedAt: actor.now,
    updatedBy: actor.operator,
  };
  const version = buildVersion({
    id: input.versionId,
    statement,
    number: 1,
    edit: { title: template.title, body: input.body ?? template.body, values: input.values },
    autoFilled: input.autoFilled,
    translatesVersionId: statement.translatesVersionId,
    note: input.note,
    actor,
  });
  return { statement, version };
}

export type VersionSaved = { statement: Statement; version: StatementVersion | null };

function checkEdit(edit: DraftEdit): Result<null, StatementError> {
  if (edit.title.trim() === '') return err({ code: 'missing', field: 'title' });
  return ok(null);
}

function appendVersion(
  s: Statement,
  head: StatementVersion,
  edit: DraftEdit,
  versionId: string,
  actor: Actor,
  opts: { note: string; status: StatementStatus; translatesVersionId: string | null },
): VersionSaved {
  const version = buildVersion({
    id: versionId,
    statement: s,
    number: head.number + 1,
    edit,
    autoFilled: head.autoFilled.filter((n) => edit.values[n] === head.values[n]),
    translatesVersionId: opts.translatesVersionId,
    note: opts.note,
    actor,
  });
  const statement: Statement = {
    ...s,
    title: version.title,
    status: opts.status,
    headVersionId: version.id,
    headVersionNumber: version.number,
    translatesVersionId: opts.translatesVersionId,
    submission: null,
    ...touched(actor),
  };
  return { statement, version };
}

const unchanged = (head: StatementVersion, edit: DraftEdit): boolean =>
  head.title === edit.title.trim() && head.body === edit.body && sameValues(head.values, cleanValues(edit.values));

/** A change of a statement's text, saved as its next version. */
type SaveEdit = (
  s: Statement,
  head: StatementVersion,
  edit: DraftEdit,
  versionId: string,
  actor: Actor,
) => Result<VersionSaved, StatementError>;

/**
 * An edit saved as the statement's next version, back in draft, once the caller has checked the
 * statement may take it: refused when someone saved a newer version meanwhile or the edit is invalid.
 */
function saveDraftVersion(
  s: Statement,
  head: StatementVersion,
  edit: DraftEdit,
  versionId: string,
  actor: Actor,
  how: { note: string; translatesVersionId: string | null; skipUnchanged: boolean },
): Result<VersionSaved, StatementError> {
  if (head.id !== s.headVersionId) return err({ code: 'version-moved' });
  const checked = checkEdit(edit);
  if (!checked.ok) return checked;
  if (how.skipUnchanged && unchanged(head, edit)) return ok({ statement: s, version: null });
  return ok(
    appendVersion(s, head, edit, versionId, actor, {
      note: how.note,
      status: 'draft',
      translatesVersionId: how.translatesVersionId,
    }),
  );
}

/**
 * Saves a draft's edit as a new version (nothing is written when nothing changed). Refused for
 * approved and released text, which is frozen: use reviseApproved.
 */
export const editDraft: SaveEdit = (s, head, edit, versionId, actor) => {
  if (s.status === 'approved' || s.status === 'released')
    return err({ code: 'approved-text-frozen', status: s.status });
  if (!canDo('edit', s.status)) return err({ code: 'not-allowed', action: 'edit', status: s.status });
  return saveDraftVersion(s, head, edit, versionId, actor, {
    note: 'Edited',
    translatesVersionId: s.translatesVersionId,
    skipUnchanged: true,
  });
};

/**
 * Edits approved (or released) text the only way it may be edited: as a new version, back in
 * draft, needing approval again. The approved version stays approved and exportable meanwhile.
 */
export const reviseApproved: SaveEdit = (s, head, edit, versionId, actor) => {
  if (!canDo('revise', s.status)) return err({ code: 'not-allowed', action: 'revise', status: s.status });
  return saveDraftVersion(s, head, edit, versionId, actor, {
    note: format('statements.note.editedAfterApproval', { version: String(s.approvedVersionNumber ?? head.number) }),
    translatesVersionId: s.translatesVersionId,
    skipUnchanged: true,
  });
};

/**
 * A translation brought up to a newer approved version of its source: a new version that says so
 * (with the edited text), back in draft, needing approval again.
 */
export function retargetTranslation(
  s: Statement,
  head: StatementVersion,
  edit: DraftEdit,
  source: { versionId: string; versionNumber: number },
  versionId: string,
  actor: Actor,
): Result<VersionSaved, StatementError> {
  if (s.sourceStatementId === null) return err({ code: 'not-found', what: 'source' });
  if (!['draft', 'approved', 'released'].includes(s.status))
    return err({ code: 'not-allowed', action: 'revise', status: s.status });
  // Even the same words are saved: the new version records which source version they now translate.
  return saveDraftVersion(s, head, edit, versionId, actor, {
    note: format('statements.note.translationUpdated', { version: String(source.versionNumber) }),
    translatesVersionId: source.versionId,
    skipUnchanged: false,
  });
}

/**
 * One of the drafts written apart on two desks kept: its text becomes the next version, whichever
 * desk's it was and even when it is the one shown, so every desk sees the statement settled (the
 * new version is made knowing both). Back in draft, needing approval again.
 */
export function keepDraftWrittenApart(
  s: Statement,
  head: StatementVersion,
  kept: StatementVersion,
  versionId: string,
  actor: Actor,
): Result<VersionSaved, StatementError> {
  if (!canDo('edit', s.status) && !canDo('revise', s.status))
    return err({ code: 'not-allowed', action: 'edit', status: s.status });
  return saveDraftVersion(s, head, { title: kept.title, body: kept.body, values: kept.values }, versionId, actor, {
    note: format('statements.note.keptDraftWrittenApart', { version: String(kept.number), by: kept.createdBy }),
    translatesVersionId: s.translatesVersionId,
    skipUnchanged: false,
  });
}

/** What blocks a version from review: unfilled placeholders, malformed braces, no text at all. */
export function readiness(version: Pick<StatementVersion, 'body' | 'values'>): {
  ready: boolean;
  unfilled: string[];
  malformed: number;
  empty: boolean;
} {
  const filled = fillTemplate(version.body, version.values);
  const empty = filled.text.trim() === '';
  return {
    ready: filled.unfilled.length === 0 && filled.malformed.length === 0 && !empty,
    unfilled: [...filled.unfilled],
    malformed: filled.malformed.length,
    empty,
  };
}

export type SubmitInput = {
  warnings: readonly SensitivityWarning[];
  overrideReason: string | null;
  ticked: readonly string[];
  /** For a translation: the text of the source version it translates. */
  sourceText?: string | null;
};

/** A translation whose text is still the source's, word for word: a copy waiting to be translated. */
export function isUntranslated(
  s: Pick<Statement, 'sourceStatementId'>,
  headText: string,
  sourceText: string | null | undefined,
): boolean {
  return s.sourceStatementId !== null && typeof sourceText === 'string' && headText.trim() === sourceText.trim();
}

/**
 * Sends the head version for review. Unfilled placeholders block it. Sensitivity warnings do not:
 * they are advice, but sending past them needs a reason, and both are recorded with the request.
 */
export function submitForReview(
  s: Statement,
  head: StatementVersion,
  input: SubmitInput,
  actor: Actor,
): Result<Statement, StatementError> {
  if (!canDo('submit', s.status)) return err({ code: 'not-allowed', action: 'submit', status: s.status });
  if (head.id !== s.headVersionId) return err({ code: 'version-moved' });
  const ready = readiness(head);
  if (!ready.ready)
    return err({ code: 'not-ready', unfilled: ready.unfilled, malformed: ready.malformed, empty: ready.empty });
  if (isUntranslated(s, head.text, input.sourceText)) return err({ code: 'untranslated' });
  const reason = input.overrideReason?.trim() ?? '';
  if (input.warnings.length > 0 && reason === '')
    return err({ code: 'warnings-not-acknowledged', count: input.warnings.length });
  const guidanceIds = [...s.guidance.dos, ...s.guidance.donts].map((g) => g.id);
  return ok({
    ...s,
    status: 'in-review',
    ticked: input.ticked.filter((t) => guidanceIds.includes(t)),
    submission: {
      versionId: head.id,
      at: actor.now,
      by: actor.operator,
      warnings: [...input.warnings],
      overrideReason: input.warnings.length > 0 ? reason : null,
      ticked: input.ticked.filter((t) => guidanceIds.includes(t)),
      guidanceCount: guidanceIds.length,
    },
    ...touched(actor),
  });
}

/** The drafter takes a statement back from review, to change it. */
export function recallFromReview(s: Statement, actor: Actor): Result<Statement, StatementError> {
  if (!canDo('recall', s.status)) return err({ code: 'not-allowed', action: 'recall', status: s.status });
  return ok({ ...s, status: 'draft', submission: null, ...touched(actor) });
}

export type DecisionInput = { approverName: string; approverRole: string; comment: string; textHash: string };

function decide(
  s: Statement,
  head: StatementVersion,
  input: DecisionInput,
  approvalId: string,
  actor: Actor,
  decision: 'approved' | 'rejected',
): Result<Approval, StatementError> {
  const action = decision === 'approved' ? 'approve' : 'reject';
  if (!canDo(action, s.status)) return err({ code: 'not-allowed', action, status: s.status });
  if (head.id !== s.headVersionId || (s.submission !== null && s.submission.versionId !== head.id))
    return err({ code: 'version-moved' });
  if (input.approverName.trim() === '') return err({ code: 'missing', field: 'approver-name' });
  if (input.approverRole.trim() === '') return err({ code: 'missing', field: 'approver-role' });
  if (decision === 'rejected' && input.comment.trim() === '') return err({ code: 'missing', field: 'comment' });
  return ok({
    id: approvalId,
    statementId: s.id,
    incidentId: s.incidentId,
    versionId: head.id,
    versionNumber: head.number,
    decision,
    approverName: input.approverName.trim(),
    approverRole: input.approverRole.trim(),
    comment: input.comment.trim(),
    textHash: input.textHash,
    at: actor.now,
    recordedBy: actor.operator,
    submission: s.submission,
  });
}

type Decided = Result<{ statement: Statement; approval: Approval }, StatementError>;

/** Records the decision on the version in review; the statement leaves review as `after` says. */
function decideAnd(
  decision: 'approved' | 'rejected',
  after: (approval: Approval) => Partial<Statement>,
): (s: Statement, head: StatementVersion, input: DecisionInput, approvalId: string, actor: Actor) => Decided {
  return (s, head, input, approvalId, actor) => {
    const approval = decide(s, head, input, approvalId, actor, decision);
    if (!approval.ok) return approval;
    return ok({
      statement: { ...s, ...after(approval.value), submission: null, ...touched(actor) },
      approval: approval.value,
    });
  };
}

/** Approves the version in review; `textHash` is the SHA-256 of its exact text. */
export const approveStatement = decideAnd('approved', (approval) => ({
  status: 'approved',
  approvedVersionId: approval.versionId,
  approvedVersionNumber: approval.versionNumber,
  returnedComment: null,
}));

/** Returns the version in review to draft with the approver's comment, which is required. */
export const rejectStatement = decideAnd('rejected', (approval) => ({
  status: 'draft',
  returnedComment: approval.comment,
}));

export type ReleaseInput = {
  releaseId: string;
  channels: readonly ReleaseChannel[];
  at: EpochMs;
  note: string;
  timelineEntryId: string;
};

/**
 * Records the release of the approved version on one or more channels. Only approved text is
 * released; a translation must translate the source's newest approved version.
 */
export function releaseStatement(
  s: Statement,
  input: ReleaseInput,
  actor: Actor,
  translationIsCurrent = true,
): Result<{ statement: Statement; release: ReleaseRecord }, StatementError> {
  if (!canDo('release', s.status) || s.approvedVersionId === null)
    return err({ code: 'not-allowed', action: 'release', status: s.status });
  const channels = [...new Set(input.channels)];
  if (channels.length === 0) return err({ code: 'missing', field: 'channels' });
  if (!translationIsCurrent) return err({ code: 'translation-out-of-date' });
  const release: ReleaseRecord = {
    id: input.releaseId,
    versionId: s.approvedVersionId,
    at: input.at,
    channels,
    note: input.note.trim(),
    recordedAt: actor.now,
    recordedBy: actor.operator,
    timelineEntryId: input.timelineEntryId,
  };
  return ok({
    statement: { ...s, status: 'released', releases: [...s.releases, release], ...touched(actor) },
    release,
  });
}

/** Withdraws a statement for good, with the reason. Its versions and approvals stay. */
export function withdrawStatement(s: Statement, reason: string, actor: Actor): Result<Statement, StatementError> {
  if (!canDo('withdraw', s.status)) return err({ code: 'not-allowed', action: 'withdraw', status: s.status });
  if (reason.trim() === '') return err({ code: 'missing', field: 'reason' });
  return ok({
    ...s,
    status: 'withdrawn',
    submission: null,
    withdrawal: { at: actor.now, by: actor.operator, reason: reason.trim() },
    ...touched(actor),
  });
}

const MISSING_FIELD_MESSAGES = {
  title: 'statements.error.missing.title',
  'approver-name': 'statements.error.missing.approverName',
  'approver-role': 'statements.error.missing.approverRole',
  comment: 'statements.error.missing.comment',
  reason: 'statements.error.missing.reason',
  channels: 'statements.error.missing.channels',
} as const satisfies Record<string, DomainMessageId>;

/** A statement error in words for the person at the desk. */
export function describeStatementError(e: StatementError): string {
  switch (e.code) {
    case 'not-allowed':
      if (e.action === 'release' && (e.status === 'draft' || e.status === 'in-review'))
        return format('statements.error.releaseUnapproved');
      if (e.action === 'edit' && e.status === 'in-review') return format('statements.error.editInReview');
      // ICU selectors are identifiers: 'in-review' is asked for as 'in_review'.
      return format('statements.error.notAllowed', { status: e.status.replace(/-/g, '_'), action: e.action });
    case 'approved-text-frozen':
      return format('statements.error.approvedTextFrozen');
    case 'not-ready': {
      const parts: string[] = [];
      if (e.unfilled.length > 0)
        parts.push(
          format('statements.error.notReady.unfilled', {
            count: e.unfilled.length,
            names: e.unfilled.map(placeholderLabel).join(', '),
          }),
        );
      if (e.malformed > 0) parts.push(format('statements.error.notReady.malformed', { count: e.malformed }));
      if (e.empty) parts.push(format('statements.error.notReady.empty'));
      return format('statements.error.notReady', { problems: parts.join('; ') });
    }
    case 'warnings-not-acknowledged':
      return format('statements.error.warningsOpen', { count: e.count });
    case 'missing':
      return format(MISSING_FIELD_MESSAGES[e.field]);
    case 'version-moved':
      return format('statements.error.versionMoved');
    case 'translation-out-of-date':
      return format('statements.error.translationOutOfDate');
    case 'untranslated':
      return format('statements.error.untranslated');
    case 'not-found':
      return format('statements.error.notFound', { what: e.what });
    case 'refused':
      return format('statements.error.refused', { message: e.message });
  }
}

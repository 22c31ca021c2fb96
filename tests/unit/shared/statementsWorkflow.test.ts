import { describe, expect, it } from 'vitest';

import {
  ALLOWED_FROM,
  approveStatement,
  describeStatementError,
  editDraft,
  readiness,
  recallFromReview,
  rejectStatement,
  releaseStatement,
  reviseApproved,
  submitForReview,
  withdrawStatement,
  type StatementAction,
  type StatementError,
} from '@shared/domain/statements/workflow';
import type { Result } from '@shared/domain/result';
import {
  STATEMENT_STATUSES,
  type SensitivityWarning,
  type Statement,
  type StatementStatus,
  type StatementVersion,
} from '@shared/schemas/statements';

import { T0, actor } from '../../factories/incident';
import { HOLDING_VALUES, makeDraft } from '../../factories/statements';

const HASH = 'ab'.repeat(32);
const at = (minutes: number) => actor({ now: T0 + minutes * 60_000 });
const decision = { approverName: 'Anna Hansen', approverRole: 'Mayor', comment: '', textHash: HASH };
const warning: SensitivityWarning = {
  code: 'glossary-term',
  key: 'glossary:illegals',
  message: '“illegals” appears once',
  advice: 'Prefer “migrants”.',
};

function must<T>(r: Result<T, StatementError>): T {
  if (!r.ok) throw new Error(describeStatementError(r.error));
  return r.value;
}

/** A statement walked to `status` the way a desk would. */
function statementIn(status: StatementStatus): { s: Statement; head: StatementVersion } {
  const { statement, version } = makeDraft();
  if (status === 'draft') return { s: statement, head: version };
  if (status === 'withdrawn')
    return { s: must(withdrawStatement(statement, 'Superseded by events', at(1))), head: version };
  const inReview = must(submitForReview(statement, version, { warnings: [], overrideReason: null, ticked: [] }, at(1)));
  if (status === 'in-review') return { s: inReview, head: version };
  const approved = must(approveStatement(inReview, version, decision, 'apr_1', at(2))).statement;
  if (status === 'approved') return { s: approved, head: version };
  return {
    s: must(
      releaseStatement(
        approved,
        { releaseId: 'rel_1', channels: ['press'], at: T0 + 180_000, note: '', timelineEntryId: 'tle_1' },
        at(3),
      ),
    ).statement,
    head: version,
  };
}

const edit = (head: StatementVersion, text = 'We stand with all families.') => ({
  title: head.title,
  body: text,
  values: head.values,
});

/** Each action, run from a given status with valid input. */
const ACTIONS: Record<StatementAction, (s: Statement, head: StatementVersion) => Result<unknown, StatementError>> = {
  edit: (s, head) => editDraft(s, head, edit(head), 'stv_new', at(5)),
  submit: (s, head) => submitForReview(s, head, { warnings: [], overrideReason: null, ticked: [] }, at(5)),
  recall: (s) => recallFromReview(s, at(5)),
  approve: (s, head) => approveStatement(s, head, decision, 'apr_new', at(5)),
  reject: (s, head) => rejectStatement(s, head, { ...decision, comment: 'Too long' }, 'apr_new', at(5)),
  revise: (s, head) => reviseApproved(s, head, edit(head), 'stv_new', at(5)),
  release: (s) =>
    releaseStatement(
      s,
      { releaseId: 'rel_new', channels: ['website'], at: T0, note: '', timelineEntryId: 'tle_new' },
      at(5),
    ),
  withdraw: (s) => withdrawStatement(s, 'No longer accurate', at(5)),
};

const EXPECTED_NEXT: Record<StatementAction, StatementStatus> = {
  edit: 'draft',
  submit: 'in-review',
  recall: 'draft',
  approve: 'approved',
  reject: 'draft',
  revise: 'draft',
  release: 'released',
  withdraw: 'withdrawn',
};

const nextStatus = (value: unknown): StatementStatus =>
  (value as { status?: StatementStatus }).status ?? (value as { statement: Statement }).statement.status;

const cases = (Object.keys(ACTIONS) as StatementAction[]).flatMap((action) =>
  STATEMENT_STATUSES.map((status) => [action, status] as const),
);

describe('statement workflow', () => {
  it.each(cases.filter(([a, s]) => ALLOWED_FROM[a].includes(s)))('allows %s from %s', (action, status) => {
    const { s, head } = statementIn(status);
    const r = ACTIONS[action](s, head);
    expect(r.ok, r.ok ? '' : describeStatementError(r.error)).toBe(true);
    if (r.ok) expect(nextStatus(r.value)).toBe(EXPECTED_NEXT[action]);
  });

  it.each(cases.filter(([a, s]) => !ALLOWED_FROM[a].includes(s)))(
    'refuses %s from %s with an error, changing nothing',
    (action, status) => {
      const { s, head } = statementIn(status);
      const before = structuredClone(s);
      const r = ACTIONS[action](s, head);
      expect(r.ok).toBe(false);
      expect(s).toEqual(before);
      if (!r.ok) expect(describeStatementError(r.error)).not.toBe('');
    },
  );

  it('refuses to release a draft, in words', () => {
    const { s } = statementIn('draft');
    const r = ACTIONS.release(s, statementIn('draft').head);
    expect(r.ok ? null : describeStatementError(r.error)).toBe(
      'Only approved text can be released. Send it for review and have it approved first.',
    );
  });

  it.each(['approved', 'released'] as const)('refuses to edit %s text in place: it is frozen', (status) => {
    const { s, head } = statementIn(status);
    const r = editDraft(s, head, edit(head), 'stv_new', at(5));
    expect(r.ok ? null : r.error).toEqual({ code: 'approved-text-frozen', status });
    expect(r.ok ? '' : describeStatementError(r.error)).toContain('Editing it creates a new version');
  });

  it('makes an edit of approved text a new version, back in draft, keeping the approved one', () => {
    const { s, head } = statementIn('approved');
    const r = must(reviseApproved(s, head, edit(head, 'Changed after approval'), 'stv_2', at(6)));
    expect(r.version).toMatchObject({
      id: 'stv_2',
      number: 2,
      text: 'Changed after approval',
      note: 'Edited after approval of version 1',
      createdBy: 'Ingrid Berg',
    });
    expect(r.statement).toMatchObject({
      status: 'draft',
      headVersionId: 'stv_2',
      headVersionNumber: 2,
      approvedVersionId: head.id,
      approvedVersionNumber: 1,
    });
    expect(head.text).not.toBe('Changed after approval');
  });

  it('saves a draft edit as a new numbered version with who and when, and nothing when nothing changed', () => {
    const { s, head } = statementIn('draft');
    expect(must(editDraft(s, head, edit(head, head.body), 'stv_x', at(4))).version).toBeNull();
    const r = must(editDraft(s, head, edit(head), 'stv_2', at(4)));
    expect(r.version).toMatchObject({
      number: 2,
      createdAt: T0 + 4 * 60_000,
      createdBy: 'Ingrid Berg',
      text: 'We stand with all families.',
    });
    expect(r.statement.headVersionNumber).toBe(2);
  });

  it('blocks review while a placeholder is unfilled, naming it', () => {
    const { statement, version } = makeDraft({ values: { ...HOLDING_VALUES, mayor_name: '', next_update_time: ' ' } });
    expect(readiness(version)).toMatchObject({ ready: false, unfilled: ['next_update_time', 'mayor_name'] });
    const r = submitForReview(statement, version, { warnings: [], overrideReason: null, ticked: [] }, at(1));
    expect(r.ok ? null : r.error).toEqual({
      code: 'not-ready',
      unfilled: ['next_update_time', 'mayor_name'],
      malformed: 0,
      empty: false,
    });
    expect(r.ok ? '' : describeStatementError(r.error)).toBe(
      "Not ready for review: these placeholders are still empty: Time of the next update, Mayor's name and title.",
    );
  });

  it('blocks review of malformed braces and of an empty text', () => {
    const broken = makeDraft({ body: 'Meet at {{venue' });
    expect(
      submitForReview(broken.statement, broken.version, { warnings: [], overrideReason: null, ticked: [] }, at(1)),
    ).toMatchObject({ ok: false, error: { code: 'not-ready', malformed: 1 } });
    const empty = makeDraft({ body: '   ' });
    expect(
      submitForReview(empty.statement, empty.version, { warnings: [], overrideReason: null, ticked: [] }, at(1)),
    ).toMatchObject({ ok: false, error: { code: 'not-ready', empty: true } });
  });

  it('treats warnings as advice: sending past them needs a reason, recorded with the request', () => {
    const { s, head } = statementIn('draft');
    const refused = submitForReview(s, head, { warnings: [warning], overrideReason: '  ', ticked: [] }, at(1));
    expect(refused.ok ? null : refused.error).toEqual({ code: 'warnings-not-acknowledged', count: 1 });
    const sent = must(
      submitForReview(
        s,
        head,
        {
          warnings: [warning],
          overrideReason: 'Term agreed with the community council',
          ticked: ['do-1', 'not-an-item'],
        },
        at(1),
      ),
    );
    expect(sent.submission).toEqual({
      versionId: head.id,
      at: T0 + 60_000,
      by: 'Ingrid Berg',
      warnings: [warning],
      overrideReason: 'Term agreed with the community council',
      ticked: ['do-1'],
      guidanceCount: 6,
    });
  });

  it('records the approver, their role, the comment and the text hash with an approval', () => {
    const { s, head } = statementIn('in-review');
    const r = must(approveStatement(s, head, { ...decision, comment: 'Good to go' }, 'apr_9', at(7)));
    expect(r.approval).toMatchObject({
      id: 'apr_9',
      decision: 'approved',
      approverName: 'Anna Hansen',
      approverRole: 'Mayor',
      comment: 'Good to go',
      textHash: HASH,
      versionId: head.id,
      versionNumber: 1,
      recordedBy: 'Ingrid Berg',
    });
    expect(r.approval.submission?.versionId).toBe(head.id);
    expect(r.statement).toMatchObject({ status: 'approved', approvedVersionId: head.id, submission: null });
  });

  it('needs an approver name and role', () => {
    const { s, head } = statementIn('in-review');
    expect(approveStatement(s, head, { ...decision, approverName: ' ' }, 'a', at(7))).toMatchObject({
      ok: false,
      error: { code: 'missing', field: 'approver-name' },
    });
    expect(approveStatement(s, head, { ...decision, approverRole: '' }, 'a', at(7))).toMatchObject({
      ok: false,
      error: { code: 'missing', field: 'approver-role' },
    });
  });

  it('returns a rejected statement to draft with the comment, which is required', () => {
    const { s, head } = statementIn('in-review');
    expect(rejectStatement(s, head, decision, 'a', at(7))).toMatchObject({
      ok: false,
      error: { code: 'missing', field: 'comment' },
    });
    const r = must(rejectStatement(s, head, { ...decision, comment: 'Remove the second paragraph' }, 'apr_2', at(7)));
    expect(r.statement).toMatchObject({
      status: 'draft',
      returnedComment: 'Remove the second paragraph',
      approvedVersionId: null,
    });
    expect(r.approval.decision).toBe('rejected');
  });

  it('records the channels and time of a release; a second release adds channels', () => {
    const { s } = statementIn('approved');
    expect(
      releaseStatement(s, { releaseId: 'r', channels: [], at: T0, note: '', timelineEntryId: 't' }, at(8)),
    ).toMatchObject({ ok: false, error: { code: 'missing', field: 'channels' } });
    const first = must(
      releaseStatement(
        s,
        {
          releaseId: 'rel_1',
          channels: ['press', 'website', 'press'],
          at: T0 + 60_000,
          note: 'Read out at the press point',
          timelineEntryId: 'tle_1',
        },
        at(8),
      ),
    );
    expect(first.release).toEqual({
      id: 'rel_1',
      versionId: s.approvedVersionId,
      at: T0 + 60_000,
      channels: ['press', 'website'],
      note: 'Read out at the press point',
      recordedAt: T0 + 8 * 60_000,
      recordedBy: 'Ingrid Berg',
      timelineEntryId: 'tle_1',
    });
    const second = must(
      releaseStatement(
        first.statement,
        { releaseId: 'rel_2', channels: ['community-partners'], at: T0, note: '', timelineEntryId: 'tle_2' },
        at(9),
      ),
    );
    expect(second.statement.releases.map((r) => r.channels)).toEqual([['press', 'website'], ['community-partners']]);
  });

  it('refuses to release an out-of-date translation', () => {
    const { s } = statementIn('approved');
    expect(
      releaseStatement(
        s,
        { releaseId: 'r', channels: ['press'], at: T0, note: '', timelineEntryId: 't' },
        at(8),
        false,
      ),
    ).toMatchObject({ ok: false, error: { code: 'translation-out-of-date' } });
  });

  it('needs a reason to withdraw, and keeps it', () => {
    const { s } = statementIn('released');
    expect(withdrawStatement(s, ' ', at(9))).toMatchObject({ ok: false, error: { code: 'missing', field: 'reason' } });
    expect(must(withdrawStatement(s, 'Facts changed', at(9))).withdrawal).toEqual({
      at: T0 + 9 * 60_000,
      by: 'Ingrid Berg',
      reason: 'Facts changed',
    });
  });

  it('refuses a decision on a version other than the one sent for review', () => {
    const { s, head } = statementIn('in-review');
    const other = { ...head, id: 'stv_other' };
    expect(approveStatement(s, other, decision, 'a', at(7))).toMatchObject({
      ok: false,
      error: { code: 'version-moved' },
    });
  });
});

import { useState, type ReactElement } from 'react';

import type { Actor } from '@shared/domain/audit';
import type { Approval, Statement, StatementVersion } from '@shared/schemas/statements';

import { useDesk } from '../../desk/DeskContext';
import { useAppStore } from '../../store';
import { Field, FormError } from '../../ui/Field';
import { TextAreaField, TextField } from '../../ui/FieldControls';
import { ApprovedText } from './ApprovedText';
import { VersionCompare } from './VersionCompare';
import { describeWriteError, runStatementWrite } from './statementErrors';
import { longTime } from './statementDisplay';
import { useTextHash } from './useTextHash';
import { t, type MessageId } from '../../i18n/messages';

export const APPROVER_ROLES: readonly MessageId[] = [
  'statements.approverRole.mayor',
  'statements.approverRole.deputyMayor',
  'statements.approverRole.chiefOfStaff',
  'statements.approverRole.communicationsLead',
  'statements.approverRole.policeLiaison',
];

type Props = {
  statement: Statement;
  head: StatementVersion;
  versions: readonly StatementVersion[];
  approvals: readonly Approval[];
  timeZone: string;
  actor: () => Actor;
};

/**
 * The approval view: the exact text that will be approved and its SHA-256, what the drafter sent
 * past (warnings, unticked guidance), and the approver's decision: approve, or return to draft
 * with a comment.
 */
export function ReviewPanel({ statement, head, versions, approvals, timeZone, actor }: Props): ReactElement {
  const { useCases } = useDesk();
  const showNotice = useAppStore((s) => s.showNotice);
  const lastApprover = [...approvals].reverse().find((a) => a.decision === 'approved');
  const [approverName, setApproverName] = useState(lastApprover?.approverName ?? '');
  const [approverRole, setApproverRole] = useState(lastApprover?.approverRole ?? '');
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [comparing, setComparing] = useState(false);
  const hash = useTextHash(head.text);
  const submission = statement.submission;
  const guidance = [...statement.guidance.dos, ...statement.guidance.donts];
  const unticked = guidance.filter((g) => !(submission?.ticked ?? []).includes(g.id));
  const lastApproved = statement.approvedVersionId
    ? versions.find((v) => v.id === statement.approvedVersionId)
    : undefined;

  const decide = async (decision: 'approve' | 'reject') => {
    setProblem(null);
    if (decision === 'reject' && comment.trim() === '')
      return setProblem(t('statements.reviewPanel.sayWhatNeedsToChange'));
    const input = { approverName, approverRole, comment };
    const decided = await runStatementWrite(
      t('statements.reviewPanel.recordingTheDecision'),
      () =>
        decision === 'approve'
          ? useCases.statements.approve(statement.id, input, actor())
          : useCases.statements.reject(statement.id, input, actor()),
      { setBusy, setProblem },
    );
    if (!decided) return;
    showNotice(
      'success',
      decision === 'approve'
        ? t('statements.reviewPanel.versionApprovedBy', {
            number: head.number,
            name: approverName.trim(),
            role: approverRole.trim(),
          })
        : t('statements.reviewPanel.versionReturnedToDraftWith', { number: head.number }),
    );
  };

  return (
    <section className="review" aria-labelledby="review-title">
      <h3 id="review-title">{t('statements.reviewPanel.approvalOfVersion', { number: head.number })}</h3>
      {submission && (
        <p className="muted">
          {t('statements.reviewPanel.sentForReviewByAt', { by: submission.by, at: longTime(submission.at, timeZone) })}
        </p>
      )}
      {submission && submission.warnings.length > 0 && (
        <div className="stmt-override" role="note" aria-label={t('statements.reviewPanel.warningsSentPast')}>
          <p>
            <strong>{t('statements.sentWithWarnings', { count: submission.warnings.length })}</strong>{' '}
            {t('statements.reviewPanel.reasonGiven', { reason: submission.overrideReason })}
          </p>
          <ul>
            {submission.warnings.map((w) => (
              <li key={w.key}>{w.message}</li>
            ))}
          </ul>
        </div>
      )}
      <p>
        {t('statements.reviewPanel.guidanceTickedByTheDrafter', {
          ticked: guidance.length - unticked.length,
          total: guidance.length,
        })}
        {unticked.length > 0 && (
          <>
            {' '}
            {t('statements.reviewPanel.notTicked', {
              items: unticked.map((g) => t('ui.quoted', { text: g.text })).join('; '),
            })}
          </>
        )}
      </p>

      <h4>{t('statements.reviewPanel.theTextToApproveExactly')}</h4>
      <ApprovedText
        text={head.text}
        language={head.language}
        label={t('statements.reviewPanel.textOfVersion', { number: head.number })}
      />
      <p className="hash">
        {t('statements.reviewPanel.sha256OfThisText')}{' '}
        <code data-testid="review-hash">{hash ?? t('statements.reviewPanel.computing')}</code>
      </p>
      {lastApproved && lastApproved.id !== head.id && (
        <>
          <button
            type="button"
            className="button button--small"
            aria-expanded={comparing}
            onClick={() => setComparing((c) => !c)}
          >
            {comparing
              ? t('statements.reviewPanel.hideTheChanges')
              : t('statements.reviewPanel.showTheChangesSinceVersion', { number: lastApproved.number })}
          </button>
          {comparing && <VersionCompare before={lastApproved} after={head} />}
        </>
      )}

      <form className="review__form" onSubmit={(e) => e.preventDefault()}>
        <h4>{t('statements.reviewPanel.decision')}</h4>
        <div className="form-row">
          <TextField
            label={t('statements.reviewPanel.approverSName')}
            hint={t('statements.reviewPanel.thePersonApprovingEvenWhen')}
            value={approverName}
            onChange={setApproverName}
            autoComplete="off"
          />
          <Field label={t('statements.reviewPanel.approverSRole')} hint={t('statements.reviewPanel.eGMayorOrThe')}>
            {({ id, describedBy }) => (
              <>
                <input
                  id={id}
                  aria-describedby={describedBy}
                  value={approverRole}
                  onChange={(e) => setApproverRole(e.target.value)}
                  list="approver-roles"
                  autoComplete="off"
                />
                <datalist id="approver-roles">
                  {APPROVER_ROLES.map((r) => (
                    <option key={r} value={t(r)} />
                  ))}
                </datalist>
              </>
            )}
          </Field>
        </div>
        <TextAreaField
          label={t('statements.reviewPanel.comment')}
          hint={t('statements.reviewPanel.requiredToReturnItTo')}
          rows={3}
          value={comment}
          onChange={setComment}
        />
        <FormError>{problem}</FormError>
        <div className="button-row">
          <button
            type="button"
            className="button button--primary"
            disabled={busy}
            onClick={() => void decide('approve')}
          >
            {t('statements.reviewPanel.approveVersion', { number: head.number })}
          </button>
          <button type="button" className="button" disabled={busy} onClick={() => void decide('reject')}>
            {t('statements.reviewPanel.returnToDraftWithComment')}
          </button>
          <button
            type="button"
            className="button button--ghost"
            disabled={busy}
            onClick={() =>
              void useCases.statements
                .recall(statement.id, actor())
                .then((r) =>
                  r.ok
                    ? showNotice('success', t('statements.reviewPanel.takenBackFromReviewIt'))
                    : setProblem(describeWriteError(r.error)),
                )
            }
          >
            {t('statements.reviewPanel.takeBackToDraft')}
          </button>
        </div>
      </form>
    </section>
  );
}

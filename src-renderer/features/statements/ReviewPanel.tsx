import { useState, type ReactElement } from 'react';

import type { Actor } from '@shared/domain/audit';
import type { Approval, Statement, StatementVersion } from '@shared/schemas/statements';

import { useDesk } from '../../desk/DeskContext';
import { useAppStore } from '../../store';
import { Field, FormError } from '../../ui/Field';
import { ApprovedText } from './ApprovedText';
import { VersionCompare } from './VersionCompare';
import { describeWriteError, failed } from './statementErrors';
import { longTime } from './statementDisplay';
import { useTextHash } from './useTextHash';
import { t } from '../../i18n/messages';

export const APPROVER_ROLES = ['Mayor', 'Deputy mayor', 'Chief of staff', 'Communications lead', 'Police liaison (operational facts)'];

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
  const lastApproved = statement.approvedVersionId ? versions.find((v) => v.id === statement.approvedVersionId) : undefined;

  const decide = async (decision: 'approve' | 'reject') => {
    setProblem(null);
    if (decision === 'reject' && comment.trim() === '') return setProblem('Say what needs to change: a comment is required to return it to draft.');
    setBusy(true);
    try {
      const input = { approverName, approverRole, comment };
      const r = decision === 'approve' ? await useCases.statements.approve(statement.id, input, actor()) : await useCases.statements.reject(statement.id, input, actor());
      if (!r.ok) return setProblem(describeWriteError(r.error));
      showNotice('success', decision === 'approve' ? `Version ${head.number} approved by ${approverName.trim()}, ${approverRole.trim()}.` : `Version ${head.number} returned to draft with the comment.`);
    } catch (e) {
      setProblem(failed('Recording the decision', e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="review" aria-labelledby="review-title">
      <h3 id="review-title">Approval of version {head.number}</h3>
      {submission && (
        <p className="muted">
          Sent for review by {submission.by} at {longTime(submission.at, timeZone)}.
        </p>
      )}
      {submission && submission.warnings.length > 0 && (
        <div className="stmt-override" role="note" aria-label="Warnings sent past">
          <p><strong>{t('statements.sentWithWarnings', { count: submission.warnings.length })}</strong> Reason given: “{submission.overrideReason}”</p>
          <ul>{submission.warnings.map((w) => <li key={w.key}>{w.message}</li>)}</ul>
        </div>
      )}
      <p>
        Guidance ticked by the drafter: {guidance.length - unticked.length} of {guidance.length}.
        {unticked.length > 0 && <> Not ticked: {unticked.map((g) => `“${g.text}”`).join('; ')}.</>}
      </p>

      <h4>The text to approve, exactly as it will go out</h4>
      <ApprovedText text={head.text} language={head.language} label={`Text of version ${head.number}`} />
      <p className="hash">SHA-256 of this text: <code data-testid="review-hash">{hash ?? 'computing…'}</code></p>
      {lastApproved && lastApproved.id !== head.id && (
        <>
          <button type="button" className="button button--small" aria-expanded={comparing} onClick={() => setComparing((c) => !c)}>
            {comparing ? 'Hide the changes' : `Show the changes since version ${lastApproved.number} (approved)`}
          </button>
          {comparing && <VersionCompare before={lastApproved} after={head} />}
        </>
      )}

      <form className="review__form" onSubmit={(e) => e.preventDefault()}>
        <h4>Decision</h4>
        <div className="form-row">
          <Field label="Approver's name" hint="The person approving, even when someone else records it.">
            {({ id, describedBy }) => <input id={id} aria-describedby={describedBy} value={approverName} onChange={(e) => setApproverName(e.target.value)} autoComplete="off" />}
          </Field>
          <Field label="Approver's role" hint="e.g. Mayor, or the police for operational facts.">
            {({ id, describedBy }) => (
              <>
                <input id={id} aria-describedby={describedBy} value={approverRole} onChange={(e) => setApproverRole(e.target.value)} list="approver-roles" autoComplete="off" />
                <datalist id="approver-roles">{APPROVER_ROLES.map((r) => <option key={r} value={r} />)}</datalist>
              </>
            )}
          </Field>
        </div>
        <Field label="Comment" hint="Required to return it to draft; optional with an approval.">
          {({ id, describedBy }) => <textarea id={id} aria-describedby={describedBy} rows={3} value={comment} onChange={(e) => setComment(e.target.value)} />}
        </Field>
        <FormError>{problem}</FormError>
        <div className="button-row">
          <button type="button" className="button button--primary" disabled={busy} onClick={() => void decide('approve')}>Approve version {head.number}</button>
          <button type="button" className="button" disabled={busy} onClick={() => void decide('reject')}>Return to draft with comment</button>
          <button type="button" className="button button--ghost" disabled={busy} onClick={() => void useCases.statements.recall(statement.id, actor()).then((r) => r.ok ? showNotice('success', 'Taken back from review; it is a draft again.') : setProblem(describeWriteError(r.error)))}>
            Take back to draft
          </button>
        </div>
      </form>
    </section>
  );
}

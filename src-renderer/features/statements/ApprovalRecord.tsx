import type { ReactElement } from 'react';

import type { Approval } from '@shared/schemas/statements';

import { longTime } from './statementDisplay';
import { t, tRich } from '../../i18n/messages';

/** One approval as the record keeps it: who, in what role, when, the comment and the hash of the text. */
export function ApprovalRecord({ approval, timeZone }: { approval: Approval; timeZone: string }): ReactElement {
  return (
    <div
      className="approval"
      role="group"
      aria-label={t('statements.approvalRecord.approvalOfVersion', { versionNumber: approval.versionNumber })}
    >
      <p className="approval__line">
        <span aria-hidden="true">✓ </span>
        {tRich(
          'statements.approvalRecord.approved',
          {
            version: approval.versionNumber,
            name: approval.approverName,
            role: approval.approverRole,
            at: longTime(approval.at, timeZone),
          },
          { strong: (chunks) => <strong>{chunks}</strong> },
        )}
        {approval.recordedBy !== approval.approverName && (
          <span className="muted">
            {' '}
            {t('statements.approvalRecord.recordedBy', { recordedBy: approval.recordedBy })}
          </span>
        )}
      </p>
      {approval.comment && <p className="approval__comment">{t('ui.quoted', { text: approval.comment })}</p>}
      <p className="hash">
        {t('statements.approvalRecord.sha256OfTheApproved')}{' '}
        <code data-testid="approval-hash">{approval.textHash}</code>
      </p>
    </div>
  );
}

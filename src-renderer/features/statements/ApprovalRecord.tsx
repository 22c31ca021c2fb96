import type { ReactElement } from 'react';

import type { Approval } from '@shared/schemas/statements';

import { longTime } from './statementDisplay';

/** One approval as the record keeps it: who, in what role, when, the comment and the hash of the text. */
export function ApprovalRecord({ approval, timeZone }: { approval: Approval; timeZone: string }): ReactElement {
  return (
    <div className="approval" role="group" aria-label={`Approval of version ${approval.versionNumber}`}>
      <p className="approval__line">
        <span aria-hidden="true">✓ </span>Version {approval.versionNumber} approved by <strong>{approval.approverName}</strong>, {approval.approverRole}, at {longTime(approval.at, timeZone)}
        {approval.recordedBy !== approval.approverName && <span className="muted"> (recorded by {approval.recordedBy})</span>}
      </p>
      {approval.comment && <p className="approval__comment">“{approval.comment}”</p>}
      <p className="hash">
        SHA-256 of the approved text: <code data-testid="approval-hash">{approval.textHash}</code>
      </p>
    </div>
  );
}

import type { ReactElement } from 'react';

import { STATUS_LABELS } from '@shared/domain/statements/workflow';
import type { StatementStatus } from '@shared/schemas/statements';

/** A statement's workflow status, in words and colour (never colour alone). */
export function StatusBadge({ status }: { status: StatementStatus }): ReactElement {
  return <span className={`badge stmt-status stmt-status--${status}`}>{STATUS_LABELS[status]}</span>;
}

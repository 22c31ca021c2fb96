import { useState, type ReactElement } from 'react';

import type { Actor } from '@shared/domain/audit';
import type { Statement } from '@shared/schemas/statements';

import { useDesk } from '../../desk/DeskContext';
import { useAppStore } from '../../store';
import { Dialog } from '../../ui/Dialog';
import { Field, FormError } from '../../ui/Field';
import { describeWriteError } from './statementErrors';

/** Withdraws a statement for good, with the reason; nothing of it is deleted. */
export function WithdrawDialog({ statement, actor, onClose }: { statement: Statement; actor: () => Actor; onClose: () => void }): ReactElement {
  const { useCases } = useDesk();
  const showNotice = useAppStore((s) => s.showNotice);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <Dialog title="Withdraw this statement?" onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void useCases.statements.withdraw(statement.id, reason, actor()).then((r) => {
            if (!r.ok) return setProblem(describeWriteError(r.error));
            showNotice('success', 'Statement withdrawn. It is kept for the record.');
            onClose();
          });
        }}
      >
        <p>A withdrawn statement cannot be released or changed again. Its versions and approvals are kept.{statement.status === 'released' && ' The withdrawal is logged on the timeline.'}</p>
        <Field label="Why is it withdrawn?">
          {({ id, describedBy }) => <textarea id={id} aria-describedby={describedBy} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />}
        </Field>
        <FormError>{problem}</FormError>
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>Keep it</button>
          <button type="submit" className="button button--danger">Withdraw</button>
        </div>
      </form>
    </Dialog>
  );
}

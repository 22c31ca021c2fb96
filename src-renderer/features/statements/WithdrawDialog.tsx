import { useState, type ReactElement } from 'react';

import type { Actor } from '@shared/domain/audit';
import type { Statement } from '@shared/schemas/statements';

import { useDesk } from '../../desk/DeskContext';
import { useAppStore } from '../../store';
import { Dialog } from '../../ui/Dialog';
import { DialogActions, FormError } from '../../ui/Field';
import { TextAreaField } from '../../ui/FieldControls';
import { describeWriteError } from './statementErrors';
import { t } from '../../i18n/messages';
import { DeskForm } from '../../ui/DeskForm';

/** Withdraws a statement for good, with the reason; nothing of it is deleted. */
export function WithdrawDialog({
  statement,
  actor,
  onClose,
}: {
  statement: Statement;
  actor: () => Actor;
  onClose: () => void;
}): ReactElement {
  const { useCases } = useDesk();
  const showNotice = useAppStore((s) => s.showNotice);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <Dialog title={t('statements.withdrawDialog.withdrawThisStatement')} onClose={onClose}>
      <DeskForm
        onSubmit={() => {
          void useCases.statements.withdraw(statement.id, reason, actor()).then((r) => {
            if (!r.ok) return setProblem(describeWriteError(r.error));
            showNotice('success', t('statements.withdrawDialog.statementWithdrawnItIsKept'));
            onClose();
          });
        }}
      >
        <p>
          {t('statements.withdrawDialog.aWithdrawnStatementCannotBe')}
          {statement.status === 'released' && ` ${t('statements.withdrawDialog.theWithdrawalIsLoggedOn')}`}
        </p>
        <TextAreaField
          label={t('statements.withdrawDialog.whyIsItWithdrawn')}
          rows={3}
          value={reason}
          onChange={setReason}
        />
        <FormError>{problem}</FormError>
        <DialogActions cancelLabel={t('statements.withdrawDialog.keepIt')} onCancel={onClose}>
          <button type="submit" className="button button--danger">
            {t('statements.withdrawDialog.withdraw')}
          </button>
        </DialogActions>
      </DeskForm>
    </Dialog>
  );
}

import { useState, type ReactElement } from 'react';

import type { SensitivityWarning } from '@shared/schemas/statements';

import { Dialog } from '../../ui/Dialog';
import { FormActions } from '../../ui/Field';
import { TextAreaField } from '../../ui/FieldControls';
import { t } from '../../i18n/messages';
import { DeskForm } from '../../ui/DeskForm';

type Props = {
  warnings: readonly SensitivityWarning[];
  unticked: number;
  onSend: (overrideReason: string | null) => Promise<string | null>;
  onClose: () => void;
};

/**
 * The last look before review: open warnings need a reason to send past them (recorded with the
 * request and shown to the approver); unticked guidance is mentioned, never enforced.
 */
export function SubmitDialog({ warnings, unticked, onSend, onClose }: Props): ReactElement {
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Dialog title={t('statements.submitDialog.sendForReview')} onClose={onClose}>
      <DeskForm
        onSubmit={() => {
          if (warnings.length > 0 && reason.trim() === '')
            return setProblem(t('statements.submitDialog.sayWhyItShouldGo'));
          setBusy(true);
          void onSend(warnings.length > 0 ? reason.trim() : null).then((p) => {
            setBusy(false);
            setProblem(p);
          });
        }}
      >
        {warnings.length > 0 && (
          <>
            <p>
              <strong>{t('statements.openWarnings', { count: warnings.length })}</strong>
            </p>
            <ul className="sensitivity__list">
              {warnings.map((w) => (
                <li key={w.key} className="sensitivity__item">
                  {w.message}
                </li>
              ))}
            </ul>
            <TextAreaField
              label={t('statements.submitDialog.whySendItAsIt')}
              hint={t('statements.submitDialog.recordedWithThisVersionAnd')}
              rows={3}
              value={reason}
              onChange={setReason}
            />
          </>
        )}
        {unticked > 0 && (
          <p className="muted">{t('statements.submitDialog.theApproverWillSeeThis', { count: unticked })}</p>
        )}
        {warnings.length === 0 && unticked === 0 && <p>{t('statements.submitDialog.theTextHasNoOpen')}</p>}
        <FormActions
          failure={problem}
          cancelLabel={t('statements.submitDialog.keepEditing')}
          onCancel={onClose}
          submitLabel={
            warnings.length > 0
              ? t('statements.submitDialog.sendWithTheWarningsNoted')
              : t('statements.submitDialog.sendForReview2')
          }
          busy={busy}
        />
      </DeskForm>
    </Dialog>
  );
}

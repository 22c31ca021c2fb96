import { useEffect, useRef, type ReactElement } from 'react';

import { Dialog } from '../../ui/Dialog';
import { t } from '../../i18n/messages';
import { DialogActions } from '../../ui/Field';
import { textIn } from './textIn';

/** Where the clipboard cannot be reached: the exact text, selected, to copy by keyboard. */
export function CopyFallbackDialog({
  text,
  language,
  onClose,
}: {
  text: string;
  language: string;
  onClose: () => void;
}): ReactElement {
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, []);
  return (
    <Dialog title={t('statements.copyFallbackDialog.copyTheApprovedText')} onClose={onClose} wide>
      <p role="status">{t('statements.copyFallbackDialog.theDeskCouldNotReach')}</p>
      <label htmlFor="copy-fallback" className="visually-hidden">
        {t('statements.copyFallbackDialog.approvedText')}
      </label>
      <textarea id="copy-fallback" ref={ref} readOnly rows={12} value={text} {...textIn(language)} />
      <DialogActions cancelLabel={t('statements.copyFallbackDialog.done')} onCancel={onClose}></DialogActions>
    </Dialog>
  );
}

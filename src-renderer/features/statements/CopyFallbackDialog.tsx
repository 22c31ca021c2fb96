import { useEffect, useRef, type ReactElement } from 'react';

import { Dialog } from '../../ui/Dialog';
import { t } from '../../i18n/messages';
import { DialogActions } from '../../ui/Field';
import { textIn } from './textIn';
import { HiddenLabel } from '../../ui/HiddenLabel';

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
      <HiddenLabel htmlFor="copy-fallback">{t('statements.copyFallbackDialog.approvedText')}</HiddenLabel>
      <textarea id="copy-fallback" ref={ref} readOnly rows={12} value={text} {...textIn(language)} />
      <DialogActions cancelLabel={t('statements.copyFallbackDialog.done')} onCancel={onClose}></DialogActions>
    </Dialog>
  );
}

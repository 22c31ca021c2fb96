import { useEffect, useRef, type ReactElement, type ReactNode } from 'react';
import { t } from '../i18n/messages';

type DialogProps = {
  title: string;
  onClose: () => void;
  children: ReactNode;
  wide?: boolean;
  /** False for a question that must be answered: no close button, and Escape does nothing. */
  dismissible?: boolean;
};

/** A modal dialog on the native <dialog> element: focus is trapped and Escape closes it. */
export function Dialog({ title, onClose, children, wide = false, dismissible = true }: DialogProps): ReactElement {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className={`dialog${wide ? ' dialog--wide' : ''}`}
      aria-labelledby="dialog-title"
      onCancel={(e) => {
        e.preventDefault();
        if (dismissible) onClose();
      }}
    >
      <header className="dialog__header">
        <h2 id="dialog-title">{title}</h2>
        {dismissible && (
          <button type="button" className="button button--ghost" onClick={onClose} aria-label={t('ui.dialog.close')}>
            ✕
          </button>
        )}
      </header>
      <div className="dialog__body">{children}</div>
    </dialog>
  );
}

import { useId, type SyntheticEvent, type ReactElement, type ReactNode } from 'react';

/** The ids that tie a control to its label, hint and error. */
export type FieldIds = { id: string; describedBy: string | undefined; invalid: boolean };

type FieldProps = {
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  /** Renders the control with the ids that tie it to its label, hint and error. */
  children: (ids: FieldIds) => ReactElement;
};

/** A labelled form control with its hint and its error message, announced to screen readers. */
export function Field({ label, hint, error, children }: FieldProps): ReactElement {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {children({ id, describedBy, invalid: Boolean(error) })}
      {error && (
        <p className="field__error" id={errorId} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

export function FormError({ children }: { children: ReactNode }): ReactElement | null {
  if (!children) return null;
  return (
    <p className="form-error" role="alert">
      {children}
    </p>
  );
}

/** A dialog's row of buttons: the one that leaves without doing anything first, then what the dialog does. */
export function DialogActions({
  cancelLabel,
  onCancel,
  children,
}: {
  cancelLabel: string;
  onCancel: () => void;
  children?: ReactNode;
}): ReactElement {
  return (
    <div className="dialog__actions">
      <button type="button" className="button" onClick={onCancel}>
        {cancelLabel}
      </button>
      {children}
    </div>
  );
}

/** A form's footer: what went wrong, if anything, then the button that leaves and the one that submits. */
export function FormActions({
  failure,
  cancelLabel,
  onCancel,
  submitLabel,
  busy = false,
}: {
  failure: ReactNode;
  cancelLabel: string;
  onCancel: () => void;
  submitLabel: string;
  busy?: boolean;
}): ReactElement {
  return (
    <>
      <FormError>{failure}</FormError>
      <DialogActions cancelLabel={cancelLabel} onCancel={onCancel}>
        <button type="submit" className="button button--primary" disabled={busy}>
          {submitLabel}
        </button>
      </DialogActions>
    </>
  );
}

/** A form's submit handler: the browser's own submission stopped, the form busy while `work` runs (it clears busy itself when the form stays). */
export function busySubmit(
  setBusy: (busy: boolean) => void,
  work: () => Promise<void>,
): (e: SyntheticEvent<HTMLFormElement>) => void {
  return (e) => {
    e.preventDefault();
    setBusy(true);
    void work();
  };
}

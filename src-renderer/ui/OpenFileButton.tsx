import type { ReactElement } from 'react';

import type { Result } from '@shared/domain/result';

/**
 * A button that asks for a file and hands it on. The last problem is cleared as the dialog opens,
 * a refused file is reported through `onProblem` in words, and a cancelled dialog does nothing.
 */
export function OpenFileButton<F>({
  label,
  open,
  onOpened,
  onProblem,
  disabled = false,
}: {
  label: string;
  /** The platform's file dialog; null when the person cancelled it. */
  open: () => Promise<Result<F | null, { message: string }>>;
  onOpened: (file: F) => void;
  onProblem: (problem: string | null) => void;
  disabled?: boolean;
}): ReactElement {
  return (
    <button
      type="button"
      className="button"
      disabled={disabled}
      onClick={() => {
        onProblem(null);
        void open().then((r) => {
          if (!r.ok) onProblem(r.error.message);
          else if (r.value) onOpened(r.value);
        });
      }}
    >
      {label}
    </button>
  );
}

import type { ReactElement, ReactNode } from 'react';

import { TextField } from '../../ui/FieldControls';

/** A form of the team screen: submitting it runs `onSubmit` instead of loading a page. */
export function TeamForm({
  onSubmit,
  className,
  children,
}: {
  onSubmit: () => void;
  className?: string;
  children: ReactNode;
}): ReactElement {
  return (
    <form
      className={className}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      {children}
    </form>
  );
}

/** The button that submits a team form, off while the desk's services answer the last request. */
export function SubmitButton({
  label,
  busy,
  kind = 'primary',
}: {
  label: string;
  busy: boolean;
  kind?: 'primary' | 'danger' | 'plain';
}): ReactElement {
  return (
    <button type="submit" className={kind === 'plain' ? 'button' : `button button--${kind}`} disabled={busy}>
      {label}
    </button>
  );
}

/** A desk's or a team's name, as the roster keeps it: one line, at most 120 characters. */
export function NameField(props: {
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
}): ReactElement {
  return <TextField {...props} required maxLength={120} />;
}

/** Text that must be typed exactly as given (an address, a folder, a desk key): required, never marked by the spell checker. */
export function VerbatimField(props: Omit<Parameters<typeof TextField>[0], 'required' | 'spellCheck'>): ReactElement {
  return <TextField {...props} required spellCheck={false} />;
}

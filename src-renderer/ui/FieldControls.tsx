import type { InputHTMLAttributes, ReactElement, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';

import { Field } from './Field';

/** What every labelled control takes: its label, a hint under it, and the error that makes it invalid. */
type Labels = { label: string; hint?: string | undefined; error?: string | undefined };

/** The attributes the field sets itself: the ids that tie the control to its label, hint and error. */
type Tied = 'id' | 'aria-describedby' | 'aria-invalid' | 'value' | 'onChange' | 'children';

type TextFieldProps = Labels &
  Omit<InputHTMLAttributes<HTMLInputElement>, Tied> & { value: string; onChange: (value: string) => void };

/** A labelled one-line text input; `onChange` hears the new text. */
export function TextField({ label, hint, error, value, onChange, ...input }: TextFieldProps): ReactElement {
  return (
    <Field label={label} hint={hint} error={error}>
      {({ id, describedBy, invalid }) => (
        <input
          {...input}
          id={id}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

type TextAreaFieldProps = Labels &
  Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, Tied> & { value: string; onChange: (value: string) => void };

/** A labelled text area; `onChange` hears the new text. */
export function TextAreaField({ label, hint, error, value, onChange, ...area }: TextAreaFieldProps): ReactElement {
  return (
    <Field label={label} hint={hint} error={error}>
      {({ id, describedBy, invalid }) => (
        <textarea
          {...area}
          id={id}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

type SelectFieldProps = Labels &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, Tied> & {
    value: string;
    onChange: (value: string) => void;
    /** The `<option>`s, labelled where the caller looks their words up. */
    children: ReactNode;
  };

/** A labelled choice from a list; `onChange` hears the chosen value. */
export function SelectField({
  label,
  hint,
  error,
  value,
  onChange,
  children,
  ...select
}: SelectFieldProps): ReactElement {
  return (
    <Field label={label} hint={hint} error={error}>
      {({ id, describedBy, invalid }) => (
        <select
          {...select}
          id={id}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        >
          {children}
        </select>
      )}
    </Field>
  );
}

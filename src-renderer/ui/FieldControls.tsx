import type {
  ChangeEvent,
  InputHTMLAttributes,
  ReactElement,
  ReactNode,
  SelectHTMLAttributes,
  TextareaHTMLAttributes,
} from 'react';

import { Field, type FieldIds } from './Field';

/** What every labelled control takes: its label, a hint under it, and the error that makes it invalid. */
type Labels = { label: string; hint?: string | undefined; error?: string | undefined };

/** A control's text, and what hears it change. */
type Text = { value: string; onChange: (value: string) => void };

/** The attributes the field sets itself: the ids that tie the control to its label, hint and error, and its text. */
type Tied = 'id' | 'aria-describedby' | 'aria-invalid' | 'value' | 'onChange' | 'children';

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

const tied = ({ id, describedBy, invalid }: FieldIds, { value, onChange }: Text) => ({
  id,
  'aria-describedby': describedBy,
  'aria-invalid': invalid,
  value,
  onChange: (e: ChangeEvent<Control>) => onChange(e.target.value),
});

/** A labelled one-line text input; `onChange` hears the new text. */
export function TextField(props: Labels & Text & Omit<InputHTMLAttributes<HTMLInputElement>, Tied>): ReactElement {
  const { label, hint, error, value, onChange, ...input } = props;
  return <Field {...{ label, hint, error }}>{(ids) => <input {...input} {...tied(ids, { value, onChange })} />}</Field>;
}

/** A labelled text area; `onChange` hears the new text. */
export function TextAreaField(
  props: Labels & Text & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, Tied>,
): ReactElement {
  const { label, hint, error, value, onChange, ...area } = props;
  return (
    <Field {...{ label, hint, error }}>{(ids) => <textarea {...area} {...tied(ids, { value, onChange })} />}</Field>
  );
}

/** A labelled choice from a list; the `<option>`s come as children, labelled where the caller looks their words up. */
export function SelectField(
  props: Labels & Text & Omit<SelectHTMLAttributes<HTMLSelectElement>, Tied> & { children: ReactNode },
): ReactElement {
  const { label, hint, error, value, onChange, children, ...select } = props;
  return (
    <Field {...{ label, hint, error }}>
      {(ids) => (
        <select {...select} {...tied(ids, { value, onChange })}>
          {children}
        </select>
      )}
    </Field>
  );
}

import {
  useId,
  type ChangeEvent,
  type InputHTMLAttributes,
  type ReactElement,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';

import { DateInput, TimeInput } from './DateTimeInputs';
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

/** A labelled date, typed in the desk's order and shown back the desk's way; `onChange` hears the text. */
export function DateField(props: Labels & Text & { name?: string }): ReactElement {
  const { label, hint, error, ...input } = props;
  return <Field {...{ label, hint, error }}>{(ids) => <DateInput {...input} {...readerIds(ids)} />}</Field>;
}

/** A labelled time of day in the desk's clock; `onChange` hears the text. */
export function TimeField(props: Labels & Text & { name?: string }): ReactElement {
  const { label, hint, error, ...input } = props;
  return <Field {...{ label, hint, error }}>{(ids) => <TimeInput {...input} {...readerIds(ids)} />}</Field>;
}

const readerIds = ({ id, describedBy, invalid }: FieldIds) => ({ id, describedBy, invalid });

/** A box to tick, its words beside it (the label holds both, so a click on the words ticks it); `onChange` hears whether it is ticked. */
export function CheckboxField({
  label,
  checked,
  onChange,
  className,
  name,
}: {
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** Classes beside `checkbox`, for where the box sits. */
  className?: string;
  name?: string;
}): ReactElement {
  return (
    <label className={className ? `checkbox ${className}` : 'checkbox'}>
      <input type="checkbox" name={name} checked={checked} onChange={(e) => onChange(e.target.checked)} /> {label}
    </label>
  );
}

/**
 * A question answered with one of `choices` (each a value and its words), as radio buttons under
 * a legend; the label holds each button and its words, so a click on the words chooses it.
 */
export function RadioGroup<V extends string | boolean>({
  legend,
  value,
  onChange,
  choices,
}: {
  legend: string;
  value: V;
  onChange: (value: V) => void;
  choices: readonly (readonly [V, string])[];
}): ReactElement {
  // The buttons' group name, unique on the page so that two open groups never share their buttons.
  const name = useId();
  return (
    <fieldset className="fieldset">
      <legend>{legend}</legend>
      {choices.map(([choice, words]) => (
        <label key={String(choice)} className="checkbox">
          <input type="radio" name={name} checked={value === choice} onChange={() => onChange(choice)} /> {words}
        </label>
      ))}
    </fieldset>
  );
}

/** A labelled choice from `choices`, each shown in the words `labelOf` gives it; `onChange` hears the choice. */
export function ChoiceField<V extends string>(
  props: Labels &
    Omit<SelectHTMLAttributes<HTMLSelectElement>, Tied> & {
      /** The choice as the form holds it (text until the form reads it). */
      value: string;
      onChange: (value: NoInfer<V>) => void;
      choices: readonly V[];
      labelOf: (choice: V) => string;
    },
): ReactElement {
  const { choices, labelOf, onChange, ...select } = props;
  return (
    // The select offers only `choices`, so what it hears is one of them.
    <SelectField {...select} onChange={(value) => onChange(value as V)}>
      {choices.map((choice) => (
        <option key={choice} value={choice}>
          {labelOf(choice)}
        </option>
      ))}
    </SelectField>
  );
}

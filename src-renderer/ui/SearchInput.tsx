import type { InputHTMLAttributes, ReactElement } from 'react';

/**
 * A search box whose purpose the screen around it already shows: its label is for screen readers
 * only. `onChange` hears the new text.
 */
export function SearchInput({
  id,
  label,
  value,
  onChange,
  ...input
}: {
  id: string;
  label: string;
  value: string;
  onChange: (text: string) => void;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type' | 'value' | 'onChange'>): ReactElement {
  return (
    <>
      <label className="visually-hidden" htmlFor={id}>
        {label}
      </label>
      <input id={id} type="search" {...input} value={value} onChange={(e) => onChange(e.target.value)} />
    </>
  );
}

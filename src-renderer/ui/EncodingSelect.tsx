import type { ReactElement, SelectHTMLAttributes } from 'react';

import { TEXT_ENCODINGS, isTextEncodingId, type TextEncodingId } from '@shared/domain/text/encoding';

/** A choice of the text encodings a file can be read in; `onChange` hears only one of them. */
export function EncodingSelect({
  value,
  onChange,
  ...select
}: {
  value: TextEncodingId;
  onChange: (encoding: TextEncodingId) => void;
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange' | 'children'>): ReactElement {
  return (
    <select
      {...select}
      value={value}
      onChange={(e) => {
        if (isTextEncodingId(e.target.value)) onChange(e.target.value);
      }}
    >
      {TEXT_ENCODINGS.map((encoding) => (
        <option key={encoding.id} value={encoding.id}>
          {encoding.label}
        </option>
      ))}
    </select>
  );
}

import type { ReactElement, ReactNode } from 'react';

/** A label only screen readers hear, for a control whose place and placeholder already say what it is for. */
export function HiddenLabel({ htmlFor, children }: { htmlFor: string; children: ReactNode }): ReactElement {
  return (
    <label htmlFor={htmlFor} className="visually-hidden">
      {children}
    </label>
  );
}

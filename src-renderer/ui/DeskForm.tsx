import type { FormHTMLAttributes, ReactElement } from 'react';

/**
 * A form the desk checks itself: the browser's validation bubbles are off (they speak the
 * browser's language, not the catalogue's, and hide every problem but the first), and submitting
 * never reloads the page.
 */
export function DeskForm({
  onSubmit,
  children,
  ...rest
}: Omit<FormHTMLAttributes<HTMLFormElement>, 'onSubmit' | 'noValidate'> & { onSubmit: () => void }): ReactElement {
  return (
    <form
      {...rest}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      {children}
    </form>
  );
}

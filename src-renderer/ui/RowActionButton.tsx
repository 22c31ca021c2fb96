import type { ButtonHTMLAttributes, ReactElement, ReactNode } from 'react';

/**
 * A button repeated on every row of a list ("Edit", "Delete"): short words on screen, and a label
 * that names the row it acts on ("Edit Ann Smith"), so a screen reader tells the rows' buttons apart.
 */
export function RowActionButton({
  label,
  className = 'button',
  children,
  ...button
}: {
  label: string;
  className?: string;
  children: ReactNode;
} & Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type' | 'aria-label' | 'className' | 'children'>): ReactElement {
  return (
    <button type="button" className={className} aria-label={label} {...button}>
      {children}
    </button>
  );
}

import type { ReactElement, ReactNode } from 'react';

/** A table's column headings, in order; a heading only screen readers need goes in as visually hidden text. */
export function ColumnHeads({ labels }: { labels: readonly ReactNode[] }): ReactElement {
  return (
    <thead>
      <tr>
        {labels.map((label, i) => (
          <th key={i} scope="col">
            {label}
          </th>
        ))}
      </tr>
    </thead>
  );
}

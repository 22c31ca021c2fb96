import type { ReactElement, ReactNode } from 'react';

/** A table's header row: one column header per heading, in order, each announced as the header of its column. */
export function TableHead({ columns }: { columns: readonly ReactNode[] }): ReactElement {
  return (
    <thead>
      <tr>
        {columns.map((column, i) => (
          // The headings are fixed for the table's life: their place is their identity.
          <th key={i} scope="col">
            {column}
          </th>
        ))}
      </tr>
    </thead>
  );
}

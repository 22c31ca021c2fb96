import type { ReactElement, ReactNode } from 'react';

import { t, type MessageId } from '../i18n/messages';

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

/** The last part of each message id in `group` ('colName' of 'contacts.screen.colName'). */
type KeyIn<Group extends string> = MessageId extends infer Id
  ? Id extends `${Group}.${infer Key}`
    ? Key
    : never
  : never;

/**
 * A table's headings from the messages of one group, in order: a key, or `{ hidden: key }` for a
 * column only screen readers need named (a row's buttons).
 */
export function headings<Group extends string>(
  group: Group,
  keys: readonly (KeyIn<Group> | { hidden: KeyIn<Group> })[],
): ReactNode[] {
  const words = (key: string) => t(`${group}.${key}` as MessageId);
  return keys.map((key) =>
    typeof key === 'string' ? words(key) : <span className="visually-hidden">{words(key.hidden)}</span>,
  );
}

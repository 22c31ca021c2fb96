import { createContext, useContext, useMemo, type ReactElement, type ReactNode } from 'react';

import type { TableName } from '@shared/schemas/tables';

import type { NamedConflict } from '../../desk/team/teamRecords';
import { t } from '../../i18n/messages';
import { useScopeConflicts, type ConflictScope } from './queries';

/** The rows of a scope changed apart on two desks, by table and key: rows deep in a list read it. */
const ChangedApartRows = createContext<ReadonlyMap<string, NamedConflict>>(new Map());

const rowKey = (table: string, key: string) => `${table}/${key}`;

/** Gives the rows below it what was changed apart in an incident or in the desk's own records (asked once, not per row). */
export function ChangedApartProvider(props: { scope: ConflictScope; children: ReactNode }): ReactElement {
  const conflicts = useScopeConflicts(props.scope);
  const rows = useMemo(() => new Map((conflicts ?? []).map((c) => [rowKey(c.table, c.key), c])), [conflicts]);
  return <ChangedApartRows.Provider value={rows}>{props.children}</ChangedApartRows.Provider>;
}

/** The conflict open on one row, if it was changed apart on two desks. */
export const useChangedApart = (table: TableName, key: string): NamedConflict | undefined =>
  useContext(ChangedApartRows).get(rowKey(table, key));

/** On the row itself: changed apart, which change is shown and by whom, and how it is settled. */
export function ChangedApartNote({ conflict }: { conflict: NamedConflict }): ReactElement {
  return (
    <p className="warning-text" data-testid="changed-apart-note">
      {t('team.changedApart.note', {
        desks: conflict.sides,
        shown: conflict.shownBy ?? t('teamScreen.records.thisDesk'),
      })}
    </p>
  );
}

/** The note on a row when it was changed apart; nothing otherwise. */
export function ChangedApartRow({ table, rowId }: { table: TableName; rowId: string }): ReactElement | null {
  const conflict = useChangedApart(table, rowId);
  return conflict ? <ChangedApartNote conflict={conflict} /> : null;
}

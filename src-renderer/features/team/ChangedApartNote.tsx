import { createContext, useContext, useMemo, type ReactElement, type ReactNode } from 'react';

import type { TableName } from '@shared/schemas/tables';

import type { NamedConflict } from '../../desk/team/teamRecords';
import { t } from '../../i18n/messages';
import { useConflictSides, useScopeConflicts, type ConflictScope } from './queries';

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

/** How a row reads, in a few words, for comparing the sides of a change made apart. */
export type DescribeRow = (row: unknown) => ReactNode;

/**
 * On the row itself: changed apart, which change is shown and by whom, and how it is settled;
 * with `describe`, the sides compared, each as its desk wrote it.
 */
export function ChangedApartNote({
  conflict,
  describe,
}: {
  conflict: NamedConflict;
  describe?: DescribeRow | undefined;
}): ReactElement {
  return (
    <div className="changed-apart" data-testid="changed-apart-note">
      <p className="warning-text">
        {t('team.changedApart.note', {
          desks: conflict.sides,
          shown: conflict.shownBy ?? t('teamScreen.records.thisDesk'),
        })}
      </p>
      {describe && (
        <details className="changed-apart__sides">
          <summary>{t('team.changedApart.compare')}</summary>
          <Sides conflict={conflict} describe={describe} />
        </details>
      )}
    </div>
  );
}

function Sides({ conflict, describe }: { conflict: NamedConflict; describe: DescribeRow }): ReactElement {
  const sides = useConflictSides(conflict);
  if (sides === undefined) return <p className="muted">{t('team.changedApart.loading')}</p>;
  return (
    <ul className="changed-apart__list" data-testid="changed-apart-sides">
      {sides.map((side, i) => (
        <li key={i}>
          <strong>
            {t(side.shown ? 'team.changedApart.sideShown' : 'team.changedApart.side', {
              desk: side.desk ?? t('team.changedApart.thisDesk'),
            })}
          </strong>{' '}
          {side.row === undefined
            ? t('team.changedApart.notHeld')
            : side.row === null
              ? t('team.changedApart.removed')
              : describe(side.row)}
        </li>
      ))}
    </ul>
  );
}

/** The note on a row when it was changed apart; nothing otherwise. */
export function ChangedApartRow({
  table,
  rowId,
  describe,
}: {
  table: TableName;
  rowId: string;
  describe?: DescribeRow;
}): ReactElement | null {
  const conflict = useChangedApart(table, rowId);
  return conflict ? <ChangedApartNote conflict={conflict} describe={describe} /> : null;
}

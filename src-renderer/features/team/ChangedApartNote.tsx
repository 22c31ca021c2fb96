import { createContext, useContext, useMemo, type ReactElement, type ReactNode } from 'react';

import type { TableName } from '@shared/schemas/tables';

import type { NamedConflict } from '../../desk/team/teamRecords';
import { t } from '../../i18n/messages';
import { useIncidentConflicts } from './queries';

/** The incident's rows of one table changed apart on two desks, by key: rows deep in a list read it. */
const ChangedApartRows = createContext<ReadonlyMap<string, NamedConflict>>(new Map());

/** Gives the rows below it what of `table` was changed apart in the incident (asked once, not per row). */
export function ChangedApartProvider(props: {
  incidentId: string;
  table: TableName;
  children: ReactNode;
}): ReactElement {
  const conflicts = useIncidentConflicts(props.incidentId);
  const rows = useMemo(
    () => new Map((conflicts ?? []).filter((c) => c.table === props.table).map((c) => [c.key, c])),
    [conflicts, props.table],
  );
  return <ChangedApartRows.Provider value={rows}>{props.children}</ChangedApartRows.Provider>;
}

/** The conflict open on one row, if it was changed apart on two desks. */
export const useChangedApart = (key: string): NamedConflict | undefined => useContext(ChangedApartRows).get(key);

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

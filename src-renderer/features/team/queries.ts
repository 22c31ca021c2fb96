import { useLiveQuery } from 'dexie-react-hooks';
import { useSyncExternalStore } from 'react';

import type { TeamStatus } from '@shared/ipc/teamContract';

import type { NamedConflict } from '../../desk/team/teamRecords';

import { useDesk } from '../../desk/DeskContext';

const noSubscription = () => () => undefined;
const rosterKeyOf = (status: TeamStatus | null): string =>
  status && status.state !== 'none' ? JSON.stringify(status.roster.map((m) => [m.deskKey, m.name])) : '';

/**
 * The team's names of its desks, as a value that changes when they do: a query that names desks
 * depends on it, so it runs again once the team's roster is known (conflicts name desks by it).
 */
export function useRosterKey(): string {
  const { teamSync } = useDesk();
  return useSyncExternalStore(teamSync?.subscribe ?? noSubscription, () =>
    rosterKeyOf(teamSync?.getState().status ?? null),
  );
}

/** How many entries refused, the latest few with their reasons, and the conflicts open; undefined while loading. */
export function useTeamRecords() {
  const { useCases } = useDesk();
  const roster = useRosterKey();
  return useLiveQuery(async () => {
    const records = useCases.teamRecords;
    return {
      refused: await records.refusalCount(),
      latestRefusals: await records.refusals(5),
      conflicts: await records.openConflicts(),
      desks: await records.desks(),
    };
  }, [useCases, roster]);
}

/** Where rows changed apart are looked for: one incident's records, or the desk's own (contacts, call trees). */
export type ConflictScope = { incidentId: string } | 'desk';

/** The conflicts open between desks in an incident or in the desk's own records; undefined while loading. */
export function useScopeConflicts(scope: ConflictScope): NamedConflict[] | undefined {
  const { useCases } = useDesk();
  const roster = useRosterKey();
  const incidentId = scope === 'desk' ? null : scope.incidentId;
  return useLiveQuery(
    () => (incidentId === null ? useCases.teamRecords.conflictsOfDesk() : useCases.teamRecords.conflictsOf(incidentId)),
    [useCases, incidentId, roster],
  );
}

/** Each side of a row changed apart, as its desk wrote it, the shown side first; undefined while loading. */
export function useConflictSides(conflict: NamedConflict) {
  const { useCases } = useDesk();
  const roster = useRosterKey();
  const writers = conflict.writers.map((w) => `${w.deskId}:${String(w.seq)}`).join(' ');
  return useLiveQuery(() => useCases.teamRecords.sidesOf(conflict), [useCases, conflict.id, writers, roster]);
}

/** The incident's conflicts open between desks; undefined while loading. */
export const useIncidentConflicts = (incidentId: string): NamedConflict[] | undefined =>
  useScopeConflicts({ incidentId });

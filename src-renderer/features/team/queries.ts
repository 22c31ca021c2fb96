import { useLiveQuery } from 'dexie-react-hooks';

import { useDesk } from '../../desk/DeskContext';

/** How many entries refused, the latest few with their reasons, and the conflicts open; undefined while loading. */
export function useTeamRecords() {
  const { useCases } = useDesk();
  return useLiveQuery(async () => {
    const records = useCases.teamRecords;
    return {
      refused: await records.refusalCount(),
      latestRefusals: await records.refusals(5),
      conflicts: await records.openConflicts(),
      desks: await records.desks(),
    };
  }, [useCases]);
}

import { useLiveQuery } from 'dexie-react-hooks';

import type { DeskSettings } from '@shared/schemas/entities';

import { useDesk } from '../../desk/DeskContext';

/** The desk's settings; undefined while loading, null before first-run setup. */
export function useSettings(): DeskSettings | null | undefined {
  const { useCases } = useDesk();
  return useLiveQuery(async () => (await useCases.settings.get()) ?? null, [useCases]);
}

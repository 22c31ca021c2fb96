import { useLiveQuery } from 'dexie-react-hooks';

import type { DeskSettings } from '@shared/schemas/entities';

import { useDesk } from '../../app/DeskContext';

/** The desk's settings; undefined while loading, null before first-run setup. */
export function useSettings(): DeskSettings | null | undefined {
  const { repos } = useDesk();
  return useLiveQuery(async () => (await repos.settings.get()) ?? null, [repos]);
}

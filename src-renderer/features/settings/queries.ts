import type { DeskSettings } from '@shared/schemas/entities';

import { useDeskQuery } from '../../desk/useDeskQuery';

/** The desk's settings; undefined while loading, null before first-run setup. */
export function useSettings(): DeskSettings | null | undefined {
  return useDeskQuery(async (desk) => (await desk.settings.get()) ?? null);
}

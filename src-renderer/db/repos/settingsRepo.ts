import type { DeskSettings } from '@shared/schemas/entities';

import type { DeskDatabase } from '../database';

/** The desk's settings row, read. Changes are the desk's use-cases (desk/settings), written through its door. */
export function createSettingsStore(db: DeskDatabase) {
  return {
    get: (): Promise<DeskSettings | undefined> => db.settings.get('desk'),
  };
}
export type SettingsStore = ReturnType<typeof createSettingsStore>;

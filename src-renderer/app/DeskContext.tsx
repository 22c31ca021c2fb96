import { createContext, useContext } from 'react';

import type { Actor } from '@shared/domain/audit';

import type { DeskDatabase } from '../db/database';
import type { Repos } from '../db/repos';
import type { BackupEncryption } from '../features/settings/backupEncryption';
import type { BackupService } from '../features/settings/backupService';
import type { TimelineSearch } from '../features/timeline/searchIndex';
import type { TimelineOrderCache } from '../db/repos/timelineOrderCache';
import type { DeskPlatform } from '../platform/platform';

/** Everything a feature needs from the outside world, provided once at the root. */
export type DeskServices = {
  db: DeskDatabase;
  repos: Repos;
  platform: DeskPlatform;
  backup: BackupService;
  /** Whether backups are encrypted, and this session's passphrase. */
  encryption: BackupEncryption;
  timelineSearch: TimelineSearch;
  timelineOrder: TimelineOrderCache;
  appVersion: string;
  clock: () => number;
};

export const DeskContext = createContext<DeskServices | null>(null);

export function useDesk(): DeskServices {
  const desk = useContext(DeskContext);
  if (!desk) throw new Error('useDesk outside DeskContext');
  return desk;
}

/** The operator acting now, from the desk settings. */
export function actorFrom(operatorName: string, clock: () => number): Actor {
  return { operator: operatorName, now: clock() };
}

import type { SearchCache } from '../db/searchCache';
import { readOrder } from '../db/repos/timelineQuery';
import type { DeskPlatform } from '../platform/platform';
import type { BackupEncryption } from './backup/backupEncryption';
import { createBackupService } from './backup/backupService';
import { createDeskCore, type DeskCore, type DeskCoreDeps } from './core';
import { createTeamExchange } from './team/exchange';
import { createTeamSync } from './team/teamSync';
import { createTimelineList } from './timeline/list';
import { createTimelineOrderCache } from './timeline/orderCache';
import { createTimelineSearch } from './timeline/search/searchIndex';

export type DeskDeps = DeskCoreDeps & {
  platform: DeskPlatform;
  appVersion: string;
  clock: () => number;
  /** Where the search index runs and keeps its copy (a worker and a database of its own in the window). */
  search?: { dbName?: string; useWorker?: boolean; cache?: SearchCache | null };
  /** Whether backups are encrypted, and this session's passphrase. */
  encryption: BackupEncryption;
};

/**
 * The desk as the window uses it: the core's use-cases, plus the timeline's read model (order
 * kept in memory, text search) and the backup service, which need the platform. Everything a
 * screen may call is in `useCases`; the database itself is not handed out.
 */
export function createDesk(deps: DeskDeps, core: DeskCore = createDeskCore(deps)) {
  const { feed, useCases, backupRows, restore } = core;
  const timelineSearch = createTimelineSearch(useCases.timeline, deps.search);
  // A restore or an incident rebuilt from its record: the index is read afresh from the database.
  feed.subscribe((notice) => {
    if (notice.replacedAll || notice.rebuilt) timelineSearch.reset();
  });
  const order = createTimelineOrderCache({
    store: useCases.timeline,
    readOrder: (incidentId) => readOrder(deps.db, incidentId),
    feed,
  });
  const list = createTimelineList({ db: deps.db, store: useCases.timeline, order, search: timelineSearch });
  const backup = createBackupService({
    backup: backupRows,
    restore,
    publishedHeads: useCases.publishedHeads,
    platform: deps.platform,
    sha256: deps.sha256,
    appVersion: deps.appVersion,
    encryption: deps.encryption,
    deskIdentity: async () => (await useCases.identity.describe()).identity,
  });
  const team = deps.platform.team;
  const clock = deps.clock;
  const teamSync = team
    ? createTeamSync({
        team,
        feed,
        clock,
        exchange: createTeamExchange({
          db: deps.db,
          feed,
          identities: core.identities,
          team,
          sha256: deps.sha256,
          clock,
        }),
      })
    : null;
  return {
    useCases: { ...useCases, timeline: { ...useCases.timeline, ...list }, backup },
    /** The desk's link with its team (null where no engine runs): one state every view reads. */
    teamSync,
    /** A cheap sign that something changed, for the automatic backups. */
    fingerprint: backupRows.fingerprint,
    timelineSearch,
    feed,
    platform: deps.platform,
    encryption: deps.encryption,
    appVersion: deps.appVersion,
    clock: deps.clock,
  };
}
export type Desk = ReturnType<typeof createDesk>;
export type UseCases = Desk['useCases'];

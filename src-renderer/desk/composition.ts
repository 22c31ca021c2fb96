import type { SearchCache } from '../db/searchCache';
import { readOrder } from '../db/repos/timelineQuery';
import { teamIntakeConnection } from '../db/database';
import type { DeskPlatform } from '../platform/platform';
import type { BackupEncryption } from './backup/backupEncryption';
import { createBackupService } from './backup/backupService';
import { createDeskCore, type DeskCore, type DeskCoreDeps } from './core';
import { createTeamRepo } from '../db/repos/teamRepo';
import { createTeamExchange } from './team/exchange';
import { createTeamRecords } from './team/teamRecords';
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
  /**
   * Readies the search of incidents in the background, open ones first: a kept copy is read back in
   * a moment; where none is kept (after a restore, or on a desk that lost it) the entries are read,
   * so the first search of an incident does not wait for them. At start only the open incidents
   * (a closed one opened later reads its kept copy then); after a restore every incident, as
   * nothing is kept.
   */
  const indexIncidents = async (which: 'open' | 'all'): Promise<void> => {
    const incidents = await useCases.incidents.list();
    const open = incidents.filter((i) => i.status === 'open');
    const closed = which === 'all' ? incidents.filter((i) => i.status !== 'open') : [];
    timelineSearch.prepareInTurn([...open, ...closed].map((i) => i.id));
  };
  // A restore or an incident rebuilt from its record: the index is read afresh from the database.
  feed.subscribe((notice) => {
    if (notice.revisedInside && notice.scope !== 'desk')
      timelineSearch.revise(notice.scope.incidentId, notice.revisedInside);
    if (!notice.replacedAll && !notice.rebuilt) return;
    timelineSearch.reset();
    if (notice.scope !== 'desk') timelineSearch.prepareInTurn([notice.scope.incidentId]);
    // Without it the first search only waits longer, and says so while indexing.
    else void indexIncidents('all').catch(() => undefined);
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
          intakeDb: teamIntakeConnection(deps.db),
          feed,
          identities: core.identities,
          team,
          sha256: deps.sha256,
          clock,
        }),
      })
    : null;
  // Conflicts name other desks as the team does ("Hospital liaison"), from the team's last known state.
  const rosterNames = (): ReadonlyMap<string, string> => {
    const status = teamSync?.getState().status;
    return new Map(status && status.state !== 'none' ? status.roster.map((m) => [m.deskKey, m.name]) : []);
  };
  const teamRecords = createTeamRecords(createTeamRepo(deps.db), useCases.timeline, rosterNames);
  return {
    useCases: { ...useCases, timeline: { ...useCases.timeline, ...list }, backup, teamRecords },
    /** The desk's link with its team (null where no engine runs): one state every view reads. */
    teamSync,
    /** A cheap sign that something changed, for the automatic backups. */
    fingerprint: backupRows.fingerprint,
    timelineSearch,
    indexIncidents,
    feed,
    platform: deps.platform,
    encryption: deps.encryption,
    appVersion: deps.appVersion,
    clock: deps.clock,
  };
}
export type Desk = ReturnType<typeof createDesk>;
export type UseCases = Desk['useCases'];

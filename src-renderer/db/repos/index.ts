import type { IdGenerator } from '@shared/domain/ids';
import type { Sha256Hex } from '@shared/domain/integrity/canonical';

import type { DeskDatabase } from '../database';
import { createAuditRepo } from './auditRepo';
import { createBackupRepo } from './backupRepo';
import { createIncidentsRepo } from './incidentsRepo';
import { createLessonsRepo } from './lessonsRepo';
import { createRecordRepo } from './recordRepo';
import { createSettingsRepo } from './settingsRepo';
import { createTimelineRepo } from './timelineRepo';

/** The repositories: the only code that touches the database's tables. */
export function createRepos(db: DeskDatabase, gen: IdGenerator, sha256: Sha256Hex) {
  return {
    settings: createSettingsRepo(db, gen),
    incidents: createIncidentsRepo(db, gen),
    audit: createAuditRepo(db),
    backup: createBackupRepo(db, gen),
    timeline: createTimelineRepo(db, gen, sha256),
    record: createRecordRepo(db, gen),
    lessons: createLessonsRepo(db, gen),
  };
}
export type Repos = ReturnType<typeof createRepos>;

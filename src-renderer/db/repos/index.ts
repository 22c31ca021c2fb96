import type { IdGenerator } from '@shared/domain/ids';
import type { Sha256Hex } from '@shared/domain/integrity/canonical';

import type { DeskDatabase } from '../database';
import { createAuditRepo } from './auditRepo';
import { createBackupRepo } from './backupRepo';
import { createContactsRepo } from './contactsRepo';
import { createChecklistsRepo } from './checklistsRepo';
import { createIncidentsRepo } from './incidentsRepo';
import { createLessonsRepo } from './lessonsRepo';
import { createPublishedHeadsRepo } from './publishedHeadsRepo';
import { createRecordRepo } from './recordRepo';
import { createSettingsRepo } from './settingsRepo';
import { createStatementsRepo } from './statementsRepo';
import { createTimelineRepo } from './timelineRepo';

/** The repositories: the only code that touches the database's tables. */
export function createRepos(db: DeskDatabase, gen: IdGenerator, sha256: Sha256Hex) {
  const incidents = createIncidentsRepo(db, gen);
  const timeline = createTimelineRepo(db, gen, sha256);
  return {
    settings: createSettingsRepo(db, gen),
    incidents,
    audit: createAuditRepo(db),
    backup: createBackupRepo(db, gen),
    timeline,
    contacts: createContactsRepo(db, gen, timeline),
    record: createRecordRepo(db, gen),
    checklists: createChecklistsRepo(db, gen, incidents, timeline),
    lessons: createLessonsRepo(db, gen),
    publishedHeads: createPublishedHeadsRepo(db, gen),
    statements: createStatementsRepo(db, gen, sha256, timeline),
  };
}
export type Repos = ReturnType<typeof createRepos>;

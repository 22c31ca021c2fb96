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

/**
 * The table stores: the only code that reads the database's tables. The timeline, statements,
 * call-tree activations, checklist resolution, restore and record import change the desk through
 * the desk's door (src-renderer/desk); settings, incidents, lessons, the directory and trees, the
 * checklist plan and published heads still write their own changes here, each in one transaction
 * with its audit line, checked by the database's guard (db/writeDoor.ts).
 */
export function createRepos(db: DeskDatabase, gen: IdGenerator, sha256: Sha256Hex) {
  const incidents = createIncidentsRepo(db, gen);
  const timeline = createTimelineRepo(db, sha256);
  return {
    settings: createSettingsRepo(db, gen),
    incidents,
    audit: createAuditRepo(db),
    backup: createBackupRepo(db),
    timeline,
    contacts: createContactsRepo(db, gen),
    record: createRecordRepo(db),
    checklists: createChecklistsRepo(db, gen, incidents),
    lessons: createLessonsRepo(db, gen),
    publishedHeads: createPublishedHeadsRepo(db, gen),
    statements: createStatementsRepo(db, timeline),
  };
}
export type Repos = ReturnType<typeof createRepos>;

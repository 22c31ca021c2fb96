import type { Sha256Hex } from '@shared/domain/integrity/canonical';

import type { DeskDatabase } from '../database';
import { createAuditRepo } from './auditRepo';
import { createBackupRepo } from './backupRepo';
import { createChecklistsStore } from './checklistsRepo';
import { createContactsStore } from './contactsRepo';
import { createIncidentsStore } from './incidentsRepo';
import { createLessonsStore } from './lessonsRepo';
import { createPublishedHeadsStore } from './publishedHeadsRepo';
import { createRecordRepo } from './recordRepo';
import { createSettingsStore } from './settingsRepo';
import { createStatementsRepo } from './statementsRepo';
import { createTimelineRepo } from './timelineRepo';

/**
 * The table stores: the only code that reads the database's tables, and none of them writes.
 * Every change is a use-case of the desk (src-renderer/desk) written through its one door.
 */
export function createStores(db: DeskDatabase, sha256: Sha256Hex) {
  const timeline = createTimelineRepo(db, sha256);
  return {
    settings: createSettingsStore(db),
    incidents: createIncidentsStore(db),
    audit: createAuditRepo(db),
    backup: createBackupRepo(db),
    timeline,
    contacts: createContactsStore(db),
    record: createRecordRepo(db),
    checklists: createChecklistsStore(db),
    lessons: createLessonsStore(db),
    publishedHeads: createPublishedHeadsStore(db),
    statements: createStatementsRepo(db, timeline),
  };
}
export type Stores = ReturnType<typeof createStores>;

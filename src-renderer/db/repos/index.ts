import type { Actor } from '@shared/domain/audit';
import type { IdGenerator } from '@shared/domain/ids';
import type { Sha256Hex } from '@shared/domain/integrity/canonical';
import type { EntryContent, TimelineEntry } from '@shared/schemas/timeline';

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
 * What the stores that still write for themselves ask of the timeline: logging entries, done by
 * the desk's timeline use-case (which refuses by throwing here).
 */
export type TimelineLog = {
  append(incidentId: string, contents: EntryContent[], actor: Actor): Promise<TimelineEntry[]>;
};

/** The table stores: the only code that reads the database's tables. */
export function createRepos(db: DeskDatabase, gen: IdGenerator, sha256: Sha256Hex, log: TimelineLog) {
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
    checklists: createChecklistsRepo(db, gen, incidents, log),
    lessons: createLessonsRepo(db, gen),
    publishedHeads: createPublishedHeadsRepo(db, gen),
    statements: createStatementsRepo(db, timeline),
  };
}
export type Repos = ReturnType<typeof createRepos>;

import type { IdGenerator } from '@shared/domain/ids';
import type { Sha256Hex } from '@shared/domain/integrity/canonical';
import { signedSectionOf } from '@shared/domain/record/signedSection';
import { scopeKey } from '@shared/domain/signed/format';
import { recordsFingerprint } from '@shared/domain/team/fingerprint';

import { DeskDatabase } from '../db/database';
import { createStores } from '../db/repos';
import { createSignedRecordsRepo } from '../db/repos/signedRecordsRepo';
import { sha256Hex } from '../lib/sha256';
import { createRestore } from './backup/restore';
import { createChangeFeed } from './changeFeed';
import { createDoor } from './door';
import { createChecklistCases } from './checklists/checklists';
import { createResolution } from './checklists/resolution';
import { createActivations } from './contacts/activation';
import { createDirectory } from './contacts/directory';
import { createTrees } from './contacts/trees';
import { createDeskIdentities, deskNameOf } from './identity/identity';
import { createOperators } from './identity/operators';
import { createRecorder } from './identity/recorder';
import { createIncidentCases } from './incidents/incidents';
import { createLessonCases } from './lessons/lessons';
import { createImportRecord } from './record/importRecord';
import { createPublishedHeads } from './record/publishedHeads';
import { createSettingsCases } from './settings/settings';
import { createStatementCases } from './statements';
import { createWriteQueue } from './timeline/chain';
import { createSignedIntegrity } from './timeline/integrity';
import { createTimelineWrites } from './timeline/writes';

export type DeskCoreDeps = { db: DeskDatabase; gen: IdGenerator; sha256: Sha256Hex; clock?: () => number };

/**
 * THE composition of the desk's data: the door every change goes through, its change feed, the
 * table stores and the use-cases over them. The window, the record's worker and the tests all
 * build it here; nothing else constructs a store.
 */
export function createDeskCore({ db, gen, sha256, clock = Date.now }: DeskCoreDeps) {
  const feed = createChangeFeed();
  const identities = createDeskIdentities({
    db,
    now: clock,
    deskName: async () => deskNameOf(await db.settings.get('desk')),
  });
  const door = createDoor(db, feed, createRecorder({ db, identities, sha256 }));
  const signedRecords = createSignedRecordsRepo(db);
  const stores = createStores(db, sha256);
  const timelineStore = stores.timeline;
  const enqueue = createWriteQueue();
  const timelineWrites = createTimelineWrites({ door, store: timelineStore, gen, sha256, enqueue });
  const checklists = createChecklistCases({ door, store: stores.checklists, gen });
  const useCases = {
    settings: createSettingsCases({ door, store: stores.settings, gen }),
    incidents: { ...stores.incidents, ...createIncidentCases({ door, store: stores.incidents, gen }) },
    audit: stores.audit,
    timeline: { ...timelineStore, ...timelineWrites, verifySigned: createSignedIntegrity({ db, sha256, identities }) },
    contacts: {
      ...stores.contacts,
      ...createDirectory({ door, store: stores.contacts, gen }),
      ...createTrees({ door, store: stores.contacts, gen }),
      ...createActivations({ door, store: stores.contacts, timeline: timelineStore, gen, sha256, enqueue }),
    },
    checklists: {
      ...checklists,
      ...createResolution({ door, store: stores.checklists, timeline: timelineStore, gen, sha256, enqueue }),
    },
    lessons: createLessonCases({
      door,
      store: stores.lessons,
      incidents: stores.incidents,
      positions: checklists.positions,
      gen,
    }),
    publishedHeads: createPublishedHeads({ door, store: stores.publishedHeads, gen }),
    statements: createStatementCases({ door, store: stores.statements, gen, sha256, timeline: timelineStore, enqueue }),
    record: {
      ...stores.record,
      importRecord: createImportRecord({ door, gen }),
      /** The incident's signed records and the roster of the desks that wrote them, for the internal record. */
      signedSection: async (incidentId: string) =>
        signedSectionOf(await signedRecords.all(scopeKey({ kind: 'incident', incidentId })), await identities.roster()),
      /**
       * The fingerprint of the incident's signed records as this desk holds them (every desk's newest
       * record there): desks in step show the same, and the internal record prints it.
       */
      recordsFingerprint: async (incidentId: string) => {
        const scope = scopeKey({ kind: 'incident', incidentId });
        const heads = await Promise.all(
          (await identities.roster()).map(async ({ deskId }) => {
            const tip = await signedRecords.tip(deskId, scope);
            return tip ? [{ deskId, seq: tip.seq, hash: tip.hash }] : [];
          }),
        );
        return heads.flat().length === 0 ? null : recordsFingerprint(heads.flat());
      },
    },
    identity: { describe: () => identities.describe(), roster: () => identities.roster() },
    operators: createOperators({ door, gen, settings: () => stores.settings.get() }),
  };
  return {
    feed,
    door,
    stores,
    enqueue,
    useCases,
    identities,
    backupRows: stores.backup,
    restore: createRestore({ door, gen }),
  };
}
export type DeskCore = ReturnType<typeof createDeskCore>;

/**
 * The desk's composition for a worker that only reads (the record's package, the CSV import's
 * check for rows already logged): the same use-cases over its own connection to the database.
 * It hands out no ids, so any change it attempted would fail by name.
 */
export function openDeskForReading(purpose: string, dbName?: string) {
  const db = new DeskDatabase(dbName);
  const core = createDeskCore({
    db,
    gen: () => {
      throw new Error(`${purpose} does not change the desk`);
    },
    sha256: sha256Hex,
  });
  return { useCases: core.useCases, close: () => db.close() };
}

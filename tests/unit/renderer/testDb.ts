import { DeskDatabase } from '@renderer/db/database';
import { ageHere, createBackupEncryption } from '@renderer/desk/backup/backupEncryption';
import { createBackupService } from '@renderer/desk/backup/backupService';
import { createDesk } from '@renderer/desk/composition';
import { createDeskCore } from '@renderer/desk/core';
import { describeAppendError, type AppendError } from '@renderer/desk/timeline/writes';
import type { DeskPlatform } from '@renderer/platform/platform';
import type { Actor } from '@shared/domain/audit';
import type { Result } from '@shared/domain/result';
import { buildRecord } from '@shared/domain/record/buildRecord';
import { RECORD_SECTIONS, type AudienceProfile } from '@shared/domain/record/profiles';
import { sealRecord } from '@shared/domain/record/recordFile';

import { actor } from '../../factories/incident';
import { sha256 } from '../../factories/timeline';

let dbSeq = 0;

/** A platform the test does not expect to be reached: any use fails by name. */
const noPlatform = new Proxy(
  {},
  {
    get: (_, prop) => {
      // A desk in no team: the tests of the team exchange give it a link of their own.
      if (prop === 'team') return null;
      throw new Error(`platform.${String(prop)} is not part of this test`);
    },
  },
) as DeskPlatform;

/**
 * A fresh, uniquely named database in fake-indexeddb, with deterministic ids, and the desk's
 * composition over it (the same as the window's, the search in the page rather than a worker).
 */
export function freshDesk() {
  dbSeq += 1;
  const db = new DeskDatabase(`test-desk-${dbSeq}-${Date.now()}`);
  let idSeq = 0;
  const deskNo = dbSeq;
  // Ids carry the desk number, as random ids would never collide between two desks.
  const deps = {
    db,
    gen: () => {
      idSeq += 1;
      return `${deskNo}-${String(idSeq).padStart(6, '0')}`;
    },
    sha256,
    platform: noPlatform,
    appVersion: '0.0.0-test',
    clock: () => 0,
    search: { dbName: db.name, useWorker: false, cache: null },
    encryption: createBackupEncryption({ autoBackups: null, passphrases: null, crypto: ageHere() }),
  };
  const core = createDeskCore(deps);
  return { db, core, ...createDesk(deps, core) };
}

/** The settings the tests' desks are set up with: Kristiansand, Ingrid Berg at the keyboard. */
export const DESK_SETUP = { cityName: 'Kristiansand', operatorName: 'Ingrid Berg', defaultTimeZone: 'Europe/Oslo' };

/** A fresh desk as its first run leaves it: `DESK_SETUP` saved, by `by`. */
export async function setUpDesk(by: Actor = actor()) {
  const desk = freshDesk();
  await desk.useCases.settings.save(DESK_SETUP, by);
  return desk;
}

/** The backup service of a test desk, over the platform the test gives it (it logs no published heads unless `extra` gives the log). */
export function backupServiceOf(
  desk: ReturnType<typeof freshDesk>,
  platform: DeskPlatform,
  appVersion = '0.1.0',
  extra: Partial<Parameters<typeof createBackupService>[0]> = {},
) {
  return createBackupService({
    backup: desk.core.backupRows,
    restore: desk.core.restore,
    platform,
    sha256,
    appVersion,
    ...extra,
  });
}

/** The entries a test logs, or the refusal in words as a thrown error (for tests about what was logged). */
export async function logged<T>(appended: Promise<Result<T, AppendError>>): Promise<T> {
  const r = await appended;
  if (!r.ok) throw new Error(describeAppendError(r.error));
  return r.value;
}

/** The after-action record of an incident, sealed, as the desk's export makes it (every section, contact details in). */
export async function sealedRecordOf(
  desk: ReturnType<typeof freshDesk>,
  incidentId: string,
  { now, profile = 'internal' }: { now: number; profile?: AudienceProfile },
) {
  const source = await desk.useCases.record.collect(incidentId);
  if (!source) throw new Error(`no incident ${incidentId} to export`);
  return sealRecord(
    buildRecord(source, {
      profile,
      sections: RECORD_SECTIONS,
      withheldNames: [],
      includeContactDetails: true,
      exportedBy: 'Ingrid Berg',
      now,
      appVersion: '0.1.0',
      chain: await desk.useCases.timeline.verify(incidentId),
    }),
    sha256,
  );
}

import { DEFAULT_BACKUP_POLICY, type BackupPolicy } from '@shared/ipc/contract';
import type { DeskSettings } from '@shared/schemas/entities';
import { TABLE_NAMES } from '@shared/schemas/tables';

import type { DeskDatabase } from '../../db/database';
import type { AutoBackups } from '../../platform/platform';
import type { BackupService } from './backupService';

export const DEFAULT_BACKUP_EVERY_MINUTES = 10;

export function backupPolicyOf(settings: DeskSettings): BackupPolicy {
  return {
    keepLast: settings.backupKeepLast ?? DEFAULT_BACKUP_POLICY.keepLast,
    keepDailyForDays: settings.backupKeepDailyForDays ?? DEFAULT_BACKUP_POLICY.keepDailyForDays,
  };
}

/**
 * A cheap sign that something changed: every write adds rows (revisions, versions, audit lines)
 * or an audit line, so the row counts move with any change a backup should catch.
 */
export async function dataFingerprint(db: DeskDatabase): Promise<string> {
  const counts = await Promise.all(TABLE_NAMES.map((t) => db.table(t).count()));
  const settings = await db.settings.get('desk');
  return `${counts.join('.')}:${settings?.updatedAt ?? 0}`;
}

/**
 * Every few minutes (10 by default), writes a backup through the desktop app if anything changed
 * since the last one. Returns a function that stops it.
 */
export function startAutoBackups(deps: {
  db: DeskDatabase;
  backup: BackupService;
  autoBackups: AutoBackups;
  settings: () => Promise<DeskSettings | undefined>;
  now: () => number;
  onResult: (outcome: { ok: true; name: string } | { ok: false; message: string }) => void;
  /** Runs `run` after `ms`; returns a cancel function. Tests pass a manual scheduler. */
  schedule?: (run: () => void, ms: number) => () => void;
}): () => void {
  const schedule =
    deps.schedule ??
    ((run: () => void, ms: number) => {
      const t = setTimeout(run, ms);
      return () => clearTimeout(t);
    });
  let last = '';
  let cancel: () => void = () => undefined;
  let stopped = false;

  const tick = async () => {
    const settings = await deps.settings();
    if (settings) {
      const fingerprint = await dataFingerprint(deps.db);
      if (fingerprint !== last) {
        const actor = { operator: 'automatic backup', now: deps.now() };
        const content = await deps.backup.text(actor, settings.cityName);
        const written = await deps.autoBackups.write(content, backupPolicyOf(settings));
        if (written.ok) {
          await deps.backup.published(actor);
          // Logging the heads changed the data: the next backup is due at the next change after it.
          last = await dataFingerprint(deps.db);
          deps.onResult({ ok: true, name: written.value.written.name });
        } else {
          deps.onResult({ ok: false, message: written.error.message });
        }
      }
    }
    if (!stopped) cancel = schedule(() => void tick(), (settings?.backupEveryMinutes ?? DEFAULT_BACKUP_EVERY_MINUTES) * 60_000);
  };
  cancel = schedule(() => void tick(), 60_000);
  return () => {
    stopped = true;
    cancel();
  };
}

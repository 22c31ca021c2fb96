import type { DeskSettings } from '@shared/schemas/entities';

import type { AutoBackups } from '../../platform/platform';
import { t } from '../../i18n/messages';
import type { AutoBackupOutcome } from '../../store';
import type { BackupService } from './backupService';

export const DEFAULT_BACKUP_EVERY_MINUTES = 10;

/**
 * The notice for a failed automatic backup, as one sentence: what went wrong, and that the desk
 * tries again. `reason` is main's sentence (or an error's message); its full stop is dropped.
 */
export function autoBackupFailureNotice(reason: string, everyMinutes: number): string {
  const clause = reason.trim().replace(/[.\s]+$/, '');
  const lead = /^the automatic backup/i.test(clause)
    ? clause
    : t('settings.autoBackup.failedBecause', { reason: clause });
  return t('settings.autoBackup.failureNotice', { lead, minutes: everyMinutes });
}

/**
 * Every few minutes (10 by default), writes a backup through main (the desktop app's main process,
 * or the browser edition's local server) if anything changed
 * since the last one. A failed run (main refused, the disk is full, the bridge threw) is reported
 * and logged, and the schedule goes on: the next run tries again. Returns a function that stops it.
 */
export function startAutoBackups(deps: {
  /** A cheap sign that something changed since the last backup (see backupRepo.fingerprint). */
  fingerprint: () => Promise<string>;
  backup: BackupService;
  autoBackups: AutoBackups;
  settings: () => Promise<DeskSettings | undefined>;
  now: () => number;
  onResult: (outcome: AutoBackupOutcome & { everyMinutes: number }) => void;
  log?: (message: string, error: unknown) => void;
  /** Runs `run` after `ms`; returns a cancel function. Tests pass a manual scheduler. */
  schedule?: (run: () => void, ms: number) => () => void;
  /** How long a minute of the schedule lasts: 60,000 ms, except in the browser edition's end-to-end runs. */
  minuteMs?: number;
}): () => void {
  const minute = deps.minuteMs ?? 60_000;
  const schedule =
    deps.schedule ??
    ((run: () => void, ms: number) => {
      const timer = setTimeout(run, ms);
      return () => clearTimeout(timer);
    });
  const log = deps.log ?? ((message: string, error: unknown) => console.error(`[auto-backup] ${message}`, error));
  let last = '';
  let cancel: () => void = () => undefined;
  let stopped = false;

  const tick = async () => {
    let everyMinutes = DEFAULT_BACKUP_EVERY_MINUTES;
    try {
      const settings = await deps.settings();
      everyMinutes = settings?.backupEveryMinutes ?? DEFAULT_BACKUP_EVERY_MINUTES;
      if (!settings) return;
      const fingerprint = await deps.fingerprint();
      if (fingerprint !== last) {
        const actor = { operator: 'automatic backup', now: deps.now() };
        const sealed = await deps.backup.sealed(actor, settings.cityName);
        // Backups are to be encrypted and the passphrase is not at hand: pause rather than write in clear.
        if (!sealed.ok)
          return deps.onResult({
            at: deps.now(),
            ok: false,
            message: sealed.error.message,
            paused: sealed.error.code === 'paused',
            everyMinutes,
          });
        const written = await deps.autoBackups.write(sealed.value.content);
        if (written.ok) {
          // A change made while the backup was sealed and written (encryption takes seconds) is not in it.
          const changedMeanwhile = (await deps.fingerprint()) !== fingerprint;
          const published = await deps.backup.published(actor);
          // Logging the heads changed the data: the next backup is due at the next change after it,
          // or at once if a change came in while this one was written.
          last = changedMeanwhile ? '' : await deps.fingerprint();
          deps.onResult({
            at: deps.now(),
            ok: true,
            name: written.value.written.name,
            headsNotLogged: published.ok ? null : published.error,
            everyMinutes,
          });
        } else {
          log('main refused or failed the write', written.error);
          deps.onResult({ at: deps.now(), ok: false, message: written.error.message, everyMinutes });
        }
      }
    } catch (error) {
      log('the run failed', error);
      deps.onResult({
        at: deps.now(),
        ok: false,
        message: error instanceof Error ? error.message : String(error),
        everyMinutes,
      });
    } finally {
      if (!stopped) cancel = schedule(() => void tick(), everyMinutes * minute);
    }
  };
  cancel = schedule(() => void tick(), minute);
  return () => {
    stopped = true;
    cancel();
  };
}

import { format } from 'date-fns';

import { fileSlug } from '@shared/domain/fileNames';
import type { Actor } from '@shared/domain/audit';
import {
  buildBackup,
  describeBackupError,
  parseBackup,
  type BackupMeta,
  type RestoreWarning,
} from '@shared/domain/backup/backupFile';
import type { Sha256Hex } from '@shared/domain/integrity/canonical';
import { webCryptoVerifier, type Ed25519Verify } from '@shared/domain/signed/ed25519';
import type { DeskIdentity } from '@shared/domain/signed/identity';
import { err, ok, type Result } from '@shared/domain/result';
import { TABLE_NAMES, type TableRows } from '@shared/schemas/tables';

import type { BackupRepo } from '../../db/repos/backupRepo';
import type { Restore } from './restore';
import type { PublishedHeads } from '../record/publishedHeads';
import { CURRENT_SCHEMA_VERSION } from '../../db/schema';
import type { DeskPlatform } from '../../platform/platform';
import { t, tList } from '../../i18n/messages';
import { isEncryptedBackup, type BackupEncryption } from './backupEncryption';

export const BACKUP_MAX_BYTES = 256 * 1024 * 1024;

/**
 * A checked backup, ready to restore once the person confirms. `warnings` lists incidents whose
 * timeline chain is broken (restored only when the person accepts it, by name) and entries an
 * earlier version recorded past today's limits (kept as recorded).
 */
export type PendingRestore = {
  fileName: string;
  meta: BackupMeta;
  rows: TableRows;
  counts: Record<string, number>;
  warnings: RestoreWarning[];
  /** The backup's SHA-256 over its data, which the desk's new identity names. */ checksum: string;
};

/** A backup written where the person chose; `headsNotLogged` says why its chain heads are missing from the log. */
export type SavedBackup = { path: string; headsNotLogged: string | null };

export const brokenChainsOf = (pending: PendingRestore) =>
  pending.warnings.filter((w): w is RestoreWarning & { kind: 'broken-chain' } => w.kind === 'broken-chain');

export function createBackupService(deps: {
  backup: Pick<BackupRepo, 'readAll'>;
  restore: Restore;
  publishedHeads?: Pick<PublishedHeads, 'appendAll'>;
  platform: DeskPlatform;
  sha256: Sha256Hex;
  appVersion: string;
  /** Encrypts backups with the desk's passphrase when it is set; without it, backups are plain. */
  encryption?: BackupEncryption;
  /** The public identity of this desk, which every backup carries (never the private key). */
  deskIdentity?: () => Promise<DeskIdentity>;
  /** Checks the signature of the desk identity a backup carries; Web Crypto unless a test gives another. */
  verify?: Ed25519Verify;
}) {
  const verify = deps.verify ?? webCryptoVerifier(crypto.subtle);
  return {
    /**
     * A backup left the desk: every incident's chain head goes into the log of published heads.
     * The backup is out either way; a head the log did not take comes back as the reason, in words.
     */
    async published(actor: Actor): Promise<Result<void, string>> {
      const logged = await deps.publishedHeads?.appendAll('backup', actor);
      return logged && !logged.ok ? err(logged.error.message) : ok(undefined);
    },

    /** The whole desk as the text of a backup file. */
    async text(actor: Actor, cityName: string): Promise<string> {
      const rows = await deps.backup.readAll();
      const file = await buildBackup(
        rows,
        {
          schemaVersion: CURRENT_SCHEMA_VERSION,
          createdAt: new Date(actor.now).toISOString(),
          createdBy: actor.operator,
          appVersion: deps.appVersion,
          cityName,
          ...(deps.deskIdentity ? { desk: await deps.deskIdentity() } : {}),
        },
        deps.sha256,
      );
      return JSON.stringify(file);
    },

    /**
     * The whole desk as it leaves the laptop: encrypted with the passphrase when backups are to be
     * encrypted; `paused` when they are and the passphrase is not at hand (nothing in clear).
     */
    async sealed(
      actor: Actor,
      cityName: string,
    ): Promise<Result<{ content: string; encrypted: boolean }, { code: 'paused' | 'failed'; message: string }>> {
      const text = await this.text(actor, cityName);
      return deps.encryption ? deps.encryption.seal(text) : ok({ content: text, encrypted: false });
    },

    /**
     * Writes the whole database to a file the person chooses (a download in the browser): where it
     * went, and why the published heads were not logged when they were not; null when cancelled.
     */
    async save(actor: Actor, cityName: string): Promise<Result<SavedBackup | null, string>> {
      const sealed = await this.sealed(actor, cityName);
      if (!sealed.ok)
        return err(
          sealed.error.code === 'paused'
            ? t('settings.encryption.saveNeedsPassphrase')
            : t('settings.backup.saveFailed', { reason: sealed.error.message }),
        );
      const slug = fileSlug(cityName, 'desk');
      const saved = await deps.platform.saveFile({
        // FORMAT: an encrypted backup is the age armor of the backup file, named for both.
        suggestedName: `response-desk-backup-${slug}-${format(actor.now, 'yyyy-MM-dd-HHmm')}.json${sealed.value.encrypted ? '.age' : ''}`,
        content: sealed.value.content,
        encoding: 'utf8',
        filters: [
          {
            name: t(sealed.value.encrypted ? 'settings.encryption.fileType' : 'settings.backup.fileType'),
            extensions: [sealed.value.encrypted ? 'age' : 'json'],
          },
        ],
        title: t('settings.backup.saveTitle'),
      });
      if (!saved.ok) return err(t('settings.backup.saveFailed', { reason: saved.error.message }));
      if (saved.value.savedTo === null) return ok(null);
      const published = await this.published(actor);
      return ok({ path: saved.value.savedTo, headsNotLogged: published.ok ? null : published.error });
    },

    /** Asks for a backup file and reads it; `open` then checks it. null when cancelled. */
    async choose(): Promise<Result<{ text: string; fileName: string } | null, string>> {
      const opened = await deps.platform.openTextFile({
        filters: [{ name: t('settings.backup.fileType'), extensions: ['json', 'age'] }],
        maxBytes: BACKUP_MAX_BYTES,
        title: t('settings.backup.openTitle'),
      });
      if (!opened.ok) return err(opened.error.message);
      if (opened.value === null) return ok(null);
      return ok({ text: opened.value.text, fileName: opened.value.name });
    },

    /**
     * Checks a backup's text; an encrypted one is opened with `passphrase` first (off the UI
     * thread). `needs-passphrase` when it is encrypted and none was given or it did not open it:
     * the screen then asks. Nothing is written here.
     */
    async open(
      text: string,
      fileName: string,
      passphrase: string | null,
    ): Promise<Result<PendingRestore, { code: 'needs-passphrase' | 'wrong-passphrase' | 'refused'; message: string }>> {
      let plain = text;
      if (isEncryptedBackup(text)) {
        if (passphrase === null || !deps.encryption)
          return err({ code: 'needs-passphrase', message: t('settings.encryption.isEncrypted') });
        const opened = await deps.encryption.open(text, passphrase);
        if (!opened.ok)
          return err({
            code: opened.error.code === 'wrong-passphrase' ? 'wrong-passphrase' : 'refused',
            message: opened.error.message,
          });
        plain = opened.value.text;
      }
      const checked = await this.check(plain, fileName);
      return checked.ok ? checked : err({ code: 'refused', message: checked.error });
    },

    async check(text: string, fileName: string): Promise<Result<PendingRestore, string>> {
      const parsed = await parseBackup(text, {
        supportedSchemaVersion: CURRENT_SCHEMA_VERSION,
        sha256: deps.sha256,
        verify,
      });
      if (!parsed.ok) return err(describeBackupError(parsed.error));
      const counts = Object.fromEntries(TABLE_NAMES.map((table) => [table, parsed.value.rows[table].length]));
      return ok({ fileName, ...parsed.value, counts });
    },

    /**
     * Replaces everything with the checked backup, in one transaction. A backup with a broken
     * timeline chain is restored only when `acceptBrokenChains` says the person read the warning;
     * the audit log then records each broken incident, so the break is never laundered.
     */
    async restore(
      pending: PendingRestore,
      actor: Actor,
      options: { acceptBrokenChains?: boolean } = {},
    ): Promise<Result<void, string>> {
      const broken = brokenChainsOf(pending);
      if (broken.length > 0 && options.acceptBrokenChains !== true) {
        return err(
          t('settings.backup.brokenRefused', {
            count: broken.length,
            titles: tList(broken.map((b) => `“${b.incidentTitle}”`)),
          }),
        );
      }
      try {
        const restored = await deps.restore(
          pending.rows,
          actor,
          t('audit.summary.backupSource', {
            file: pending.fileName,
            made: pending.meta.createdAt,
            by: pending.meta.createdBy,
          }),
          broken,
          {
            backupChecksum: pending.checksum,
            backupFile: pending.fileName,
            desk: pending.meta.desk ? { deskId: pending.meta.desk.deskId, name: pending.meta.desk.name } : null,
          },
        );
        return restored.ok
          ? ok(undefined)
          : err(t('settings.backup.restoreFailed', { reason: restored.error.message }));
      } catch (e) {
        return err(t('settings.backup.restoreFailed', { reason: e instanceof Error ? e.message : String(e) }));
      }
    },
  };
}
export type BackupService = ReturnType<typeof createBackupService>;

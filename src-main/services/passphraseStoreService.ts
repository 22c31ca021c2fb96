import { format } from '@shared/i18n/format';
import type { StoredPassphrase } from '@shared/ipc/contract';

import { fsErrorCode } from '../adapters/fsErrors';
import { HandlerError } from '../ipc/handlerError';
import type { Logger } from '../logging/logger';

/**
 * The operating system's secure store, as Electron's `safeStorage` offers it (the login keychain
 * on macOS, DPAPI on Windows, the keyring on Linux). Tests pass a fake.
 */
export type SecretStore = {
  /** null when the store can protect a secret; otherwise why not, in words. */
  unavailableBecause(): string | null;
  encryptString(plain: string): Uint8Array;
  decryptString(sealed: Uint8Array): string;
};

export type PassphraseStoreDeps = {
  /** null where there is no secure store at all (the browser edition's local server). */
  store: SecretStore | null;
  /** The file in the data folder holding the passphrase as the secure store sealed it. */
  path: string;
  readFile: (path: string) => Promise<Uint8Array>;
  writeFileAtomic: (path: string, data: Uint8Array | string) => Promise<void>;
  unlink: (path: string) => Promise<void>;
  log: Pick<Logger, 'info' | 'warn'>;
};

/**
 * Remembers the backup passphrase on this computer when the person asks, sealed by the
 * operating system's secure store, so only this user on this computer can read it back. The file
 * alone (copied off the laptop, or in a backup of the data folder) does not give the passphrase.
 * A plain Node service: every effect is a parameter.
 */
export function createPassphraseStoreService(deps: PassphraseStoreDeps) {
  const unavailable = (): string | null =>
    deps.store === null ? format('encryption.remember.browserNoStore') : deps.store.unavailableBecause();

  return {
    async stored(): Promise<StoredPassphrase> {
      const reason = unavailable();
      if (reason !== null || deps.store === null) return { available: false, reason, passphrase: null, problem: null };
      let sealed: Uint8Array;
      try {
        sealed = await deps.readFile(deps.path);
      } catch (error) {
        if (fsErrorCode(error) !== 'ENOENT')
          deps.log.warn('could not read the remembered passphrase', { code: fsErrorCode(error) });
        const problem = fsErrorCode(error) === 'ENOENT' ? null : format('encryption.remember.unreadable');
        return { available: true, reason: null, passphrase: null, problem };
      }
      try {
        const passphrase = deps.store.decryptString(sealed);
        if (passphrase.length === 0 || passphrase.length > 1024) throw new Error('not a passphrase');
        return { available: true, reason: null, passphrase, problem: null };
      } catch {
        // Damaged, or sealed by another user or computer (a copied data folder): say so, keep the file
        // until the person remembers a passphrase again or forgets it.
        deps.log.warn('the remembered passphrase does not unseal');
        return {
          available: true,
          reason: null,
          passphrase: null,
          problem: format('encryption.remember.doesNotUnseal'),
        };
      }
    },

    async remember(passphrase: string): Promise<{ remembered: true }> {
      const reason = unavailable();
      if (reason !== null || deps.store === null)
        throw new HandlerError(
          'invalid-request',
          format('encryption.remember.notRemembered', {
            reason: reason ?? format('encryption.remember.browserNoStore'),
          }),
        );
      await deps.writeFileAtomic(deps.path, deps.store.encryptString(passphrase));
      deps.log.info('backup passphrase remembered in the secure store');
      return { remembered: true };
    },

    async forget(): Promise<{ forgotten: boolean }> {
      try {
        await deps.unlink(deps.path);
        deps.log.info('remembered backup passphrase forgotten');
        return { forgotten: true };
      } catch (error) {
        if (fsErrorCode(error) === 'ENOENT') return { forgotten: false };
        throw new HandlerError(
          'io-failed',
          format('encryption.remember.notRemoved', { reason: fsErrorCode(error) ?? String(error) }),
          { cause: error },
        );
      }
    },
  };
}
export type PassphraseStoreService = ReturnType<typeof createPassphraseStoreService>;

/**
 * Electron's safeStorage as a SecretStore. On Linux without a keyring it falls back to a key
 * written in Chromium's source ("basic_text"), which protects nothing: treated as no store.
 */
export function secretStoreOver(safeStorage: {
  isEncryptionAvailable(): boolean;
  getSelectedStorageBackend?: () => string;
  encryptString(plain: string): Buffer;
  decryptString(sealed: Buffer): string;
}): SecretStore {
  return {
    unavailableBecause() {
      if (!safeStorage.isEncryptionAvailable()) return format('encryption.remember.noStore');
      const backend = safeStorage.getSelectedStorageBackend?.();
      if (backend === 'basic_text') return format('encryption.remember.noKeyring');
      return null;
    },
    encryptString: (plain) => new Uint8Array(safeStorage.encryptString(plain)),
    decryptString: (sealed) => safeStorage.decryptString(Buffer.from(sealed)),
  };
}

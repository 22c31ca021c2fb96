import {
  checkNewPassphrase,
  decryptToText,
  describeDecryptProblem,
  describePassphraseProblem,
  detectEncrypted,
  encryptTextToArmor,
} from '@shared/domain/encryption/passphrase';
import { err, ok, type Result } from '@shared/domain/result';
import type { StoredPassphrase } from '@shared/ipc/contract';

import type { AutoBackups, PassphraseStore } from '../../platform/platform';
import { t } from '../../i18n/messages';
import type { AgeWorkerReply, AgeWorkerRequest } from './ageWorker';
import { encryptPackage } from './encryptPackage';

/** A passphrase at work: encrypt a backup's text to age armor, or open one. Errors are sentences. */
export type AgeCrypto = {
  encrypt(text: string, passphrase: string): Promise<Result<string, { code: string; message: string }>>;
  decrypt(
    text: string,
    passphrase: string,
  ): Promise<Result<{ text: string; adjusted: string | null }, { code: string; message: string }>>;
  /** An export package, checked against its manifest, to a binary age file. */
  encryptPackage(zip: Uint8Array, passphrase: string): Promise<Result<Uint8Array, { code: string; message: string }>>;
};

type Failure = { code: string; message: string };
/** A reply that was to carry text: a reply of the other kind is the worker failing. */
const textReply = (reply: AgeWorkerReply): Result<{ text: string; adjusted: string | null }, Failure> =>
  !reply.ok
    ? err({ code: reply.code, message: reply.message })
    : 'text' in reply
      ? ok({ text: reply.text, adjusted: reply.adjusted })
      : err({
          code: 'failed',
          message: t('settings.encryption.workerFailed', { reason: t('settings.encryption.noTextBack') }),
        });
const bytesReply = (reply: AgeWorkerReply): Result<Uint8Array, Failure> =>
  !reply.ok
    ? err({ code: reply.code, message: reply.message })
    : 'bytes' in reply
      ? ok(reply.bytes)
      : err({
          code: 'failed',
          message: t('settings.encryption.workerFailed', { reason: t('settings.encryption.noFileBack') }),
        });

/** age in a Web Worker: one worker per file, ended when it answers. */
export const ageInWorker: AgeCrypto = {
  encrypt: async (text, passphrase) => {
    const reply = textReply(await runInWorker({ op: 'encrypt', text, passphrase }));
    return reply.ok ? ok(reply.value.text) : reply;
  },
  decrypt: async (text, passphrase) => textReply(await runInWorker({ op: 'decrypt', text, passphrase })),
  // Copied, not transferred: the built package stays at hand for the next save.
  encryptPackage: async (zip, passphrase) => bytesReply(await runInWorker({ op: 'encrypt-package', zip, passphrase })),
};

/** scrypt takes about a second; a file of a hundred megabytes a few more. */
const WORKER_TIMEOUT_MS = 120_000;

function runInWorker(request: AgeWorkerRequest): Promise<AgeWorkerReply> {
  const worker = new Worker(new URL('./ageWorker.ts', import.meta.url), { type: 'module', name: 'backup-encryption' });
  return new Promise<AgeWorkerReply>((resolve) => {
    const finish = (reply: AgeWorkerReply) => {
      clearTimeout(timer);
      worker.terminate();
      resolve(reply);
    };
    // A worker that dies without a word (out of memory) must not hold the backup schedule forever.
    const timer = setTimeout(
      () =>
        finish({
          ok: false,
          code: 'failed',
          message: t('settings.encryption.workerFailed', {
            reason: t('settings.encryption.noAnswer', { minutes: WORKER_TIMEOUT_MS / 60_000 }),
          }),
        }),
      WORKER_TIMEOUT_MS,
    );
    worker.onmessage = (event: MessageEvent<AgeWorkerReply>) => finish(event.data);
    worker.onerror = (e) =>
      finish({
        ok: false,
        code: 'failed',
        message: t('settings.encryption.workerFailed', { reason: e.message || 'worker error' }),
      });
    worker.postMessage(request);
  });
}

/** age on the calling thread, for tests in Node (no Worker there). */
export function ageHere(workFactor?: number): AgeCrypto {
  return {
    encrypt: async (text, passphrase) => {
      const sealed = await encryptTextToArmor(text, passphrase, workFactor === undefined ? {} : { workFactor });
      return sealed.ok ? sealed : err({ code: sealed.error.code, message: describePassphraseProblem(sealed.error) });
    },
    decrypt: async (text, passphrase) => {
      const opened = await decryptToText(text, passphrase);
      return opened.ok
        ? opened
        : err({ code: opened.error.code, message: describeDecryptProblem(opened.error, 'backup') });
    },
    encryptPackage: async (zip, passphrase) => bytesReply(await encryptPackage(zip, passphrase, workFactor)),
  };
}

export const isEncryptedBackup = (text: string): boolean =>
  detectEncrypted(new TextEncoder().encode(text.slice(0, 128))) !== null;

export type EncryptionState = {
  /** Backups are to be encrypted (main's policy; in a bare browser, this session's choice). */
  enabled: boolean;
  /** The passphrase for this session, in memory only (or read back from the secure store). */
  passphrase: string | null;
  /** What main says about remembering it; null where there is no main to ask (a bare browser). */
  store: StoredPassphrase | null;
  /** The remembered passphrase is on this computer. */
  remembered: boolean;
  loaded: boolean;
};

/**
 * The desk's backup encryption: main's policy says whether backups are encrypted (and refuses an
 * automatic one in clear when they are); the passphrase lives here, in this window's memory, and
 * in the operating system's secure store only when the person asked the desk to remember it.
 */
export function createBackupEncryption(deps: {
  autoBackups: AutoBackups | null;
  passphrases: PassphraseStore | null;
  crypto: AgeCrypto;
}) {
  let state: EncryptionState = { enabled: false, passphrase: null, store: null, remembered: false, loaded: false };
  const listeners = new Set<() => void>();
  const update = (next: Partial<EncryptionState>) => {
    state = { ...state, ...next };
    for (const listener of listeners) listener();
  };

  const setPolicy = async (encrypted: boolean): Promise<Result<void, string>> => {
    if (!deps.autoBackups) return ok(undefined);
    // Read fresh, so a policy changed elsewhere in the meantime keeps its rotation.
    const current = await deps.autoBackups.policy();
    if (!current.ok) return err(current.error.message);
    const saved = await deps.autoBackups.setPolicy({ ...current.value, encrypted });
    return saved.ok ? ok(undefined) : err(saved.error.message);
  };

  /** Keeps the passphrase in the operating system's secure store, or removes it from there. */
  const setRemembered = async (remember: boolean): Promise<Result<void, string>> => {
    if (!deps.passphrases) return ok(undefined);
    if (remember && state.passphrase !== null && state.store?.available === true) {
      const saved = await deps.passphrases.remember(state.passphrase);
      if (!saved.ok) return err(t('settings.encryption.rememberFailed', { reason: saved.error.message }));
      update({ remembered: true });
    } else if (!remember && state.remembered) {
      const forgotten = await deps.passphrases.forget();
      if (!forgotten.ok) return err(t('settings.encryption.forgetFailed', { reason: forgotten.error.message }));
      update({ remembered: false });
    }
    return ok(undefined);
  };

  return {
    state: () => state,
    subscribe: (listener: () => void): (() => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    /** At start: whether backups are encrypted, and the remembered passphrase if there is one. */
    async load(): Promise<string | null> {
      const policy = deps.autoBackups ? await deps.autoBackups.policy() : null;
      const stored = deps.passphrases ? await deps.passphrases.stored() : null;
      const store = stored?.ok ? stored.value : null;
      update({
        loaded: true,
        enabled: policy?.ok === true ? policy.value.encrypted : state.enabled,
        passphrase: store?.passphrase ?? state.passphrase,
        store,
        remembered: store?.passphrase != null,
      });
      return store?.problem ?? (policy && !policy.ok ? policy.error.message : null);
    },

    /**
     * Encrypts every backup from now on with `passphrase` (typed twice by the person), and
     * remembers it on this computer when asked and possible.
     */
    async setPassphrase(passphrase: string, repeated: string, remember: boolean): Promise<Result<void, string>> {
      const checked = checkNewPassphrase(passphrase);
      if (!checked.ok) return err(describePassphraseProblem(checked.error));
      if (repeated.normalize('NFC') !== checked.value) return err(t('settings.encryption.mismatch'));
      const turnedOn = await setPolicy(true);
      if (!turnedOn.ok) return err(t('settings.encryption.policyFailed', { reason: turnedOn.error }));
      update({ enabled: true, passphrase: checked.value });
      return setRemembered(remember);
    },

    setRemembered,

    /** Backups are written in clear again; the passphrase is forgotten (memory and secure store). */
    async turnOff(): Promise<Result<void, string>> {
      const off = await setPolicy(false);
      if (!off.ok) return err(t('settings.encryption.policyFailed', { reason: off.error }));
      const forgotten = await setRemembered(false);
      update({ enabled: false, passphrase: null });
      return forgotten;
    },

    /**
     * The backup's text as it leaves the desk: encrypted when backups are to be encrypted.
     * `paused` when they are and no passphrase is at hand: nothing is written in clear.
     */
    async seal(
      text: string,
    ): Promise<Result<{ content: string; encrypted: boolean }, { code: 'paused' | 'failed'; message: string }>> {
      if (!state.enabled) return ok({ content: text, encrypted: false });
      if (state.passphrase === null) return err({ code: 'paused', message: t('settings.encryption.paused') });
      const sealed = await deps.crypto.encrypt(text, state.passphrase);
      return sealed.ok
        ? ok({ content: sealed.value, encrypted: true })
        : err({ code: 'failed', message: sealed.error.message });
    },

    /**
     * An export package as it leaves the desk encrypted with the backup passphrase (a binary age
     * file), once it checks out against its manifest; `no-passphrase` when none is at hand.
     */
    async sealPackage(zip: Uint8Array): Promise<Result<Uint8Array, { code: string; message: string }>> {
      if (state.passphrase === null)
        return err({ code: 'no-passphrase', message: t('record.export.encryptNoPassphrase') });
      return deps.crypto.encryptPackage(zip, state.passphrase);
    },

    /** Opens an encrypted backup's text with a passphrase: the whole text, or the problem in words. */
    open: (text: string, passphrase: string) => deps.crypto.decrypt(text, passphrase),
  };
}
export type BackupEncryption = ReturnType<typeof createBackupEncryption>;

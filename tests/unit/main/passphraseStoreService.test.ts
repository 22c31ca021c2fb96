import { mkdtemp, readFile, readdir, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it, vi } from 'vitest';

import { writeFileAtomic } from '@main/adapters/atomicWrite';
import { createPassphraseStoreService, secretStoreOver, type SecretStore } from '@main/services/passphraseStoreService';
import { CHANNELS } from '@shared/ipc/channels';
import { ipcContract } from '@shared/ipc/contract';

/** A stand-in for the operating system's store: seals by encoding and tagging, refuses what it did not seal. */
function fakeStore(unavailable: string | null = null): SecretStore {
  return {
    unavailableBecause: () => unavailable,
    encryptString: (plain) => new TextEncoder().encode(`sealed:${Buffer.from(plain, 'utf8').toString('base64')}`),
    decryptString: (sealed) => {
      const text = new TextDecoder().decode(sealed);
      if (!text.startsWith('sealed:'))
        throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(text.slice(7), 'base64').toString('utf8');
    },
  };
}

async function service(store: SecretStore | null) {
  const dir = await mkdtemp(join(tmpdir(), 'desk-passphrase-'));
  const path = join(dir, 'backup-passphrase.sealed');
  const log = { info: vi.fn(), warn: vi.fn() };
  const s = createPassphraseStoreService({
    store,
    path,
    readFile: (p) => readFile(p),
    writeFileAtomic: (p, d) => writeFileAtomic(p, d),
    unlink: (p) => unlink(p),
    log,
  });
  return { s, dir, path, log };
}

const PASSPHRASE = 'Café vigil at 19:00, town hall';

describe('the remembered backup passphrase', () => {
  it('is remembered sealed by the secure store (never in clear), read back at start, and forgotten', async () => {
    const { s, dir, path } = await service(fakeStore());
    expect(await s.stored()).toEqual({ available: true, reason: null, passphrase: null, problem: null });
    expect(await s.remember(PASSPHRASE)).toEqual({ remembered: true });
    const onDisk = await readFile(path);
    expect(onDisk.toString('utf8')).not.toContain(PASSPHRASE);
    expect(await s.stored()).toEqual({ available: true, reason: null, passphrase: PASSPHRASE, problem: null });
    expect(await s.forget()).toEqual({ forgotten: true });
    expect(await readdir(dir)).toEqual([]);
    expect(await s.stored()).toMatchObject({ passphrase: null, problem: null });
    expect(await s.forget()).toEqual({ forgotten: false });
  });

  it('a damaged or foreign file is a clear problem, not a crash, and the passphrase is asked for again', async () => {
    const { s, path, log } = await service(fakeStore());
    await writeFile(path, 'not sealed by this computer');
    const stored = await s.stored();
    expect(stored).toEqual({
      available: true,
      reason: null,
      passphrase: null,
      problem:
        'The remembered backup passphrase could not be unsealed on this computer (the file is damaged or was sealed elsewhere): enter it again.',
    });
    expect(ipcContract[CHANNELS.getStoredPassphrase].response.safeParse(stored).success).toBe(true);
    expect(log.warn).toHaveBeenCalled();
    // Remembering again replaces it.
    await s.remember(PASSPHRASE);
    expect((await s.stored()).passphrase).toBe(PASSPHRASE);
  });

  it('without a secure store (the browser edition), says why and refuses to remember', async () => {
    const { s, dir } = await service(null);
    expect(await s.stored()).toMatchObject({
      available: false,
      reason: expect.stringContaining('The browser edition has no secure store') as unknown,
      passphrase: null,
    });
    await expect(s.remember(PASSPHRASE)).rejects.toThrow(
      /The passphrase was not remembered: The browser edition has no secure store/,
    );
    expect(await readdir(dir)).toEqual([]);
  });

  it("treats Electron's safeStorage without a keyring (basic_text) as no store", async () => {
    const safeStorage = {
      isEncryptionAvailable: () => true,
      getSelectedStorageBackend: () => 'basic_text',
      encryptString: (s: string) => Buffer.from(s),
      decryptString: (b: Buffer) => b.toString(),
    };
    const { s } = await service(secretStoreOver(safeStorage));
    expect(await s.stored()).toMatchObject({
      available: false,
      reason: expect.stringContaining('no keyring') as unknown,
    });
    await expect(s.remember(PASSPHRASE)).rejects.toThrow(/not remembered/);
    const unavailable = secretStoreOver({ ...safeStorage, isEncryptionAvailable: () => false });
    expect(unavailable.unavailableBecause()).toMatch(/no secure store/);
    expect(
      secretStoreOver({ ...safeStorage, getSelectedStorageBackend: () => 'gnome_libsecret' }).unavailableBecause(),
    ).toBeNull();
  });

  it('the contract takes only what a person could type as a passphrase', () => {
    const request = ipcContract[CHANNELS.rememberPassphrase].request;
    expect(request.safeParse({ passphrase: PASSPHRASE }).success).toBe(true);
    expect(request.safeParse({ passphrase: '' }).success).toBe(false);
    expect(request.safeParse({ passphrase: 'x'.repeat(1025) }).success).toBe(false);
    expect(request.safeParse({ passphrase: PASSPHRASE, path: '/etc/passwd' }).success).toBe(false);
  });
});

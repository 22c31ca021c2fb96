import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';

import { ageHere, createBackupEncryption } from '@renderer/desk/backup/backupEncryption';
import type { AutoBackups, DeskPlatform, PassphraseStore } from '@renderer/platform/platform';
import { AGE_ARMOR_BEGIN, decryptWithPassphrase, isPassphraseFile } from '@shared/domain/encryption/passphrase';
import { ok } from '@shared/domain/result';
import type { BackupPolicy, StoredPassphrase } from '@shared/ipc/contract';

import { T0, actor } from '../../factories/incident';
import { makeContact } from '../../factories/contacts';
import { makeSmallPackage } from '../../factories/exportPackage';
import { backupServiceOf, freshDesk, setUpDesk } from './testDb';

const PASSPHRASE = 'Candles at the town hall, 19:00';
// A low scrypt cost keeps the tests quick; the desk writes with age's default (18).
const age = ageHere(10);

/** Main's side, in memory: the policy, what was written, and a secure store when `storeAvailable`. */
function fakeMain(storeAvailable: boolean) {
  let policy: BackupPolicy = { keepLast: 12, keepDailyForDays: 30, encrypted: false };
  let sealed: string | null = null;
  const written: string[] = [];
  const autoBackups: AutoBackups = {
    write: (content) => {
      written.push(content);
      return Promise.resolve(
        ok({
          written: { name: 'auto-20261124-120000-000.json', createdAt: 0, size: content.length, datedAhead: false },
          removed: [],
        }),
      );
    },
    policy: () => Promise.resolve(ok(policy)),
    setPolicy: (next) => {
      policy = next;
      return Promise.resolve(ok(next));
    },
    list: () => Promise.resolve(ok({ folder: '/data/backups', backups: [] })),
    read: () => Promise.resolve(ok('')),
  };
  const passphrases: PassphraseStore = {
    stored: () =>
      Promise.resolve(
        ok<StoredPassphrase>(
          storeAvailable
            ? { available: true, reason: null, passphrase: sealed, problem: null }
            : { available: false, reason: 'No store here.', passphrase: null, problem: null },
        ),
      ),
    remember: (p) => {
      sealed = p;
      return Promise.resolve(ok({ remembered: true as const }));
    },
    forget: () => {
      const had = sealed !== null;
      sealed = null;
      return Promise.resolve(ok({ forgotten: had }));
    },
  };
  return { autoBackups, passphrases, written, policy: () => policy, sealed: () => sealed };
}

function memoryPlatform(autoBackups: AutoBackups | null) {
  const saved: { name: string; content: string }[] = [];
  const platform = {
    edition: 'browser',
    autoBackups,
    saveFile: (req: { suggestedName: string; content: string }) => {
      saved.push({ name: req.suggestedName, content: req.content });
      return Promise.resolve(ok({ savedTo: req.suggestedName }));
    },
  } as unknown as DeskPlatform;
  return { platform, saved };
}

async function deskWithFamilyContact() {
  const desk = await setUpDesk();
  await desk.db.contacts.add(makeContact({ id: 'con_1', name: 'Amal Haddad (mother)' }));
  return desk;
}

/** The backup encryption over main's side, with the test's quick age. */
const encryptionOf = (main: ReturnType<typeof fakeMain>) =>
  createBackupEncryption({ autoBackups: main.autoBackups, passphrases: main.passphrases, crypto: age });

describe('backup encryption', () => {
  it('with a passphrase, a saved backup is age armor named .json.age, and restores with the passphrase only', async () => {
    const main = fakeMain(false);
    const encryption = encryptionOf(main);
    await encryption.load();
    expect(await encryption.setPassphrase(PASSPHRASE, PASSPHRASE, false)).toEqual(ok(undefined));
    expect(main.policy().encrypted).toBe(true);

    const source = await deskWithFamilyContact();
    const { platform, saved } = memoryPlatform(main.autoBackups);
    const service = backupServiceOf(source, platform, '0.1.0', { encryption });
    const result = await service.save(actor({ now: T0 + 5000 }), 'Kristiansand');
    expect(result.ok && result.value?.path).toMatch(/^response-desk-backup-kristiansand-.*\.json\.age$/);
    const file = saved[0]!.content;
    expect(file.startsWith(`${AGE_ARMOR_BEGIN}\n`)).toBe(true);
    expect(file).not.toContain('Amal Haddad');

    // Another desk, which does not know the passphrase yet: asked for, refused when wrong, nothing changes.
    const target = freshDesk();
    const before = await target.core.backupRows.readAll();
    const other = backupServiceOf(target, platform, '0.1.0', {
      encryption: createBackupEncryption({ autoBackups: null, passphrases: null, crypto: age }),
    });
    expect(await other.open(file, 'b.json.age', null)).toEqual({
      ok: false,
      error: { code: 'needs-passphrase', message: 'This backup is encrypted: enter its passphrase.' },
    });
    const wrong = await other.open(file, 'b.json.age', 'Candles at the town hall, 20:00');
    expect(wrong).toEqual({
      ok: false,
      error: {
        code: 'wrong-passphrase',
        message:
          'The passphrase does not open this backup. Check it (capital letters, keyboard layout) and try again. Nothing was changed.',
      },
    });
    expect(await target.core.backupRows.readAll()).toEqual(before);
    const damaged = await other.open(file.replace(/\n([A-Za-z0-9+/])/, '\n$1$1'), 'b.json.age', PASSPHRASE);
    expect(damaged.ok || damaged.error.code).toBe('refused');

    const right = await other.open(file, 'b.json.age', PASSPHRASE);
    if (!right.ok) throw new Error(right.error.message);
    expect(right.value.counts['contacts']).toBe(1);
    expect((await other.restore(right.value, actor({ operator: 'Ola', now: T0 + 9000 }))).ok).toBe(true);
    expect((await target.db.contacts.toArray()).map((c) => c.name)).toEqual(['Amal Haddad (mother)']);
  });

  it('pauses rather than write in clear when backups are to be encrypted and the passphrase is not at hand', async () => {
    const main = fakeMain(false);
    await main.autoBackups.setPolicy({ keepLast: 12, keepDailyForDays: 30, encrypted: true });
    const encryption = encryptionOf(main);
    await encryption.load();
    expect(encryption.state()).toMatchObject({ enabled: true, passphrase: null, store: { available: false } });
    expect(await encryption.seal('{"format":"response-desk-backup"}')).toEqual({
      ok: false,
      error: { code: 'paused', message: 'Automatic backups are paused: enter the backup passphrase.' },
    });
    const desk = await deskWithFamilyContact();
    const { platform, saved } = memoryPlatform(main.autoBackups);
    const service = backupServiceOf(desk, platform, '0.1.0', { encryption });
    const result = await service.save(actor(), 'Kristiansand');
    expect(result.ok).toBe(false);
    expect(saved).toEqual([]);
  });

  it('refuses a passphrase too short or typed differently the second time, and keeps backups as they were', async () => {
    const main = fakeMain(false);
    const encryption = encryptionOf(main);
    await encryption.load();
    expect(await encryption.setPassphrase('short', 'short', false)).toEqual({
      ok: false,
      error: expect.stringContaining('This passphrase has 5 characters; use at least 10') as unknown,
    });
    expect(await encryption.setPassphrase(PASSPHRASE, `${PASSPHRASE}!`, false)).toEqual({
      ok: false,
      error: 'The two passphrases differ: type the same passphrase twice.',
    });
    expect(main.policy().encrypted).toBe(false);
    expect(await encryption.seal('{}')).toEqual(ok({ content: '{}', encrypted: false }));
  });

  it('remembers the passphrase where a secure store exists, reads it back at start, and forgets it when encryption is turned off', async () => {
    const main = fakeMain(true);
    const first = createBackupEncryption({ autoBackups: main.autoBackups, passphrases: main.passphrases, crypto: age });
    await first.load();
    await first.setPassphrase(PASSPHRASE, PASSPHRASE, true);
    expect(main.sealed()).toBe(PASSPHRASE);

    // The next start: encrypted, and the passphrase at hand without typing it.
    const next = createBackupEncryption({ autoBackups: main.autoBackups, passphrases: main.passphrases, crypto: age });
    await next.load();
    expect(next.state()).toMatchObject({ enabled: true, passphrase: PASSPHRASE, remembered: true });
    const sealed = await next.seal('{"format":"response-desk-backup"}');
    expect(sealed.ok && sealed.value.encrypted).toBe(true);

    expect(await next.turnOff()).toEqual(ok(undefined));
    expect(main.policy()).toEqual({ keepLast: 12, keepDailyForDays: 30, encrypted: false });
    expect(main.sealed()).toBeNull();
    expect(next.state()).toMatchObject({ enabled: false, passphrase: null, remembered: false });
  });
});

describe('an export package saved encrypted', () => {
  it('is the package, checked against its manifest, encrypted with the backup passphrase; refused without one or when it does not check out', async () => {
    const main = fakeMain(false);
    const encryption = encryptionOf(main);
    const zip = await makeSmallPackage('internal');
    expect(await encryption.sealPackage(zip)).toMatchObject({ ok: false, error: { code: 'no-passphrase' } });
    expect((await encryption.setPassphrase(PASSPHRASE, PASSPHRASE, false)).ok).toBe(true);
    const sealed = await encryption.sealPackage(zip);
    if (!sealed.ok) throw new Error(sealed.error.message);
    expect(isPassphraseFile(sealed.value)).toBe(true);
    const opened = await decryptWithPassphrase(sealed.value, PASSPHRASE);
    expect(opened.ok && opened.value.plaintext).toEqual(zip);
    const files = unzipSync(zip);
    files['r-timeline.csv'] = new TextEncoder().encode('title\r\nSomething else\r\n');
    const refused = await encryption.sealPackage(zipSync(files));
    expect(refused).toMatchObject({ ok: false, error: { code: 'not-a-package' } });
    expect(!refused.ok && refused.error.message).toMatch(/r-timeline\.csv/);
  });
});

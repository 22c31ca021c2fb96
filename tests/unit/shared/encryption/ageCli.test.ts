import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { decryptWithPassphrase, encryptWithPassphrase } from '@shared/domain/encryption/passphrase';

import { hasAgeCli, runAgeWithPassphrase } from '../../../support/ageCli';

// A passphrase with a letter outside ASCII: what the desk writes must be what a person types at the prompt.
const PASSPHRASE = 'Café vigil at 19:00, town hall';
const BACKUP = new TextEncoder().encode(
  `${JSON.stringify({ format: 'response-desk-backup', data: { contacts: [{ name: 'Amal Haddad', phone: '+47 912 34 567', note: 'Mother of the injured student ✓' }] } })}\n`,
);

describe("Debian's age command and the desk open each other's passphrase-encrypted files", () => {
  let dir = '';
  beforeAll(async () => {
    // CI installs it (.ci/run); the README tells people to open encrypted backups with it.
    expect(await hasAgeCli(), 'the age command is not installed: apt-get install age').toBe(true);
    dir = await mkdtemp(join(tmpdir(), 'desk-age-'));
  });

  /** Runs `age <mode> --output <output> <input>` on files in the test folder. */
  const ageInFolder = (passphrase: string, mode: '--decrypt' | '--passphrase', output: string, input: string) =>
    runAgeWithPassphrase(passphrase, [mode, '--output', join(dir, output), join(dir, input)]);

  it('age --decrypt opens a backup the desk encrypted, byte for byte', async () => {
    const encrypted = await encryptWithPassphrase(BACKUP, PASSPHRASE);
    if (!encrypted.ok) throw new Error(encrypted.error.code);
    await writeFile(join(dir, 'backup.json.age'), encrypted.value);
    const { code, terminal } = await ageInFolder(PASSPHRASE, '--decrypt', 'backup.json', 'backup.json.age');
    expect(code, terminal).toBe(0);
    expect(new Uint8Array(await readFile(join(dir, 'backup.json')))).toEqual(BACKUP);
  }, 60_000);

  it('age --decrypt refuses it with a wrong passphrase', async () => {
    const encrypted = await encryptWithPassphrase(BACKUP, PASSPHRASE, { workFactor: 12 });
    if (!encrypted.ok) throw new Error(encrypted.error.code);
    await writeFile(join(dir, 'wrong.json.age'), encrypted.value);
    const { code, terminal } = await ageInFolder(
      'Cafe vigil at 19:00, town hall',
      '--decrypt',
      'wrong.json',
      'wrong.json.age',
    );
    expect(code).toBe(1);
    expect(terminal).toContain('incorrect passphrase');
  }, 60_000);

  it('the desk opens a file age --passphrase encrypted, and refuses it with a wrong passphrase', async () => {
    await writeFile(join(dir, 'plain.json'), BACKUP);
    const { code, terminal } = await ageInFolder(PASSPHRASE, '--passphrase', 'by-age.json.age', 'plain.json');
    expect(code, terminal).toBe(0);
    const file = new Uint8Array(await readFile(join(dir, 'by-age.json.age')));
    const opened = await decryptWithPassphrase(file, PASSPHRASE);
    expect(opened.ok && opened.value.plaintext).toEqual(BACKUP);
    expect(await decryptWithPassphrase(file, 'Café vigil at 19:00')).toEqual({
      ok: false,
      error: { code: 'wrong-passphrase' },
    });
  }, 60_000);
});

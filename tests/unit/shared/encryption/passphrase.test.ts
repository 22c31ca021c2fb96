import { readFile } from 'node:fs/promises';

import { generateX25519Identity, identityToRecipient, Encrypter, armor } from 'age-encryption';
import { describe, expect, it } from 'vitest';

import {
  AGE_MAGIC,
  checkNewPassphrase,
  decryptWithPassphrase,
  describeDecryptProblem,
  describePassphraseProblem,
  detectEncrypted,
  encryptWithPassphrase,
} from '@shared/domain/encryption/passphrase';

const PASSPHRASE = 'vigil at the town hall';
// Tests encrypt with a low scrypt cost to stay quick; one test holds the default the desk writes.
const QUICK = { workFactor: 10 };
const utf8 = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array) => new TextDecoder().decode(b);
const headerOf = (file: Uint8Array) => new TextDecoder('latin1').decode(file.subarray(0, 200)).split('\n---')[0] ?? '';

/** A plaintext of several 64 KiB chunks whose bytes all differ by position. */
function bytesOf(size: number): Uint8Array {
  const out = new Uint8Array(size);
  for (let i = 0; i < size; i += 1) out[i] = (i * 31 + (i >>> 8)) & 0xff;
  return out;
}

async function encrypted(plaintext: Uint8Array, passphrase = PASSPHRASE): Promise<Uint8Array> {
  const result = await encryptWithPassphrase(plaintext, passphrase, QUICK);
  if (!result.ok) throw new Error(describePassphraseProblem(result.error));
  return result.value;
}

describe('age files made by the age command: known answers', () => {
  const PLAIN =
    '{"format":"response-desk-backup","note":"Encrypted by Debian age 1.1.1 with the passphrase: vigil at the town hall, 19:00"}\n';

  it('opens a file the age command encrypted with a passphrase (binary, default cost)', async () => {
    const file = new Uint8Array(await readFile('tests/fixtures/encryption/backup-by-age-cli.json.age'));
    expect(detectEncrypted(file)).toBe('binary');
    const result = await decryptWithPassphrase(file, 'vigil at the town hall, 19:00');
    expect(result.ok && text(result.value.plaintext)).toBe(PLAIN);
    expect(result.ok && result.value.adjusted).toBeNull();
  });

  it('opens the same in ASCII armor (age --armor)', async () => {
    const file = new Uint8Array(await readFile('tests/fixtures/encryption/backup-by-age-cli.json.age.txt'));
    expect(detectEncrypted(file)).toBe('armored');
    const result = await decryptWithPassphrase(file, 'vigil at the town hall, 19:00');
    expect(result.ok && text(result.value.plaintext)).toBe(PLAIN);
  });
});

describe('detecting an encrypted backup or package', () => {
  it('knows an age file by its first line, binary or armored (after spaces or a byte-order mark)', () => {
    expect(detectEncrypted(utf8(`${AGE_MAGIC}-> scrypt abc 18\n`))).toBe('binary');
    expect(detectEncrypted(utf8('\uFEFF\r\n  -----BEGIN AGE ENCRYPTED FILE-----\r\nYWdl'))).toBe('armored');
  });

  it('does not take a plain backup, a zip or an empty file for one', () => {
    expect(detectEncrypted(utf8('{"format":"response-desk-backup"}'))).toBeNull();
    expect(detectEncrypted(new Uint8Array([0x50, 0x4b, 0x03, 0x04]))).toBeNull();
    expect(detectEncrypted(new Uint8Array())).toBeNull();
    expect(detectEncrypted(utf8('age-encryption.org/v2\n'))).toBeNull();
  });
});

describe('choosing a passphrase', () => {
  it('refuses what could not be typed again or is too easy to guess, naming why', () => {
    const problem = (p: string) => {
      const r = checkNewPassphrase(p);
      return r.ok ? null : describePassphraseProblem(r.error);
    };
    expect(problem('')).toBe('Enter a passphrase.');
    expect(problem('short one')).toBe(
      'This passphrase has 9 characters; use at least 10 (four or five words are easier to remember and harder to guess).',
    );
    expect(problem(' vigil at the town hall')).toContain('starts or ends with a space');
    expect(problem('vigil at the town hall\n')).toContain('invisible or control characters');
    expect(problem('vigil at the\u202Etown hall')).toContain('invisible or control characters');
    expect(problem('x'.repeat(1025))).toBe('This passphrase is longer than 1024 characters.');
    expect(problem(PASSPHRASE)).toBeNull();
  });

  it('counts characters as a person does and keeps the passphrase in the form keyboards type (NFC)', () => {
    expect(checkNewPassphrase('Tromsø vigil')).toEqual({ ok: true, value: 'Tromsø vigil' });
    expect(checkNewPassphrase('Tromsø vigil'.normalize('NFD'))).toEqual({
      ok: true,
      value: 'Tromsø vigil'.normalize('NFC'),
    });
    // Ten UTF-16 units, but eight characters: too short.
    expect(checkNewPassphrase('🕯🕯 vigil')).toEqual({ ok: false, error: { code: 'too-short', length: 8, minimum: 10 } });
    expect(checkNewPassphrase('🕯🕯🕯🕯 vigil!').ok).toBe(true);
  });
});

describe('encrypting and decrypting with a passphrase', () => {
  it('round-trips every byte of a file of several chunks, written as an age file with a scrypt stanza', async () => {
    const plain = bytesOf(200 * 1024 + 7);
    const file = await encrypted(plain);
    expect(text(file.subarray(0, AGE_MAGIC.length))).toBe(AGE_MAGIC);
    expect(headerOf(file)).toMatch(/^age-encryption\.org\/v1\n-> scrypt [A-Za-z0-9+/]{22} 10\n[A-Za-z0-9+/]{43}$/);
    // Header, 16-byte nonce, then 64 KiB chunks each with a 16-byte tag.
    expect(file.length - plain.length).toBe(headerOf(file).length + '\n--- '.length + 43 + 1 + 16 + 4 * 16);
    const result = await decryptWithPassphrase(file, PASSPHRASE);
    expect(result.ok && result.value.plaintext).toEqual(plain);
  });

  it('writes with the cost the age command uses by default (scrypt work factor 18)', async () => {
    const result = await encryptWithPassphrase(utf8('{}'), PASSPHRASE);
    expect(result.ok && headerOf(result.value)).toMatch(/^age-encryption\.org\/v1\n-> scrypt \S{22} 18\n/);
  });

  it('encrypts the same file twice to two different files (fresh salt and key)', async () => {
    const plain = utf8('families liaison: 0470 12 34 56');
    expect(await encrypted(plain)).not.toEqual(await encrypted(plain));
  });

  it('refuses a passphrase it would not accept, without encrypting', async () => {
    expect(await encryptWithPassphrase(utf8('{}'), 'short')).toEqual({
      ok: false,
      error: { code: 'too-short', length: 5, minimum: 10 },
    });
  });

  it('says a wrong passphrase is wrong, and gives nothing back', async () => {
    const file = await encrypted(utf8('families liaison: 0470 12 34 56'));
    const result = await decryptWithPassphrase(file, 'vigil at the town hal');
    expect(result).toEqual({ ok: false, error: { code: 'wrong-passphrase' } });
    expect(describeDecryptProblem({ code: 'wrong-passphrase' }, 'backup')).toBe(
      'The passphrase does not open this backup. Check it (capital letters, keyboard layout) and try again. Nothing was changed.',
    );
  });

  it('asks for the passphrase when none is given', async () => {
    const file = await encrypted(utf8('{}'));
    const result = await decryptWithPassphrase(file, '');
    expect(result).toEqual({ ok: false, error: { code: 'no-passphrase' } });
    expect(result.ok || describeDecryptProblem(result.error, 'backup')).toBe(
      'This backup is encrypted: enter its passphrase.',
    );
  });

  it('reads leniently: a passphrase typed in another Unicode form, or with a space around it, opens the file and says so', async () => {
    const file = await encrypted(utf8('{}'), 'Café vigil at 19:00');
    const nfd = await decryptWithPassphrase(file, 'Café vigil at 19:00'.normalize('NFD'));
    expect(nfd.ok && nfd.value.adjusted).toBe('unicode-form');
    const spaced = await decryptWithPassphrase(file, 'Café vigil at 19:00 ');
    expect(spaced.ok && spaced.value.adjusted).toBe('surrounding-space');
  });

  it('says a file that is not encrypted is not', async () => {
    expect(await decryptWithPassphrase(utf8('{"format":"response-desk-backup"}'), PASSPHRASE)).toEqual({
      ok: false,
      error: { code: 'not-encrypted' },
    });
  });

  it('names a file encrypted to age keys rather than a passphrase', async () => {
    const encrypter = new Encrypter();
    encrypter.addRecipient(await identityToRecipient(await generateX25519Identity()));
    const result = await decryptWithPassphrase(await encrypter.encrypt('{}'), PASSPHRASE);
    expect(result).toEqual({ ok: false, error: { code: 'not-passphrase', recipients: ['X25519'] } });
    expect(result.ok || describeDecryptProblem(result.error, 'export package')).toContain(
      'encrypted to age keys (X25519), not with a passphrase',
    );
  });

  it('refuses a file asking for an absurd scrypt cost before trying it', async () => {
    const file = await encrypted(utf8('{}'));
    const costly = utf8(text(file.subarray(0, 100)).replace(/ 10\n/, ' 30\n'));
    const result = await decryptWithPassphrase(new Uint8Array([...costly, ...file.subarray(100)]), PASSPHRASE);
    expect(result).toEqual({ ok: false, error: { code: 'too-costly', workFactor: 30 } });
  });
});

describe('a damaged file gives nothing half-decrypted', () => {
  const plain = bytesOf(3 * 64 * 1024 + 100);

  it('a byte changed in the last chunk: refused whole, though the chunks before it were sound', async () => {
    const file = await encrypted(plain);
    file[file.length - 20]! ^= 0x01;
    const result = await decryptWithPassphrase(file, PASSPHRASE);
    expect(result.ok).toBe(false);
    expect(result.ok || result.error.code).toBe('damaged');
    expect(result.ok || describeDecryptProblem(result.error, 'backup')).toMatch(
      /^This backup is encrypted but damaged or cut short \(.+\), so it cannot be opened\. Nothing was changed\.$/,
    );
  });

  it('cut short, even exactly at a chunk boundary: refused', async () => {
    const file = await encrypted(plain);
    const lastChunk = 100 + 16;
    for (const cut of [file.length - 1, file.length - lastChunk, file.length - lastChunk - (64 * 1024 + 16)]) {
      const result = await decryptWithPassphrase(file.subarray(0, cut), PASSPHRASE);
      expect(result.ok || result.error.code, `cut at ${cut}`).toBe('damaged');
    }
  });

  it('a header changed after encryption (its MAC), or cut before the content: refused as damaged', async () => {
    const file = await encrypted(plain);
    const altered = file.slice();
    altered[AGE_MAGIC.length + 12]! ^= 0x01; // inside the salt
    expect((await decryptWithPassphrase(altered, PASSPHRASE)).ok).toBe(false);
    const noHeaderEnd = file.subarray(0, AGE_MAGIC.length + 20);
    expect(await decryptWithPassphrase(noHeaderEnd, PASSPHRASE)).toEqual({
      ok: false,
      error: { code: 'damaged', detail: 'its header is incomplete' },
    });
  });

  it('armor that does not decode: refused as damaged', async () => {
    const armored = armor.encode(await encrypted(utf8('{}')));
    const broken = utf8(armored.replace(/\n[A-Za-z0-9+/]{10}/, '\n!!!!!!!!!!'));
    const result = await decryptWithPassphrase(broken, PASSPHRASE);
    expect(result.ok || result.error.code).toBe('damaged');
  });
});

describe('a large backup', () => {
  it('encrypts and decrypts 150 MB whole', async () => {
    const plain = new Uint8Array(150 * 1024 * 1024);
    for (let i = 0; i < plain.length; i += 4096) plain[i] = i & 0xff;
    const file = await encrypted(plain);
    // 2,400 chunks of 64 KiB, each with its 16-byte tag, after a header of under 200 bytes.
    expect(file.length - plain.length - 2400 * 16).toBeGreaterThan(16);
    expect(file.length - plain.length - 2400 * 16).toBeLessThan(200);
    const result = await decryptWithPassphrase(file, PASSPHRASE);
    expect(result.ok && result.value.plaintext.length).toBe(plain.length);
    expect(result.ok && Buffer.compare(result.value.plaintext, plain)).toBe(0);
  }, 180_000);
});

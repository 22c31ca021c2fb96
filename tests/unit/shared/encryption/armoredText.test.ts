import { armor, Encrypter, generateIdentity, identityToRecipient } from 'age-encryption';
import { describe, expect, it } from 'vitest';

import {
  AGE_ARMOR_BEGIN,
  AGE_MAGIC,
  decryptToText,
  encryptTextToArmor,
  encryptWithPassphrase,
  isPassphraseArmor,
  isPassphraseFile,
} from '@shared/domain/encryption/passphrase';

const PASSPHRASE = 'Candles at the town hall, 19:00';
const BACKUP = `${JSON.stringify({ format: 'response-desk-backup', data: { contacts: [{ name: 'Amal Haddad', phone: '+47 912 34 567' }] } })}\n`;

async function sealed(text = BACKUP): Promise<string> {
  const r = await encryptTextToArmor(text, PASSPHRASE, { workFactor: 10 });
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
}

describe('encrypted backups as age armor', () => {
  it('FORMAT: the BEGIN line, base64 lines of 64 characters, the END line; inside, an age file with one scrypt stanza', async () => {
    const text = await sealed();
    const lines = text.split('\n');
    expect(lines[0]).toBe('-----BEGIN AGE ENCRYPTED FILE-----');
    expect(lines.at(-2)).toBe('-----END AGE ENCRYPTED FILE-----');
    expect(lines.at(-1)).toBe('');
    const body = lines.slice(1, -2);
    for (const line of body.slice(0, -1)) expect(line).toMatch(/^[A-Za-z0-9+/]{64}$/);
    const inner = new TextDecoder('latin1').decode(armor.decode(text));
    expect(inner.startsWith(AGE_MAGIC)).toBe(true);
    expect(inner.split('\n')[1]).toMatch(/^-> scrypt [A-Za-z0-9+/]{22} 10$/);
    expect(text).not.toContain('Amal');
  });

  it('opens to the same text, and says when the passphrase is wrong or the content is not text', async () => {
    const text = await sealed();
    expect(await decryptToText(text, PASSPHRASE)).toEqual({ ok: true, value: { text: BACKUP, adjusted: null } });
    expect(await decryptToText(text, 'Candles at the town hall')).toEqual({
      ok: false,
      error: { code: 'wrong-passphrase' },
    });
    const binary = await encryptWithPassphrase(new Uint8Array([0xff, 0xfe, 0x00, 0xc3]), PASSPHRASE, {
      workFactor: 10,
    });
    if (!binary.ok) throw new Error('encrypt');
    expect(await decryptToText(armor.encode(binary.value), PASSPHRASE)).toEqual({
      ok: false,
      error: { code: 'damaged', detail: 'what it holds is not UTF-8 text' },
    });
  });

  it('tells a passphrase-only armored file from anything else, reading only its header', async () => {
    const text = await sealed('x'.repeat(5000));
    expect(isPassphraseArmor(text)).toBe(true);
    expect(isPassphraseArmor(`\uFEFF${text}`)).toBe(true);
    // Cut after the header: still recognised (the restore finds the cut).
    expect(isPassphraseArmor(text.split('\n').slice(0, 9).join('\n'))).toBe(true);
    expect(isPassphraseArmor(BACKUP)).toBe(false);
    expect(isPassphraseArmor(`${AGE_ARMOR_BEGIN}\nnot base64\n-----END AGE ENCRYPTED FILE-----\n`)).toBe(false);
    const encrypter = new Encrypter();
    encrypter.addRecipient(await identityToRecipient(await generateIdentity()));
    expect(isPassphraseArmor(armor.encode(await encrypter.encrypt('x'.repeat(5000))))).toBe(false);
  });

  it('tells a passphrase-only binary file (an encrypted export package) from a zip, an armored file or a key-encrypted file', async () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new Array<number>(200).fill(7)]);
    const binary = await encryptWithPassphrase(zip, PASSPHRASE, { workFactor: 10 });
    if (!binary.ok) throw new Error(binary.error.code);
    expect(isPassphraseFile(binary.value)).toBe(true);
    expect(isPassphraseFile(zip)).toBe(false);
    expect(isPassphraseFile(new TextEncoder().encode(await sealed()))).toBe(false);
    expect(isPassphraseFile(new TextEncoder().encode(`${AGE_MAGIC}-> X25519 abc\n--- mac\n`))).toBe(false);
    const encrypter = new Encrypter();
    encrypter.addRecipient(await identityToRecipient(await generateIdentity()));
    expect(isPassphraseFile(await encrypter.encrypt(zip))).toBe(false);
  });
});

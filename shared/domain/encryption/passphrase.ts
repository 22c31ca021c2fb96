import { base64 } from '@scure/base';
import { armor, Decrypter, Encrypter } from 'age-encryption';

import { err, ok, type Result } from '../result';
import { describeByCode, format } from '../../i18n/format';

/**
 * Backups and export packages leave the laptop on USB sticks and hold victims' families' contact
 * details, so the desk can encrypt them with a passphrase in the age format
 * (https://age-encryption.org/v1): any age tool opens them (`age --decrypt FILE`), and the desk
 * opens files the `age` command encrypted with a passphrase (`age --passphrase`).
 *
 * Both directions take and give whole files: the content is encrypted and decrypted in the
 * format's 64 KiB chunks, and a decryption returns the whole plaintext or a problem, never part
 * of it (the last chunk is authenticated like the rest, so a file cut short is found).
 */

/** FORMAT: the first line of an age file (binary), and the first line of its ASCII armor. */
export const AGE_MAGIC = 'age-encryption.org/v1\n';
export const AGE_ARMOR_BEGIN = '-----BEGIN AGE ENCRYPTED FILE-----';

/**
 * FORMAT: scrypt's work factor (log2 N) for a passphrase, as the `age` command uses by default:
 * about a second and 256 MiB per attempt, which is what makes guessing a passphrase slow.
 */
export const SCRYPT_WORK_FACTOR = 18;
/** The highest work factor the desk will try: beyond it a single attempt would take minutes and gigabytes. */
const MAX_WORK_FACTOR = 20;

/** A passphrase shorter than this is refused for encryption: the file will be out of the desk's hands. */
export const MIN_PASSPHRASE_LENGTH = 10;
const MAX_PASSPHRASE_LENGTH = 1024;

export type EncryptedKind = 'binary' | 'armored';

/**
 * Says whether a file is age-encrypted (so a restore asks "This backup is encrypted: enter its
 * passphrase" instead of calling it damaged), from its first bytes; armored files may start with
 * whitespace or a byte-order mark.
 */
export function detectEncrypted(head: Uint8Array): EncryptedKind | null {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(head.subarray(0, 64));
  if (text.startsWith(AGE_MAGIC)) return 'binary';
  if (
    text
      .replace(/^\uFEFF/, '')
      .trimStart()
      .startsWith(AGE_ARMOR_BEGIN)
  )
    return 'armored';
  return null;
}

export type PassphraseProblem =
  | { code: 'empty' }
  | { code: 'too-short'; length: number; minimum: number }
  | { code: 'too-long'; maximum: number }
  | { code: 'surrounding-space' }
  | { code: 'control-characters' };

// Control and bidirectional-override characters: no keyboard types them, and a pasted one would
// make a passphrase nobody can type again at the `age` prompt.
// eslint-disable-next-line no-control-regex
const UNTYPABLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/u;

/**
 * Checks a passphrase chosen for encryption. Strict, because a file encrypted with a passphrase
 * nobody can type again is lost: no leading or trailing spaces, nothing a keyboard does not type,
 * and long enough to resist guessing offline.
 */
export function checkNewPassphrase(passphrase: string): Result<string, PassphraseProblem> {
  if (passphrase.length === 0) return err({ code: 'empty' });
  if (passphrase.length > MAX_PASSPHRASE_LENGTH) return err({ code: 'too-long', maximum: MAX_PASSPHRASE_LENGTH });
  if (UNTYPABLE.test(passphrase)) return err({ code: 'control-characters' });
  if (passphrase.trim() !== passphrase) return err({ code: 'surrounding-space' });
  // Counted as a person counts: "é" is one character however it is encoded, and so is "🕯".
  const length = Array.from(new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(passphrase)).length;
  if (length < MIN_PASSPHRASE_LENGTH) return err({ code: 'too-short', length, minimum: MIN_PASSPHRASE_LENGTH });
  // FORMAT: the passphrase is encrypted with in Unicode NFC, the form keyboards type.
  return ok(passphrase.normalize('NFC'));
}

export const describePassphraseProblem = describeByCode<PassphraseProblem>({
  empty: 'encryption.passphrase.empty',
  'too-short': 'encryption.passphrase.tooShort',
  'too-long': 'encryption.passphrase.tooLong',
  'surrounding-space': 'encryption.passphrase.surroundingSpace',
  'control-characters': 'encryption.passphrase.controlCharacters',
});

/**
 * Encrypts a whole file with a passphrase (checked with `checkNewPassphrase`) in the age format,
 * binary. `workFactor` is for tests only; files the desk writes use the `age` command's default.
 */
export async function encryptWithPassphrase(
  plaintext: Uint8Array,
  passphrase: string,
  options: { workFactor?: number } = {},
): Promise<Result<Uint8Array, PassphraseProblem>> {
  const checked = checkNewPassphrase(passphrase);
  if (!checked.ok) return checked;
  const encrypter = new Encrypter();
  encrypter.setPassphrase(checked.value);
  encrypter.setScryptWorkFactor(options.workFactor ?? SCRYPT_WORK_FACTOR);
  return ok(await encrypter.encrypt(plaintext));
}

export type DecryptProblem =
  | { code: 'not-encrypted' }
  | { code: 'no-passphrase' }
  /** Encrypted to age keys (recipients), not with a passphrase. */
  | { code: 'not-passphrase'; recipients: string[] }
  | { code: 'wrong-passphrase' }
  | { code: 'too-costly'; workFactor: number }
  /** The header or the content does not check out: cut short, altered, or not what it claims. */
  | { code: 'damaged'; detail: string };

/** What was adjusted to open a file: the passphrase as typed did not open it, this form of it did. */
export type PassphraseAdjustment = 'unicode-form' | 'surrounding-space' | null;

/** The recipient types named in the header's stanzas ("-> scrypt …"), read before any key work. */
function stanzaTypes(file: Uint8Array): Result<{ types: string[]; workFactor: number | null }, DecryptProblem> {
  // The header is ASCII and ends at the line starting "---"; it is short, so 64 KiB holds it.
  const head = new TextDecoder('latin1').decode(file.subarray(0, 64 * 1024));
  const end = head.indexOf('\n---');
  if (!head.startsWith(AGE_MAGIC) || end < 0)
    return err({ code: 'damaged', detail: format('encryption.damage.headerIncomplete') });
  const lines = head.slice(AGE_MAGIC.length, end).split('\n');
  const stanzas = lines.filter((l) => l.startsWith('-> ')).map((l) => l.slice(3).split(' '));
  if (stanzas.length === 0) return err({ code: 'damaged', detail: format('encryption.damage.noWayToOpen') });
  const scrypt = stanzas.find((s) => s[0] === 'scrypt');
  const workFactor = scrypt && /^[1-9][0-9]?$/.test(scrypt[2] ?? '') ? Number(scrypt[2]) : null;
  return ok({ types: stanzas.map((s) => s[0] ?? ''), workFactor });
}

/**
 * Decrypts a whole age file (binary or armored) with a passphrase: the whole plaintext, or a
 * problem and nothing. Read leniently: when the passphrase as typed does not open it, its NFC
 * form and then its form without surrounding spaces are tried, and the result says which did.
 */
export async function decryptWithPassphrase(
  file: Uint8Array,
  passphrase: string,
): Promise<Result<{ plaintext: Uint8Array; adjusted: PassphraseAdjustment }, DecryptProblem>> {
  const kind = detectEncrypted(file);
  if (kind === null) return err({ code: 'not-encrypted' });
  let bytes = file;
  if (kind === 'armored') {
    try {
      bytes = armor.decode(new TextDecoder('utf-8', { fatal: true }).decode(file).replace(/^\uFEFF/, ''));
    } catch (e) {
      return err({
        code: 'damaged',
        detail: format('encryption.damage.armor', { reason: e instanceof Error ? e.message : String(e) }),
      });
    }
  }
  const header = stanzaTypes(bytes);
  if (!header.ok) return header;
  if (!header.value.types.includes('scrypt')) return err({ code: 'not-passphrase', recipients: header.value.types });
  if (header.value.workFactor === null) return err({ code: 'damaged', detail: format('encryption.damage.stanza') });
  if (header.value.workFactor > MAX_WORK_FACTOR)
    return err({ code: 'too-costly', workFactor: header.value.workFactor });
  if (passphrase.length === 0) return err({ code: 'no-passphrase' });

  const tries: { passphrase: string; adjusted: PassphraseAdjustment }[] = [{ passphrase, adjusted: null }];
  const nfc = passphrase.normalize('NFC');
  if (nfc !== passphrase) tries.push({ passphrase: nfc, adjusted: 'unicode-form' });
  const trimmed = nfc.trim();
  if (trimmed !== nfc && trimmed.length > 0) tries.push({ passphrase: trimmed, adjusted: 'surrounding-space' });

  for (const attempt of tries) {
    const decrypter = new Decrypter();
    decrypter.addPassphrase(attempt.passphrase);
    try {
      return ok({ plaintext: await decrypter.decrypt(bytes), adjusted: attempt.adjusted });
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      // The file key did not unwrap: this passphrase is not the one. Anything else is the file.
      if (message.includes('no identity matched')) continue;
      return err({ code: 'damaged', detail: message });
    }
  }
  return err({ code: 'wrong-passphrase' });
}

/** The words a person sees when an encrypted backup or package does not open. Nothing was changed. */
export function describeDecryptProblem(p: DecryptProblem, what: 'backup' | 'export package' | 'file'): string {
  const values = { what: what === 'export package' ? 'package' : what };
  switch (p.code) {
    case 'not-encrypted':
      return format('encryption.decrypt.notEncrypted', values);
    case 'no-passphrase':
      return format('encryption.decrypt.noPassphrase', values);
    case 'not-passphrase':
      return format('encryption.decrypt.notPassphrase', { ...values, recipients: p.recipients.join(', ') });
    case 'wrong-passphrase':
      return format('encryption.decrypt.wrongPassphrase', values);
    case 'too-costly':
      return format('encryption.decrypt.tooCostly', { ...values, workFactor: p.workFactor });
    case 'damaged':
      return format('encryption.decrypt.damaged', { ...values, detail: p.detail });
  }
}

/**
 * FORMAT: an encrypted backup is age's ASCII armor ("-----BEGIN AGE ENCRYPTED FILE-----", then
 * base64 lines of 64 characters, then the end line), so it travels wherever a backup's text does
 * and `age --decrypt` reads it as it is. The content is the backup's UTF-8 text.
 */
export async function encryptTextToArmor(
  text: string,
  passphrase: string,
  options: { workFactor?: number } = {},
): Promise<Result<string, PassphraseProblem>> {
  const encrypted = await encryptWithPassphrase(new TextEncoder().encode(text), passphrase, options);
  return encrypted.ok ? ok(armor.encode(encrypted.value)) : encrypted;
}

/** Opens an encrypted backup's text (armored or not) to the UTF-8 text it holds: the whole of it, or a problem. */
export async function decryptToText(
  file: string | Uint8Array,
  passphrase: string,
): Promise<Result<{ text: string; adjusted: PassphraseAdjustment }, DecryptProblem>> {
  const bytes = typeof file === 'string' ? new TextEncoder().encode(file) : file;
  const opened = await decryptWithPassphrase(bytes, passphrase);
  if (!opened.ok) return opened;
  try {
    return ok({
      text: new TextDecoder('utf-8', { fatal: true }).decode(opened.value.plaintext),
      adjusted: opened.value.adjusted,
    });
  } catch {
    return err({ code: 'damaged', detail: format('encryption.damage.notText') });
  }
}

/**
 * Whether `text` is an armored age file that only a passphrase opens (its header's one stanza
 * is scrypt), checked without any key work: what main demands of an automatic backup when the
 * desk's backups are to be encrypted, so none is written in clear by mistake.
 */
export function isPassphraseArmor(text: string): boolean {
  if (detectEncrypted(new TextEncoder().encode(text.slice(0, 64))) !== 'armored') return false;
  // Only the header is read: its first lines (a passphrase header is under 200 bytes), so a large
  // backup is not decoded whole where this runs (main's event loop). The restore checks the rest.
  const lines = text
    .replace(/^\uFEFF/, '')
    .trimStart()
    .split('\n', HEADER_ARMOR_LINES + 1)
    .slice(1, HEADER_ARMOR_LINES + 1);
  const full = lines.findIndex((l) => !/^[A-Za-z0-9+/]{64}$/.test(l.trimEnd()));
  const body = full < 0 ? lines : lines.slice(0, full);
  if (body.length === 0) return false;
  let bytes: Uint8Array;
  try {
    bytes = base64.decode(body.map((l) => l.trimEnd()).join(''));
  } catch {
    return false;
  }
  return onlyPassphraseOpens(bytes);
}

const onlyPassphraseOpens = (file: Uint8Array): boolean => {
  const header = stanzaTypes(file);
  return (
    header.ok &&
    header.value.types.length === 1 &&
    header.value.types[0] === 'scrypt' &&
    header.value.workFactor !== null
  );
};

/**
 * Whether `bytes` are a binary age file that only a passphrase opens, from its header alone: what
 * main demands of an export package saved encrypted (`….zip.age`), whose contents it cannot read.
 */
export function isPassphraseFile(bytes: Uint8Array): boolean {
  return detectEncrypted(bytes) === 'binary' && onlyPassphraseOpens(bytes);
}

/** How many armor lines hold the header of a passphrase-encrypted file, with room to spare (48 bytes a line). */
const HEADER_ARMOR_LINES = 8;

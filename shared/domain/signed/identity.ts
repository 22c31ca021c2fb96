import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { entropyToMnemonic } from '@scure/bip39';
import { wordlist as english } from '@scure/bip39/wordlists/english.js';
import { z } from 'zod';

// zod's own words come from the catalogue wherever a schema of the desk is checked.
import '../../i18n/zodMessages';

import { canonicalJson } from '../integrity/canonical';
import { err, ok, type Result } from '../result';
import type { Ed25519Sign, Ed25519Verify } from './ed25519';
import { DeskIdSchema, hex64, readableText, signatureHex } from './format';
import { withoutField } from './sign';
import { format } from '../../i18n/format';

/**
 * FORMAT: a desk's id follows from its Ed25519 public key:
 *   digest  = SHA-256(the 32 raw bytes of the public key)
 *   desk id = "desk-" + the first 16 bytes of the digest in lowercase hex
 * Anyone holding the public key can recompute it (`xxd -r -p | sha256sum`), and no two keys a
 * team will ever see share one (128 bits).
 */
export function deskIdOf(publicKey: Uint8Array): string {
  if (publicKey.length !== 32) throw new Error(`An Ed25519 public key is 32 bytes; this one is ${publicKey.length}.`);
  return `desk-${bytesToHex(sha256(publicKey).subarray(0, 16))}`;
}

/** A key's fingerprint, to read aloud or print and compare: the same 128 bits as the desk id. */
export type Fingerprint = {
  /** Eight groups of four hexadecimal digits: "3f2a 91c0 …". */
  hex: string;
  /** Twelve words of the BIP-39 English list (the standard mnemonic of those 16 bytes). */
  words: string[];
};

/**
 * FORMAT: the fingerprint shows the desk id's 16 bytes twice over: as eight groups of four hex
 * digits, and as the BIP-39 English mnemonic of those bytes (twelve words, the last carrying a
 * checksum), which any BIP-39 tool reproduces. Reading the words over a telephone is less
 * error-prone than reading hex.
 */
export function fingerprintOf(publicKey: Uint8Array): Fingerprint {
  return fingerprintOfDeskId(deskIdOf(publicKey));
}

/** The fingerprint of a desk known by its id only (the desk a restored desk continues). */
export function fingerprintOfDeskId(deskId: string): Fingerprint {
  return fingerprintOfBytes(hexToBytes(deskId.slice('desk-'.length)));
}

/** 16 bytes shown as a fingerprint: eight groups of four hex digits and their twelve BIP-39 words. */
export function fingerprintOfBytes(bytes: Uint8Array): Fingerprint {
  const hex = bytesToHex(bytes).match(/.{4}/g)?.join(' ') ?? '';
  return { hex, words: entropyToMnemonic(bytes, english).split(' ') };
}

/** The fingerprint of a desk's public key given as hex (as identities carry it). */
export function fingerprintOfHex(publicKeyHex: string): Fingerprint {
  return fingerprintOf(hexToBytes(publicKeyHex));
}

export const DESK_IDENTITY_FORMAT = 'response-desk-desk-identity';

/**
 * What a desk restored from a backup continues: the desk that made the backup (null for a backup
 * made before desks had identities), its name then, and which backup (its checksum and file name).
 */
export const ContinuesFromSchema = z
  .object({
    deskId: DeskIdSchema.nullable(),
    deskName: readableText(120).optional(),
    backupChecksum: hex64,
    backupFile: readableText(255).optional(),
  })
  .strict();
export type ContinuesFrom = z.infer<typeof ContinuesFromSchema>;

const identityShape = {
  format: z.literal(DESK_IDENTITY_FORMAT),
  version: z.literal(1),
  deskId: DeskIdSchema,
  /** The Ed25519 public key, 32 bytes in lowercase hex. */
  publicKey: hex64,
  /** The name the team gave this desk ("Crisis room laptop 2"). */
  name: readableText(120),
  createdAt: z.number().int().nonnegative(),
  /** After a restore: the desk and backup this one carries on from; null for a desk made new. */
  continuesFrom: ContinuesFromSchema.nullable(),
};

/**
 * FORMAT: a desk's public identity, as backups and records carry it: never the private key. It is
 * signed by the desk's own key over the canonical JSON of every field but `signature` (as a
 * record is), so it proves the desk held the key and that its name and "continues from" are its
 * own words. A desk restored onto another laptop makes a NEW identity naming the one it
 * continues: two laptops writing as one desk would fork its chains.
 */
export const DeskIdentitySchema = z
  .object({ ...identityShape, signature: signatureHex })
  .strict()
  .superRefine((identity, ctx) => {
    // zod runs this even when a field above failed: a key that is not 32 bytes of hex is reported
    // there, and must not reach hexToBytes or deskIdOf, which throw on it.
    const keyIsHex = hex64.safeParse(identity.publicKey).success;
    if (keyIsHex && deskIdOf(hexToBytes(identity.publicKey)) !== identity.deskId)
      ctx.addIssue({ code: 'custom', path: ['deskId'], message: format('signed.identity.notFromKey') });
    if (identity.continuesFrom?.deskId === identity.deskId)
      ctx.addIssue({
        code: 'custom',
        path: ['continuesFrom'],
        message: format('signed.identity.continuesItself'),
      });
  });
export type DeskIdentity = z.infer<typeof DeskIdentitySchema>;

/** Makes and signs a desk's public identity. */
export async function createDeskIdentity(input: {
  publicKey: Uint8Array;
  name: string;
  createdAt: number;
  continuesFrom: ContinuesFrom | null;
  sign: Ed25519Sign;
}): Promise<DeskIdentity> {
  const unsigned = {
    format: DESK_IDENTITY_FORMAT,
    version: 1,
    deskId: deskIdOf(input.publicKey),
    publicKey: bytesToHex(input.publicKey),
    name: input.name,
    createdAt: input.createdAt,
    continuesFrom: input.continuesFrom,
  } as const;
  const signature = bytesToHex(await input.sign(utf8ToBytes(canonicalJson(unsigned))));
  return { ...unsigned, signature };
}

/**
 * Why an identity read from a file is refused: malformed (`detail` names the field), an id that
 * another key's identity was given (`not-from-key`), or a signature its own key did not make.
 */
export type IdentityProblem =
  | { code: 'invalid'; detail: string }
  | { code: 'not-from-key'; deskId: string; detail: string }
  | { code: 'bad-signature'; deskId: string };

/**
 * Checks a desk identity's shape and that its id follows from its key, without its signature:
 * what can be checked where no Ed25519 verifier is at hand.
 */
export function parseDeskIdentity(raw: unknown): Result<DeskIdentity, IdentityProblem> {
  const parsed = DeskIdentitySchema.safeParse(raw);
  if (parsed.success) return ok(parsed.data);
  const issue = parsed.error.issues[0];
  const detail = format('text.issue', {
    path: issue?.path.map(String).join('.') || format('signed.identity.whole'),
    message: issue?.message ?? format('text.invalid'),
  });
  // The refinement's one issue on the desk id itself is that it does not follow from the key.
  const onlyTheId = parsed.error.issues.every(
    (i) => i.code === 'custom' && i.path.length === 1 && i.path[0] === 'deskId',
  );
  return onlyTheId
    ? err({ code: 'not-from-key', deskId: (raw as { deskId: string }).deskId, detail })
    : err({ code: 'invalid', detail });
}

/**
 * Checks a desk identity read from a file: its shape, that its id follows from its key, and that
 * the key signed it. Errors name the problem in words.
 */
export async function readDeskIdentity(
  raw: unknown,
  verify: Ed25519Verify,
): Promise<Result<DeskIdentity, IdentityProblem>> {
  const parsed = parseDeskIdentity(raw);
  if (!parsed.ok) return parsed;
  const identity = parsed.value;
  const signed = await verify(
    hexToBytes(identity.publicKey),
    hexToBytes(identity.signature),
    utf8ToBytes(canonicalJson(withoutField(identity, 'signature'))),
  );
  return signed ? ok(identity) : err({ code: 'bad-signature', deskId: identity.deskId });
}

/** "Crisis room laptop (desk-3f2a…, fingerprint 3f2a 91c0 …)": how reports name a desk. */
export function describeDesk(identity: Pick<DeskIdentity, 'name' | 'publicKey'>): string {
  return format('signed.desk.identity', { name: identity.name, fingerprint: fingerprintOfHex(identity.publicKey).hex });
}

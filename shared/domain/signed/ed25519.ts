import { bytesToHex } from '@noble/hashes/utils.js';

/**
 * Ed25519, injected: shared/ stays pure, and each host brings its own implementation. The
 * renderer and the browser edition pass Web Crypto (`crypto.subtle`, where the desk's private
 * key lives as a non-extractable CryptoKey); the command-line verifier passes node:crypto.
 */

/** Signs a message with the desk's private key; the key never leaves the implementation. */
export type Ed25519Sign = (message: Uint8Array) => Promise<Uint8Array>;

/** True when `signature` is a valid Ed25519 signature of `message` by the raw 32-byte `publicKey`. */
export type Ed25519Verify = (publicKey: Uint8Array, signature: Uint8Array, message: Uint8Array) => Promise<boolean>;

const ED25519 = { name: 'Ed25519' } as const;

/** Bytes over a plain ArrayBuffer, as Web Crypto takes them. */
type Bytes = Uint8Array<ArrayBuffer>;
const plain = (bytes: Uint8Array): Bytes =>
  bytes.buffer instanceof ArrayBuffer ? (bytes as Bytes) : new Uint8Array(bytes);

/**
 * The part of Web Crypto's SubtleCrypto the desk uses, with the key type left open: shared/ has
 * no DOM types, and `globalThis.crypto.subtle` (Chromium, Node 20) satisfies it as it is.
 */
export interface SubtleEd25519<Key> {
  generateKey(
    algorithm: typeof ED25519,
    extractable: boolean,
    keyUsages: readonly ('sign' | 'verify')[],
  ): Promise<unknown>;
  exportKey(format: 'raw', key: Key): Promise<ArrayBuffer>;
  importKey(
    format: 'raw',
    keyData: Bytes,
    algorithm: typeof ED25519,
    extractable: boolean,
    keyUsages: readonly 'verify'[],
  ): Promise<Key>;
  sign(algorithm: typeof ED25519, key: Key, data: Bytes): Promise<ArrayBuffer>;
  verify(algorithm: typeof ED25519, key: Key, signature: Bytes, data: Bytes): Promise<boolean>;
}

/** A desk's key pair: the private key stays an opaque handle; the public key is also given raw. */
export type DeskKeyPair<Key> = { privateKey: Key; publicKey: Key; publicKeyRaw: Uint8Array };

/**
 * SECURITY: creates the desk's Ed25519 key pair with its private key NON-extractable: it can sign,
 * but no script (nor a backup, nor an export) can read it out. Web Crypto always lets the public
 * key be exported, which is all the desk ever shows or writes.
 */
export async function generateDeskKeyPair<Key>(subtle: SubtleEd25519<Key>): Promise<DeskKeyPair<Key>> {
  const pair = (await subtle.generateKey(ED25519, false, ['sign', 'verify'])) as { privateKey: Key; publicKey: Key };
  const publicKeyRaw = new Uint8Array(await subtle.exportKey('raw', pair.publicKey));
  return { privateKey: pair.privateKey, publicKey: pair.publicKey, publicKeyRaw };
}

/** A signer over a private key held by Web Crypto. */
export function webCryptoSigner<Key>(subtle: SubtleEd25519<Key>, privateKey: Key): Ed25519Sign {
  return async (message) => new Uint8Array(await subtle.sign(ED25519, privateKey, plain(message)));
}

/**
 * A verifier on Web Crypto. Each public key is imported once and kept (a record file names a few
 * desks and holds many thousands of records); a key Web Crypto refuses to import is no valid key,
 * so nothing it "signed" verifies.
 */
export function webCryptoVerifier<Key>(subtle: SubtleEd25519<Key>): Ed25519Verify {
  const keys = new Map<string, Promise<Key | null>>();
  return async (publicKey, signature, message) => {
    const hex = bytesToHex(publicKey);
    let key = keys.get(hex);
    if (key === undefined) {
      key = subtle.importKey('raw', plain(publicKey), ED25519, true, ['verify']).catch(() => null);
      keys.set(hex, key);
    }
    const imported = await key;
    if (imported === null || signature.length !== 64) return false;
    return subtle.verify(ED25519, imported, plain(signature), plain(message)).catch(() => false);
  };
}

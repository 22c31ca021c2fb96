import { createPublicKey, verify, type KeyObject } from 'node:crypto';

import type { Ed25519Verify } from '@shared/domain/signed/ed25519';

/** FORMAT: an Ed25519 public key as SubjectPublicKeyInfo (RFC 8410): this prefix, then the 32 raw bytes. */
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/**
 * Ed25519 verification with node:crypto (OpenSSL), for the command-line verifier: no browser,
 * no Web Crypto needed. Each desk's key is parsed once. Each check runs on libuv's thread pool
 * (the callback form), so the verifier's pages of records are checked on every core.
 */
export function nodeEd25519Verifier(): Ed25519Verify {
  const keys = new Map<string, KeyObject | null>();
  return (publicKey, signature, message) => {
    const hex = Buffer.from(publicKey).toString('hex');
    let key = keys.get(hex);
    if (key === undefined) {
      try {
        key =
          publicKey.length === 32
            ? createPublicKey({ key: Buffer.concat([SPKI_PREFIX, publicKey]), format: 'der', type: 'spki' })
            : null;
      } catch {
        key = null;
      }
      keys.set(hex, key);
    }
    if (key === null || signature.length !== 64) return Promise.resolve(false);
    const checked = key;
    return new Promise((resolve) => {
      try {
        verify(null, message, checked, signature, (error, valid) => resolve(error === null && valid));
      } catch {
        resolve(false);
      }
    });
  };
}

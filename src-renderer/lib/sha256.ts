import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

import type { Sha256Hex } from '@shared/domain/integrity/canonical';
import type { Sha256Bytes } from '@shared/domain/record/exportPackage';

/**
 * Small inputs (a revision's hash input) are hashed in JavaScript: 100,000 of them through Web
 * Crypto would each wait for a round trip to the browser's crypto thread. Large ones (a whole
 * record, a package's files) go to Web Crypto, which is faster per byte.
 */
const NATIVE_FROM = 64 * 1024;

/** SHA-256 of bytes, as lowercase hex. */
export const sha256Bytes: Sha256Bytes = async (bytes) => {
  if (bytes.byteLength < NATIVE_FROM) return bytesToHex(sha256(bytes));
  return bytesToHex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>)));
};

const utf8 = new TextEncoder();

/** SHA-256 of text (UTF-8), as lowercase hex. */
export const sha256Hex: Sha256Hex = (text) => sha256Bytes(utf8.encode(text));

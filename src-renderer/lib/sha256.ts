import type { Sha256Hex } from '@shared/domain/integrity/canonical';
import type { Sha256Bytes } from '@shared/domain/record/exportPackage';

const hex = (digest: ArrayBuffer) => Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');

/** SHA-256 of bytes through Web Crypto, as lowercase hex. */
export const sha256Bytes: Sha256Bytes = async (bytes) => hex(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));

/** SHA-256 of text (UTF-8) through Web Crypto, as lowercase hex. */
export const sha256Hex: Sha256Hex = async (text) => sha256Bytes(new TextEncoder().encode(text));

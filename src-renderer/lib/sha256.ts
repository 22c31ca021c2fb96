import type { Sha256Hex } from '@shared/domain/integrity/canonical';

/** SHA-256 through Web Crypto, as lowercase hex. */
export const sha256Hex: Sha256Hex = async (text) => {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
};

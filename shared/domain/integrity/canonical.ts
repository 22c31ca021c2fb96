import canonicalize from 'canonicalize';

/** A SHA-256 implementation, injected: Web Crypto in the renderer, node:crypto in tools. */
export type Sha256Hex = (text: string) => Promise<string>;

/**
 * FORMAT: the canonical text of a JSON value (RFC 8785, JSON Canonicalization Scheme): keys
 * sorted, no whitespace, numbers in one spelling. Checksums are taken over this text, so any
 * program that reads the JSON can recompute them.
 */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('Value cannot be represented as JSON');
  return text;
}

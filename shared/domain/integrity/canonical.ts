/** A SHA-256 implementation, injected: Web Crypto or a pure implementation in the renderer, node:crypto in tools. */
export type Sha256Hex = (text: string) => Promise<string>;

/**
 * Puts an object's keys in canonical order, leaving values alone; JSON.stringify then writes
 * numbers and strings exactly as RFC 8785 asks (it is defined on ECMAScript's own serialisation).
 */
function sortKeys(this: unknown, _key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const source = value as Record<string, unknown>;
  const keys = Object.keys(source);
  // UTF-16 code unit order, as RFC 8785 requires: Array.prototype.sort's default.
  keys.sort();
  const sorted: Record<string, unknown> = {};
  for (const k of keys) {
    // defineProperty: a key named "__proto__" stays a key, as in the text it came from.
    if (k === '__proto__') Object.defineProperty(sorted, k, { value: source[k], enumerable: true, writable: true, configurable: true });
    else sorted[k] = source[k];
  }
  return sorted;
}

/**
 * FORMAT: the canonical text of a JSON value (RFC 8785, JSON Canonicalization Scheme): keys
 * sorted, no whitespace, numbers in one spelling. Checksums are taken over this text, so any
 * program that reads the JSON can recompute them. (Written on the engine's own serialiser with
 * the keys sorted, which makes a 100,000-entry record's seal several times faster than walking
 * it by hand; known-answer tests hold it to the same text.)
 */
export function canonicalJson(value: unknown): string {
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') throw new Error('Value cannot be represented as JSON');
  if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('Value cannot be represented as JSON');
  return JSON.stringify(value, sortKeys);
}

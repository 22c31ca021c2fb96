/** A SHA-256 implementation, injected: Web Crypto or a pure implementation in the renderer, node:crypto in tools. */
export type Sha256Hex = (text: string) => Promise<string>;

/** An integer-like key ("9", "10"): an object lists these first, in numeric order, whatever order they were added in. */
const INDEX_KEY = /^(?:0|[1-9]\d{0,9})$/;

/**
 * Puts an object's keys in canonical order, leaving values alone; JSON.stringify then writes
 * numbers and strings exactly as RFC 8785 asks (it is defined on ECMAScript's own serialisation).
 * An object cannot hold integer-like keys in that order ("10" before "9"), so one of those makes
 * the caller write the value the slow, exact way instead.
 */
function sortingReplacer(): {
  replacer: (this: unknown, key: string, value: unknown) => unknown;
  sawIndexKey: () => boolean;
} {
  let indexKey = false;
  return {
    sawIndexKey: () => indexKey,
    replacer(_key, value) {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
      const source = value as Record<string, unknown>;
      const keys = Object.keys(source);
      // UTF-16 code unit order, as RFC 8785 requires: Array.prototype.sort's default.
      keys.sort();
      const sorted: Record<string, unknown> = {};
      for (const k of keys) {
        if (!indexKey && k.charCodeAt(0) <= 57 && INDEX_KEY.test(k)) indexKey = true;
        // defineProperty: a key named "__proto__" stays a key, as in the text it came from.
        if (k === '__proto__')
          Object.defineProperty(sorted, k, { value: source[k], enumerable: true, writable: true, configurable: true });
        else sorted[k] = source[k];
      }
      return sorted;
    },
  };
}

/** The canonical text written member by member: exact for any value, and several times slower. */
function writeExactly(value: unknown, key: string): string | undefined {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function')
    value = (value as { toJSON: (k: string) => unknown }).toJSON(key);
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v, i) => writeExactly(v, String(i)) ?? 'null').join(',')}]`;
  const source = value as Record<string, unknown>;
  const members: string[] = [];
  for (const k of Object.keys(source).sort()) {
    const text = writeExactly(source[k], k);
    if (text !== undefined) members.push(`${JSON.stringify(k)}:${text}`);
  }
  return `{${members.join(',')}}`;
}

/**
 * FORMAT: the canonical text of a JSON value (RFC 8785, JSON Canonicalization Scheme): keys
 * sorted, no whitespace, numbers in one spelling. Checksums are taken over this text, so any
 * program that reads the JSON can recompute them. (Written on the engine's own serialiser with
 * the keys sorted, which makes a 100,000-entry record's seal several times faster than walking
 * it by hand; known-answer tests hold it to the same text.)
 */
export function canonicalJson(value: unknown): string {
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol')
    throw new Error('Value cannot be represented as JSON');
  if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('Value cannot be represented as JSON');
  const { replacer, sawIndexKey } = sortingReplacer();
  const text = JSON.stringify(value, replacer);
  return sawIndexKey() ? (writeExactly(value, '') as string) : text;
}

/**
 * True when two values certainly have the same canonical JSON, decided without writing either:
 * plain objects with the same keys (a key holding `undefined` counts as absent, as in JSON),
 * arrays of the same length, and primitives that are identical. Anything else (a class
 * instance, a number JSON writes as null, an object with a hidden key) answers false, and the
 * caller compares the texts, which stay the rule.
 */
function surelySameJson(a: unknown, b: unknown): boolean {
  if (a === b) {
    // One object twice is one text; a function, symbol or undefined is left to canonicalJson's rules.
    if (a === null || typeof a === 'object' || typeof a === 'string' || typeof a === 'boolean') return true;
    return typeof a === 'number' && Number.isFinite(a);
  }
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i += 1) if (!surelySameJson(a[i], b[i])) return false;
    return true;
  }
  if (
    Array.isArray(b) ||
    Object.getPrototypeOf(a) !== Object.prototype ||
    Object.getPrototypeOf(b) !== Object.prototype
  )
    return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let present = 0;
  for (const k of Object.keys(x)) {
    if (x[k] === undefined) continue;
    present += 1;
    if (!Object.prototype.hasOwnProperty.call(y, k) || !surelySameJson(x[k], y[k])) return false;
  }
  let inY = 0;
  for (const k of Object.keys(y)) if (y[k] !== undefined) inY += 1;
  // A hidden key is not written by canonicalJson either, but would need a closer look.
  return (
    present === inY &&
    Object.getOwnPropertyNames(x).length === Object.keys(x).length &&
    Object.getOwnPropertyNames(y).length === Object.keys(y).length
  );
}

/**
 * Whether two values have the same canonical JSON. Checking an incident's 100,000 entries against
 * their newest revisions mostly meets equal values: those are told apart without writing any text.
 */
export function sameCanonicalJson(a: unknown, b: unknown): boolean {
  return surelySameJson(a, b) || canonicalJson(a) === canonicalJson(b);
}

/**
 * Gathers every own key of every plain object in the value; false when the value holds anything
 * the property-list form of JSON.stringify would write differently (an object that is not plain or
 * has a hidden key; a toJSON method or a key Object.prototype answers to is checked by the caller).
 */
function collectPlainKeys(value: unknown, keys: Set<string>): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (Array.isArray(value)) {
    for (const v of value) if (!collectPlainKeys(v, keys)) return false;
    return true;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  const source = value as Record<string, unknown>;
  const own = Object.keys(source);
  // A hidden (non-enumerable) key would be written by the list form, and is not by canonicalJson.
  if (Object.getOwnPropertyNames(source).length !== own.length) return false;
  for (const k of own) {
    keys.add(k);
    if (!collectPlainKeys(source[k], keys)) return false;
  }
  return true;
}

/**
 * FORMAT: exactly the text of `canonicalJson`, for a large value (a whole record of 100,000
 * entries). One walk gathers every key; JSON.stringify's property-list form then writes each
 * object's own keys in the sorted order of that list, without a sorted copy of every object
 * (which is what the record's seal spent its time and memory on). Anything the list form could
 * write differently falls back to `canonicalJson`.
 */
export function canonicalJsonOfLarge(value: unknown): string {
  const keys = new Set<string>();
  if (!collectPlainKeys(value, keys)) return canonicalJson(value);
  const list = [...keys].sort();
  // The list form reads a listed key through the prototype chain when an object lacks it: safe
  // only while Object.prototype answers none of them with a value JSON would write.
  for (const k of list) {
    if (
      k === 'toJSON' ||
      (k in Object.prototype && typeof (Object.prototype as Record<string, unknown>)[k] !== 'function')
    )
      return canonicalJson(value);
  }
  if (value === undefined || (typeof value === 'number' && !Number.isFinite(value))) return canonicalJson(value);
  return JSON.stringify(value, list);
}

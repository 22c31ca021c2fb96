import canonicalize from 'canonicalize';
import { describe, expect, it } from 'vitest';

import { canonicalJson, canonicalJsonOfLarge, sameCanonicalJson } from '@shared/domain/integrity/canonical';

import { makeRecord } from '../../factories/record';

describe('canonical JSON (RFC 8785)', () => {
  it('writes the known answers of RFC 8785 and keeps hostile keys as keys', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], c: { z: 1e21, y: 0.000001, x: -0 } })).toBe(
      '{"a":[true,null,"x"],"b":1,"c":{"x":0,"y":0.000001,"z":1e+21}}',
    );
    // UTF-16 code unit order: "\u20ac" (€) sorts before "\ud83d\ude00" (😀), and "é" after "z".
    expect(canonicalJson({ '😀': 1, '€': 2, é: 3, z: 4, '\r': 5 })).toBe('{"\\r":5,"z":4,"é":3,"€":2,"😀":1}');
    const hostile = JSON.parse('{"__proto__":{"x":1},"a":"\\u202e"}') as unknown;
    expect(canonicalJson(hostile)).toBe('{"__proto__":{"x":1},"a":"\u202e"}');
    expect(() => canonicalJson(undefined)).toThrow();
  });

  it.each(['internal', 'council', 'public'] as const)(
    'writes exactly what the reference implementation writes for a %s record',
    async (profile) => {
      const record = await makeRecord(profile);
      expect(canonicalJson(record)).toBe(canonicalize(record));
    },
  );

  it.each(['internal', 'council', 'public'] as const)(
    'writes the same text by the large-value path for a %s record',
    async (profile) => {
      const record = await makeRecord(profile);
      expect(canonicalJsonOfLarge(record)).toBe(canonicalize(record));
    },
  );

  it('writes the same text by the large-value path whatever the value holds', () => {
    class Point {
      constructor(readonly x: number) {}
    }
    const hidden = { a: 1 };
    Object.defineProperty(hidden, 'secret', { value: 2, enumerable: false });
    const values: unknown[] = [
      { b: 1, a: [true, null, 'x', undefined, () => 1], c: { z: 1e21, y: 0.000001, x: -0, u: undefined } },
      { '😀': 1, '€': 2, é: 3, z: 4, '\r': 5, 10: 'ten', 9: 'nine' },
      JSON.parse('{"__proto__":{"x":1},"a":"\\u202e"}'),
      [{ constructor: 'c', toString: 's' }, { other: 1 }],
      { when: new Date(Date.UTC(2026, 0, 2)), point: new Point(3) },
      { length: 3, list: [{ length: 1 }] },
      hidden,
      Object.assign(Object.create(null) as object, { b: 2, a: 1 }),
      { nested: [[{ b: 1, a: 2 }], []], empty: {} },
      'text',
      42,
      null,
    ];
    for (const value of values) expect(canonicalJsonOfLarge(value)).toBe(canonicalJson(value));
  });

  it('tells values with the same canonical text apart from values without, as comparing the texts would', () => {
    class Point {
      constructor(readonly x: number) {}
    }
    const shared = { a: [1, { b: 'x' }] };
    const pairs: [unknown, unknown][] = [
      [
        { a: 1, b: [1, 2] },
        { b: [1, 2], a: 1 },
      ],
      [{ a: 1, u: undefined }, { a: 1 }],
      [{ a: 1 }, { a: 1, f: () => 1 }],
      [{ n: NaN }, { n: null }],
      [{ z: -0 }, { z: 0 }],
      [{ a: 1 }, { a: '1' }],
      [
        [1, 2],
        [2, 1],
      ],
      [
        [1, undefined],
        [1, null],
      ],
      [{ p: new Point(1) }, { p: { x: 1 } }],
      [{ d: new Date(0) }, { d: '1970-01-01T00:00:00.000Z' }],
      [shared, shared],
      [{ a: { b: 1 } }, { a: { b: 2 } }],
      [{ a: 1 }, { a: 1, b: 2 }],
      ['é', 'é'],
      [Object.assign(Object.create(null) as object, { a: 1 }), { a: 1 }],
    ];
    for (const [a, b] of pairs)
      expect([a, b, sameCanonicalJson(a, b)]).toEqual([a, b, canonicalJson(a) === canonicalJson(b)]);
  });

  it('orders integer-like keys as text, as RFC 8785 asks ("10" before "9"), by either path', () => {
    const values: unknown[] = [
      { 9: 'nine', 10: 'ten', '\r': 5, a: { 2: 'b', 10: 'a' } },
      [{ 1: 1, 0: 0, x: [{ 11: 1, 2: 2 }] }],
      { 4294967296: 'big', 3: 'small' },
    ];
    for (const value of values) {
      expect(canonicalJson(value)).toBe(canonicalize(value));
      expect(canonicalJsonOfLarge(value)).toBe(canonicalize(value));
    }
    expect(canonicalJson({ 9: 'nine', 10: 'ten' })).toBe('{"10":"ten","9":"nine"}');
  });
});

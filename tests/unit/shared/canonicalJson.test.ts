import canonicalize from 'canonicalize';
import { describe, expect, it } from 'vitest';

import { canonicalJson } from '@shared/domain/integrity/canonical';

import { makeRecord } from '../../factories/record';

describe('canonical JSON (RFC 8785)', () => {
  it('writes the known answers of RFC 8785 and keeps hostile keys as keys', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], c: { z: 1e21, y: 0.000001, x: -0 } })).toBe('{"a":[true,null,"x"],"b":1,"c":{"x":0,"y":0.000001,"z":1e+21}}');
    // UTF-16 code unit order: "\u20ac" (€) sorts before "\ud83d\ude00" (😀), and "é" after "z".
    expect(canonicalJson({ '😀': 1, '€': 2, é: 3, z: 4, '\r': 5 })).toBe('{"\\r":5,"z":4,"é":3,"€":2,"😀":1}');
    const hostile = JSON.parse('{"__proto__":{"x":1},"a":"\\u202e"}') as unknown;
    expect(canonicalJson(hostile)).toBe('{"__proto__":{"x":1},"a":"\u202e"}');
    expect(() => canonicalJson(undefined)).toThrow();
  });

  it.each(['internal', 'council', 'public'] as const)('writes exactly what the reference implementation writes for a %s record', async (profile) => {
    const record = await makeRecord(profile);
    expect(canonicalJson(record)).toBe(canonicalize(record));
  });
});

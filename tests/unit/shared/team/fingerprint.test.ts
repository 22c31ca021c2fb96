import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { fingerprintOfBytes } from '@shared/domain/signed/identity';
import { recordsFingerprint, teamFingerprint, type CoreHead } from '@shared/domain/team/fingerprint';

const key = (c: string) => c.repeat(64);
const cores: CoreHead[] = [
  { deskKey: key('a'), scope: 'roster', length: 2, head: key('1') },
  { deskKey: key('a'), scope: 'incident:inc_1', length: 40, head: key('2') },
  { deskKey: key('b'), scope: 'incident:inc_1', length: 7, head: key('3') },
  { deskKey: key('b'), scope: 'desk', length: 0, head: null },
];

describe('the team fingerprint', () => {
  it('is the same on desks that hold the same records, whatever order they list them in', () => {
    const expected = teamFingerprint(cores);
    expect(expected.hex).toMatch(/^([0-9a-f]{4} ){7}[0-9a-f]{4}$/);
    expect(expected.words).toHaveLength(12);
    fc.assert(
      fc.property(fc.shuffledSubarray(cores, { minLength: cores.length }), (order) => {
        expect(teamFingerprint(order)).toEqual(expected);
      }),
    );
  });

  it('changes with a record more, a different record, or another desk’s core; an empty core does not count', () => {
    const base = teamFingerprint(cores).hex;
    const oneMore = cores.map((c, i) => (i === 2 ? { ...c, length: 8 } : c));
    const otherHead = cores.map((c, i) => (i === 1 ? { ...c, head: key('9') } : c));
    const otherDesk = cores.map((c, i) => (i === 0 ? { ...c, deskKey: key('c') } : c));
    for (const changed of [oneMore, otherHead, otherDesk]) expect(teamFingerprint(changed).hex).not.toBe(base);
    expect(teamFingerprint(cores.slice(0, 3)).hex).toBe(base);
  });
});

describe('the fingerprint of an incident’s records', () => {
  const heads = [
    { deskId: `desk-${'b'.repeat(32)}`, seq: 12, hash: '1'.repeat(64) },
    { deskId: `desk-${'a'.repeat(32)}`, seq: 3, hash: '2'.repeat(64) },
  ];

  it('is the SHA-256 of the sorted head lines, by a known answer computed apart', () => {
    // Python: hashlib.sha256(b"desk-aaaa… 3 2222…\ndesk-bbbb… 12 1111…\n").digest()[:16]
    const expected = '7f5c 1adf 2688 cb2c 8c38 ee54 8b74 fa43';
    expect(recordsFingerprint(heads).hex).toBe(expected);
    expect(recordsFingerprint([...heads].reverse()).hex).toBe(expected);
    const bytes = Uint8Array.from(
      expected
        .replace(/ /g, '')
        .match(/../g)!
        .map((b) => parseInt(b, 16)),
    );
    expect(recordsFingerprint(heads).words).toEqual(fingerprintOfBytes(bytes).words);
  });

  it('changes with a record more on any desk, or another record at a head', () => {
    const base = recordsFingerprint(heads).hex;
    expect(recordsFingerprint([{ ...heads[0]!, seq: 13 }, heads[1]!]).hex).not.toBe(base);
    expect(recordsFingerprint([heads[0]!, { ...heads[1]!, hash: '3'.repeat(64) }]).hex).not.toBe(base);
    expect(recordsFingerprint([heads[0]!]).hex).not.toBe(base);
  });
});

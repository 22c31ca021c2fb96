import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { teamFingerprint, type CoreHead } from '@shared/domain/team/fingerprint';

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

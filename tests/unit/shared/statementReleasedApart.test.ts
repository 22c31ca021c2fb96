import { describe, expect, it } from 'vitest';

import { releasesSupersededApart, withReleasesOf } from '@shared/domain/statements/releasedApart';
import { rowAfterChange } from '@shared/domain/team/merge';
import type { ReleaseRecord, Statement } from '@shared/schemas/statements';

import { T0 } from '../../factories/incident';
import { makeDraft } from '../../factories/statements';

const release = (id: string, versionId: string, at: number): ReleaseRecord => ({
  id,
  versionId,
  at,
  channels: ['press'],
  note: '',
  recordedAt: at,
  recordedBy: 'Sara Lund',
  timelineEntryId: `ent_${id}`,
});

/** The statement as one desk holds it: its head version, and what it released. */
const held = (base: Statement, head: { id: string; number: number }, releases: ReleaseRecord[]): Statement => ({
  ...base,
  headVersionId: head.id,
  headVersionNumber: head.number,
  releases,
});

const numbers: Record<string, number> = { v1: 1, v2: 2, v3: 3 };
const numberOf = (id: string) => numbers[id] ?? null;

describe('a statement changed apart on two desks', () => {
  const { statement } = makeDraft();
  const released = held(statement, { id: 'v2', number: 2 }, [release('rel_hall', 'v2', T0 + 300_000)]);
  const revised = held(statement, { id: 'v3', number: 3 }, []);

  it('keeps every release either side made, in order of release, whichever side is shown', () => {
    expect(withReleasesOf(revised, released).releases.map((r) => r.id)).toEqual(['rel_hall']);
    expect(withReleasesOf(revised, released).headVersionNumber).toBe(3);
    const earlier = held(statement, { id: 'v2', number: 2 }, [release('rel_web', 'v2', T0 + 100_000)]);
    expect(withReleasesOf(released, earlier).releases.map((r) => r.id)).toEqual(['rel_web', 'rel_hall']);
    expect(withReleasesOf(earlier, released).releases.map((r) => r.id)).toEqual(['rel_web', 'rel_hall']);
    // Nothing to add: the shown row itself.
    expect(withReleasesOf(released, revised)).toBe(released);
    expect(rowAfterChange('statements', revised, released)).toEqual(withReleasesOf(revised, released));
    expect(rowAfterChange('incidents', revised, released)).toBe(revised);
    expect(rowAfterChange('statements', null, released)).toBeNull();
  });

  it('flags a release of a version the other side had replaced, from either side', () => {
    expect(releasesSupersededApart(released, revised, numberOf)).toEqual([
      { releaseId: 'rel_hall', released: 2, newer: 3, side: 'a' },
    ]);
    expect(releasesSupersededApart(revised, released, numberOf)).toEqual([
      { releaseId: 'rel_hall', released: 2, newer: 3, side: 'b' },
    ]);
  });

  it('does not flag a release both sides hold, one of the head both share, or one of a version not held here', () => {
    const afterRelease = held(statement, { id: 'v3', number: 3 }, [release('rel_hall', 'v2', T0 + 300_000)]);
    expect(releasesSupersededApart(released, afterRelease, numberOf)).toEqual([]);
    const sameHead = held(statement, { id: 'v2', number: 2 }, []);
    expect(releasesSupersededApart(released, sameHead, numberOf)).toEqual([]);
    expect(releasesSupersededApart(released, revised, () => null)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';

import { entriesFromRevisions } from '@shared/domain/signed/project';
import { sideBySide } from '@shared/domain/timeline/historyWording';
import { contentOf, describeRevisionError, planMerge } from '@shared/domain/timeline/revisions';
import { compareRevisions, isDisputed, openCorrections } from '@shared/domain/timeline/tree';
import type { EntryContent, TimelineRevision } from '@shared/schemas/timeline';

import { makeContent } from '../../factories/timeline';

const T = Date.UTC(2026, 10, 24, 13, 10);

/** A revision of entry tle_1 as the folding and the conflict rules read it (hashes are not checked here). */
function revision(id: string, over: Partial<TimelineRevision> & { content?: EntryContent }): TimelineRevision {
  return {
    id,
    entryId: 'tle_1',
    incidentId: 'inc_1',
    chainSeq: 1,
    revisionNo: 1,
    kind: 'create',
    recordedAt: T,
    operator: 'Ingrid Berg',
    reason: null,
    content: makeContent({ title: 'Shots reported at Torget' }),
    prevHash: '0'.repeat(64),
    hash: id.padEnd(64, '0'),
    ...over,
  };
}

const created = revision('tlr_a', {});
/** A correction of the created entry, written on a desk that had seen only the first revision. */
const correctionApart = (id: string, operator: string, title: string) =>
  revision(id, { chainSeq: 2, revisionNo: 2, kind: 'edit', operator, content: makeContent({ title }) });
const onDeskA = correctionApart('tlr_b', 'Ingrid Berg', 'Shots reported at Torget, two wounded');
const onDeskB = correctionApart('tlr_c', 'Ola Nordmann', 'Shots reported at Markens');

describe('corrections made apart on two desks', () => {
  it('are found as one set, and a merge naming them settles it', () => {
    expect(openCorrections([created, onDeskA, onDeskB]).map((g) => g.revisions.map((r) => r.id))).toEqual([
      ['tlr_b', 'tlr_c'],
    ]);
    const merge = revision('tlr_d', {
      chainSeq: 3,
      revisionNo: 3,
      kind: 'edit',
      content: onDeskA.content,
      mergeOf: ['tlr_b', 'tlr_c'],
    });
    expect(openCorrections([created, onDeskA, onDeskB, merge])).toEqual([]);
    // A later correction that names nothing leaves the set open: someone still has to compare them.
    const plain = revision('tlr_e', { chainSeq: 3, revisionNo: 3, kind: 'edit', content: onDeskA.content });
    expect(openCorrections([created, onDeskA, onDeskB, plain])).toHaveLength(1);
  });

  it('a retraction is shown over a correction made apart, whatever their places in the chain', () => {
    const retracted = revision('tlr_a2', {
      chainSeq: 2,
      revisionNo: 2,
      kind: 'retract',
      content: { ...created.content, retracted: true, retractionReason: 'Duplicate' },
    });
    const laterEdit = { ...onDeskB, chainSeq: 3 };
    expect(compareRevisions(retracted, laterEdit)).toBeGreaterThan(0);
    const [entry] = entriesFromRevisions([created, laterEdit, retracted]);
    expect(entry?.retracted).toBe(true);
    // The same entry on a desk that got the revisions in the other order.
    expect(entriesFromRevisions([retracted, created, laterEdit])[0]?.retracted).toBe(true);
    // And still a revision of higher number (made knowing it) comes after it.
    expect(compareRevisions(revision('x', { revisionNo: 3, kind: 'edit' }), retracted)).toBeGreaterThan(0);
  });

  it('confirmed on one desk and disproven on another is disputed', () => {
    const confirmed = revision('tlr_v1', {
      revisionNo: 2,
      chainSeq: 2,
      kind: 'verify',
      content: { ...created.content, verification: 'confirmed' },
    });
    const disproven = revision('tlr_v2', {
      revisionNo: 2,
      chainSeq: 2,
      kind: 'verify',
      content: { ...created.content, verification: 'disproven' },
    });
    const [group] = openCorrections([created, confirmed, disproven]);
    expect(group && isDisputed(group)).toBe(true);
    const [plain] = openCorrections([created, onDeskA, onDeskB]);
    expect(plain && isDisputed(plain)).toBe(false);
  });

  it('a merge keeps one side’s content as written and names every revision it settles', () => {
    const [entry] = entriesFromRevisions([created, onDeskA, onDeskB]);
    if (!entry) throw new Error('no entry');
    const plan = planMerge(entry, onDeskA.content, ['tlr_b', 'tlr_c'], '  Police confirmed  ');
    expect(plan).toEqual({
      ok: true,
      value: { kind: 'edit', content: onDeskA.content, reason: 'Police confirmed', mergeOf: ['tlr_b', 'tlr_c'] },
    });
    // Keeping what is shown already is still a merge: the record says someone weighed both.
    expect(planMerge(entry, contentOf(entry), ['tlr_b', 'tlr_c'], null).ok).toBe(true);
    const nothing = planMerge(entry, onDeskA.content, ['tlr_b'], null);
    expect(nothing.ok).toBe(false);
    if (!nothing.ok) expect(describeRevisionError(nothing.error)).toMatch(/no corrections made apart/);
  });

  it('shows the versions side by side: only the fields they differ in, each version’s value in words', () => {
    const ctx = { timeZone: 'Europe/Oslo', contactName: () => undefined, describeLink: () => '' };
    const third = makeContent({ title: 'Shots reported at Torget', source: 'Hospital' });
    expect(sideBySide([onDeskA.content, onDeskB.content, third], ctx)).toEqual([
      {
        label: 'What happened',
        values: ['Shots reported at Torget, two wounded', 'Shots reported at Markens', 'Shots reported at Torget'],
      },
      { label: 'Source', values: ['Police', 'Police', 'Hospital'] },
    ]);
    expect(sideBySide([onDeskA.content, onDeskA.content], ctx)).toEqual([]);
  });
});

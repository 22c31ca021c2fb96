import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { checkPublishedHeads } from '@shared/domain/record/verifyRecord';
import { entriesFromRevisions } from '@shared/domain/signed/project';
import { revisionsAsKnownAt } from '@shared/domain/timeline/asKnownAt';
import { createChainVerifier, verifiedHead, verifyChain, type ChainReport } from '@shared/domain/timeline/chain';
import { revisionHashInput } from '@shared/domain/timeline/revisions';
import { concurrentCorrections, hashesByPlace } from '@shared/domain/timeline/tree';
import type { PublishedHead } from '@shared/schemas/publishedHeads';
import type { TimelineRevision } from '@shared/schemas/timeline';

import { makeContent, makeLog, sha256 } from '../../factories/timeline';
import { headOfHeld, runDesks, type DeskStep } from '../../factories/timelineDesks';

const T = Date.UTC(2026, 10, 24, 13, 10);
const ingrid = (now: number) => ({ operator: 'Ingrid Berg', now });

/** The revisions in chainSeq order, those at one place in the order `keys` gives them. */
function fedInOrder(revisions: readonly TimelineRevision[], keys: readonly number[]): TimelineRevision[] {
  const key = new Map(revisions.map((r, i) => [r.id, keys[i % Math.max(1, keys.length)] ?? i]));
  return [...revisions].sort((a, b) => a.chainSeq - b.chainSeq || (key.get(a.id) ?? 0) - (key.get(b.id) ?? 0));
}

/** Feeds revisions in pages of `size`, as the desk reads a long incident. */
async function verifyInPages(revisions: readonly TimelineRevision[], size: number): Promise<ChainReport> {
  const verifier = createChainVerifier('inc_1', sha256);
  for (let from = 0; from < revisions.length; from += size)
    if (!(await verifier.push(revisions.slice(from, from + size)))) break;
  return verifier.finish(entriesFromRevisions(revisions));
}

const rehashed = async (r: TimelineRevision): Promise<TimelineRevision> => ({
  ...r,
  hash: await sha256(revisionHashInput(r)),
});

/** Two desks that both wrote on revision 1: a tree with two revisions at place 2, then one on the non-head. */
async function forkedIncident() {
  return runDesks(2, [
    { type: 'log', desk: 0 },
    { type: 'exchange', from: 0, to: 1 },
    { type: 'log', desk: 0 },
    { type: 'correct', desk: 1, pick: 0 },
  ]);
}

const step: fc.Arbitrary<DeskStep> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ type: fc.constant('log' as const), desk: fc.nat(3) }) },
  { weight: 3, arbitrary: fc.record({ type: fc.constant('correct' as const), desk: fc.nat(3), pick: fc.nat(20) }) },
  {
    weight: 3,
    arbitrary: fc.record({ type: fc.constant('exchange' as const), from: fc.nat(3), to: fc.nat(3) }),
  },
);
const team = fc.record({
  desks: fc.integer({ min: 2, max: 4 }),
  steps: fc.array(step, { minLength: 1, maxLength: 24 }),
  keys: fc.array(fc.integer(), { minLength: 1, maxLength: 30 }),
  otherKeys: fc.array(fc.integer(), { minLength: 1, maxLength: 30 }),
  page: fc.integer({ min: 1, max: 7 }),
});

describe('a chain written by several desks apart', () => {
  it('keeps the head hash of a linear chain of three revisions (known answer)', async () => {
    const log = makeLog();
    await log.add('a', makeContent({ title: 'Shots reported at Markens gate' }), ingrid(T));
    await log.add('b', makeContent({ title: 'Road closed', category: 'action' }), ingrid(T + 60_000));
    await log.edit('a', makeContent({ title: 'Shots reported near Markens gate' }), ingrid(T + 120_000), 'Location');
    const report = await verifyChain('inc_1', log.revisions, [...log.entries.values()], sha256);
    expect(report).toEqual({
      ok: true,
      revisions: 3,
      entries: 2,
      headHash: '1a9c92aedd5e553a89c2a6da0f46283653e457292acec4d9c68fc73effa082b4',
    });
  });

  it('verifies two revisions at one place, names the smaller hash as head, and accepts a link to either', async () => {
    const { revisions } = await forkedIncident();
    const atTwo = revisions.filter((r) => r.chainSeq === 2);
    expect(atTwo).toHaveLength(2);
    expect(atTwo[0]?.prevHash).toBe(atTwo[1]?.prevHash);
    const report = await verifyChain('inc_1', revisions, entriesFromRevisions(revisions), sha256);
    const smaller = [...atTwo].sort((a, b) => (a.hash < b.hash ? -1 : 1))[0]!;
    expect(report).toEqual({ ok: true, revisions: 3, entries: 2, headHash: smaller.hash, headSeq: 2 });
    if (!report.ok) return;
    expect(verifiedHead(report)).toEqual(headOfHeld(revisions));
    // A third desk that holds both writes on the smaller hash; a desk that saw only the other linked to that.
    const onTheOther = await runDesks(2, [
      { type: 'log', desk: 0 },
      { type: 'exchange', from: 0, to: 1 },
      { type: 'log', desk: 0 },
      { type: 'log', desk: 1 },
      { type: 'log', desk: 1 },
      { type: 'exchange', from: 0, to: 1 },
    ]);
    const three = await verifyChain('inc_1', onTheOther.revisions, entriesFromRevisions(onTheOther.revisions), sha256);
    expect(three).toMatchObject({ ok: true, revisions: 4, headSeq: 3 });
  });

  it('reports a place that links to nothing below it, whichever order its revisions come in', async () => {
    const { revisions } = await forkedIncident();
    const forged = await Promise.all(
      revisions.map(async (r) => (r.chainSeq === 2 ? rehashed({ ...r, prevHash: 'e'.repeat(64) }) : r)),
    );
    const first = [...forged.filter((r) => r.chainSeq === 2)].sort((a, b) => (a.id < b.id ? -1 : 1))[0]!;
    for (const order of [forged, [...forged].reverse()]) {
      const report = await verifyChain('inc_1', order, entriesFromRevisions(revisions), sha256);
      expect(report).toEqual({
        ok: false,
        revisions: 1,
        firstBreak: { chainSeq: 2, entryId: first.entryId, revisionId: first.id, problem: 'broken-link' },
      });
    }
  });

  it('verifies any tree written by two to four desks, whatever order ties are fed in, and every desk agrees', async () => {
    await fc.assert(
      fc.asyncProperty(team, async ({ desks, steps, keys, otherKeys, page }) => {
        const { held, revisions } = await runDesks(desks, [
          ...steps,
          // In the end every desk's revisions reach every other.
          ...Array.from({ length: desks * 2 }, (_, i) => ({ type: 'exchange' as const, from: i, to: i + 1 })),
        ]);
        const entries = entriesFromRevisions(revisions);
        const report = await verifyChain('inc_1', fedInOrder(revisions, keys), entries, sha256);
        expect(report.ok).toBe(true);
        expect(await verifyInPages(fedInOrder(revisions, otherKeys), page)).toEqual(report);
        if (!report.ok) return;
        expect(report.revisions).toBe(revisions.length);
        const top = Math.max(0, ...revisions.map((r) => r.chainSeq));
        expect(verifiedHead(report)).toEqual({ chainSeq: top, hash: headOfHeld(revisions).hash });
        const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
        for (const desk of held) {
          expect(headOfHeld(desk.values())).toEqual(verifiedHead(report));
          expect(entriesFromRevisions(desk.values()).sort(byId)).toEqual([...entries].sort(byId));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('catches any single tampering: a changed byte, a changed link, a removed revision others link to, a moved place', async () => {
    const tampering = fc.constantFrom(
      'content',
      'prevHash',
      'prevHash-rehashed',
      'remove-linked',
      'move-up',
      'move-down',
      'move-up-rehashed',
      'move-down-rehashed',
    );
    await fc.assert(
      fc.asyncProperty(team, tampering, fc.nat(), async ({ desks, steps, keys, otherKeys }, how, pick) => {
        const { revisions } = await runDesks(desks, steps);
        const entries = entriesFromRevisions(revisions);
        const victim = revisions[pick % revisions.length];
        if (!victim) return;
        let tampered: TimelineRevision[];
        const swap = async (change: (r: TimelineRevision) => TimelineRevision, rehash: boolean) =>
          Promise.all(
            revisions.map(async (r) => (r.id === victim.id ? (rehash ? rehashed(change(r)) : change(r)) : r)),
          );
        switch (how) {
          case 'content':
            tampered = await swap((r) => ({ ...r, content: { ...r.content, title: `${r.content.title}.` } }), false);
            break;
          case 'prevHash':
          case 'prevHash-rehashed':
            tampered = await swap((r) => ({ ...r, prevHash: r.hash }), how === 'prevHash-rehashed');
            break;
          case 'remove-linked': {
            const linked = revisions.filter((r) => revisions.some((o) => o.prevHash === r.hash));
            if (linked.length === 0) return;
            const gone = linked[pick % linked.length]!;
            tampered = revisions.filter((r) => r.id !== gone.id);
            break;
          }
          default: {
            const by = how.startsWith('move-up') ? 1 : -1;
            tampered = await swap((r) => ({ ...r, chainSeq: r.chainSeq + by }), how.endsWith('rehashed'));
          }
        }
        const report = await verifyChain('inc_1', fedInOrder(tampered, keys), entries, sha256);
        // Found on the chain itself, not only in the entry rows.
        expect(!report.ok && report.firstBreak.chainSeq > 0).toBe(true);
        // The same first problem, whichever order the revisions at one place come in.
        expect(await verifyInPages(fedInOrder(tampered, otherKeys), 3).then((r) => r.ok)).toBe(false);
        expect(await verifyChain('inc_1', fedInOrder(tampered, otherKeys), entries, sha256)).toEqual(report);
      }),
      { numRuns: 80 },
    );
  });
});

describe('concurrent corrections', () => {
  it('lists every pair of corrections of one entry made apart, and every desk shows the same one', async () => {
    await fc.assert(
      fc.asyncProperty(team, async ({ desks, steps }) => {
        const { revisions } = await runDesks(desks, steps);
        const listed = concurrentCorrections(revisions);
        const pairs = revisions.flatMap((a) =>
          revisions.filter((b) => a.id < b.id && a.entryId === b.entryId && a.revisionNo === b.revisionNo),
        );
        expect(listed.reduce((n, c) => n + (c.revisions.length * (c.revisions.length - 1)) / 2, 0)).toBe(pairs.length);
        for (const c of listed) {
          expect(new Set(c.revisions.map((r) => `${r.entryId}/${r.revisionNo}`))).toEqual(
            new Set([`${c.entryId}/${c.revisionNo}`]),
          );
        }
        // The entry shows the greatest (revisionNo, chainSeq, id), as the verifier expects.
        for (const e of entriesFromRevisions(revisions)) {
          const newest = revisions
            .filter((r) => r.entryId === e.id)
            .sort((a, b) => a.revisionNo - b.revisionNo || a.chainSeq - b.chainSeq || (a.id < b.id ? -1 : 1))
            .at(-1);
          expect(e.headRevisionId).toBe(newest?.id);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('names the two corrections two desks made of one entry, the later place shown', async () => {
    const { revisions } = await runDesks(2, [
      { type: 'log', desk: 0 },
      { type: 'exchange', from: 0, to: 1 },
      { type: 'correct', desk: 0, pick: 0 },
      { type: 'log', desk: 1 },
      { type: 'correct', desk: 1, pick: 0 },
      { type: 'exchange', from: 1, to: 0 },
    ]);
    expect(concurrentCorrections(revisions)).toEqual([
      { entryId: 'tle_1', revisionNo: 2, revisions: [revisions[1], revisions[3]] },
    ]);
    const [entry] = entriesFromRevisions(revisions).filter((e) => e.id === 'tle_1');
    expect(entry?.title).toBe('Entry 1 from Desk 1, corrected by Desk 2 (4)');
    expect(revisionsAsKnownAt(revisions, T + 3_600_000).find((r) => r.entryId === 'tle_1')?.id).toBe(
      entry?.headRevisionId,
    );
  });
});

describe('concurrent corrections at one place', () => {
  it('verifies two corrections of one entry on the same head, in either order, showing the greater id', async () => {
    const { revisions } = await runDesks(2, [
      { type: 'log', desk: 0 },
      { type: 'exchange', from: 0, to: 1 },
      { type: 'correct', desk: 0, pick: 0 },
      { type: 'correct', desk: 1, pick: 0 },
    ]);
    const [, first, second] = revisions;
    expect([first?.chainSeq, second?.chainSeq, first?.revisionNo, second?.revisionNo]).toEqual([2, 2, 2, 2]);
    const entries = entriesFromRevisions(revisions);
    expect(entries[0]?.headRevisionId).toBe('tlr_3');
    for (const order of [revisions, [revisions[0]!, second!, first!]])
      expect(await verifyChain('inc_1', order, entries, sha256)).toMatchObject({ ok: true, revisions: 3, headSeq: 2 });
  });
});

describe('heads published from a branched chain', () => {
  it('holds a head whose hash is any of the revisions at its place', async () => {
    const { revisions } = await forkedIncident();
    const at = hashesByPlace(revisions);
    const head = (seq: number, hash: string): PublishedHead => ({
      id: `ph_${hash.slice(0, 4)}`,
      incidentId: 'inc_1',
      chainSeq: seq,
      headHash: hash,
      at: T,
      via: 'export',
      by: 'Ingrid Berg',
    });
    const heads = revisions.filter((r) => r.chainSeq === 2).map((r) => head(2, r.hash));
    expect(checkPublishedHeads(3, (seq) => at.get(seq), heads, 'Europe/Oslo')).toBeNull();
    expect(checkPublishedHeads(3, (seq) => at.get(seq), [head(2, 'd'.repeat(64))], 'Europe/Oslo')).toContain(
      'd'.repeat(64),
    );
  });
});

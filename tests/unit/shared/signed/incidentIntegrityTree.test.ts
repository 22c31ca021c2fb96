import { describe, expect, it } from 'vitest';

import { entriesFromRevisions } from '@shared/domain/signed/project';
import { verifyIncidentIntegrity } from '@shared/domain/signed/incidentIntegrity';
import type { V1Anchor } from '@shared/domain/signed/format';
import type { PublishedHead } from '@shared/schemas/publishedHeads';
import { GENESIS_HASH, type TimelineRevision } from '@shared/schemas/timeline';

import { makeDesk, revisionChange, SEED_B, SEED_C, verify, writeChain } from '../../../factories/signed';
import { sha256 } from '../../../factories/timeline';
import { runDesks } from '../../../factories/timelineDesks';

const genesis: V1Anchor = { chainSeq: 0, headHash: GENESIS_HASH };

/**
 * Desks A and C each log an entry apart on the empty incident (two revisions at place 1); desk B,
 * holding A's, logs on it, so B's first record anchors a head at place 1 that C's revision shares.
 */
async function branchedIncident(bAnchor?: (x: TimelineRevision) => V1Anchor) {
  const { revisions } = await runDesks(3, [
    { type: 'log', desk: 0 },
    { type: 'log', desk: 2 },
    { type: 'exchange', from: 0, to: 1 },
    { type: 'log', desk: 1 },
  ]);
  const [x, z, w] = revisions.sort((p, q) => (p.id < q.id ? -1 : 1)) as [
    TimelineRevision,
    TimelineRevision,
    TimelineRevision,
  ];
  const a = await makeDesk(undefined, 'Crisis room laptop');
  const b = await makeDesk(SEED_B, 'Mayor’s office laptop');
  const c = await makeDesk(SEED_C, 'Hospital liaison laptop');
  const records = [
    ...(await writeChain(a, [revisionChange(x)], { anchor: genesis })).records,
    ...(await writeChain(c, [revisionChange(z)], { anchor: genesis })).records,
    ...(await writeChain(b, [revisionChange(w)], { anchor: bAnchor?.(x) ?? { chainSeq: 1, headHash: x.hash } }))
      .records,
  ];
  return { x, z, w, records, roster: [a, b, c].map((d) => d.identity) };
}

const check = (
  f: Awaited<ReturnType<typeof branchedIncident>>,
  order: TimelineRevision[],
  publishedHeads: PublishedHead[] = [],
) =>
  verifyIncidentIntegrity({
    incidentId: 'inc_1',
    timeZone: 'Europe/Oslo',
    revisions: [order],
    entries: entriesFromRevisions(order),
    publishedHeads,
    signed: [f.records],
    roster: f.roster,
    verify,
    sha256,
  });

describe('integrity of a chain several desks wrote apart', () => {
  it('holds an anchor and a published head on either revision of a shared place, whichever is read last', async () => {
    const f = await branchedIncident();
    expect([f.x.chainSeq, f.z.chainSeq, f.w.chainSeq, f.w.prevHash]).toEqual([1, 1, 2, f.x.hash]);
    const exported: PublishedHead = {
      id: 'ph_1',
      incidentId: 'inc_1',
      chainSeq: 1,
      headHash: f.x.hash,
      at: Date.UTC(2026, 10, 24, 14, 30),
      via: 'export',
      by: 'Ingrid Berg',
    };
    for (const order of [
      [f.x, f.z, f.w],
      [f.z, f.x, f.w],
    ]) {
      const report = await check(f, order, [exported]);
      expect(report.problems).toEqual([]);
      expect(report.ok).toBe(true);
      expect(report.v1).toMatchObject({ ok: true, revisions: 3, headSeq: 2, headHash: f.w.hash });
    }
  });

  it('still catches an anchor on a hash that is at no revision of its place', async () => {
    const f = await branchedIncident(() => ({ chainSeq: 1, headHash: 'e'.repeat(64) }));
    const report = await check(f, [f.z, f.x, f.w]);
    expect(report.ok).toBe(false);
    expect(report.problems.map((p) => p.code)).toEqual(['anchor-mismatch']);
  });
});

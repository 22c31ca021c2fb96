import type { SignedRecord } from '@shared/domain/signed/format';
import { entryFromRevision, sealRevision } from '@shared/domain/timeline/revisions';
import type { TimelineEntry, TimelineRevision } from '@shared/schemas/timeline';

import { makeDesk, revisionChange, SEED_B, writeChain, type TestDesk } from './signed';
import { makeContent, makeLog, sha256 } from './timeline';

const T = Date.UTC(2026, 10, 24, 13, 0);
const actor = (name: string, minutes: number) => ({ operator: name, now: T + minutes * 60_000 });

/**
 * An incident logged first without signatures (three entries), then by desk A, which anchors the
 * v1 head and signs two new entries and a correction, then by desk B, which anchors the head it
 * found and signs one entry, having seen A's chain.
 */
export async function makeSignedIncident() {
  const log = makeLog('inc_1');
  await log.add('tle_1', makeContent({ title: 'Vehicle drives into crowd on Markens gate' }), actor('Ingrid Berg', 0));
  await log.add('tle_2', makeContent({ title: 'Police confirm road closures' }), actor('Ingrid Berg', 2));
  await log.add('tle_3', makeContent({ title: 'Mayor informed' }), actor('Ingrid Berg', 3));
  const legacyHead = log.head();

  const a = await makeDesk(undefined, 'Crisis room laptop');
  const b = await makeDesk(SEED_B, 'Mayor’s office laptop');
  const aRevisions = [
    await log.add('tle_4', makeContent({ title: 'Second attacker at the station' }), actor('Ingrid Berg', 10)),
    await log.add('tle_5', makeContent({ title: 'Hotline opened for families' }), actor('Ingrid Berg', 12)),
    await log.edit(
      'tle_4',
      makeContent({ title: 'Second attacker at the station: unconfirmed' }),
      actor('Ingrid Berg', 15),
      'Police could not confirm',
    ),
  ];
  const chainA = await writeChain(a, aRevisions.map(revisionChange), {
    anchor: { chainSeq: legacyHead.chainSeq, headHash: legacyHead.hash },
  });
  const bHeadAtStart = log.head();
  const bRevisions = [
    await log.add('tle_6', makeContent({ title: 'Vigil planned at the cathedral' }), actor('Ola Nordmann', 30)),
  ];
  const chainB = await writeChain(b, bRevisions.map(revisionChange), {
    anchor: { chainSeq: bHeadAtStart.chainSeq, headHash: bHeadAtStart.hash },
    operator: { name: 'Ola Nordmann', role: 'Chief of staff' },
    seen: () => [{ deskId: a.deskId, seq: 3, hash: chainA.hashes[2]! }],
  });
  return {
    log,
    a,
    b,
    desks: [a, b] as TestDesk[],
    revisions: [...log.revisions],
    entries: [...log.entries.values()],
    records: [...chainA.records, ...chainB.records] as SignedRecord[],
  };
}

/**
 * What someone at the keyboard without the desks' keys can do: change a revision, re-hash the
 * chain from there and rebuild the entries, so the v1 walk passes again.
 */
export async function rewriteRevision(
  revisions: readonly TimelineRevision[],
  chainSeq: number,
  change: (r: TimelineRevision) => TimelineRevision,
): Promise<{ revisions: TimelineRevision[]; entries: TimelineEntry[] }> {
  const out: TimelineRevision[] = [];
  const entries = new Map<string, TimelineEntry>();
  let prevHash: string | null = null;
  for (const original of revisions) {
    let r = original.chainSeq === chainSeq ? change(original) : original;
    if (prevHash !== null && original.chainSeq >= chainSeq) {
      const { hash: _old, ...unsealed } = { ...r, prevHash };
      r = await sealRevision(unsealed, sha256);
    } else if (original.chainSeq === chainSeq) {
      const { hash: _old, ...unsealed } = r;
      r = await sealRevision(unsealed, sha256);
    }
    out.push(r);
    entries.set(r.entryId, entryFromRevision(entries.get(r.entryId) ?? null, r));
    prevHash = r.hash;
  }
  return { revisions: out, entries: [...entries.values()] };
}

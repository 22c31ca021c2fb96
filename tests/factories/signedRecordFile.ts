import { canonicalJson } from '@shared/domain/integrity/canonical';
import { sealRecord, type RecordFile, type RecordFileV3, type UnsealedRecord } from '@shared/domain/record/recordFile';
import type { ChainHead } from '@shared/domain/signed/format';
import type { TimelineEntry, TimelineRevision } from '@shared/schemas/timeline';

import { makeRecord } from './record';
import { makeDesk, revisionChange, SEED_B, writeChain } from './signed';
import { rewriteRevision } from './signedIncident';
import { sha256 } from './timeline';

/** Seals any version of the record: the checksum covers every field but itself, whatever they are. */
const seal = async <R extends { checksum: unknown }>(record: Omit<R, 'checksum'>): Promise<R> =>
  (await sealRecord(record as unknown as UnsealedRecord, sha256)) as unknown as R;

/**
 * A format-3 record built by hand from the internal edition's record: its first two revisions
 * written before signatures; desk A anchors them and signs revisions 3 to 5; desk B anchors the
 * head it found and signs revision 6, having seen A's chain.
 */
export async function makeSignedRecordFile(): Promise<RecordFileV3> {
  const v2 = await makeRecord('internal');
  const revisions = (v2.content.timeline?.revisions ?? []) as TimelineRevision[];
  const a = await makeDesk(undefined, 'Crisis room laptop');
  const b = await makeDesk(SEED_B, 'Mayor’s office laptop');
  const at = (seq: number) => ({ chainSeq: seq, headHash: revisions[seq - 1]!.hash });
  const scope = { kind: 'incident', incidentId: v2.content.incident.id } as const;
  const chainA = await writeChain(a, revisions.slice(2, 5).map(revisionChange), { scope, anchor: at(2) });
  const headA: ChainHead = { deskId: a.deskId, seq: 3, hash: chainA.hashes[2]! };
  const chainB = await writeChain(b, revisions.slice(5).map(revisionChange), {
    scope,
    anchor: at(5),
    operator: { name: 'Ola Nordmann', role: 'Chief of staff' },
    seen: () => [headA],
  });
  const { checksum: _v2, ...unsealed } = v2;
  return seal<RecordFileV3>({
    ...unsealed,
    formatVersion: 3,
    signed: {
      desks: [a.identity, b.identity],
      records: [...chainA.records, ...chainB.records],
      complete: true,
      heads: [headA, { deskId: b.deskId, seq: 1, hash: chainB.hashes[0]! }],
    },
  });
}

/**
 * The forgery the signatures exist to catch: an entry reworded, its revision re-hashed with the
 * chain after it, the entries and the chain head brought in line and the record re-sealed, all
 * without any desk's key. Everything a hash can prove still checks out.
 */
export async function forgeRecord<R extends RecordFile | RecordFileV3>(
  record: R,
  chainSeq: number,
  title: string,
): Promise<R> {
  const timeline = record.content.timeline!;
  const rewritten = await rewriteRevision(timeline.revisions, chainSeq, (r) => ({
    ...r,
    content: { ...r.content, title },
  }));
  const entries: TimelineEntry[] = (timeline.entries as TimelineEntry[]).map(
    (e) => rewritten.entries.find((x) => x.id === e.id) ?? e,
  );
  const { checksum: _old, ...rest } = record;
  return seal<R>({
    ...rest,
    content: { ...record.content, timeline: { entries, revisions: rewritten.revisions } },
    integrity: { ...record.integrity, chainHead: rewritten.revisions.at(-1)!.hash },
  });
}

/** The record as the desk writes its file: canonical JSON. */
export const recordText = (record: unknown) => canonicalJson(record);

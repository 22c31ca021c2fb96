import { describe, expect, it } from 'vitest';

import { describeChainProblem, describeSignedChains } from '@shared/domain/signed/describe';
import type { SignedRecord } from '@shared/domain/signed/format';
import { fingerprintOf } from '@shared/domain/signed/identity';
import { nextRecord, signRecord } from '@shared/domain/signed/sign';
import {
  createSignedChainVerifier,
  verifySignedChains,
  type SignedChainsReport,
} from '@shared/domain/signed/verifyChains';

import {
  makeDesk,
  makeRevisionRow,
  OPERATOR,
  revisionChange,
  SEED_B,
  SEED_C,
  T0,
  verify,
  writeChain,
  type TestDesk,
} from '../../../factories/signed';

const INC_1 = { kind: 'incident', incidentId: 'inc_1' } as const;
const rows = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => revisionChange(makeRevisionRow(from + i)));

/** Two desks writing to incident inc_1: A writes five records, then B three, having seen A's fifth. */
async function twoDesks() {
  const a = await makeDesk(undefined, 'Crisis room laptop');
  const b = await makeDesk(SEED_B, 'Mayor’s office laptop');
  const chainA = await writeChain(a, rows(1, 5), { operator: { name: 'Ingrid Berg', role: 'Communications lead' } });
  const chainB = await writeChain(b, rows(6, 3), {
    operator: { name: 'Ola Nordmann', role: 'Chief of staff' },
    seen: () => [{ deskId: a.deskId, seq: 5, hash: chainA.hashes[4]! }],
  });
  return { a, b, chainA, chainB, records: [...chainA.records, ...chainB.records] };
}

const check = (records: readonly unknown[], roster: readonly TestDesk[]) =>
  verifySignedChains(records, { roster: roster.map((d) => d.identity), verify, scopes: [INC_1] });
const codes = (report: SignedChainsReport) => report.problems.map((p) => `${p.code}@${p.at.index + 1}`);

describe('verifying desks’ signed chains', () => {
  it('passes two desks’ intact chains and counts each desk’s records under its fingerprint', async () => {
    const { a, b, records } = await twoDesks();
    const report = await check(records, [a, b]);
    expect(report.ok).toBe(true);
    expect(report.desks.map((d) => [d.name, d.fingerprint, d.records])).toEqual([
      ['Crisis room laptop', fingerprintOf(a.publicKey).hex, 5],
      ['Mayor’s office laptop', fingerprintOf(b.publicKey).hex, 3],
    ]);
    expect(report.desks[0]?.chains).toEqual([
      {
        scope: 'incident:inc_1',
        records: 5,
        head: { seq: 5, hash: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown },
      },
    ]);
    expect(describeSignedChains(report).at(-1)).toBe('Every signature and every link of 8 signed records checks out.');
  });

  it.each([
    [
      'the content (an entry’s title)',
      (r: SignedRecord) => ({
        ...r,
        content: revisionChange(
          makeRevisionRow(3, { content: { ...makeRevisionRow(3).content, title: 'Second attacker confirmed' } }),
        ),
      }),
    ],
    ['the operator', (r: SignedRecord) => ({ ...r, operator: { name: 'Anna Hansen', role: 'Mayor' } })],
    ['the recorded time', (r: SignedRecord) => ({ ...r, recordedAt: r.recordedAt + 60_000 })],
    ['the kind', (r: SignedRecord) => ({ ...r, kind: 'timeline.retracted' })],
    ['the link to the record before', (r: SignedRecord) => ({ ...r, prev: 'f'.repeat(64) })],
    [
      'the heads it had seen',
      (r: SignedRecord) => ({
        ...r,
        seen: [{ deskId: 'desk-ffffffffffffffffffffffffffffffff', seq: 1, hash: 'f'.repeat(64) }],
      }),
    ],
  ])('names a record whose %s was changed as altered, not as missing', async (_what, tamper) => {
    const { a, b, records } = await twoDesks();
    records[2] = tamper(records[2]!);
    const report = await check(records, [a, b]);
    expect(codes(report)).toEqual(['bad-signature@3']);
    expect(report.problems[0]?.at).toMatchObject({
      deskName: 'Crisis room laptop',
      fingerprint: fingerprintOf(a.publicKey).hex,
      seq: 3,
    });
  });

  it('says who and which entry at the first problem, in words', async () => {
    const { a, b, records } = await twoDesks();
    records[2] = { ...records[2]!, recordedAt: records[2]!.recordedAt + 1 };
    const [, , line] = describeSignedChains(await check(records, [a, b]));
    expect(line).toBe(
      `record 3 of the file, desk “Crisis room laptop” (fingerprint ${fingerprintOf(a.publicKey).hex})’s record 3 in incident inc_1 (timeline.revised; entry “Entry number 3”; by Ingrid Berg, Communications lead; recorded 2026-11-24T13:05:02.001Z) does not match its signature: it was altered after the desk signed it, or signed with another key.`,
    );
  });

  it('reports a dropped record as MISSING, and everything around it as intact', async () => {
    const { a, b, records } = await twoDesks();
    records.splice(1, 2);
    const report = await check(records, [a, b]);
    expect(codes(report)).toEqual(['missing@2']);
    expect(report.problems[0]).toMatchObject({ code: 'missing', from: 2, to: 3 });
    expect(describeChainProblem(report.problems[0]!)).toContain('Records 2 to 3 of desk “Crisis room laptop”');
    expect(describeChainProblem(report.problems[0]!)).toContain(
      "are MISSING: the desk's record 4 follows record 1. What is present still checks out",
    );
    expect(report.desks[0]?.records).toBe(3);
  });

  it('reports records dropped from the end of a chain when another desk had seen them', async () => {
    const { a, b, records } = await twoDesks();
    records.splice(3, 2); // A's records 4 and 5; B had seen 5
    const report = await check(records, [a, b]);
    expect(report.problems[0]).toMatchObject({
      code: 'missing',
      from: 4,
      to: 5,
      at: { deskName: 'Crisis room laptop' },
    });
    expect(describeChainProblem(report.problems[0]!)).toContain('Mayor’s office laptop');
  });

  it('reports two records swapped as out of order, not as missing or altered', async () => {
    const { a, b, records } = await twoDesks();
    [records[1], records[2]] = [records[2]!, records[1]!];
    const report = await check(records, [a, b]);
    expect(codes(report)).toEqual(['out-of-order@3']);
    expect(describeChainProblem(report.problems[0]!)).toContain(
      'out of order: it comes after record 2 of the file, which the desk wrote later',
    );
  });

  it('reports a record replayed from another incident', async () => {
    const { a, b, records } = await twoDesks();
    const elsewhere = await writeChain(a, rows(1, 1), { scope: { kind: 'incident', incidentId: 'inc_2' } });
    const report = await check([...records, elsewhere.records[0]], [a, b]);
    expect(codes(report)).toEqual(['other-scope@9']);
    expect(describeChainProblem(report.problems[0]!)).toContain(
      'belongs to incident:inc_2, not to incident:inc_1: a record replayed from elsewhere',
    );
  });

  it('reports a record signed by a desk the roster does not list', async () => {
    const { a, b, records } = await twoDesks();
    const stranger = await makeDesk(SEED_C, 'Unknown laptop');
    const forged = await writeChain(stranger, rows(9, 1));
    const report = await check([...records, ...forged.records], [a, b]);
    expect(codes(report)).toEqual(['unknown-desk@9']);
    expect(describeChainProblem(report.problems[0]!)).toContain(
      `is signed by a desk the record's roster does not list (${stranger.deskId})`,
    );
  });

  it('reports a record given twice as a duplicate', async () => {
    const { a, b, records } = await twoDesks();
    const report = await check([...records, records[0]], [a, b]);
    expect(codes(report)).toEqual(['duplicate@9']);
  });

  it('reports two different records with one number as a fork of the desk’s history', async () => {
    const { a, b, records } = await twoDesks();
    const second = await writeChain(a, rows(20, 2));
    const report = await check([...records, second.records[1]], [a, b]);
    expect(codes(report)).toEqual(['forked@9']);
  });

  it('reports a record that links to another record than the one before it', async () => {
    const { a, b, chainA } = await twoDesks();
    const unlinked = nextRecord({
      tip: { seq: 5, hash: '1'.repeat(64) },
      deskId: a.deskId,
      scope: INC_1,
      kind: 'timeline.revised',
      content: rows(30, 1)[0]!,
      operator: OPERATOR,
      recordedAt: T0,
      seen: [],
    });
    const signed = unlinked.ok ? await signRecord(unlinked.value, a.sign) : null;
    const report = await check([...chainA.records, signed?.ok ? signed.value.record : null], [a, b]);
    expect(codes(report)).toEqual(['broken-link@6']);
  });

  it('reports a record whose seen head no longer matches the other desk’s chain', async () => {
    const { a, b, chainA, chainB } = await twoDesks();
    const rewritten = await writeChain(a, rows(40, 5));
    const report = await check([...rewritten.records, ...chainB.records], [a, b]);
    expect(codes(report)).toEqual(['seen-mismatch@6', 'seen-mismatch@7', 'seen-mismatch@8']);
    expect(chainA.hashes[4]).not.toBe(rewritten.hashes[4]);
  });

  it('names a malformed record by its place, and goes on', async () => {
    const { a, b, records } = await twoDesks();
    const report = await check(
      [
        records[0],
        { ...records[1], operator: { name: 'Ingrid\u202EBerg', role: 'Communications lead' } },
        ...records.slice(2),
      ],
      [a, b],
    );
    expect(codes(report)).toEqual(['invalid@2']);
    expect(describeChainProblem(report.problems[0]!)).toContain(
      '(timeline.revised) is not a valid signed record: operator.name: must not contain control or text-direction characters',
    );
    // When not even its number can be read, its place in the chain shows as a gap as well.
    const unnumbered = await check([records[0], { ...records[1], seq: 'two' }, ...records.slice(2)], [a, b]);
    expect(codes(unnumbered)).toEqual(['invalid@2', 'missing@3']);
  });

  it('gives the same report streamed in pages as read whole', async () => {
    const { a, b, records } = await twoDesks();
    records.splice(4, 1);
    [records[0], records[1]] = [records[1]!, records[0]!];
    const whole = await check(records, [a, b]);
    const progress: number[] = [];
    const streamed = createSignedChainVerifier({ roster: [a.identity, b.identity], verify, scopes: [INC_1] });
    for (let i = 0; i < records.length; i += 3) {
      await streamed.push(records.slice(i, i + 3));
      progress.push(Math.min(i + 3, records.length));
    }
    expect(streamed.finish()).toEqual(whole);
    expect(codes(whole)).toEqual(['out-of-order@2', 'missing@5']);
    expect(progress).toEqual([3, 6, 7]);
  });

  it('hears every record whose signature and scope check out, with its hash', async () => {
    const { a, b, records, chainA } = await twoDesks();
    records[1] = { ...records[1]!, recordedAt: 1 };
    const heard: string[] = [];
    await verifySignedChains(records, {
      roster: [a.identity, b.identity],
      verify,
      scopes: [INC_1],
      onRecord: (v) => heard.push(v.hash),
    });
    expect(heard).toHaveLength(7);
    expect(heard).not.toContain(chainA.hashes[1]);
    expect(heard[0]).toBe(chainA.hashes[0]);
  });
});

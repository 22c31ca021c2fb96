import { describe, expect, it } from 'vitest';

import {
  describeIncidentIntegrity,
  describeIntegrityProblem,
  verifyIncidentIntegrity,
} from '@shared/domain/signed/incidentIntegrity';
import { fingerprintOf } from '@shared/domain/signed/identity';
import type { PublishedHead } from '@shared/schemas/publishedHeads';
import type { TimelineEntry, TimelineRevision } from '@shared/schemas/timeline';

import { verify } from '../../../factories/signed';
import { makeSignedIncident, rewriteRevision } from '../../../factories/signedIncident';
import { makeContent, sha256 } from '../../../factories/timeline';

type Fixture = Awaited<ReturnType<typeof makeSignedIncident>>;

function check(
  f: Fixture,
  over: {
    revisions?: TimelineRevision[];
    entries?: TimelineEntry[];
    records?: unknown[];
    publishedHeads?: PublishedHead[];
  } = {},
) {
  return verifyIncidentIntegrity({
    incidentId: 'inc_1',
    timeZone: 'Europe/Oslo',
    revisions: [over.revisions ?? f.revisions],
    entries: over.entries ?? f.entries,
    publishedHeads: over.publishedHeads ?? [],
    signed: [over.records ?? f.records],
    roster: f.desks.map((d) => d.identity),
    verify,
    sha256,
  });
}

/** Retitles one revision as someone without the desks' keys could, and checks the incident. */
async function checkRetitled(f: Fixture, chainSeq: number, title: string) {
  return check(f, await rewriteRevision(f.revisions, chainSeq, (r) => ({ ...r, content: { ...r.content, title } })));
}

const first = async (report: ReturnType<typeof check>) => {
  const problem = (await report).problems[0];
  return problem ? describeIntegrityProblem(problem) : null;
};

describe('verify integrity: the v1 chain and the desks’ signed chains together', () => {
  it('passes an incident logged before signatures and then by two desks, naming each desk by fingerprint', async () => {
    const f = await makeSignedIncident();
    const report = await check(f);
    expect(report.ok).toBe(true);
    expect(report.anchoredAt).toBe(3);
    const lines = describeIncidentIntegrity(report);
    expect(lines[0]).toMatch(/^Integrity verified: 7 revisions of 6 entries form an unbroken chain/);
    expect(lines).toContain(
      `Desk “Crisis room laptop” ${f.a.deskId}: fingerprint ${fingerprintOf(f.a.publicKey).hex}, 3 signed records.`,
    );
    expect(lines).toContain(
      `Desk “Mayor’s office laptop” ${f.b.deskId}: fingerprint ${fingerprintOf(f.b.publicKey).hex}, 1 signed record.`,
    );
    expect(lines.at(-1)).toBe(
      'Integrity verified: every signature, every link and every revision checks out (4 signed records).',
    );
  });

  it('catches a signed revision altered and the chain re-hashed without the key, naming the entry, desk and operator', async () => {
    const f = await makeSignedIncident();
    const report = await checkRetitled(f, 4, 'Second attacker arrested');
    expect(report.v1.ok).toBe(true); // the old check alone would say VERIFIED
    expect(report.ok).toBe(false);
    expect(await first(Promise.resolve(report))).toBe(
      `revision 4 of the chain (entry “Second attacker arrested”) differs from the revision record 1 of the file, desk “Crisis room laptop” (fingerprint ${fingerprintOf(f.a.publicKey).hex})’s record 1 in incident inc_1 (timeline.revised; entry “Second attacker at the station”; by Ingrid Berg, Communications lead; recorded 2026-11-24T13:05:00.000Z) signed: it was altered (and the chain re-hashed) by someone without the desk's key.`,
    );
  });

  it('catches a revision written before signatures altered and re-hashed: the anchor no longer holds', async () => {
    const f = await makeSignedIncident();
    const report = await checkRetitled(f, 2, 'Police reopen the roads');
    expect(report.v1.ok).toBe(true);
    expect(report.problems[0]?.code).toBe('anchor-mismatch');
    expect(await first(Promise.resolve(report))).toContain('The chain was altered after desk “Crisis room laptop”');
  });

  it('catches a revision added after the desks began signing that no desk signed', async () => {
    const f = await makeSignedIncident();
    await f.log.add('tle_7', makeContent({ title: 'Suspect named on social media' }), {
      operator: 'Ingrid Berg',
      now: Date.UTC(2026, 10, 24, 14, 0),
    });
    const report = await check(f, { revisions: [...f.log.revisions], entries: [...f.log.entries.values()] });
    expect(report.v1.ok).toBe(true);
    expect(await first(Promise.resolve(report))).toBe(
      'revision 8 of the chain (entry “Suspect named on social media”) was written after the desks began signing, but no desk signed it: it was added outside the desk, by someone without its key.',
    );
  });

  it('catches signed revisions cut from the end of the timeline, and the heads published before', async () => {
    const f = await makeSignedIncident();
    const revisions = f.revisions.slice(0, 6);
    const entries = f.entries.filter((e) => e.id !== 'tle_6');
    const exported: PublishedHead = {
      id: 'ph_1',
      incidentId: 'inc_1',
      chainSeq: 7,
      headHash: f.revisions[6]!.hash,
      at: Date.UTC(2026, 10, 24, 14, 30),
      via: 'export',
      by: 'Ingrid Berg',
    };
    const report = await check(f, { revisions, entries, publishedHeads: [exported] });
    expect(report.v1.ok).toBe(true);
    expect(report.problems.map((p) => p.code)).toEqual(['published-head', 'revision-not-in-timeline']);
    expect(await first(Promise.resolve(report))).toBe(
      'Revisions are missing since the record exported on 24 Nov 2026 15:30 (Europe/Oslo): the chain then had 7 revisions; it now ends at revision 6.',
    );
    expect(describeIntegrityProblem(report.problems[1]!)).toContain(
      'The revision of entry “Vigil planned at the cathedral” that record 4 of the file',
    );
  });

  it('catches a chain cut short below the head a desk took it up at', async () => {
    const f = await makeSignedIncident();
    const report = await check(f, {
      revisions: f.revisions.slice(0, 5),
      entries: f.entries.filter((e) => e.id !== 'tle_6').map((e) => (e.id === 'tle_4' ? { ...e } : e)),
    });
    const anchor = report.problems.find((p) => p.code === 'anchor-mismatch');
    expect(anchor && describeIntegrityProblem(anchor)).toContain(
      'Revisions are missing from the chain: record 4 of the file, desk “Mayor’s office laptop”',
    );
    expect(anchor && describeIntegrityProblem(anchor)).toContain(
      'took it up at revision 6; it now ends at revision 5.',
    );
  });

  it('reports a signed record missing as MISSING first, then its revision as unsigned', async () => {
    const f = await makeSignedIncident();
    const report = await check(f, { records: f.records.filter((_, i) => i !== 1) });
    expect(report.problems.map((p) => p.code)).toEqual(['signed', 'unsigned-revision']);
    expect(await first(Promise.resolve(report))).toContain('Record 2 of desk “Crisis room laptop”');
    expect(await first(Promise.resolve(report))).toContain('is MISSING');
  });

  it('walks a v1 chain as before when no desk has signed yet, and reports its break as before', async () => {
    const f = await makeSignedIncident();
    const legacy = {
      revisions: f.revisions.slice(0, 3),
      entries: f.entries.filter((e) => ['tle_1', 'tle_2', 'tle_3'].includes(e.id)),
      records: [],
    };
    const clean = await check(f, legacy);
    expect(clean.ok).toBe(true);
    expect(clean.anchoredAt).toBeNull();
    const broken = await check(f, {
      ...legacy,
      revisions: [
        legacy.revisions[0]!,
        { ...legacy.revisions[1]!, content: { ...legacy.revisions[1]!.content, title: 'Changed' } },
        legacy.revisions[2]!,
      ],
    });
    expect(broken.problems[0]?.code).toBe('v1-chain');
    expect(await first(Promise.resolve(broken))).toContain('Integrity check FAILED at revision 2 of the chain');
  });
});

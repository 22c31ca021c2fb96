import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { fingerprintOfHex } from '@shared/domain/signed/identity';
import type { RecordFileV3 } from '@shared/domain/record/recordFile';

import { forgeRecord, recordText } from '../../factories/signedRecordFile';
import { sha256 } from '../../factories/timeline';
import { buildVerifyCli, runVerifyCli } from '../../support/verifyCli';

const FIXTURE = 'tests/fixtures/records/v3-internal-signed.json';
const verify = runVerifyCli;

describe('response-desk-verify: a record with the desks’ signed records (format 3)', () => {
  let dir = '';
  let fixture: RecordFileV3;
  beforeAll(async () => {
    await buildVerifyCli();
    dir = await mkdtemp(join(tmpdir(), 'desk-verify-signed-'));
    fixture = JSON.parse(await readFile(FIXTURE, 'utf8')) as RecordFileV3;
  }, 60_000);

  it('checks every signature with node:crypto and prints each desk’s fingerprint and number of records, exit 0', async () => {
    const { code, out } = await verify(FIXTURE);
    expect(code).toBe(0);
    expect(out).toContain('ok    signatures: 4 signed records of 2 desks');
    expect(out).toContain(
      `“Crisis room laptop” desk-21fe31dfa154a261626bf854046fd227: 3 signed records\n    fingerprint 21fe 31df a154 a261 626b f854 046f d227\n    in words    capable various jewel dress enforce cost meadow lecture favorite casino virus exchange`,
    );
    expect(out).toContain(
      `“Mayor’s office laptop” ${fixture.signed.desks[1]!.deskId}: 1 signed record\n    fingerprint ${fingerprintOfHex(fixture.signed.desks[1]!.publicKey).hex}`,
    );
    expect(out).toContain(
      "VERIFIED: the record is as the desk exported it. Every desk's signature checks out against the record's roster.",
    );
  });

  it('fails a forged record, re-hashed and re-sealed without the key, exit 1 naming the entry', async () => {
    const path = join(dir, 'forged.json');
    await writeFile(path, recordText(await forgeRecord(fixture, 3, 'Second attacker confirmed at the station')));
    const { code, out } = await verify(path);
    expect(code).toBe(1);
    expect(out).toContain('ok    checksum:');
    expect(out).toContain('ok    hash chain:');
    expect(out).toContain(
      'FAIL  signatures: revision 3 of the chain (entry “Second attacker confirmed at the station”) differs from the revision record 1 of the file, desk “Crisis room laptop” (fingerprint 21fe 31df a154 a261 626b f854 046f d227)’s record 1 in incident inc_rec',
    );
    expect(out).toContain('NOT VERIFIED: do not rely on this record.');
  });

  it('fails a forgery that also rewrites the signed record to match, exit 1: its signature no longer holds', async () => {
    const forged = await forgeRecord(fixture, 3, 'Second attacker confirmed at the station');
    const revision = forged.content.timeline!.revisions.find((r) => r.chainSeq === 3)!;
    const records = forged.signed.records.map((r, i) =>
      i === 0 ? { ...r, content: { ...r.content, put: { timelineRevisions: [revision] } } } : r,
    );
    const { checksum, ...rest } = { ...forged, signed: { ...forged.signed, records } };
    const path = join(dir, 'forged-signed.json');
    await writeFile(path, recordText({ ...rest, checksum: { ...checksum, value: await sha256(recordText(rest)) } }));
    const { code, out } = await verify(path);
    expect(code).toBe(1);
    expect(out).toMatch(
      /FAIL {2}signatures: record 1 of the file, desk “Crisis room laptop” .*\(timeline\.revised; entry “Second attacker confirmed at the station”; by Ingrid Berg, Communications lead; .*\) does not match its signature/,
    );
  });
});

import { readFile } from 'node:fs/promises';

import { describe, expect, it } from 'vitest';

import { RecordFileV3Schema } from '@shared/domain/record/recordFile';
import { verifyAnyRecordText } from '@shared/domain/record/verifySignedRecord';
import { verifyRecordText } from '@shared/domain/record/verifyRecord';
import { fingerprintOfHex } from '@shared/domain/signed/identity';

import { makeRecord } from '../../../factories/record';
import { makeDesk, SEED_C, verify } from '../../../factories/signed';
import { forgeRecord, makeSignedRecordFile, recordText } from '../../../factories/signedRecordFile';
import { sha256 } from '../../../factories/timeline';

const check = (record: unknown) =>
  verifyAnyRecordText(typeof record === 'string' ? record : recordText(record), sha256, { verify });
const failing = async (record: unknown) => (await check(record)).checks.find((c) => !c.ok);

describe('the after-action record, format version 3: the desks’ signed records', () => {
  it('is committed as a fixture built by hand, sealed to a known checksum', async () => {
    const fixture = await readFile(
      new URL('../../../fixtures/records/v3-internal-signed.json', import.meta.url),
      'utf8',
    );
    const built = await makeSignedRecordFile();
    expect(recordText(built)).toBe(fixture.trimEnd());
    expect(built.checksum.value).toBe('9ecb2ae72b94e8588b96248f64a83fba81ba5402ab26f08a150f62c17d712097');
    expect(RecordFileV3Schema.safeParse(JSON.parse(fixture)).success).toBe(true);
  });

  it('verifies: format, schema, checksum, hash chain and every signature, naming each desk by fingerprint', async () => {
    const record = await makeSignedRecordFile();
    const result = await check(record);
    expect(result.checks.map((c) => [c.name, c.ok])).toEqual([
      ['format', true],
      ['schema', true],
      ['checksum', true],
      ['hash chain', true],
      ['signatures', true],
    ]);
    expect(result.checks.at(-1)?.detail).toBe(
      "4 signed records of 2 desks: every signature, every link and every revision after the desks began signing checks out against the roster's keys.",
    );
    expect(result.desks?.map((d) => [d.name, d.fingerprint, d.records])).toEqual([
      ['Crisis room laptop', fingerprintOfHex(record.signed.desks[0]!.publicKey).hex, 3],
      ['Mayor’s office laptop', fingerprintOfHex(record.signed.desks[1]!.publicKey).hex, 1],
    ]);
  });

  it('fails a record re-hashed and re-sealed without the key, naming the entry, desk and operator', async () => {
    const forged = await forgeRecord(await makeSignedRecordFile(), 3, 'Second attacker confirmed at the station');
    const result = await check(forged);
    expect(result.ok).toBe(false);
    expect(result.checks.map((c) => [c.name, c.ok])).toEqual([
      ['format', true],
      ['schema', true],
      ['checksum', true],
      ['hash chain', true],
      ['signatures', false],
    ]);
    expect(result.checks.at(-1)?.detail).toContain(
      'revision 3 of the chain (entry “Second attacker confirmed at the station”) differs from the revision',
    );
    expect(result.checks.at(-1)?.detail).toContain('desk “Crisis room laptop”');
    expect(result.checks.at(-1)?.detail).toContain('by Ingrid Berg, Communications lead');
  });

  it('the same forgery of a version 2 record passes every check: what signatures add', async () => {
    const forged = await forgeRecord(await makeRecord('internal'), 3, 'Second attacker confirmed at the station');
    expect((await verifyRecordText(recordText(forged), sha256)).ok).toBe(true);
  });

  it('fails a roster identity renamed after the desk signed it', async () => {
    const record = await makeSignedRecordFile();
    const renamed = {
      ...record,
      signed: {
        ...record.signed,
        desks: [{ ...record.signed.desks[0]!, name: 'Mayor’s laptop' }, record.signed.desks[1]!],
      },
    };
    const { checksum: _c, ...rest } = renamed;
    const resealed = { ...rest, checksum: { ...record.checksum, value: await sha256(recordText(rest)) } };
    expect((await failing(resealed))?.detail).toContain("The roster's identity of desk “Mayor’s laptop”");
  });

  it('fails a record signed by a desk its roster does not list, and records cut from a desk’s chain', async () => {
    const record = await makeSignedRecordFile();
    const stranger = await makeDesk(SEED_C, 'Laptop nobody knows');
    const reseal = async (signed: typeof record.signed) => {
      const { checksum: _c, ...rest } = { ...record, signed };
      return { ...rest, checksum: { ...record.checksum, value: await sha256(recordText(rest)) } };
    };
    const swapped = await reseal({
      ...record.signed,
      desks: [record.signed.desks[0]!, stranger.identity],
      heads: [record.signed.heads[0]!],
    });
    expect((await failing(swapped))?.detail).toContain("is signed by a desk the record's roster does not list");
    // A's last record, which B had seen: MISSING.
    const cut = await reseal({ ...record.signed, records: record.signed.records.filter((_, i) => i !== 2) });
    expect((await failing(cut))?.detail).toContain('Record 3 of desk “Crisis room laptop”');
    expect((await failing(cut))?.detail).toContain('is MISSING');
    // Records nobody had seen, cut from the end (desk-wide records, say): the stated head finds them missing.
    const beyond = await reseal({
      ...record.signed,
      heads: [{ ...record.signed.heads[0]!, seq: 4 }, record.signed.heads[1]!],
    });
    expect((await failing(beyond))?.detail).toBe(
      'Records of desk “Crisis room laptop” are missing from the end of its chain: the record names its head as record 4; the signed records here end at record 3.',
    );
  });

  it('refuses signed records in an edition that says it carries none', async () => {
    const record = await makeSignedRecordFile();
    const { checksum: _c, ...rest } = { ...record, signed: { ...record.signed, complete: false } };
    const resealed = { ...rest, checksum: { ...record.checksum, value: await sha256(recordText(rest)) } };
    expect((await failing(resealed))?.detail).toContain(
      'signed.records: must be empty unless the record carries every signed record',
    );
  });

  it('still reads versions 1 and 2, and the desk’s own import path still refuses version 3 for now', async () => {
    const v2 = await check(await makeRecord('internal'));
    expect(v2.ok).toBe(true);
    expect(v2.desks).toBeNull();
    const v1 = await check(
      await readFile(new URL('../../../fixtures/records/v1-internal.json', import.meta.url), 'utf8'),
    );
    expect(v1.ok).toBe(true);
    const refused = await verifyRecordText(recordText(await makeSignedRecordFile()), sha256);
    expect(refused.checks.at(-1)?.detail).toBe(
      'The record is in format version 3; this verifier reads up to version 2.',
    );
  });
});

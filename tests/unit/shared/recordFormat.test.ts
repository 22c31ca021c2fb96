import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';

import { strFromU8, strToU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';

import { canonicalJson } from '@shared/domain/integrity/canonical';
import { buildPackage, MANIFEST_NAME } from '@shared/domain/record/exportPackage';
import { sealRecordText } from '@shared/domain/record/recordFile';
import { verifyRecordText } from '@shared/domain/record/verifyRecord';

import { makeRecord } from '../../factories/record';
import { sha256 } from '../../factories/timeline';

const fixture = (name: string) => readFile(new URL(`../../fixtures/records/${name}`, import.meta.url), 'utf8');
const sha256Bytes = (b: Uint8Array) => Promise.resolve(createHash('sha256').update(b).digest('hex'));

describe('record formats, known answers', () => {
  it('still verifies a record of format version 1, as exported by earlier desks', async () => {
    const text = await fixture('v1-internal.json');
    const result = await verifyRecordText(text, sha256);
    expect(result.checks).toEqual([
      { name: 'format', ok: true, detail: 'response-desk-record, version 1' },
      { name: 'schema', ok: true, detail: 'Every field matches the format, and there is no field it does not define.' },
      {
        name: 'checksum',
        ok: true,
        detail: 'SHA-256 35d61cda32f355ccf567930a56a6b0d0329935956927aca74f030adcc480b80c',
      },
      expect.objectContaining({ name: 'hash chain', ok: true }),
    ]);
  });

  it('verifies a council record of format version 2 against its literal checksum, and nothing else', async () => {
    const text = await fixture('v2-council.json');
    const raw = JSON.parse(text) as { checksum: { value: string } } & Record<string, unknown>;
    // FORMAT: the checksum is the SHA-256 of the RFC 8785 canonical JSON of every field but "checksum".
    const { checksum, ...rest } = raw;
    expect(checksum.value).toBe('333dfed8ddfc994a99dc77f8f1e85be7d8b6b4fa2cf91f9634b098c6fd8849c6');
    expect(await sha256(canonicalJson(rest))).toBe(checksum.value);
    expect((await verifyRecordText(text, sha256)).ok).toBe(true);
    expect(
      (
        await verifyRecordText(
          text.replace('Mayor activates the crisis team', 'Mayor activates the crisis teams'),
          sha256,
        )
      ).ok,
    ).toBe(false);
  });

  it('writes the record file as the sealed record’s canonical JSON, in one pass', async () => {
    const { checksum: _c, ...unsealed } = await makeRecord('council');
    const { record, text } = await sealRecordText(unsealed, sha256);
    expect(text).toBe(canonicalJson(record));
    expect(record.checksum.value).toBe(await sha256(canonicalJson(unsealed)));
    expect((await verifyRecordText(text, sha256)).ok).toBe(true);
  });

  it('writes the package manifest in its published layout', async () => {
    const { zip, manifest } = await buildPackage(
      [
        { name: 'r.json', role: 'record', bytes: strToU8('hello') },
        { name: 'r.pdf', role: 'report-pdf', bytes: strToU8('%PDF-') },
      ],
      { checksum: 'a'.repeat(64), profile: 'public', formatVersion: 2, exportedAt: '2026-11-24T13:00:00.000Z' },
      sha256Bytes,
    );
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual([MANIFEST_NAME, 'r.json', 'r.pdf']);
    expect(JSON.parse(strFromU8(files[MANIFEST_NAME]!))).toEqual({
      format: 'response-desk-package',
      formatVersion: 1,
      createdAt: '2026-11-24T13:00:00.000Z',
      record: { file: 'r.json', checksum: 'a'.repeat(64), profile: 'public', formatVersion: 2 },
      files: [
        {
          name: 'r.json',
          role: 'record',
          bytes: 5,
          sha256: '2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824',
        },
        {
          name: 'r.pdf',
          role: 'report-pdf',
          bytes: 5,
          sha256: '38523c087796e5d5dd1cf9bad1fb026781a838dd9dd2cf8af58b9f6502a46778',
        },
      ],
    });
    expect(manifest.files).toHaveLength(2);
    // The same record makes the same bytes.
    const again = await buildPackage(
      [
        { name: 'r.json', role: 'record', bytes: strToU8('hello') },
        { name: 'r.pdf', role: 'report-pdf', bytes: strToU8('%PDF-') },
      ],
      { checksum: 'a'.repeat(64), profile: 'public', formatVersion: 2, exportedAt: '2026-11-24T13:00:00.000Z' },
      sha256Bytes,
    );
    expect(Buffer.from(again.zip).equals(Buffer.from(zip))).toBe(true);
  });
});

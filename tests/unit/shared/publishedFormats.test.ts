import { createHash } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { buildBackup } from '@shared/domain/backup/backupFile';
import { plainEntry } from '@shared/domain/timeline/plainEntry';
import { revisionHashInput, sealRevision, type UnsealedRevision } from '@shared/domain/timeline/revisions';

const sha256 = (text: string) => Promise.resolve(createHash('sha256').update(text, 'utf8').digest('hex'));

/** One revision as the desk stores it; the text its hash is taken over is asserted below, every character literal. */
const REVISION: UnsealedRevision = {
  id: 'tlr_01',
  entryId: 'tle_01',
  incidentId: 'inc_01',
  chainSeq: 1,
  revisionNo: 1,
  kind: 'create',
  recordedAt: 1_795_000_000_000,
  operator: 'Ingrid Berg',
  reason: '',
  content: plainEntry({
    occurredAt: 1_794_999_940_000,
    title: 'Fire reported at the community centre',
    source: 'police',
    tags: ['scene'],
  }),
  prevHash: '0000000000000000000000000000000000000000000000000000000000000000',
};

/** The answers, computed independently (Python's hashlib over the same literal text). */
const KAT = {
  revision: 'd93a99f7188ae3cce109d949d54e06a88f277eb7d9fbfaecb71eaf5141093d32',
  backup: '88c0a8071d5275db75c6876f35210d94e86e0211774b2b5a0cb1a4817d77a9b0',
  merge: 'c4e5ab87087c878a08a022f419612bd925a98ba22cb41a6e964ca9124acb4d68',
};

describe('published formats, by known answers', () => {
  it('a revision is hashed over this exact text, and every field counts, prevHash included', async () => {
    expect(revisionHashInput(REVISION)).toBe(
      'response-desk-revision-v1\n' +
        '{"chainSeq":1,"content":{"body":"","category":"event","links":[],"occurredAt":1794999940000,"occurredPrecision":"exact","onBehalfOf":null,"release":"internal","reportedAt":null,"retracted":false,"retractionReason":null,"source":"police","sourceContactId":null,"tags":["scene"],"title":"Fire reported at the community centre","transcribed":false,"verification":"unverified"},"entryId":"tle_01","id":"tlr_01","incidentId":"inc_01","kind":"create","operator":"Ingrid Berg","prevHash":"0000000000000000000000000000000000000000000000000000000000000000","reason":"","recordedAt":1795000000000,"revisionNo":1}',
    );
    expect((await sealRevision(REVISION, sha256)).hash).toBe(KAT.revision);
    // A hash that ignored the link to the previous revision would not be a chain.
    expect((await sealRevision({ ...REVISION, prevHash: 'f'.repeat(64) }, sha256)).hash).not.toBe(KAT.revision);
  });

  it('a merge of corrections made apart is hashed with the revisions it names, in their order', async () => {
    const merge: UnsealedRevision = {
      ...REVISION,
      id: 'tlr_03',
      chainSeq: 3,
      revisionNo: 3,
      kind: 'edit',
      reason: 'Both desks heard it; the police confirmed',
      mergeOf: ['tlr_02a', 'tlr_02b'],
    };
    expect(revisionHashInput(merge)).toBe(
      'response-desk-revision-v1\n' +
        '{"chainSeq":3,"content":{"body":"","category":"event","links":[],"occurredAt":1794999940000,"occurredPrecision":"exact","onBehalfOf":null,"release":"internal","reportedAt":null,"retracted":false,"retractionReason":null,"source":"police","sourceContactId":null,"tags":["scene"],"title":"Fire reported at the community centre","transcribed":false,"verification":"unverified"},"entryId":"tle_01","id":"tlr_03","incidentId":"inc_01","kind":"edit","mergeOf":["tlr_02a","tlr_02b"],"operator":"Ingrid Berg","prevHash":"0000000000000000000000000000000000000000000000000000000000000000","reason":"Both desks heard it; the police confirmed","recordedAt":1795000000000,"revisionNo":3}',
    );
    expect((await sealRevision(merge, sha256)).hash).toBe(KAT.merge);
    // Dropping a name from a merge is detected: the hash no longer matches.
    expect((await sealRevision({ ...merge, mergeOf: ['tlr_02a', 'tlr_02c'] }, sha256)).hash).not.toBe(KAT.merge);
  });

  it('a backup checksum is the SHA-256 of the canonical JSON of its data', async () => {
    const rows = {
      incidents: [{ id: 'inc_01', title: 'Arson at the community centre' }],
      timelineRevisions: [{ ...REVISION, hash: KAT.revision }],
    };
    const backup = await buildBackup(
      rows as never,
      {
        schemaVersion: 4,
        createdAt: '2026-11-18T08:26:40.000Z',
        createdBy: 'Ingrid Berg',
        appVersion: '0.1.0',
        cityName: 'Kristiansand',
      },
      sha256,
    );
    expect(backup.checksum).toEqual({ algorithm: 'SHA-256', over: 'canonical-json-of-data', value: KAT.backup });
  });
});

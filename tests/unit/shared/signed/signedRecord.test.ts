import { createHash, createPrivateKey, createPublicKey, sign as nodeSign, verify as nodeVerify } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { generateDeskKeyPair, webCryptoSigner } from '@shared/domain/signed/ed25519';
import {
  SignedRecordSchema,
  UnsignedRecordSchema,
  type SignedRecord,
  type UnsignedRecord,
} from '@shared/domain/signed/format';
import { nextRecord, recordHash, signingInput, signRecord, verifyRecordSignature } from '@shared/domain/signed/sign';
import { plainEntry } from '@shared/domain/timeline/plainEntry';

import {
  makeDesk,
  makeRevisionRow,
  OPERATOR,
  pkcs8Of,
  revisionChange,
  RFC8032_PUBLIC,
  RFC8032_SEED,
  subtle,
  T0,
  verify,
} from '../../../factories/signed';

/** The known-answer record: a desk's first record in an incident, anchored on an empty v1 chain. */
const KAT_RECORD: UnsignedRecord = {
  format: 'response-desk-signed-record',
  version: 2,
  kind: 'timeline.revised',
  scope: { kind: 'incident', incidentId: 'inc_1' },
  deskId: 'desk-21fe31dfa154a261626bf854046fd227',
  seq: 1,
  prev: null,
  seen: [],
  recordedAt: 1795525500000,
  operator: { name: 'Ingrid Berg', role: 'Communications lead' },
  anchor: { chainSeq: 0, headHash: '0000000000000000000000000000000000000000000000000000000000000000' },
  content: {
    put: {
      timelineRevisions: [
        {
          id: 'tlr_1',
          entryId: 'tle_1',
          incidentId: 'inc_1',
          chainSeq: 1,
          revisionNo: 1,
          kind: 'create',
          recordedAt: 1795525560000,
          operator: 'Ingrid Berg',
          reason: null,
          content: plainEntry({
            occurredAt: 1795525560000,
            title: 'Entry number 1',
            source: 'Police',
            tags: ['traffic'],
          }),
          prevHash: '0000000000000000000000000000000000000000000000000000000000000000',
          hash: '0000000000000000000000000000000000000000000000000000000000000001',
        },
      ],
    },
    delete: {},
    basedOn: [],
  },
};

const KAT_SIGNING_INPUT =
  '{"anchor":{"chainSeq":0,"headHash":"0000000000000000000000000000000000000000000000000000000000000000"},"content":{"basedOn":[],"delete":{},"put":{"timelineRevisions":[{"chainSeq":1,"content":{"body":"","category":"event","links":[],"occurredAt":1795525560000,"occurredPrecision":"exact","onBehalfOf":null,"release":"internal","reportedAt":null,"retracted":false,"retractionReason":null,"source":"Police","sourceContactId":null,"tags":["traffic"],"title":"Entry number 1","transcribed":false,"verification":"unverified"},"entryId":"tle_1","hash":"0000000000000000000000000000000000000000000000000000000000000001","id":"tlr_1","incidentId":"inc_1","kind":"create","operator":"Ingrid Berg","prevHash":"0000000000000000000000000000000000000000000000000000000000000000","reason":null,"recordedAt":1795525560000,"revisionNo":1}]}},"deskId":"desk-21fe31dfa154a261626bf854046fd227","format":"response-desk-signed-record","kind":"timeline.revised","operator":{"name":"Ingrid Berg","role":"Communications lead"},"prev":null,"recordedAt":1795525500000,"scope":{"incidentId":"inc_1","kind":"incident"},"seen":[],"seq":1,"version":2}';
const KAT_SIGNATURE =
  '897b59914d0b2b71550a26f4a55ad19f08d36dff7ff32bce26413b5f619d57ed4958989ec44852f61770b2dd0fa244d7f935f84b084e140c21ab6368708da207';
const KAT_HASH = '4b51935d90d1ea7ccb41119588d6369a870730967b84160baebeeed18eced8f8';

const nodePublicKey = (hex: string) =>
  createPublicKey({ key: Buffer.from(`302a300506032b6570032100${hex}`, 'hex'), format: 'der', type: 'spki' });

describe('signed record format v2: known answers', () => {
  it('writes the signing input as the RFC 8785 canonical JSON of every field but the signature', () => {
    expect(signingInput(KAT_RECORD)).toBe(KAT_SIGNING_INPUT);
    expect(signingInput({ ...KAT_RECORD, signature: KAT_SIGNATURE })).toBe(KAT_SIGNING_INPUT);
  });

  it('signs it with the RFC 8032 test key to the literal signature, which OpenSSL (node:crypto) verifies', async () => {
    const desk = await makeDesk(RFC8032_SEED);
    expect(Buffer.from(desk.publicKey).toString('hex')).toBe(RFC8032_PUBLIC);
    const signed = await signRecord(KAT_RECORD, desk.sign);
    expect(signed.ok && signed.value.record.signature).toBe(KAT_SIGNATURE);
    expect(
      nodeVerify(
        null,
        Buffer.from(KAT_SIGNING_INPUT, 'utf8'),
        nodePublicKey(RFC8032_PUBLIC),
        Buffer.from(KAT_SIGNATURE, 'hex'),
      ),
    ).toBe(true);
    // And the same private key in node:crypto makes the same (deterministic) signature.
    const nodeKey = createPrivateKey({ key: pkcs8Of(RFC8032_SEED), format: 'der', type: 'pkcs8' });
    expect(nodeSign(null, Buffer.from(KAT_SIGNING_INPUT, 'utf8'), nodeKey).toString('hex')).toBe(KAT_SIGNATURE);
  });

  it('hashes a record as the SHA-256 of its signing input', async () => {
    const desk = await makeDesk(RFC8032_SEED);
    const signed = await signRecord(KAT_RECORD, desk.sign);
    expect(signed.ok && signed.value.hash).toBe(KAT_HASH);
    expect(createHash('sha256').update(KAT_SIGNING_INPUT, 'utf8').digest('hex')).toBe(KAT_HASH);
    expect(recordHash(KAT_RECORD)).toBe(KAT_HASH);
  });

  it('reads the literal record with its schema, field for field', () => {
    const parsed = SignedRecordSchema.safeParse({ ...KAT_RECORD, signature: KAT_SIGNATURE });
    expect(parsed.success).toBe(true);
  });
});

describe('signing and verifying', () => {
  it('verifies the desk’s own signature, with Web Crypto', async () => {
    const desk = await makeDesk();
    const signed = await signRecord(KAT_RECORD, desk.sign);
    expect(signed.ok && (await verifyRecordSignature(signed.value.record, desk.publicKey, verify))).toBe(true);
  });

  it('refuses a signature made by another key', async () => {
    const other = await makeDesk('4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb');
    const desk = await makeDesk();
    const signed = await signRecord(KAT_RECORD, other.sign);
    expect(signed.ok && (await verifyRecordSignature(signed.value.record, desk.publicKey, verify))).toBe(false);
  });

  it.each([
    ['kind', { kind: 'timeline.retracted' }],
    ['scope', { scope: { kind: 'incident', incidentId: 'inc_2' } }],
    ['seq', { seq: 2, prev: KAT_HASH, anchor: null }],
    ['recordedAt', { recordedAt: 1795525500001 }],
    ['operator', { operator: { name: 'Ingrid Berg', role: 'Mayor' } }],
    ['anchor', { anchor: { chainSeq: 1, headHash: KAT_HASH } }],
    ['seen', { seen: [{ deskId: 'desk-00000000000000000000000000000000', seq: 1, hash: KAT_HASH }] }],
    [
      'content',
      {
        content: revisionChange(
          makeRevisionRow(1, {
            content: { ...KAT_RECORD.content.put.timelineRevisions![0]!.content, title: 'Entry number one' },
          }),
        ),
      },
    ],
  ] as const)('fails verification once its %s is changed', async (_field, change) => {
    const desk = await makeDesk();
    const signed = await signRecord(KAT_RECORD, desk.sign);
    if (!signed.ok) throw new Error('not signed');
    const tampered = { ...signed.value.record, ...change } as SignedRecord;
    expect(SignedRecordSchema.safeParse(tampered).success).toBe(true);
    expect(await verifyRecordSignature(tampered, desk.publicKey, verify)).toBe(false);
  });

  it('refuses to sign a record larger than a team can carry, naming its size', async () => {
    const desk = await makeDesk();
    const rows = Array.from({ length: 70 }, (_, i) =>
      makeRevisionRow(i + 1, { content: { ...makeRevisionRow(1).content, body: 'x'.repeat(19_000) } }),
    );
    const signed = await signRecord(
      { ...KAT_RECORD, content: { put: { timelineRevisions: rows }, delete: {}, basedOn: [] } },
      desk.sign,
    );
    expect(signed.ok).toBe(false);
    expect(!signed.ok && signed.error.bytes).toBeGreaterThan(1024 * 1024);
  });

  it('makes a non-extractable key pair with Web Crypto and exports only the public key', async () => {
    const pair = await generateDeskKeyPair(subtle);
    expect(pair.publicKeyRaw).toHaveLength(32);
    expect(pair.privateKey.extractable).toBe(false);
    await expect(subtle.exportKey('pkcs8', pair.privateKey)).rejects.toThrow();
    const sign = webCryptoSigner(subtle, pair.privateKey);
    const signed = await signRecord(KAT_RECORD, sign);
    expect(signed.ok && (await verifyRecordSignature(signed.value.record, pair.publicKeyRaw, verify))).toBe(true);
  });
});

describe('the record schema', () => {
  const valid = { ...KAT_RECORD, signature: KAT_SIGNATURE };
  const problem = (record: unknown) => {
    const parsed = SignedRecordSchema.safeParse(record);
    return parsed.success ? null : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  };

  it.each([
    ['a field the format does not define', { ...valid, note: 'hidden' }, 'note'],
    [
      'a row field its table does not define',
      { ...valid, content: { ...valid.content, put: { timelineRevisions: [{ ...makeRevisionRow(1), secret: 1 }] } } },
      'does not define: secret',
    ],
    [
      'an invalid row',
      { ...valid, content: { ...valid.content, put: { timelineRevisions: [{ ...makeRevisionRow(1), chainSeq: 0 }] } } },
      'is not a valid timelineRevisions row',
    ],
    [
      'a derived table',
      { ...valid, content: { ...valid.content, put: { timelineEntries: [{ id: 'tle_1' }] } } },
      'put',
    ],
    [
      'a first record without an anchor in an incident',
      { ...valid, anchor: null },
      'anchor: must name the v1 chain head',
    ],
    ['an anchor on a later record', { ...valid, seq: 2, prev: KAT_HASH }, 'anchor: belongs only'],
    ['a later record without a link', { ...valid, seq: 2, anchor: null }, 'prev: must name'],
    [
      'an operator name with a right-to-left override',
      { ...valid, operator: { name: 'Ingrid\u202EBerg', role: 'Mayor' } },
      'text-direction',
    ],
    ['a kind not in words', { ...valid, kind: 'TIMELINE' }, 'kind'],
    ['a malformed desk id', { ...valid, deskId: 'desk-1' }, 'deskId'],
    ['a signature of the wrong length', { ...valid, signature: 'ab' }, 'signature'],
    [
      'its own desk among the heads it has seen',
      { ...valid, seen: [{ deskId: valid.deskId, seq: 1, hash: KAT_HASH }] },
      'seen: names the desk’s own chain',
    ],
  ])('refuses %s, saying where', (_what, record, expected) => {
    expect(problem(record)).toContain(expected);
  });

  it('accepts a desk-wide record with no anchor', () => {
    const deskWide = {
      ...valid,
      scope: { kind: 'desk' },
      anchor: null,
      content: { put: { contacts: [] }, delete: {}, basedOn: [] },
    };
    expect(problem(deskWide)).toContain('put.contacts'); // an empty list of rows says nothing
    expect(
      problem({
        ...deskWide,
        content: {
          put: {},
          delete: { contacts: ['con_1'] },
          basedOn: [{ table: 'contacts', key: 'con_1', on: '2026-11-24T13:00:00Z' }],
        },
      }),
    ).toBeNull();
  });

  it('builds the next record of a chain: one more, linked to the tip, anchored only when first in an incident', () => {
    const base = {
      deskId: KAT_RECORD.deskId,
      scope: KAT_RECORD.scope,
      kind: 'timeline.revised',
      content: KAT_RECORD.content,
      operator: OPERATOR,
      recordedAt: T0,
      seen: [],
    };
    expect(nextRecord({ ...base, tip: null })).toEqual({ ok: false, error: { code: 'anchor-needed' } });
    const first = nextRecord({ ...base, tip: null, v1Head: { chainSeq: 4, headHash: KAT_HASH } });
    expect(first.ok && [first.value.seq, first.value.prev, first.value.anchor]).toEqual([
      1,
      null,
      { chainSeq: 4, headHash: KAT_HASH },
    ]);
    const later = nextRecord({ ...base, tip: { seq: 7, hash: KAT_HASH }, v1Head: { chainSeq: 4, headHash: KAT_HASH } });
    expect(later.ok && [later.value.seq, later.value.prev, later.value.anchor]).toEqual([8, KAT_HASH, null]);
    expect(later.ok && UnsignedRecordSchema.safeParse(later.value).success).toBe(true);
  });

  it('lists the heads of other desks once each, in order, never its own', () => {
    const h = (deskId: string) => ({ deskId, seq: 3, hash: KAT_HASH });
    const next = nextRecord({
      deskId: KAT_RECORD.deskId,
      scope: { kind: 'desk' },
      kind: 'contact.saved',
      content: KAT_RECORD.content,
      operator: OPERATOR,
      recordedAt: T0,
      tip: null,
      seen: [
        h('desk-ffffffffffffffffffffffffffffffff'),
        h(KAT_RECORD.deskId),
        h('desk-11111111111111111111111111111111'),
      ],
    });
    expect(next.ok && next.value.seen.map((s) => s.deskId)).toEqual([
      'desk-11111111111111111111111111111111',
      'desk-ffffffffffffffffffffffffffffffff',
    ]);
  });
});

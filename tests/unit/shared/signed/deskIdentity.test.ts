import { createHash, createPublicKey, verify as nodeVerify } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { canonicalJson } from '@shared/domain/integrity/canonical';
import { generateDeskKeyPair, webCryptoSigner } from '@shared/domain/signed/ed25519';
import {
  createDeskIdentity,
  deskIdOf,
  describeDesk,
  fingerprintOf,
  readDeskIdentity,
  type DeskIdentity,
} from '@shared/domain/signed/identity';

import { makeDesk, RFC8032_PUBLIC, SEED_B, subtle, verify } from '../../../factories/signed';

const KAT_IDENTITY: DeskIdentity = {
  format: 'response-desk-desk-identity',
  version: 1,
  deskId: 'desk-21fe31dfa154a261626bf854046fd227',
  publicKey: 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a',
  name: 'Crisis room laptop',
  createdAt: 1793523600000,
  continuesFrom: null,
  signature:
    '1ab77c05c11ba4a880d0b54c1df0dacf31cb75716fd2a5219982e199fe32bcbcabcd6148790a317a245bdbbe68cec4cdcc785e8d36f79b0d8cb1d294b846e902',
};

describe('desk id and fingerprint: known answers', () => {
  it('derives the desk id from the first 16 bytes of the public key’s SHA-256', () => {
    const key = Buffer.from(RFC8032_PUBLIC, 'hex');
    expect(createHash('sha256').update(key).digest('hex').slice(0, 32)).toBe('21fe31dfa154a261626bf854046fd227');
    expect(deskIdOf(key)).toBe('desk-21fe31dfa154a261626bf854046fd227');
  });

  it('shows the same 128 bits as eight groups of hex and as the twelve BIP-39 words', () => {
    expect(fingerprintOf(Buffer.from(RFC8032_PUBLIC, 'hex'))).toEqual({
      hex: '21fe 31df a154 a261 626b f854 046f d227',
      words: [
        'capable',
        'various',
        'jewel',
        'dress',
        'enforce',
        'cost',
        'meadow',
        'lecture',
        'favorite',
        'casino',
        'virus',
        'exchange',
      ],
    });
  });

  it('refuses a public key that is not 32 bytes', () => {
    expect(() => deskIdOf(new Uint8Array(31))).toThrow('32 bytes');
  });

  it('gives two different keys two different ids and fingerprints', async () => {
    const a = await makeDesk();
    const b = await makeDesk(SEED_B);
    expect(a.deskId).not.toBe(b.deskId);
    expect(fingerprintOf(a.publicKey).words).not.toEqual(fingerprintOf(b.publicKey).words);
  });
});

describe('the public identity a desk carries', () => {
  it('is signed by the desk’s key over the canonical JSON of every other field (literal vector, verified by OpenSSL)', async () => {
    const desk = await makeDesk();
    expect(desk.identity).toEqual(KAT_IDENTITY);
    const { signature, ...rest } = KAT_IDENTITY;
    const spki = createPublicKey({
      key: Buffer.from(`302a300506032b6570032100${KAT_IDENTITY.publicKey}`, 'hex'),
      format: 'der',
      type: 'spki',
    });
    expect(nodeVerify(null, Buffer.from(canonicalJson(rest), 'utf8'), spki, Buffer.from(signature, 'hex'))).toBe(true);
    expect(await readDeskIdentity(KAT_IDENTITY, verify)).toEqual({ ok: true, value: KAT_IDENTITY });
  });

  it('never holds the private key: only the fields of the format', () => {
    expect(Object.keys(KAT_IDENTITY).sort()).toEqual([
      'continuesFrom',
      'createdAt',
      'deskId',
      'format',
      'name',
      'publicKey',
      'signature',
      'version',
    ]);
  });

  it('says what a restored desk continues: the desk and the backup, signed by the new desk', async () => {
    const old = await makeDesk();
    const backupChecksum = 'ab'.repeat(32);
    const restored = await makeDesk(SEED_B, 'Crisis room laptop (restored)', {
      continuesFrom: { deskId: old.deskId, backupChecksum },
    });
    expect(restored.identity.deskId).not.toBe(old.deskId);
    expect(restored.identity.continuesFrom).toEqual({ deskId: old.deskId, backupChecksum });
    expect((await readDeskIdentity(restored.identity, verify)).ok).toBe(true);
    // Claiming to continue another desk is the new desk's own signed word: changing it breaks the signature.
    const claimed = { ...restored.identity, continuesFrom: { deskId: old.deskId, backupChecksum: 'cd'.repeat(32) } };
    expect(await readDeskIdentity(claimed, verify)).toEqual({
      ok: false,
      error: { code: 'bad-signature', deskId: restored.deskId },
    });
  });

  it.each([
    [
      'a desk id that does not follow from the key',
      { deskId: 'desk-00000000000000000000000000000000' },
      'not-from-key',
      'deskId: does not follow from the public key',
    ],
    ['a public key that is not hexadecimal', { publicKey: 'zz'.repeat(32) }, 'invalid', 'publicKey: must be 64'],
    ['a public key one byte short', { publicKey: RFC8032_PUBLIC.slice(2) }, 'invalid', 'publicKey: must be 64'],
    ['a public key of odd length', { publicKey: RFC8032_PUBLIC.slice(1) }, 'invalid', 'publicKey: must be 64'],
    ['a name with control characters', { name: 'Laptop\u001b[2J' }, 'invalid', 'name: must not contain control'],
    [
      'a desk that continues itself',
      { continuesFrom: { deskId: KAT_IDENTITY.deskId, backupChecksum: 'ab'.repeat(32) } },
      'invalid',
      'continuesFrom: names the desk itself',
    ],
    [
      'a private key carried along',
      { privateKey: 'secret' },
      'invalid',
      'has a field the desk does not know: “privateKey”',
    ],
  ])('refuses %s', async (_what, change, code, expected) => {
    const result = await readDeskIdentity({ ...KAT_IDENTITY, ...change }, verify);
    expect(result.ok ? 'read' : result.error.code).toBe(code);
    expect(!result.ok && result.error.code !== 'bad-signature' && result.error.detail).toContain(expected);
  });

  it('refuses a renamed identity: the name is signed', async () => {
    expect((await readDeskIdentity({ ...KAT_IDENTITY, name: 'Mayor’s laptop' }, verify)).ok).toBe(false);
  });

  it('is made for a new key pair from Web Crypto, end to end', async () => {
    const pair = await generateDeskKeyPair(subtle);
    const identity = await createDeskIdentity({
      publicKey: pair.publicKeyRaw,
      name: 'New desk',
      createdAt: 1,
      continuesFrom: null,
      sign: webCryptoSigner(subtle, pair.privateKey),
    });
    expect((await readDeskIdentity(JSON.parse(JSON.stringify(identity)), verify)).ok).toBe(true);
    expect(describeDesk(identity)).toMatch(/^New desk \(fingerprint [0-9a-f]{4}( [0-9a-f]{4}){7}\)$/);
  });
});

import { webCryptoSigner, webCryptoVerifier, type Ed25519Sign } from '@shared/domain/signed/ed25519';
import type { RowChange } from '@shared/domain/signed/content';
import type { ChainHead, Operator, RecordScope, SignedRecord, V1Anchor } from '@shared/domain/signed/format';
import { createDeskIdentity, deskIdOf, type DeskIdentity } from '@shared/domain/signed/identity';
import { nextRecord, signRecord, type ChainTip } from '@shared/domain/signed/sign';
import { GENESIS_HASH, type TimelineRevision } from '@shared/schemas/timeline';

import { makeContent } from './timeline';

/** Web Crypto as Node 20 and Chromium both offer it. */
export const subtle = globalThis.crypto.subtle;
export const verify = webCryptoVerifier(subtle);

/** RFC 8032, section 7.1, test 1: a published Ed25519 key, so anyone can check our vectors. */
export const RFC8032_SEED = '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60';
export const RFC8032_PUBLIC = 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a';
/** Two more fixed seeds for the other desks of a team. */
export const SEED_B = '4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb';
export const SEED_C = 'c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7';

/** The PKCS #8 wrapping of a raw Ed25519 seed (RFC 8410), as Web Crypto imports private keys. */
export const pkcs8Of = (seedHex: string) => Buffer.from(`302e020100300506032b657004220420${seedHex}`, 'hex');

export type TestDesk = {
  seed: string;
  publicKey: Uint8Array;
  deskId: string;
  sign: Ed25519Sign;
  identity: DeskIdentity;
};

/** A desk with a fixed key: the private key imported non-extractable, as the desk keeps its own. */
export async function makeDesk(
  seed = RFC8032_SEED,
  name = 'Crisis room laptop',
  overrides: { createdAt?: number; continuesFrom?: DeskIdentity['continuesFrom'] } = {},
): Promise<TestDesk> {
  const privateKey = await subtle.importKey('pkcs8', pkcs8Of(seed), { name: 'Ed25519' }, false, ['sign']);
  const jwk = await subtle.exportKey(
    'jwk',
    await subtle.importKey('pkcs8', pkcs8Of(seed), { name: 'Ed25519' }, true, ['sign']),
  );
  const publicKey = new Uint8Array(Buffer.from(jwk.x ?? '', 'base64url'));
  const sign = webCryptoSigner(subtle, privateKey);
  const identity = await createDeskIdentity({
    publicKey,
    name,
    createdAt: overrides.createdAt ?? Date.UTC(2026, 10, 1, 9, 0),
    continuesFrom: overrides.continuesFrom ?? null,
    sign,
  });
  return { seed, publicKey, deskId: deskIdOf(publicKey), sign, identity };
}

export const OPERATOR: Operator = { name: 'Ingrid Berg', role: 'Communications lead' };
export const T0 = Date.UTC(2026, 10, 24, 13, 5);

/** A timeline revision row as the desk writes it (its v1 hash fields are fixed, not computed). */
export function makeRevisionRow(n: number, overrides: Partial<TimelineRevision> = {}): TimelineRevision {
  return {
    id: `tlr_${n}`,
    entryId: `tle_${n}`,
    incidentId: 'inc_1',
    chainSeq: n,
    revisionNo: 1,
    kind: 'create',
    recordedAt: T0 + n * 60_000,
    operator: OPERATOR.name,
    reason: null,
    content: makeContent({ title: `Entry number ${n}`, occurredAt: T0 + n * 60_000 }),
    prevHash: GENESIS_HASH,
    hash: n.toString(16).padStart(64, '0'),
    ...overrides,
  };
}

export const revisionChange = (row: TimelineRevision): RowChange => ({
  put: { timelineRevisions: [row] },
  delete: {},
  basedOn: [],
});

/**
 * Writes a desk's chain in one scope as the door will: each record linked to the one before,
 * the first one in an incident anchored on the v1 chain head given.
 */
export async function writeChain(
  desk: TestDesk,
  changes: readonly RowChange[],
  options: {
    scope?: RecordScope;
    anchor?: V1Anchor;
    seen?: (i: number) => ChainHead[];
    operator?: Operator;
    kind?: string;
    tip?: ChainTip;
  } = {},
): Promise<{ records: SignedRecord[]; hashes: string[] }> {
  const records: SignedRecord[] = [];
  const hashes: string[] = [];
  let tip: ChainTip = options.tip ?? null;
  for (const [i, content] of changes.entries()) {
    const next = nextRecord({
      tip,
      deskId: desk.deskId,
      scope: options.scope ?? { kind: 'incident', incidentId: 'inc_1' },
      kind: options.kind ?? 'timeline.revised',
      content,
      operator: options.operator ?? OPERATOR,
      recordedAt: T0 + i * 1000,
      seen: options.seen?.(i) ?? [],
      v1Head: options.anchor ?? { chainSeq: 0, headHash: GENESIS_HASH },
    });
    if (!next.ok) throw new Error('fixture: no anchor');
    const signed = await signRecord(next.value, desk.sign);
    if (!signed.ok) throw new Error('fixture: record too large');
    records.push(signed.value.record);
    hashes.push(signed.value.hash);
    tip = { seq: signed.value.record.seq, hash: signed.value.hash };
  }
  return { records, hashes };
}

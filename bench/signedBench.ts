// Signing and verifying signed records at volume, as the desk does it: bundled by bench/signed.mjs
// and run both in Node and in Chromium (Web Crypto in each).
import {
  generateDeskKeyPair,
  webCryptoSigner,
  webCryptoVerifier,
  type Ed25519Verify,
  type SubtleEd25519,
} from '@shared/domain/signed/ed25519';
import type { SignedRecord } from '@shared/domain/signed/format';
import { createDeskIdentity, type DeskIdentity } from '@shared/domain/signed/identity';
import { nextRecord, signRecord, type ChainTip } from '@shared/domain/signed/sign';
import { createSignedChainVerifier } from '@shared/domain/signed/verifyChains';
import { plainEntry } from '@shared/domain/timeline/plainEntry';
import { GENESIS_HASH, type TimelineRevision } from '@shared/schemas/timeline';

const T0 = Date.UTC(2026, 10, 24, 13, 0);
const WORDS = [
  'police',
  'road',
  'closure',
  'statement',
  'mayor',
  'vigil',
  'shelter',
  'families',
  'hotline',
  'briefing',
  'station',
  'school',
];

/** A revision like the ones a busy incident logs: a sentence of title, a few lines of body. */
function revision(n: number): TimelineRevision {
  const word = (k: number) => WORDS[(n * 7 + k) % WORDS.length] ?? 'entry';
  return {
    id: `tlr_${n}`,
    entryId: `tle_${n}`,
    incidentId: 'inc_bench',
    chainSeq: n,
    revisionNo: 1,
    kind: 'create',
    recordedAt: T0 + n * 1000,
    operator: 'Ingrid Berg',
    reason: null,
    content: plainEntry({
      occurredAt: T0 + n * 1000,
      title: `Entry ${n}: ${word(1)} ${word(2)} near the ${word(3)}`,
      body: `Reported by the ${word(4)} at the ${word(5)}. ${word(6)} informed; ${word(7)} to follow.`.repeat(2),
      source: 'Police',
      tags: [word(8)],
    }),
    prevHash: GENESIS_HASH,
    hash: n.toString(16).padStart(64, '0'),
  };
}

const quantile = (sorted: readonly number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

export type SignFigures = {
  records: number;
  totalMs: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  bytes: number;
};
export type VerifyFigures = { records: number; totalMs: number; ok: boolean; progressCalls: number };

/** Signs `n` records of one desk in one incident, as the door will, timing each. */
export async function signMany<Key>(
  subtle: SubtleEd25519<Key>,
  n: number,
): Promise<{ records: SignedRecord[]; roster: DeskIdentity[]; figures: SignFigures }> {
  const pair = await generateDeskKeyPair(subtle);
  const sign = webCryptoSigner(subtle, pair.privateKey);
  const identity = await createDeskIdentity({
    publicKey: pair.publicKeyRaw,
    name: 'Bench desk',
    createdAt: T0,
    continuesFrom: null,
    sign,
  });
  const records: SignedRecord[] = [];
  const times: number[] = [];
  let tip: ChainTip = null;
  let bytes = 0;
  const started = performance.now();
  for (let i = 1; i <= n; i += 1) {
    const t = performance.now();
    const next = nextRecord({
      tip,
      deskId: identity.deskId,
      scope: { kind: 'incident', incidentId: 'inc_bench' },
      kind: 'timeline.revised',
      content: { put: { timelineRevisions: [revision(i)] }, delete: {}, basedOn: [] },
      operator: { name: 'Ingrid Berg', role: 'Communications lead' },
      recordedAt: T0 + i,
      seen: [],
      v1Head: { chainSeq: 0, headHash: GENESIS_HASH },
    });
    if (!next.ok) throw new Error('no anchor');
    const signed = await signRecord(next.value, sign);
    if (!signed.ok) throw new Error('too large');
    times.push(performance.now() - t);
    records.push(signed.value.record);
    tip = { seq: i, hash: signed.value.hash };
  }
  const totalMs = performance.now() - started;
  for (const r of records.slice(0, 100)) bytes += JSON.stringify(r).length;
  times.sort((a, b) => a - b);
  return {
    records,
    roster: [identity],
    figures: {
      records: n,
      totalMs,
      medianMs: quantile(times, 0.5),
      p95Ms: quantile(times, 0.95),
      maxMs: times[times.length - 1] ?? 0,
      bytes: Math.round(bytes / Math.min(100, n)),
    },
  };
}

/** Verifies the records streamed in pages of 1,000, as Verify integrity will, with progress. */
export async function verifyMany(
  records: readonly unknown[],
  roster: readonly DeskIdentity[],
  verify: Ed25519Verify,
  sha256?: (bytes: Uint8Array) => string | Promise<string>,
): Promise<VerifyFigures> {
  const started = performance.now();
  let progressCalls = 0;
  const verifier = createSignedChainVerifier({
    roster,
    verify,
    scopes: [{ kind: 'incident', incidentId: 'inc_bench' }],
    ...(sha256 ? { sha256 } : {}),
  });
  for (let i = 0; i < records.length; i += 1000) {
    await verifier.push(records.slice(i, i + 1000));
    progressCalls += 1;
  }
  const report = verifier.finish();
  return {
    records: records.length,
    totalMs: performance.now() - started,
    ok: report.ok && report.desks[0]?.records === records.length,
    progressCalls,
  };
}

export { webCryptoVerifier };

/** The whole run on one host's Web Crypto: sign n, then verify them. */
export async function run<Key>(
  subtle: SubtleEd25519<Key>,
  n: number,
  sha256?: (bytes: Uint8Array) => string | Promise<string>,
): Promise<{ sign: SignFigures; verify: VerifyFigures; records: SignedRecord[]; roster: DeskIdentity[] }> {
  const signed = await signMany(subtle, n);
  const verified = await verifyMany(signed.records, signed.roster, webCryptoVerifier(subtle), sha256);
  return { sign: signed.figures, verify: verified, records: signed.records, roster: signed.roster };
}

import { hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';

import type { Ed25519Verify } from './ed25519';
import {
  RecordScopeSchema,
  SignedRecordSchema,
  scopeKey,
  type ChainHead,
  type Operator,
  type RecordScope,
  type SignedRecord,
} from './format';
import { fingerprintOfHex, type DeskIdentity } from './identity';
import { hashOfInput, signingInput } from './sign';
import { format } from '../../i18n/format';

/** Which record a finding is about, with what a person needs to find it. */
export type RecordRef = {
  /** Position in the file or stream, from 0 (reported from 1). */
  index: number;
  deskId: string | null;
  deskName: string | null;
  fingerprint: string | null;
  scope: string | null;
  seq: number | null;
  kind: string | null;
  operator: Operator | null;
  recordedAt: number | null;
  /** The timeline entry the record revises, when it carries a revision. */
  entry: { id: string; title: string } | null;
};

export type ChainProblem =
  | { code: 'invalid'; at: RecordRef; detail: string }
  | { code: 'unknown-desk'; at: RecordRef }
  | { code: 'bad-signature'; at: RecordRef }
  | { code: 'other-scope'; at: RecordRef; expected: readonly string[] }
  | { code: 'duplicate'; at: RecordRef; firstIndex: number }
  | { code: 'forked'; at: RecordRef; firstIndex: number }
  | { code: 'out-of-order'; at: RecordRef; after: number }
  | { code: 'broken-link'; at: RecordRef }
  | { code: 'missing'; at: RecordRef; from: number; to: number; seenBy: RecordRef | null }
  | { code: 'seen-mismatch'; at: RecordRef; head: ChainHead };

export type ChainProblemCode = ChainProblem['code'];

/** One desk's chains, as a reader checks them against its fingerprint. */
export type DeskSummary = {
  deskId: string;
  name: string;
  fingerprint: string;
  /** The same fingerprint as twelve words. */
  words: string[];
  records: number;
  chains: { scope: string; records: number; head: { seq: number; hash: string } | null }[];
};

export type SignedChainsReport = {
  ok: boolean;
  /** Records read, valid or not. */
  records: number;
  desks: DeskSummary[];
  /** Problems in the order of the records they concern; at most `MAX_PROBLEMS` are kept. */
  problems: ChainProblem[];
  problemCount: number;
};

export const MAX_PROBLEMS = 100;

/** A record whose signature checked out, with its hash and where it was. */
export type VerifiedRecord = { record: SignedRecord; hash: string; ref: RecordRef };

type Link = { hash: string; prev: string | null; index: number };
type Chain = {
  deskId: string;
  scope: string;
  links: Map<number, Link>;
  altered: Set<number>;
  maxSeq: number;
  maxIndex: number;
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The desk id, sequence number and scope of a record that may be malformed, as far as they can be read. */
function looseRef(raw: unknown, index: number): RecordRef {
  const o = isObject(raw) ? raw : {};
  const str = (v: unknown) => (typeof v === 'string' ? v.slice(0, 200) : null);
  const scope = RecordScopeSchema.safeParse(o['scope']);
  const seq = o['seq'];
  return {
    index,
    deskId: str(o['deskId']),
    deskName: null,
    fingerprint: null,
    scope: scope.success ? scopeKey(scope.data) : null,
    seq: typeof seq === 'number' && Number.isSafeInteger(seq) && seq > 0 ? seq : null,
    kind: str(o['kind']),
    operator: null,
    recordedAt: null,
    entry: null,
  };
}

function entryOf(record: SignedRecord): RecordRef['entry'] {
  const revision = record.content.put.timelineRevisions?.[0];
  return revision ? { id: revision.entryId, title: revision.content.title } : null;
}

/**
 * Verifies desks' signed chains, streaming: records are pushed in pages in the order the file or
 * core holds them, so 100,000 records are checked without holding them all. Per desk and scope it
 * checks the signature against the roster's key, the sequence (a gap is reported as MISSING, not
 * as tampering: what is present still checks out), each record's link to the one before, records
 * out of order, duplicates and two different records with one number (a desk copied to a second
 * laptop), records of a scope this file does not hold (replayed from another incident), records
 * of desks not in the roster, and the heads of other desks' chains each record says it had seen.
 * `onRecord` hears every record whose signature and scope check out, for checks of their content.
 */
export function createSignedChainVerifier(options: {
  roster: readonly DeskIdentity[];
  verify: Ed25519Verify;
  /** The scopes this file or core holds; records of any other scope are replays. Null: any scope. */
  scopes: readonly RecordScope[] | null;
  onRecord?: (verified: VerifiedRecord) => void;
  /** SHA-256 of bytes in lowercase hex: node:crypto or Web Crypto where they are faster; pure JavaScript by default. */
  sha256?: (bytes: Uint8Array) => string | Promise<string>;
}) {
  const sha256 = options.sha256 ?? hashOfInput;
  const desks = new Map(
    options.roster.map((d) => [
      d.deskId,
      { identity: d, key: hexToBytes(d.publicKey), fingerprint: fingerprintOfHex(d.publicKey) },
    ]),
  );
  const allowed = options.scopes === null ? null : new Set(options.scopes.map(scopeKey));
  const chains = new Map<string, Chain>();
  const seenClaims: { head: ChainHead; scope: string; ref: RecordRef }[] = [];
  const problems: ChainProblem[] = [];
  let problemCount = 0;
  let index = 0;

  const report = (p: ChainProblem) => {
    problemCount += 1;
    problems.push(p);
  };

  const chainOf = (deskId: string, scope: string): Chain => {
    const key = `${deskId} ${scope}`;
    let chain = chains.get(key);
    if (!chain) {
      chain = { deskId, scope, links: new Map(), altered: new Set(), maxSeq: 0, maxIndex: -1 };
      chains.set(key, chain);
    }
    return chain;
  };

  const refOf = (record: SignedRecord, at: number): RecordRef => {
    const desk = desks.get(record.deskId);
    return {
      index: at,
      deskId: record.deskId,
      deskName: desk?.identity.name ?? null,
      fingerprint: desk?.fingerprint.hex ?? null,
      scope: scopeKey(record.scope),
      seq: record.seq,
      kind: record.kind,
      operator: record.operator,
      recordedAt: record.recordedAt,
      entry: entryOf(record),
    };
  };

  return {
    /** Checks the next records, in the order held. */
    async push(raws: readonly unknown[]): Promise<void> {
      const page: { record: SignedRecord; bytes: Uint8Array; ref: RecordRef; key: Uint8Array }[] = [];
      for (const raw of raws) {
        const at = index;
        index += 1;
        const parsed = SignedRecordSchema.safeParse(raw);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          const ref = looseRef(raw, at);
          // Unreadable, but where it stood is known: that place is not also reported as missing.
          if (ref.deskId !== null && ref.scope !== null && ref.seq !== null)
            chainOf(ref.deskId, ref.scope).altered.add(ref.seq);
          report({
            code: 'invalid',
            at: ref,
            detail: format('text.issue', {
              path: issue?.path.map(String).join('.') || format('record.verify.wholeRecord'),
              message: issue?.message ?? format('text.invalid'),
            }),
          });
          continue;
        }
        // The record as given: the schema is strict, so the parse holds exactly its fields.
        const record = raw as SignedRecord;
        const ref = refOf(record, at);
        const desk = desks.get(record.deskId);
        if (!desk) {
          report({ code: 'unknown-desk', at: ref });
          continue;
        }
        page.push({ record, bytes: utf8ToBytes(signingInput(record)), ref, key: desk.key });
      }
      // Signatures and hashes of a page are worked out together: Web Crypto does them in parallel.
      const [valid, hashes] = await Promise.all([
        Promise.all(page.map((p) => options.verify(p.key, hexToBytes(p.record.signature), p.bytes))),
        Promise.all(page.map(async (p) => sha256(p.bytes))),
      ]);
      page.forEach(({ record, ref }, i) => {
        const scope = scopeKey(record.scope);
        const chain = chainOf(record.deskId, scope);
        if (!valid[i]) {
          chain.altered.add(record.seq);
          report({ code: 'bad-signature', at: ref });
          return;
        }
        if (allowed !== null && !allowed.has(scope)) {
          report({ code: 'other-scope', at: ref, expected: [...allowed] });
          return;
        }
        const hash = hashes[i] ?? '';
        const earlier = chain.links.get(record.seq);
        if (earlier) {
          report(
            earlier.hash === hash
              ? { code: 'duplicate', at: ref, firstIndex: earlier.index }
              : { code: 'forked', at: ref, firstIndex: earlier.index },
          );
          return;
        }
        if (record.seq < chain.maxSeq) report({ code: 'out-of-order', at: ref, after: chain.maxIndex });
        chain.links.set(record.seq, { hash, prev: record.prev, index: ref.index });
        if (record.seq > chain.maxSeq) {
          chain.maxSeq = record.seq;
          chain.maxIndex = ref.index;
        }
        for (const head of record.seen) seenClaims.push({ head, scope, ref });
        options.onRecord?.({ record, hash, ref });
      });
    },

    /** Checks what needs every record (links, gaps, heads other desks had seen), then reports. */
    finish(): SignedChainsReport {
      const placeOf = (chain: Chain, seq: number): RecordRef => {
        const link = chain.links.get(seq);
        const desk = desks.get(chain.deskId);
        return {
          index: link?.index ?? index,
          deskId: chain.deskId,
          deskName: desk?.identity.name ?? null,
          fingerprint: desk?.fingerprint.hex ?? null,
          scope: chain.scope,
          seq,
          kind: null,
          operator: null,
          recordedAt: null,
          entry: null,
        };
      };
      for (const chain of chains.values()) {
        let gapFrom: number | null = null;
        for (let seq = 1; seq <= chain.maxSeq; seq += 1) {
          const link = chain.links.get(seq);
          if (!link) {
            if (!chain.altered.has(seq) && gapFrom === null) gapFrom = seq;
            continue;
          }
          if (gapFrom !== null) {
            report({ code: 'missing', at: placeOf(chain, seq), from: gapFrom, to: seq - 1, seenBy: null });
            gapFrom = null;
          }
          const before = chain.links.get(seq - 1);
          if (seq > 1 && before && link.prev !== before.hash) report({ code: 'broken-link', at: placeOf(chain, seq) });
        }
      }
      // Records beyond a chain's end that other desks had seen: one report per chain, from the
      // first desk that saw beyond it, up to the furthest any saw.
      const beyond = new Map<string, { chain: Chain; to: number; by: RecordRef }>();
      for (const claim of seenClaims) {
        const key = `${claim.head.deskId} ${claim.scope}`;
        const chain = chains.get(key) ?? chainOf(claim.head.deskId, claim.scope);
        const link = chain.links.get(claim.head.seq);
        if (link) {
          if (link.hash !== claim.head.hash) report({ code: 'seen-mismatch', at: claim.ref, head: claim.head });
        } else if (chain.maxSeq < claim.head.seq && desks.has(claim.head.deskId)) {
          const known = beyond.get(key);
          beyond.set(key, { chain, to: Math.max(known?.to ?? 0, claim.head.seq), by: known?.by ?? claim.ref });
        }
      }
      for (const { chain, to, by } of beyond.values()) {
        const from = chain.maxSeq + 1;
        if (![...Array(to - from + 1).keys()].every((i) => chain.altered.has(from + i)))
          report({ code: 'missing', at: { ...placeOf(chain, to), index: by.index }, from, to, seenBy: by });
      }
      problems.sort((a, b) => a.at.index - b.at.index);
      const summaries: DeskSummary[] = [...desks.values()].map(({ identity, fingerprint }) => {
        const own = [...chains.values()].filter((c) => c.deskId === identity.deskId && c.links.size > 0);
        const list = own.map((c) => {
          const top = c.links.get(c.maxSeq);
          return { scope: c.scope, records: c.links.size, head: top ? { seq: c.maxSeq, hash: top.hash } : null };
        });
        return {
          deskId: identity.deskId,
          name: identity.name,
          fingerprint: fingerprint.hex,
          words: fingerprint.words,
          records: list.reduce((n, c) => n + c.records, 0),
          chains: list,
        };
      });
      return {
        ok: problemCount === 0,
        records: index,
        desks: summaries,
        problems: problems.slice(0, MAX_PROBLEMS),
        problemCount,
      };
    },
  };
}

/** Convenience for records held whole in memory. */
export async function verifySignedChains(
  records: readonly unknown[],
  options: Parameters<typeof createSignedChainVerifier>[0],
): Promise<SignedChainsReport> {
  const verifier = createSignedChainVerifier(options);
  await verifier.push(records);
  return verifier.finish();
}

import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';

import { canonicalJson } from '../integrity/canonical';
import { err, ok, type Result } from '../result';
import type { Ed25519Sign, Ed25519Verify } from './ed25519';
import {
  MAX_SIGNED_RECORD_BYTES,
  SIGNED_RECORD_FORMAT,
  SIGNED_RECORD_VERSION,
  type ChainHead,
  type Operator,
  type RecordScope,
  type SignedRecord,
  type UnsignedRecord,
  type V1Anchor,
} from './format';
import type { RowChange } from './content';

/** The fields of an object but one, exactly as given ("__proto__" kept as a plain key). */
export function withoutField(value: object, field: string): Record<string, unknown> {
  const rest: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (key !== field)
      Object.defineProperty(rest, key, { value: v, enumerable: true, writable: true, configurable: true });
  }
  return rest;
}

/**
 * FORMAT: what a record's signature covers: the RFC 8785 canonical JSON of the record without its
 * `signature` field, as UTF-8. The record's hash (what the next record's `prev` and other desks'
 * `seen` heads name) is the SHA-256 of the same bytes, in lowercase hex.
 */
export function signingInput(record: UnsignedRecord | SignedRecord): string {
  return canonicalJson(withoutField(record, 'signature'));
}

/** The SHA-256 of a signing input's UTF-8 bytes, lowercase hex. */
export function hashOfInput(bytes: Uint8Array): string {
  return bytesToHex(sha256(bytes));
}

/** A record's hash: SHA-256 over its signing input. */
export function recordHash(record: UnsignedRecord | SignedRecord): string {
  return hashOfInput(utf8ToBytes(signingInput(record)));
}

export type SignError = { code: 'too-large'; bytes: number };

/**
 * Signs a record with the desk's key. A record whose signing input would exceed what a team can
 * carry (1 MiB) is refused with its size, before anything is signed.
 */
export async function signRecord(
  record: UnsignedRecord,
  sign: Ed25519Sign,
): Promise<Result<{ record: SignedRecord; hash: string }, SignError>> {
  const bytes = utf8ToBytes(signingInput(record));
  if (bytes.length > MAX_SIGNED_RECORD_BYTES) return err({ code: 'too-large', bytes: bytes.length });
  const signature = bytesToHex(await sign(bytes));
  return ok({ record: { ...record, signature }, hash: hashOfInput(bytes) });
}

/** True when the record's signature is the desk's (given its raw public key) over the record as it is. */
export async function verifyRecordSignature(
  record: SignedRecord,
  publicKey: Uint8Array,
  verify: Ed25519Verify,
): Promise<boolean> {
  return verify(publicKey, hexToBytes(record.signature), utf8ToBytes(signingInput(record)));
}

/** Where this desk's chain in a scope stands: its newest record, or nothing yet. */
export type ChainTip = { seq: number; hash: string } | null;

/**
 * The next record of this desk's chain in a scope, ready to sign: one more than the tip, linked to
 * its hash. A desk's first record in an incident must say which v1 chain head it takes over from
 * (`anchor`); in any other record the anchor is left out.
 */
export function nextRecord(input: {
  tip: ChainTip;
  deskId: string;
  scope: RecordScope;
  kind: string;
  content: RowChange;
  operator: Operator;
  recordedAt: number;
  seen: readonly ChainHead[];
  /** The v1 chain head, needed only for the desk's first record in an incident. */
  v1Head?: V1Anchor;
}): Result<UnsignedRecord, { code: 'anchor-needed' }> {
  const tip = input.tip;
  const first = tip === null;
  if (first && input.scope.kind === 'incident' && input.v1Head === undefined) return err({ code: 'anchor-needed' });
  return ok({
    format: SIGNED_RECORD_FORMAT,
    version: SIGNED_RECORD_VERSION,
    kind: input.kind,
    scope: input.scope,
    deskId: input.deskId,
    seq: tip === null ? 1 : tip.seq + 1,
    prev: tip === null ? null : tip.hash,
    seen: [...input.seen].filter((h) => h.deskId !== input.deskId).sort((a, b) => (a.deskId < b.deskId ? -1 : 1)),
    recordedAt: input.recordedAt,
    operator: input.operator,
    anchor: first && input.scope.kind === 'incident' ? (input.v1Head ?? null) : null,
    content: input.content,
  });
}

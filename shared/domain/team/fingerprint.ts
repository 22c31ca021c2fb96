import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';

import type { ChainHead } from '../signed/format';
import { fingerprintOfBytes, type Fingerprint } from '../signed/identity';

/** One desk's core as the team fingerprint counts it: whose, which scope, how many records, their tree hash. */
export type CoreHead = { deskKey: string; scope: string; length: number; head: string | null };

/** FORMAT: the line each core adds to what the team fingerprint hashes. */
const LINE = (c: CoreHead) => `${c.deskKey} ${c.scope} ${c.length} ${c.head ?? ''}\n`;

/**
 * FORMAT: the team's fingerprint: SHA-256 over one line per non-empty core ("<desk key> <scope>
 * <length> <head>", sorted as text), its first 16 bytes shown as eight groups of four hex digits
 * and as twelve BIP-39 words, like a desk's fingerprint. Desks holding the same records of every
 * desk show the same fingerprint whatever order they received them in; a record more or less, or
 * a different record anywhere, changes it. People read it aloud to confirm they are in step.
 */
export function teamFingerprint(cores: readonly CoreHead[]): Fingerprint {
  const lines = cores
    .filter((c) => c.length > 0)
    .map(LINE)
    .sort();
  return fingerprintOfBytes(sha256(utf8ToBytes(lines.join(''))).slice(0, 16));
}

/** FORMAT: the line each desk's chain head adds to what an incident's records fingerprint hashes. */
const HEAD_LINE = (h: ChainHead) => `${h.deskId} ${h.seq} ${h.hash}\n`;

/**
 * FORMAT: the fingerprint of an incident's signed records: SHA-256 over one line per desk that
 * wrote in the incident ("<desk id> <seq of its newest record> <that record's hash>", sorted as
 * text), shown as the team fingerprint is. Each record's hash covers the one before it, so desks
 * holding the same records of the incident show the same fingerprint, the after-action record
 * prints it, and the verifier recomputes it from the heads the record names: a record more or
 * less anywhere changes it.
 */
export function recordsFingerprint(heads: readonly ChainHead[]): Fingerprint {
  const lines = heads.map(HEAD_LINE).sort();
  return fingerprintOfBytes(sha256(utf8ToBytes(lines.join(''))).slice(0, 16));
}

import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';

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

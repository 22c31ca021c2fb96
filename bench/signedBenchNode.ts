// The Node side of bench/signed.mjs: the same runs, plus node:crypto as the command-line verifier uses it.
import { createHash } from 'node:crypto';

export * from './signedBench';
export { nodeEd25519Verifier } from '../src-main/cli/nodeEd25519';

export const nodeSha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export {
  decryptWithPassphrase,
  encryptWithPassphrase,
  SCRYPT_WORK_FACTOR,
} from '../shared/domain/encryption/passphrase';

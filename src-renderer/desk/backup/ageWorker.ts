// Encrypts and opens backups and export packages with a passphrase off the UI thread: age's
// scrypt costs about a second of CPU and 256 MiB per file by design (it is what makes guessing
// slow), and it runs synchronously, so on the UI thread the window would freeze for that second.
import {
  decryptToText,
  describeDecryptProblem,
  describePassphraseProblem,
  encryptTextToArmor,
} from '@shared/domain/encryption/passphrase';

import { encryptPackage, type PackageReply } from './encryptPackage';

export type AgeWorkerRequest =
  | { op: 'encrypt'; text: string; passphrase: string }
  | { op: 'decrypt'; text: string; passphrase: string }
  | { op: 'encrypt-package'; zip: Uint8Array; passphrase: string };
export type AgeWorkerReply = { ok: true; text: string; adjusted: string | null } | PackageReply;

type WorkerScope = {
  postMessage: (m: AgeWorkerReply, transfer?: Transferable[]) => void;
  onmessage: ((e: MessageEvent<AgeWorkerRequest>) => void) | null;
};
const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  void run(event.data).then(
    (reply) => scope.postMessage(reply, 'bytes' in reply ? [reply.bytes.buffer as ArrayBuffer] : []),
    (e: unknown) =>
      scope.postMessage({ ok: false, code: 'failed', message: e instanceof Error ? e.message : String(e) }),
  );
};

async function run(request: AgeWorkerRequest): Promise<AgeWorkerReply> {
  if (request.op === 'encrypt') {
    const sealed = await encryptTextToArmor(request.text, request.passphrase);
    return sealed.ok
      ? { ok: true, text: sealed.value, adjusted: null }
      : { ok: false, code: sealed.error.code, message: describePassphraseProblem(sealed.error) };
  }
  if (request.op === 'encrypt-package') return encryptPackage(request.zip, request.passphrase);
  const opened = await decryptToText(request.text, request.passphrase);
  return opened.ok
    ? { ok: true, text: opened.value.text, adjusted: opened.value.adjusted }
    : { ok: false, code: opened.error.code, message: describeDecryptProblem(opened.error, 'backup') };
}

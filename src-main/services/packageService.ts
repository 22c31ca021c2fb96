import { createHash } from 'node:crypto';

import { isPassphraseFile } from '@shared/domain/encryption/passphrase';
import { unzipPackage, verifyPackageFiles } from '@shared/domain/record/exportPackage';
import { format } from '@shared/i18n/format';
import type { SavePackageRequest, SaveFileResponse } from '@shared/ipc/contract';

import { describeFsError } from '../adapters/fsErrors';
import { HandlerError } from '../ipc/handlerError';
import type { SaveDialogRequest } from './fileService';

export type PackageServiceDeps = {
  showSaveDialog: (request: SaveDialogRequest) => Promise<string | null>;
  writeFileAtomic: (path: string, data: Uint8Array) => Promise<void>;
};

const sha256Bytes = (bytes: Uint8Array) => Promise.resolve(createHash('sha256').update(bytes).digest('hex'));
const sha256Text = (text: string) => Promise.resolve(createHash('sha256').update(text, 'utf8').digest('hex'));

/**
 * The `record:save-package` capability: an after-action record's export package, checked file by
 * file against its own manifest (so main never writes a package that would not verify) or, saved
 * encrypted, checked to be an age file only a passphrase opens; then written atomically where
 * the person chooses: never half a file where a whole one is expected.
 */
export function createPackageService(deps: PackageServiceDeps) {
  return {
    async save(request: SavePackageRequest): Promise<SaveFileResponse> {
      const encrypted = /\.age$/i.test(request.suggestedName);
      // SECURITY: an encrypted package cannot be looked into here; the desk checked it against its
      // manifest before encrypting it. Main makes sure it is what its name says: an age file only
      // a passphrase opens, so nothing named encrypted is written in clear.
      if (encrypted && !isPassphraseFile(request.zip))
        throw new HandlerError('invalid-request', format('record.package.notAge'));
      if (!encrypted) await checkZip(request.zip);
      const path = await deps.showSaveDialog({
        suggestedName: request.suggestedName,
        filters: [
          encrypted
            ? { name: format('record.package.filterAge'), extensions: ['age'] }
            : { name: format('record.package.filterZip'), extensions: ['zip'] },
        ],
        title: request.title,
      });
      if (path === null) return { savedTo: null };
      try {
        await deps.writeFileAtomic(path, request.zip);
      } catch (error) {
        throw new HandlerError(
          'io-failed',
          error instanceof Error ? error.message : describeFsError(error, 'save', path),
          { cause: error },
        );
      }
      return { savedTo: path };
    },
  };
}

/** A package in clear, checked file by file against its own manifest: main never writes one that would not verify. */
async function checkZip(zip: Uint8Array): Promise<void> {
  const files = unzipPackage(zip);
  if (!files.ok)
    throw new HandlerError(
      'invalid-request',
      files.error.code === 'not-a-zip'
        ? format('record.package.notAZip', { detail: files.error.detail })
        : format('record.package.holdsFolder', { name: files.error.name }),
    );
  // SECURITY: the files against the manifest; the record's own chain was walked when it was built.
  const checked = await verifyPackageFiles(files.value, sha256Bytes, sha256Text, { record: false });
  const failed = checked.checks.find((c) => !c.ok);
  if (failed)
    throw new HandlerError(
      'invalid-request',
      format('record.package.doesNotCheckOut', { name: failed.name, detail: failed.detail }),
    );
}

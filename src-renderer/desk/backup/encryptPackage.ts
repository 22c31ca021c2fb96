import { describePassphraseProblem, encryptWithPassphrase } from '@shared/domain/encryption/passphrase';
import { unzipPackage, verifyPackageFiles } from '@shared/domain/record/exportPackage';

import { sha256Bytes, sha256Hex } from '../../lib/sha256';
import { t } from '../../i18n/messages';

export type PackageReply = { ok: true; bytes: Uint8Array } | { ok: false; code: string; message: string };

/**
 * An export package is checked against its own manifest before it is encrypted: main cannot look
 * inside an encrypted package, so this is where a package that would not verify is stopped.
 */
export async function encryptPackage(zip: Uint8Array, passphrase: string, workFactor?: number): Promise<PackageReply> {
  const files = unzipPackage(zip);
  if (!files.ok) return { ok: false, code: 'not-a-package', message: t('record.export.encryptNotPackage') };
  const checked = await verifyPackageFiles(files.value, sha256Bytes, sha256Hex, { record: false });
  const failed = checked.checks.find((c) => !c.ok);
  if (failed)
    return {
      ok: false,
      code: 'not-a-package',
      message: t('record.export.encryptUnchecked', { file: failed.name, detail: failed.detail }),
    };
  const sealed = await encryptWithPassphrase(zip, passphrase, workFactor === undefined ? {} : { workFactor });
  return sealed.ok
    ? { ok: true, bytes: sealed.value }
    : { ok: false, code: sealed.error.code, message: describePassphraseProblem(sealed.error) };
}

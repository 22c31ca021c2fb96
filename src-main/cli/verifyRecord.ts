import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';

import { unzipPackage, verifyPackageFiles } from '@shared/domain/record/exportPackage';
import type { Check } from '@shared/domain/record/verifyRecord';
import type { RecordVerification } from '@shared/domain/record/verifyRecord';
import { verifyAnyRecordText, type AnyRecordVerification } from '@shared/domain/record/verifySignedRecord';
import { format } from '@shared/i18n/format';

import { nodeEd25519Verifier } from './nodeEd25519';
import { terminalSafe } from './terminalText';

/**
 * response-desk-verify RECORD.json | PACKAGE.zip | PACKAGE-FOLDER
 * Checks an after-action record offline, without the desk: format, schema, checksum and the
 * timeline's hash chain, and (format 3) every desk's signature with node:crypto, printing each
 * desk's key fingerprint and number of records; given an export package (the zip, or its files unzipped into a folder),
 * first every file against the package's manifest. Prints what it found; exits 0 when every
 * check passes, 1 otherwise.
 */
const MAX_BYTES = 2 * 1024 * 1024 * 1024;

const sha256 = (text: string) => Promise.resolve(createHash('sha256').update(text, 'utf8').digest('hex'));
const sha256Bytes = (bytes: Uint8Array) => Promise.resolve(createHash('sha256').update(bytes).digest('hex'));

function describeRecord(result: RecordVerification | AnyRecordVerification, out: (line: string) => void): void {
  const r = result.record;
  if (r)
    out(
      format('verify.cli.record', {
        incident: r.content.incident.title,
        city: r.cityName,
        exportedAt: r.exportedAt,
        exportedBy: r.exportedBy,
        profile: r.profile,
        formatVersion: String(r.formatVersion),
        appVersion: r.appVersion,
      }),
    );
}

function printChecks(checks: readonly Check[], out: (line: string) => void): void {
  for (const c of checks) out(format('verify.cli.check', { ok: c.ok ? 'yes' : 'no', name: c.name, detail: c.detail }));
}

/** Format 3: each desk of the roster, to match against the fingerprint the city read out or printed. */
function printDesks(result: AnyRecordVerification, out: (line: string) => void): void {
  if (result.desks === null) return;
  out(format('verify.cli.desks', { count: result.desks.length }));
  for (const d of result.desks) {
    out(format('verify.cli.desk', { name: d.name, deskId: d.deskId, records: d.records }));
    out(format('verify.cli.fingerprint', { fingerprint: d.fingerprint }));
    out(format('verify.cli.inWords', { words: d.words.join(' ') }));
  }
  if (result.fingerprint === null) return;
  out(format('verify.cli.recordsFingerprint'));
  out(`    ${result.fingerprint.hex}`);
  out(format('verify.cli.inWords', { words: result.fingerprint.words.join(' ') }));
}

async function filesOfFolder(path: string): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  for (const entry of await readdir(path, { withFileTypes: true })) {
    // A folder inside the package is something added to it: named, with no content to compare.
    files.set(
      entry.isDirectory() ? `${entry.name}/` : entry.name,
      entry.isDirectory() ? new Uint8Array() : new Uint8Array(await readFile(join(path, entry.name))),
    );
  }
  return files;
}

export async function runVerify(args: readonly string[], write: (line: string) => void): Promise<number> {
  // Everything printed passes through terminalSafe: record content never reaches the terminal raw.
  const out = (line: string) => write(terminalSafe(line));
  const path = args[0];
  if (path === undefined || path === '--help' || path === '-h') {
    for (const line of format('verify.cli.usage').split('\n')) out(line);
    return path === undefined ? 1 : 0;
  }
  let bytes: Uint8Array | null = null;
  let folder = false;
  try {
    const info = await stat(path);
    if (info.isDirectory()) folder = true;
    else if (info.size > MAX_BYTES) {
      out(format('verify.cli.fileTooLarge', { path }));
      return 1;
    } else bytes = new Uint8Array(await readFile(path));
  } catch (e) {
    out(format('verify.cli.fileUnreadable', { path, reason: e instanceof Error ? e.message : String(e) }));
    return 1;
  }

  const isZip = bytes !== null && bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (folder || isZip) {
    let files: Map<string, Uint8Array>;
    if (bytes !== null) {
      const unzipped = unzipPackage(bytes);
      if (!unzipped.ok) {
        out(
          unzipped.error.code === 'not-a-zip'
            ? format('verify.cli.notAZip', { name: basename(path), detail: unzipped.error.detail })
            : format('verify.cli.folderInZip', { name: unzipped.error.name }),
        );
        out(format('verify.cli.packageNotVerified'));
        return 1;
      }
      files = unzipped.value;
    } else files = await filesOfFolder(path);
    const verify = nodeEd25519Verifier();
    const result = await verifyPackageFiles(files, sha256Bytes, sha256, { record: true, verify });
    out(format('verify.cli.package', { name: basename(path) }));
    printChecks(result.checks, out);
    const recordFile = result.manifest?.record.file;
    const recordBytes = recordFile === undefined ? undefined : files.get(recordFile);
    const record = recordBytes
      ? await verifyAnyRecordText(new TextDecoder().decode(recordBytes), sha256, { verify })
      : null;
    if (record) describeRecord(record, out);
    printChecks(result.recordChecks, out);
    if (record) printDesks(record, out);
    out(format(result.ok ? 'verify.cli.packageVerified' : 'verify.cli.packageNotVerified'));
    return result.ok ? 0 : 1;
  }

  const result = await verifyAnyRecordText(new TextDecoder().decode(bytes ?? new Uint8Array()), sha256, {
    verify: nodeEd25519Verifier(),
    sha256Bytes: (b) => createHash('sha256').update(b).digest('hex'),
  });
  describeRecord(result, out);
  printChecks(result.checks, out);
  printDesks(result, out);
  const r = result.record;
  if (r && r.redactions.length > 0) {
    out(format('verify.cli.redactions'));
    for (const x of r.redactions) out(format('verify.cli.redaction', { what: x.what, count: x.count, why: x.why }));
  }
  out(
    result.ok
      ? format('verify.cli.recordVerified', { signed: result.desks !== null ? 'yes' : 'no' })
      : format('verify.cli.recordNotVerified'),
  );
  return result.ok ? 0 : 1;
}

// Run when bundled as the command-line tool (not when imported by tests).
if (typeof require !== 'undefined' && require.main === module) {
  void runVerify(process.argv.slice(2), (line) => console.log(line)).then((code) => {
    process.exitCode = code;
  });
}

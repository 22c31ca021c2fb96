import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';

import { unzipPackage, verifyPackageFiles } from '@shared/domain/record/exportPackage';
import type { Check } from '@shared/domain/record/verifyRecord';
import type { RecordVerification } from '@shared/domain/record/verifyRecord';
import { verifyAnyRecordText, type AnyRecordVerification } from '@shared/domain/record/verifySignedRecord';

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
      `Record of “${r.content.incident.title}” (${r.cityName}), exported ${r.exportedAt} by ${r.exportedBy}, ${r.profile} edition, format version ${r.formatVersion}, desk ${r.appVersion}`,
    );
}

function printChecks(checks: readonly Check[], out: (line: string) => void): void {
  for (const c of checks) out(`${c.ok ? 'ok   ' : 'FAIL '} ${c.name}: ${c.detail}`);
}

/** Format 3: each desk of the roster, to match against the fingerprint the city read out or printed. */
function printDesks(result: AnyRecordVerification, out: (line: string) => void): void {
  if (result.desks === null) return;
  out(
    `Desks in the record's roster (${result.desks.length}): compare each fingerprint with the one the city read out or printed.`,
  );
  for (const d of result.desks) {
    out(`  “${d.name}” ${d.deskId}: ${d.records} signed record${d.records === 1 ? '' : 's'}`);
    out(`    fingerprint ${d.fingerprint}`);
    out(`    in words    ${d.words.join(' ')}`);
  }
  if (result.fingerprint === null) return;
  out("The incident's records fingerprint (desks in step showed it; the report prints it):");
  out(`    ${result.fingerprint.hex}`);
  out(`    in words    ${result.fingerprint.words.join(' ')}`);
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
    out('Usage: response-desk-verify RECORD.json | PACKAGE.zip | PACKAGE-FOLDER');
    out('Checks a Response Desk after-action record: format, schema, SHA-256 checksum and hash chain,');
    out("and every desk's Ed25519 signature, printing each desk's key fingerprint to compare with the");
    out('one the city read out or printed; for an export package, first every file against its manifest.');
    return path === undefined ? 1 : 0;
  }
  let bytes: Uint8Array | null = null;
  let folder = false;
  try {
    const info = await stat(path);
    if (info.isDirectory()) folder = true;
    else if (info.size > MAX_BYTES) {
      out(`FAIL  file: ${path} is larger than 2 GB; it is not a record this tool reads.`);
      return 1;
    } else bytes = new Uint8Array(await readFile(path));
  } catch (e) {
    out(`FAIL  file: ${path} cannot be read (${e instanceof Error ? e.message : String(e)}).`);
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
            ? `FAIL  package: ${basename(path)} is not a readable zip (${unzipped.error.detail}).`
            : `FAIL  ${unzipped.error.name}: a folder inside the package; the desk writes none.`,
        );
        out('NOT VERIFIED: do not rely on this package.');
        return 1;
      }
      files = unzipped.value;
    } else files = await filesOfFolder(path);
    const verify = nodeEd25519Verifier();
    const result = await verifyPackageFiles(files, sha256Bytes, sha256, { record: true, verify });
    out(`Export package ${basename(path)}`);
    printChecks(result.checks, out);
    const recordFile = result.manifest?.record.file;
    const recordBytes = recordFile === undefined ? undefined : files.get(recordFile);
    const record = recordBytes
      ? await verifyAnyRecordText(new TextDecoder().decode(recordBytes), sha256, { verify })
      : null;
    if (record) describeRecord(record, out);
    printChecks(result.recordChecks, out);
    if (record) printDesks(record, out);
    out(
      result.ok
        ? 'VERIFIED: every file of the package is as the desk exported it.'
        : 'NOT VERIFIED: do not rely on this package.',
    );
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
    out('Left out of this record, as the record itself states:');
    for (const x of r.redactions) out(`  - ${x.what} (${x.count}): ${x.why}`);
  }
  const signed = result.desks !== null ? " Every desk's signature checks out against the record's roster." : '';
  out(
    result.ok
      ? `VERIFIED: the record is as the desk exported it.${signed}`
      : 'NOT VERIFIED: do not rely on this record.',
  );
  return result.ok ? 0 : 1;
}

// Run when bundled as the command-line tool (not when imported by tests).
if (typeof require !== 'undefined' && require.main === module) {
  void runVerify(process.argv.slice(2), (line) => console.log(line)).then((code) => {
    process.exitCode = code;
  });
}

import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';

import { verifyRecordText } from '@shared/domain/record/verifyRecord';

/**
 * response-desk-verify RECORD.json
 * Checks an after-action record offline, without the desk: format, schema, checksum and the
 * timeline's hash chain. Prints what it found; exits 0 when every check passes, 1 otherwise.
 */
const MAX_BYTES = 2 * 1024 * 1024 * 1024;

const sha256 = (text: string) => Promise.resolve(createHash('sha256').update(text, 'utf8').digest('hex'));

export async function runVerify(args: readonly string[], out: (line: string) => void): Promise<number> {
  const path = args[0];
  if (path === undefined || path === '--help' || path === '-h') {
    out('Usage: response-desk-verify RECORD.json');
    out('Checks a Response Desk after-action record: format, schema, SHA-256 checksum and hash chain.');
    return path === undefined ? 1 : 0;
  }
  let text: string;
  try {
    const info = await stat(path);
    if (info.size > MAX_BYTES) {
      out(`FAIL  file: ${path} is larger than 2 GB; it is not a record this tool reads.`);
      return 1;
    }
    text = await readFile(path, 'utf8');
  } catch (e) {
    out(`FAIL  file: ${path} cannot be read (${e instanceof Error ? e.message : String(e)}).`);
    return 1;
  }
  const result = await verifyRecordText(text, sha256);
  const r = result.record;
  if (r) out(`Record of “${r.content.incident.title}” (${r.cityName}), exported ${r.exportedAt} by ${r.exportedBy}, ${r.profile} profile, desk ${r.appVersion}`);
  for (const c of result.checks) out(`${c.ok ? 'ok   ' : 'FAIL '} ${c.name}: ${c.detail}`);
  if (r && r.redactions.length > 0) {
    out('Left out of this record, as the record itself states:');
    for (const x of r.redactions) out(`  - ${x.what} (${x.count}): ${x.why}`);
  }
  out(result.ok ? 'VERIFIED: the record is as the desk exported it.' : 'NOT VERIFIED: do not rely on this record.');
  return result.ok ? 0 : 1;
}

// Run when bundled as the command-line tool (not when imported by tests).
if (typeof require !== 'undefined' && require.main === module) {
  void runVerify(process.argv.slice(2), (line) => console.log(line)).then((code) => {
    process.exitCode = code;
  });
}

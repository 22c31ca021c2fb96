import { canonicalJson, type Sha256Hex } from '../integrity/canonical';
import { legacyNotes } from '../../schemas/rowCheck';
import { verifyChain } from '../timeline/chain';
import { describeChainReport } from '../timeline/chain';
import { RECORD_FORMAT, RECORD_FORMAT_VERSION, RecordFileSchema, type RecordFile } from './recordFile';

export type Check = { name: string; ok: boolean; detail: string };
export type RecordVerification = { ok: boolean; checks: Check[]; record: RecordFile | null };

/**
 * Checks an after-action record with nothing but the file: its format, its schema, its
 * checksum, and (where the record holds the whole timeline) its hash chain. Used by the
 * command-line verifier an inquiry runs, and by the desk before it imports a record.
 */
export async function verifyRecordText(text: string, sha256: Sha256Hex): Promise<RecordVerification> {
  const checks: Check[] = [];
  const fail = (name: string, detail: string): RecordVerification => ({ ok: false, checks: [...checks, { name, ok: false, detail }], record: null });

  if (text.trim() === '') return fail('file', 'The file is empty.');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return fail('file', `The file is not valid JSON, perhaps cut short (${e instanceof Error ? e.message : String(e)}).`);
  }
  const format = typeof raw === 'object' && raw !== null && 'format' in raw ? raw.format : undefined;
  if (format !== RECORD_FORMAT) {
    return fail('format', typeof format === 'string' ? `This is not a Response Desk record: its format is "${format}".` : "This is not a Response Desk record: it has no 'format' field.");
  }
  const version = (raw as { formatVersion?: unknown }).formatVersion;
  if (typeof version === 'number' && version > RECORD_FORMAT_VERSION) {
    return fail('format', `The record is in format version ${version}; this verifier reads up to version ${RECORD_FORMAT_VERSION}.`);
  }
  checks.push({ name: 'format', ok: true, detail: `${RECORD_FORMAT}, version ${RECORD_FORMAT_VERSION}` });

  const parsed = RecordFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.map(String).join('.') || '(record)'}: ${i.message}`);
    return fail('schema', `The record does not match its schema: ${issues.join('; ')}${parsed.error.issues.length > 5 ? '; …' : ''}`);
  }
  const record = parsed.data;
  checks.push({ name: 'schema', ok: true, detail: 'Every field matches the format.' });

  const { checksum, ...rest } = record;
  const computed = await sha256(canonicalJson(rest));
  if (computed !== checksum.value) {
    return { ok: false, checks: [...checks, { name: 'checksum', ok: false, detail: `The SHA-256 does not match: the record was altered after export (stated ${checksum.value}, computed ${computed}).` }], record };
  }
  checks.push({ name: 'checksum', ok: true, detail: `SHA-256 ${computed}` });

  const timeline = record.content.timeline;
  if (!timeline) {
    checks.push({ name: 'hash chain', ok: true, detail: 'The record has no timeline section; nothing to walk.' });
  } else if (!record.integrity.chainComplete) {
    checks.push({
      name: 'hash chain',
      ok: true,
      detail: `Not walkable from this record: the ${record.profile} profile left parts of the timeline out (see redactions). At export the chain was ${record.integrity.verifiedAtExport ? 'verified' : 'NOT verified'}, head ${record.integrity.chainHead}.`,
    });
  } else {
    const report = await verifyChain(record.content.incident.id, timeline.revisions, timeline.entries, sha256);
    const title = (id: string) => timeline.entries.find((e) => e.id === id)?.title;
    if (!report.ok) return { ok: false, checks: [...checks, { name: 'hash chain', ok: false, detail: describeChainReport(report, title) }], record };
    if (report.headHash !== record.integrity.chainHead) {
      return { ok: false, checks: [...checks, { name: 'hash chain', ok: false, detail: `The chain is intact but ends at ${report.headHash}, not at the head stated at export (${record.integrity.chainHead}): revisions are missing from the end.` }], record };
    }
    checks.push({ name: 'hash chain', ok: true, detail: describeChainReport(report) });
  }
  const overLimit = (timeline?.entries ?? []).filter((e) => legacyNotes('timelineEntries', e).length > 0);
  if (overLimit.length > 0) {
    // Not a failure: revisions never change, and these were within the limits of the desk that logged them.
    const named = overLimit.slice(0, 5).map((e) => `“${e.title.slice(0, 60)}${e.title.length > 60 ? '…' : ''}” (${legacyNotes('timelineEntries', e).join('; ')})`);
    checks.push({
      name: 'limits',
      ok: true,
      detail: `${overLimit.length} ${overLimit.length === 1 ? 'entry was' : 'entries were'} logged by an earlier version past today's limits and ${overLimit.length === 1 ? 'is' : 'are'} checked as recorded: ${named.join(', ')}${overLimit.length > 5 ? ', …' : ''}.`,
    });
  }
  return { ok: true, checks, record };
}

import type { Sha256Hex } from '../integrity/canonical';
import { describeIntegrityProblem, verifyIncidentIntegrity } from '../signed/incidentIntegrity';
import type { Ed25519Verify } from '../signed/ed25519';
import { fingerprintOfHex, readDeskIdentity, type DeskIdentity, type Fingerprint } from '../signed/identity';
import { recordsFingerprint } from '../team/fingerprint';
import type { DeskSummary } from '../signed/verifyChains';
import type { TimelineEntry, TimelineRevision } from '../../schemas/timeline';
import { RECORD_SCHEMAS, type RecordFile, type RecordFileV1, type RecordFileV3 } from './recordFile';
import { checkRecordContent, readSealedRecord, type Check } from './verifyRecord';
import { format } from '../../i18n/format';

export type AnyRecordVerification = {
  ok: boolean;
  checks: Check[];
  record: RecordFile | RecordFileV1 | RecordFileV3 | null;
  /** Format 3: each desk of the roster with its fingerprint and the number of its records here. */
  desks: DeskSummary[] | null;
  /**
   * Format 3, when every signed record is carried and checks out: the fingerprint of the
   * incident's records, recomputed from the heads the record names, to compare with the one the
   * desks showed and the report prints.
   */
  fingerprint: Fingerprint | null;
};

export type SignatureDeps = {
  verify: Ed25519Verify;
  sha256Bytes?: (bytes: Uint8Array) => string | Promise<string>;
  onProgress?: (step: 'signed' | 'v1', done: number) => void;
};

/**
 * Checks an after-action record of any format version with nothing but the file, as given.
 * Versions 1 and 2 as `verifyRecordText` does; version 3 also: every desk identity of its roster
 * (its id follows from its key, and its key signed it), every signed record against the roster
 * (signatures, links, gaps, replays, unknown keys), every revision after the desks began signing
 * against the revision a desk signed, and each desk's stated head against its chain's end. A record
 * re-hashed and re-sealed by someone without a desk's key fails here, naming the entry.
 */
export async function verifyAnyRecordText(
  text: string,
  sha256: Sha256Hex,
  deps: SignatureDeps,
): Promise<AnyRecordVerification> {
  const read = await readSealedRecord(text, sha256, RECORD_SCHEMAS);
  if (!read.ok)
    return {
      ok: false,
      checks: read.checks,
      record: read.raw as AnyRecordVerification['record'],
      desks: null,
      fingerprint: null,
    };
  if (read.version !== 3) {
    const record = read.raw as unknown as RecordFile | RecordFileV1;
    const content = await checkRecordContent(record, sha256);
    return { ok: content.ok, checks: [...read.checks, ...content.checks], record, desks: null, fingerprint: null };
  }
  const record = read.raw as unknown as RecordFileV3;
  const checks = [...read.checks, ...(await checkRecordContent(record, sha256)).checks];
  const done = (check: Check, desks: DeskSummary[] | null, fingerprint: Fingerprint | null = null) => ({
    ok: checks.every((c) => c.ok) && check.ok,
    checks: [...checks, check],
    record,
    desks,
    fingerprint: checks.every((c) => c.ok) && check.ok ? fingerprint : null,
  });

  const roster: DeskIdentity[] = [];
  for (const raw of record.signed.desks) {
    const identity = await readDeskIdentity(raw, deps.verify);
    if (!identity.ok) {
      const why =
        identity.error.code === 'bad-signature'
          ? format('record.signatures.rosterBadSignature')
          : identity.error.detail;
      return done(
        {
          name: 'signatures',
          ok: false,
          detail: format('record.signatures.rosterBroken', { name: raw.name, deskId: raw.deskId, why }),
        },
        null,
      );
    }
    roster.push(identity.value);
  }

  const timeline = record.content.timeline;
  if (!record.signed.complete || !timeline || !record.integrity.chainComplete) {
    return done(
      {
        name: 'signatures',
        ok: true,
        detail: format('record.signatures.notCarried', { profile: record.profile, desks: roster.length }),
      },
      roster.map((d) => ({
        deskId: d.deskId,
        name: d.name,
        fingerprint: fingerprintOfHex(d.publicKey).hex,
        words: fingerprintOfHex(d.publicKey).words,
        records: 0,
        chains: [],
      })),
    );
  }

  const report = await verifyIncidentIntegrity({
    incidentId: record.content.incident.id,
    timeZone: record.content.incident.timeZone,
    revisions: [[...(timeline.revisions as TimelineRevision[])].sort((a, b) => a.chainSeq - b.chainSeq)],
    entries: timeline.entries as TimelineEntry[],
    publishedHeads: record.integrity.publishedHeads,
    signed: [record.signed.records],
    roster,
    verify: deps.verify,
    sha256,
    ...(deps.sha256Bytes ? { sha256Bytes: deps.sha256Bytes } : {}),
    ...(deps.onProgress ? { onProgress: deps.onProgress } : {}),
  });
  // The v1 chain and the published heads are the hash chain check's; the rest is the signatures'.
  const problem = report.problems.find((p) => p.code !== 'v1-chain' && p.code !== 'published-head');
  if (problem)
    return done({ name: 'signatures', ok: false, detail: describeIntegrityProblem(problem) }, report.signed.desks);

  const scope = `incident:${record.content.incident.id}`;
  for (const head of record.signed.heads) {
    const desk = report.signed.desks.find((d) => d.deskId === head.deskId);
    const chain = desk?.chains.find((c) => c.scope === scope);
    if (chain?.head?.seq !== head.seq || chain.head.hash !== head.hash) {
      return done(
        {
          name: 'signatures',
          ok: false,
          detail: format('record.signatures.headMissing', {
            desk: desk?.name ?? head.deskId,
            head: head.seq,
            end: chain?.head?.seq ?? 0,
          }),
        },
        report.signed.desks,
      );
    }
  }
  return done(
    {
      name: 'signatures',
      ok: true,
      detail: format('record.signatures.ok', { records: report.signed.records, desks: report.signed.desks.length }),
    },
    report.signed.desks,
    recordsFingerprint(record.signed.heads),
  );
}

import type { z } from 'zod';

// zod's own words come from the catalogue wherever a schema of the desk is checked.
import '../../i18n/zodMessages';

import { canonicalJsonOfLarge, type Sha256Hex } from '../integrity/canonical';
import { legacyNotes } from '../../schemas/rowCheck';
import { verifiedHead, verifyChain } from '../timeline/chain';
import { hashesByPlace } from '../timeline/tree';
import { describeChainReport } from '../timeline/chain';
import { formatWallClock } from '../incident/wallClock';
import { GENESIS_HASH, type TimelineEntry, type TimelineRevision } from '../../schemas/timeline';
import { PUBLISHED_VIA_WORDS, type PublishedHead } from '../../schemas/publishedHeads';
import { unknownFields } from '../../schemas/unknownFields';
import { RECORD_FORMAT, RECORD_SCHEMAS, type RecordFile, type RecordFileV1 } from './recordFile';
import { format } from '../../i18n/format';

/** Kept here too: the verifier's callers found it here first. */
export { unknownFields };

export type Check = { name: string; ok: boolean; detail: string };
export type RecordVerification = { ok: boolean; checks: Check[]; record: RecordFile | RecordFileV1 | null };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const own = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key);

/** The record without its checksum field, exactly as given (no field dropped or reordered but by the canonical form). */
function withoutChecksum(raw: Record<string, unknown>): Record<string, unknown> {
  const rest: Record<string, unknown> = {};
  for (const key of Object.keys(raw))
    if (key !== 'checksum')
      Object.defineProperty(rest, key, { value: raw[key], enumerable: true, writable: true, configurable: true });
  return rest;
}

const when = (h: PublishedHead, zone: string) =>
  format('record.verify.publishedAt', { at: formatWallClock(h.at, zone, 'd MMM yyyy HH:mm'), timeZone: zone });

/**
 * The record's chain against the heads published before it: a head beyond the chain's end means
 * revisions were removed since it left the desk; a head whose hash differs means the chain was
 * rewritten. `length` is the place (chainSeq) the chain ends at; `hashesAt` gives every hash at a
 * place (several where desks wrote apart), and a head holds when its hash is one of them. Returns
 * the problem in words, or null.
 */
export function checkPublishedHeads(
  length: number,
  hashesAt: ((seq: number) => ReadonlySet<string> | undefined) | null,
  heads: readonly PublishedHead[],
  zone: string,
): string | null {
  const highest = [...heads].sort((a, b) => b.chainSeq - a.chainSeq || b.at - a.at)[0];
  if (highest && highest.chainSeq > length) {
    return format('record.verify.headsMissing', {
      via: PUBLISHED_VIA_WORDS[highest.via],
      when: when(highest, zone),
      revisions: highest.chainSeq,
      length,
    });
  }
  if (hashesAt === null) return null;
  for (const h of heads) {
    const holds = h.chainSeq === 0 ? h.headHash === GENESIS_HASH : (hashesAt(h.chainSeq)?.has(h.headHash) ?? false);
    if (!holds)
      return format('record.verify.headsRewritten', {
        via: PUBLISHED_VIA_WORDS[h.via],
        when: when(h, zone),
        seq: h.chainSeq,
        hash: h.headHash,
      });
  }
  return null;
}

/** A sealed record read from its file: its format, schema and checksum checked, the rest to do. */
export type SealedRead =
  | { ok: true; checks: Check[]; raw: Record<string, unknown>; version: number }
  | { ok: false; checks: Check[]; raw: Record<string, unknown> | null };

/**
 * Reads a sealed record as given: its format, its version (one of `schemas`), its schema (every
 * field, and no field the format does not define, at any depth) and its checksum over the file's
 * own content. The first failing check ends the reading, named in words.
 */
export async function readSealedRecord(
  text: string,
  sha256: Sha256Hex,
  schemas: Readonly<Partial<Record<number, z.ZodType>>>,
): Promise<SealedRead> {
  const checks: Check[] = [];
  const fail = (name: string, detail: string, raw: Record<string, unknown> | null = null): SealedRead => ({
    ok: false,
    checks: [...checks, { name, ok: false, detail }],
    raw,
  });
  const versions = Object.keys(schemas).map(Number);
  const newest = Math.max(...versions);

  if (text.trim() === '') return fail('file', format('record.verify.empty'));
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return fail('file', format('record.verify.notJson', { error: e instanceof Error ? e.message : String(e) }));
  }
  if (!isObject(raw)) return fail('format', format('record.verify.notObject'));
  const stated = own(raw, 'format') ? raw['format'] : undefined;
  if (stated !== RECORD_FORMAT) {
    return fail(
      'format',
      typeof stated === 'string'
        ? format('record.verify.otherFormat', { format: stated })
        : format('record.verify.noFormat'),
    );
  }
  const version = raw['formatVersion'];
  if (typeof version === 'number' && version > newest) {
    return fail('format', format('record.verify.newerVersion', { version, newest }));
  }
  const schema = typeof version === 'number' ? schemas[version] : undefined;
  if (typeof version !== 'number' || schema === undefined) {
    const given = version === undefined ? format('record.verify.versionMissing') : JSON.stringify(version);
    return fail(
      'format',
      format('record.verify.badVersion', { version: given, versions: versions.slice(0, -1).join(', '), newest }),
    );
  }
  checks.push({
    name: 'format',
    ok: true,
    detail: format('record.verify.formatOk', { format: RECORD_FORMAT, version }),
  });

  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((i) =>
      format('text.issue', {
        path: i.path.map(String).join('.') || format('record.verify.wholeRecord'),
        message: i.message,
      }),
    );
    return fail(
      'schema',
      format('record.verify.schemaIssues', {
        issues: issues.join('; '),
        more: parsed.error.issues.length > 5 ? 'yes' : 'no',
      }),
    );
  }
  const extra = unknownFields(raw, parsed.data);
  if (extra.length > 0) {
    return fail(
      'schema',
      format('record.verify.extraFields', {
        count: extra.length,
        fields: extra.slice(0, 5).join(', '),
        more: extra.length > 5 ? 'yes' : 'no',
      }),
    );
  }
  // From here the file as given is the record: the schema found nothing missing and nothing more.
  checks.push({ name: 'schema', ok: true, detail: format('record.verify.schemaOk') });

  const statedSum = (raw['checksum'] as { value: string }).value;
  const computed = await sha256(canonicalJsonOfLarge(withoutChecksum(raw)));
  if (computed !== statedSum) {
    return fail('checksum', format('record.verify.checksumMismatch', { stated: statedSum, computed }), raw);
  }
  checks.push({ name: 'checksum', ok: true, detail: format('record.verify.checksumOk', { hash: computed }) });
  return { ok: true, checks, raw, version };
}

/**
 * Checks an after-action record of format version 1 or 2 with nothing but the file, as given:
 * `readSealedRecord`, then (where the record holds the whole timeline) its hash chain against
 * the chain heads it says were published. Used by the command-line verifier an inquiry runs,
 * and by the desk before it imports a record.
 */
export async function verifyRecordText(text: string, sha256: Sha256Hex): Promise<RecordVerification> {
  const read = await readSealedRecord(text, sha256, { 1: RECORD_SCHEMAS[1], 2: RECORD_SCHEMAS[2] });
  if (!read.ok) return { ok: false, checks: read.checks, record: read.raw as RecordVerification['record'] };
  const record = read.raw as unknown as RecordFile | RecordFileV1;
  const content = await checkRecordContent(record, sha256);
  return { ok: content.ok, checks: [...read.checks, ...content.checks], record };
}

/** What follows the checksum for every format version: the hash chain, then a note of entries past today's limits. */
export async function checkRecordContent(
  record: Pick<RecordFile, 'integrity' | 'content' | 'profile'> | RecordFileV1,
  sha256: Sha256Hex,
): Promise<{ ok: boolean; checks: Check[] }> {
  const chain = await checkRecordChain(record, sha256);
  if (!chain.ok) return { ok: false, checks: [chain] };
  const limits = noteRecordLimits(record);
  return { ok: true, checks: limits ? [chain, limits] : [chain] };
}

/**
 * Entries an earlier version of the desk logged past today's limits, named as a note (not a
 * failure: revisions never change, and these were within the limits of the desk that logged
 * them); null when there are none.
 */
export function noteRecordLimits(record: Pick<RecordFile, 'content'> | RecordFileV1): Check | null {
  const entries = (record.content.timeline?.entries ?? []) as TimelineEntry[];
  const overLimit = entries.filter((e) => legacyNotes('timelineEntries', e).length > 0);
  if (overLimit.length === 0) return null;
  const named = overLimit.slice(0, 5).map((e) =>
    format('record.verify.overLimitEntry', {
      title: `${e.title.slice(0, 60)}${e.title.length > 60 ? '…' : ''}`,
      notes: legacyNotes('timelineEntries', e).join('; '),
    }),
  );
  return {
    name: 'limits',
    ok: true,
    detail: format('record.verify.overLimit', {
      count: overLimit.length,
      entries: named.join(', '),
      more: overLimit.length > 5 ? 'yes' : 'no',
    }),
  };
}

/**
 * The record's timeline hash chain, walked again where the record holds all of it, and checked
 * against the chain heads it says were published; a redacted edition's chain is taken as stated.
 */
export async function checkRecordChain(
  record: Pick<RecordFile, 'integrity' | 'content' | 'profile'> | RecordFileV1,
  sha256: Sha256Hex,
): Promise<Check> {
  const fail = (detail: string): Check => ({ name: 'hash chain', ok: false, detail });
  const timeline = record.content.timeline as { entries: TimelineEntry[]; revisions: TimelineRevision[] } | undefined;
  const heads = 'publishedHeads' in record.integrity ? record.integrity.publishedHeads : [];
  const zone = record.content.incident.timeZone;
  if (!timeline) return { name: 'hash chain', ok: true, detail: format('record.verify.noTimeline') };
  if (!record.integrity.chainComplete) {
    const problem = checkPublishedHeads(record.integrity.revisions, null, heads, zone);
    if (problem) return fail(format('record.verify.atExport', { problem }));
    return {
      name: 'hash chain',
      ok: true,
      detail: format('record.verify.notWalkable', {
        profile: record.profile,
        verified: record.integrity.verifiedAtExport ? 'yes' : 'no',
        head: record.integrity.chainHead,
      }),
    };
  }
  const report = await verifyChain(record.content.incident.id, timeline.revisions, timeline.entries, sha256);
  const title = (id: string) => timeline.entries.find((e) => e.id === id)?.title;
  if (!report.ok) return fail(describeChainReport(report, title));
  if (report.headHash !== record.integrity.chainHead) {
    return fail(format('record.verify.headDiffers', { headHash: report.headHash, stated: record.integrity.chainHead }));
  }
  const bySeq = hashesByPlace(timeline.revisions);
  const problem = checkPublishedHeads(verifiedHead(report).chainSeq, (seq) => bySeq.get(seq), heads, zone);
  if (problem) return fail(problem);
  const said = describeChainReport(report);
  return {
    name: 'hash chain',
    ok: true,
    detail: heads.length > 0 ? format('record.verify.chainOkWithHeads', { report: said, heads: heads.length }) : said,
  };
}

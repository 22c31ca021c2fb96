// The two small formats the engine adds on top of Hypercore: the entries of each desk's index core
// (which core holds which scope), and the summary two connected desks exchange (what each holds).
// Both are JSON, validated on read like any other input from outside.
import { z } from 'zod';

import { err, ok, type Result } from '@shared/domain/result';
import { parseJsonBytes } from '@shared/domain/text/jsonBytes';
import { format } from '@shared/i18n/format';

import { parseScope } from './scope';

/** zod's issues as a reason lists them: "core: must be 64 lowercase hex characters; …". */
const issuesOf = (issues: readonly z.core.$ZodIssue[]): string =>
  issues.map((i) => format('text.issue', { path: i.path.map(String).join('.'), message: i.message })).join('; ');

const hexKey = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex characters');

const IndexEntrySchema = z
  .object({
    format: z.literal('response-desk/team-index'),
    version: z.literal(1),
    scope: z.string().max(120),
    core: hexKey,
  })
  .strict();

/** Index entries are tiny; anything larger is not one. */
const MAX_INDEX_ENTRY_BYTES = 1024;

/**
 * FORMAT: one index entry per block of a desk's index core, UTF-8 JSON with the keys in this order:
 * {"format":"response-desk/team-index","version":1,"scope":"incident:inc_1","core":"<64 hex>"}.
 * The index core is signed by the desk's own key, so only the desk can say which core is its own.
 */
export function encodeIndexEntry(scope: string, coreKey: string): Buffer {
  return Buffer.from(JSON.stringify({ format: 'response-desk/team-index', version: 1, scope, core: coreKey }), 'utf8');
}

export function decodeIndexEntry(bytes: Uint8Array): Result<{ scope: string; coreKey: string }, string> {
  const json = parseJsonBytes(bytes, MAX_INDEX_ENTRY_BYTES, {
    tooLarge: 'team.wire.indexTooLarge',
    notJson: 'team.wire.indexNotJson',
  });
  if (!json.ok) return json;
  const parsed = IndexEntrySchema.safeParse(json.value);
  if (!parsed.success) return err(format('team.wire.indexMalformed', { problems: issuesOf(parsed.error.issues) }));
  const scope = parseScope(parsed.data.scope);
  if (!scope.ok) return err(format('team.wire.indexBadScope', { problem: scope.error }));
  return ok({ scope: parsed.data.scope, coreKey: parsed.data.core });
}

const SummaryCoreSchema = z
  .object({
    desk: hexKey,
    /** null: the desk's index core. */
    scope: z.string().max(120).nullable(),
    core: hexKey,
    length: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
    head: hexKey.nullable(),
  })
  .strict();

const SummarySchema = z
  .object({
    v: z.literal(1),
    seq: z.number().int().nonnegative(),
    /** The sender's view was computed after receiving the other side's summary number `ack`. */
    ack: z.number().int().nonnegative(),
    /** The sender holds everything the other side's summary `ack` offered that it accepts. */
    complete: z.boolean(),
    cores: z.array(SummaryCoreSchema).max(100_000),
    /** Desks the sender will not take in (not in its roster). */
    refused: z.array(hexKey).max(10_000),
    /**
     * The sender's clock when it sent the summary (ms since the epoch), so the other desk can say
     * when the two clocks disagree; absent from desks that predate it.
     */
    now: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER).optional(),
  })
  .strict();

export type SummaryCore = z.infer<typeof SummaryCoreSchema>;
export type Summary = z.infer<typeof SummarySchema>;

/** A summary of 100,000 cores is about 25 MB; nothing legitimate comes near the frame limit. */
export const MAX_SUMMARY_BYTES = 15 * 1024 * 1024;

export function encodeSummary(summary: Summary): Buffer {
  return Buffer.from(JSON.stringify(summary), 'utf8');
}

export function decodeSummary(bytes: Uint8Array): Result<Summary, string> {
  const json = parseJsonBytes(bytes, MAX_SUMMARY_BYTES, {
    tooLarge: 'team.wire.summaryTooLarge',
    notJson: 'team.wire.summaryNotJson',
  });
  if (!json.ok) return json;
  const parsed = SummarySchema.safeParse(json.value);
  if (!parsed.success)
    return err(format('team.wire.summaryMalformed', { problems: issuesOf(parsed.error.issues.slice(0, 3)) }));
  return ok(parsed.data);
}

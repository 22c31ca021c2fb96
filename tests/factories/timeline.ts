import { createHash } from 'node:crypto';

import type { Actor } from '@shared/domain/audit';
import { plainEntry } from '@shared/domain/timeline/plainEntry';
import {
  EMPTY_CHAIN,
  entryFromRevision,
  nextRevision,
  planEdit,
  planRetraction,
  planVerification,
  sealRevision,
  type ChainHead,
} from '@shared/domain/timeline/revisions';
import type { EntryContent, TimelineEntry, TimelineRevision, Verification } from '@shared/schemas/timeline';

export const sha256 = (text: string) => Promise.resolve(createHash('sha256').update(text).digest('hex'));

export function makeContent(overrides: Partial<EntryContent> = {}): EntryContent {
  return plainEntry({
    occurredAt: Date.UTC(2026, 10, 24, 13, 5),
    title: 'Police confirm road closures on Markens gate',
    source: 'Police',
    tags: ['traffic'],
    ...overrides,
  });
}

/** An in-memory incident log that writes revisions exactly as the repository does. */
export function makeLog(incidentId = 'inc_1') {
  let head: ChainHead = EMPTY_CHAIN;
  let seq = 0;
  const entries = new Map<string, TimelineEntry>();
  const revisions: TimelineRevision[] = [];
  const write = async (entryId: string, plan: Parameters<typeof nextRevision>[0]['plan'], actor: Actor) => {
    seq += 1;
    const previous = entries.get(entryId) ?? null;
    const rev = await sealRevision(
      nextRevision({ id: `tlr_${seq}`, entryId, incidentId, previous, plan, head, actor }),
      sha256,
    );
    revisions.push(rev);
    entries.set(entryId, entryFromRevision(previous, rev));
    head = { chainSeq: rev.chainSeq, hash: rev.hash };
    return rev;
  };
  const must = <T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T => {
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return r.value;
  };
  return {
    entries,
    revisions,
    head: () => head,
    add: (entryId: string, content: EntryContent, actor: Actor) =>
      write(entryId, { kind: 'create', content, reason: null }, actor),
    edit: (entryId: string, content: EntryContent, actor: Actor, reason: string | null = null) =>
      write(entryId, must(planEdit(entries.get(entryId)!, content, reason)), actor),
    verify: (entryId: string, v: Verification, actor: Actor) =>
      write(entryId, must(planVerification(entries.get(entryId)!, v, null)), actor),
    retract: (entryId: string, reason: string, actor: Actor) =>
      write(entryId, must(planRetraction(entries.get(entryId)!, reason)), actor),
  };
}

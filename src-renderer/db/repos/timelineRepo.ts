import Dexie from 'dexie';

import type { Sha256Hex } from '@shared/domain/integrity/canonical';
import { createChainVerifier, type ChainReport } from '@shared/domain/timeline/chain';
import { EMPTY_CHAIN, type ChainHead } from '@shared/domain/timeline/revisions';
import { chainHeadOf } from '@shared/domain/timeline/tree';
import type { TimelineEntry, TimelineRevision } from '@shared/schemas/timeline';

import type { DeskDatabase, TimelineOrderKey } from '../database';

const PAGE = 5000;

export const orderKey = (e: TimelineEntry): TimelineOrderKey => ({
  incidentId: e.incidentId,
  occurredAt: e.occurredAt,
  id: e.id,
});

/**
 * Where an incident's chain ends, the head the next revision links to: at the highest place, the
 * revision the chain's rule names when desks wrote there apart (the same head the verifier reports).
 */
export async function readChainHead(db: DeskDatabase, incidentId: string): Promise<ChainHead> {
  const last = await db.timelineRevisions
    .where('[incidentId+chainSeq]')
    .between([incidentId, Dexie.minKey], [incidentId, Dexie.maxKey])
    .last();
  if (!last) return EMPTY_CHAIN;
  return chainHeadOf(
    await db.timelineRevisions.where('[incidentId+chainSeq]').equals([incidentId, last.chainSeq]).toArray(),
  );
}

const revisionsOf = (db: DeskDatabase, entryId: string): Promise<TimelineRevision[]> =>
  db.timelineRevisions
    .where('[entryId+revisionNo]')
    .between([entryId, Dexie.minKey], [entryId, Dexie.maxKey])
    .toArray();

/** Each entry's range of the [entryId+revisionNo] index. */
const rangesOf = (entryIds: Iterable<string>): [unknown[], unknown[]][] =>
  [...entryIds].map((id) => [
    [id, Dexie.minKey],
    [id, Dexie.maxKey],
  ]);

/** The timeline's tables, read: entries, their revisions, the chain. Changes go through the desk's door. */
/** pageSize: how many entries forEachPage reads at a time (smaller in tests of its paging). */
export function createTimelineRepo(db: DeskDatabase, sha256: Sha256Hex, { pageSize = PAGE } = {}) {
  return {
    get: (entryId: string): Promise<TimelineEntry | undefined> => db.timelineEntries.get(entryId),
    getMany: async (ids: readonly string[]): Promise<(TimelineEntry | undefined)[]> =>
      db.timelineEntries.bulkGet([...ids]),

    /** Every revision of one entry, oldest first. */
    history: (entryId: string): Promise<TimelineRevision[]> => revisionsOf(db, entryId),

    /**
     * Every revision of each entry, oldest first: one query over the entries' ranges, as a
     * transaction can wait on it (many queries awaited at once lose the caller's transaction).
     */
    async histories(entryIds: readonly string[]): Promise<TimelineRevision[][]> {
      const byEntry = new Map<string, TimelineRevision[]>(entryIds.map((id) => [id, []]));
      if (byEntry.size > 0)
        for (const r of await db.timelineRevisions
          .where('[entryId+revisionNo]')
          .inAnyRange(rangesOf(byEntry.keys()))
          .toArray())
          byEntry.get(r.entryId)?.push(r);
      return entryIds.map((id) => byEntry.get(id) ?? []);
    },

    /** How many revisions each entry has, counted on the index alone. */
    async revisionCounts(entryIds: readonly string[]): Promise<number[]> {
      const counts = new Map<string, number>(entryIds.map((id) => [id, 0]));
      if (counts.size > 0)
        for (const [entryId] of (await db.timelineRevisions
          .where('[entryId+revisionNo]')
          .inAnyRange(rangesOf(counts.keys()))
          .keys()) as unknown as [string, number][])
          counts.set(entryId, (counts.get(entryId) ?? 0) + 1);
      return entryIds.map((id) => counts.get(id) ?? 0);
    },

    /** The incident's rumours, newest first: read by the category index, never the whole log. */
    rumoursNewestFirst: (incidentId: string): Promise<TimelineEntry[]> =>
      db.timelineEntries
        .where('[incidentId+category+occurredAt]')
        .between([incidentId, 'rumour', Dexie.minKey], [incidentId, 'rumour', Dexie.maxKey])
        .reverse()
        .toArray(),

    count: (incidentId: string): Promise<number> => db.timelineEntries.where('incidentId').equals(incidentId).count(),

    head: (incidentId: string): Promise<ChainHead> => readChainHead(db, incidentId),

    /** Revisions recorded up to `at`, for "as known at". */
    revisionsRecordedBy: (incidentId: string, at: number): Promise<TimelineRevision[]> =>
      db.timelineRevisions
        .where('[incidentId+recordedAt]')
        .between([incidentId, Dexie.minKey], [incidentId, at], true, true)
        .toArray(),

    /** The revision at a position in the incident's chain, if there is one. */
    revisionAt: (incidentId: string, chainSeq: number): Promise<TimelineRevision | undefined> =>
      db.timelineRevisions.where('[incidentId+chainSeq]').equals([incidentId, chainSeq]).first(),

    /** Revisions after a position in the chain, for keeping the search index current. */
    revisionsAfter: (incidentId: string, chainSeq: number): Promise<TimelineRevision[]> =>
      db.timelineRevisions
        .where('[incidentId+chainSeq]')
        .between([incidentId, chainSeq], [incidentId, Dexie.maxKey], false, true)
        .toArray(),

    /** Walks the whole chain in pages, then every entry row. */
    async verify(incidentId: string, onProgress?: (done: number) => void): Promise<ChainReport> {
      const verifier = createChainVerifier(incidentId, sha256);
      for (let from = 1; ; from += PAGE) {
        const page = await db.timelineRevisions
          .where('[incidentId+chainSeq]')
          .between([incidentId, from], [incidentId, from + PAGE], true, false)
          .toArray();
        if (page.length === 0) break;
        if (!(await verifier.push(page))) break;
        onProgress?.(from + page.length - 1);
        if (page.length < PAGE) break;
      }
      const entries = await db.timelineEntries.where('incidentId').equals(incidentId).toArray();
      return verifier.finish(entries);
    },

    /**
     * Streams the incident's entries in chronological pages (or the entries `ids` names, in that
     * order), for exports and the search index.
     */
    async forEachPage(
      incidentId: string,
      visit: (page: TimelineEntry[]) => void | Promise<void>,
      ids?: readonly string[],
    ): Promise<void> {
      if (ids) {
        for (let i = 0; i < ids.length; i += pageSize) {
          const page = await db.timelineEntries.bulkGet(ids.slice(i, i + pageSize));
          await visit(page.filter((e): e is TimelineEntry => e !== undefined));
        }
        return;
      }
      // Each page is one bulk read of the time index from where the last page ended (a fetch of
      // the keys and then of each entry by key takes four times as long at 100,000 entries).
      // Entries at the time the last page ended may go on in the next one: those already
      // visited are read again and skipped, so every entry is visited once even when thousands
      // share one time.
      let from: number | null = null;
      let visitedAtFrom = new Set<string>();
      for (;;) {
        const limit = pageSize + visitedAtFrom.size;
        const read: TimelineEntry[] = await db.timelineEntries
          .where('[incidentId+occurredAt]')
          .between([incidentId, from ?? Dexie.minKey], [incidentId, Dexie.maxKey], true, true)
          .limit(limit)
          .toArray();
        const page = read.filter((e) => !(e.occurredAt === from && visitedAtFrom.has(e.id)));
        if (page.length > 0) await visit(page);
        const last = read.at(-1);
        if (read.length < limit || last === undefined) return;
        // Every entry visited at the last page's time was in this read: the next one starts there.
        visitedAtFrom = new Set(read.filter((e) => e.occurredAt === last.occurredAt).map((e) => e.id));
        from = last.occurredAt;
      }
    },
  };
}
export type TimelineRepo = ReturnType<typeof createTimelineRepo>;

import Dexie from 'dexie';

import type { Actor } from '@shared/domain/audit';
import { newId, type IdGenerator } from '@shared/domain/ids';
import type { Sha256Hex } from '@shared/domain/integrity/canonical';
import { err, ok, type Result } from '@shared/domain/result';
import { createChainVerifier, type ChainReport } from '@shared/domain/timeline/chain';
import { checkEntryContent, describeContentProblems, type ContentProblem } from '@shared/domain/timeline/contentCheck';
import {
  EMPTY_CHAIN,
  contentOf,
  entryFromRevision,
  nextRevision,
  planEdit,
  planRetraction,
  planVerification,
  sealRevision,
  type ChainHead,
  type RevisionError,
} from '@shared/domain/timeline/revisions';
import type { EntryContent, TimelineEntry, TimelineRevision, Verification } from '@shared/schemas/timeline';

import type { DeskDatabase, TimelineOrderKey } from '../database';

export type TimelineWriteError = RevisionError | { code: 'not-found'; entryId: string } | { code: 'busy' } | { code: 'invalid'; problems: ContentProblem[] };

/** New entries the timeline refused to log: nothing of the batch was written. `message` is in words. */
export class TimelineRefusedError extends Error {
  override readonly name = 'TimelineRefusedError';

  constructor(
    message: string,
    /** Position of the refused entry in the batch, 0-based. */
    readonly index: number,
    readonly problems: ContentProblem[],
  ) {
    super(message);
  }
}

/** Checks every new entry of a batch before any is hashed; names the first one refused. */
function checkBatch(contents: readonly EntryContent[]): void {
  for (const [index, content] of contents.entries()) {
    const checked = checkEntryContent(content);
    if (checked.ok) continue;
    const which = contents.length === 1 ? '' : `Entry ${index + 1} of ${contents.length} (“${content.title.slice(0, 60)}${content.title.length > 60 ? '…' : ''}”): `;
    throw new TimelineRefusedError(`${which}${describeContentProblems(checked.error)}`, index, checked.error);
  }
}

/** How a long append reports its progress, and how it is stopped before it writes. */
export type AppendOptions = { onProgress?: (step: 'sealing' | 'writing', done: number, total: number) => void; signal?: AbortSignal };

/** Entries written per step of one transaction: small enough to report progress and stop between steps. */
const WRITE_SLICE = 2000;

type Plan = { kind: TimelineRevision['kind']; content: EntryContent; reason: string | null };

/** Serialises writes: each revision links to the one before, so two may not race for the head. */
function createWriteQueue() {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}

const PAGE = 5000;

export const orderKey = (e: TimelineEntry): TimelineOrderKey => ({ incidentId: e.incidentId, occurredAt: e.occurredAt, id: e.id });

export function createTimelineRepo(db: DeskDatabase, gen: IdGenerator, sha256: Sha256Hex) {
  const enqueue = createWriteQueue();

  const readHead = async (incidentId: string): Promise<ChainHead> => {
    const last = await db.timelineRevisions
      .where('[incidentId+chainSeq]')
      .between([incidentId, Dexie.minKey], [incidentId, Dexie.maxKey])
      .last();
    return last ? { chainSeq: last.chainSeq, hash: last.hash } : EMPTY_CHAIN;
  };

  /**
   * Hashes outside the transaction (Web Crypto is asynchronous, and an IndexedDB transaction
   * commits as soon as it waits on anything else), then writes in one transaction that first
   * checks the chain head has not moved. Another window writing meanwhile means: hash again.
   */
  async function writeChained(
    incidentId: string,
    build: (head: ChainHead, previous: Map<string, TimelineEntry>) => Promise<{ revisions: TimelineRevision[]; entries: TimelineEntry[] }>,
    entryIds: string[],
    options: AppendOptions = {},
  ): Promise<{ revisions: TimelineRevision[]; entries: TimelineEntry[] }> {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const head = await readHead(incidentId);
      const previousRows = entryIds.length > 0 ? await db.timelineEntries.bulkGet(entryIds) : [];
      const previous = new Map(previousRows.filter((e): e is TimelineEntry => e !== undefined).map((e) => [e.id, e]));
      const built = await build(head, previous);
      const written = await db.transaction('rw', db.timelineRevisions, db.timelineEntries, db.timelineOrder, async () => {
        const now = await readHead(incidentId);
        if (now.chainSeq !== head.chainSeq || now.hash !== head.hash) return false;
        // In slices, so a long import reports progress and can still be stopped: stopping throws,
        // which aborts the transaction, and IndexedDB then keeps none of it.
        for (let i = 0; i < built.revisions.length; i += WRITE_SLICE) {
          options.signal?.throwIfAborted();
          options.onProgress?.('writing', i, built.revisions.length);
          await db.timelineRevisions.bulkAdd(built.revisions.slice(i, i + WRITE_SLICE));
          await db.timelineEntries.bulkPut(built.entries.slice(i, i + WRITE_SLICE));
        }
        options.signal?.throwIfAborted();
        const moved = built.entries.flatMap((e) => {
          const before = previous.get(e.id);
          return before && before.occurredAt !== e.occurredAt ? [[incidentId, before.occurredAt, e.id] as [string, number, string]] : [];
        });
        if (moved.length > 0) await db.timelineOrder.bulkDelete(moved);
        await db.timelineOrder.bulkPut(built.entries.map(orderKey));
        return true;
      });
      if (written) return built;
    }
    throw new Error('The timeline is being written by another window; try again.');
  }

  const revise = (entryId: string, actor: Actor, plan: (entry: TimelineEntry) => Result<Plan, RevisionError>): Promise<Result<TimelineEntry, TimelineWriteError>> =>
    enqueue(async () => {
      const entry = await db.timelineEntries.get(entryId);
      if (!entry) return err({ code: 'not-found' as const, entryId });
      const planned = plan(entry);
      if (!planned.ok) return planned;
      // A verification or retraction carries the recorded content over as it stands; a correction is new text.
      const checked = checkEntryContent(planned.value.content, planned.value.kind === 'edit' ? null : contentOf(entry));
      if (!checked.ok) return err({ code: 'invalid' as const, problems: checked.error });
      const { entries } = await writeChained(
        entry.incidentId,
        async (head, previous) => {
          const current = previous.get(entryId) ?? entry;
          const revision = await sealRevision(nextRevision({ id: newId('tlr', gen), entryId, incidentId: entry.incidentId, previous: current, plan: planned.value, head, actor }), sha256);
          return { revisions: [revision], entries: [entryFromRevision(current, revision)] };
        },
        [entryId],
      );
      const written = entries[0];
      return written ? ok(written) : err({ code: 'not-found' as const, entryId });
    });

  return {
    /**
     * Logs new entries (one from the quick line, thousands from an import) in one transaction.
     * Every entry is checked against today's limits first: one refused entry (TimelineRefusedError,
     * which names it) means none of the batch is logged. `signal` stops it at any point until the
     * transaction commits, and nothing is kept; `onProgress` hears how many are sealed, then how
     * many written.
     */
    append: (incidentId: string, contents: EntryContent[], actor: Actor, options: AppendOptions = {}): Promise<TimelineEntry[]> =>
      enqueue(async () => {
        checkBatch(contents);
        // Entries at the same time list by id: ids handed out in ascending order keep the order
        // they were given in (a spreadsheet's rows stay in the file's order).
        const ids = contents.map(() => newId('tle', gen)).sort();
        const { entries } = await writeChained(
          incidentId,
          async (head) => {
            const revisions: TimelineRevision[] = [];
            const entries: TimelineEntry[] = [];
            let link = head;
            for (const [i, content] of contents.entries()) {
              if (i % 500 === 0) {
                options.signal?.throwIfAborted();
                options.onProgress?.('sealing', i, contents.length);
              }
              const entryId = ids[i] ?? newId('tle', gen);
              const revision = await sealRevision(
                nextRevision({ id: newId('tlr', gen), entryId, incidentId, previous: null, plan: { kind: 'create', content, reason: null }, head: link, actor }),
                sha256,
              );
              link = { chainSeq: revision.chainSeq, hash: revision.hash };
              revisions.push(revision);
              entries.push(entryFromRevision(null, revision));
            }
            return { revisions, entries };
          },
          [],
          options,
        );
        return entries;
      }),

    edit: (entryId: string, content: EntryContent, reason: string | null, actor: Actor) => revise(entryId, actor, (e) => planEdit(e, content, reason)),
    setVerification: (entryId: string, verification: Verification, note: string | null, actor: Actor) =>
      revise(entryId, actor, (e) => planVerification(e, verification, note)),
    retract: (entryId: string, reason: string, actor: Actor) => revise(entryId, actor, (e) => planRetraction(e, reason)),

    get: (entryId: string): Promise<TimelineEntry | undefined> => db.timelineEntries.get(entryId),
    getMany: async (ids: readonly string[]): Promise<(TimelineEntry | undefined)[]> => db.timelineEntries.bulkGet([...ids]),

    /** Every revision of one entry, oldest first. */
    history: (entryId: string): Promise<TimelineRevision[]> =>
      db.timelineRevisions.where('[entryId+revisionNo]').between([entryId, Dexie.minKey], [entryId, Dexie.maxKey]).toArray(),

    /** The incident's rumours, newest first: read by the category index, never the whole log. */
    rumoursNewestFirst: (incidentId: string): Promise<TimelineEntry[]> =>
      db.timelineEntries
        .where('[incidentId+category+occurredAt]')
        .between([incidentId, 'rumour', Dexie.minKey], [incidentId, 'rumour', Dexie.maxKey])
        .reverse()
        .toArray(),

    count: (incidentId: string): Promise<number> => db.timelineEntries.where('incidentId').equals(incidentId).count(),

    head: readHead,

    /** Revisions recorded up to `at`, for "as known at". */
    revisionsRecordedBy: (incidentId: string, at: number): Promise<TimelineRevision[]> =>
      db.timelineRevisions.where('[incidentId+recordedAt]').between([incidentId, Dexie.minKey], [incidentId, at], true, true).toArray(),

    /** The revision at a position in the incident's chain, if there is one. */
    revisionAt: (incidentId: string, chainSeq: number): Promise<TimelineRevision | undefined> =>
      db.timelineRevisions.where('[incidentId+chainSeq]').equals([incidentId, chainSeq]).first(),

    /** Revisions after a position in the chain, for keeping the search index current. */
    revisionsAfter: (incidentId: string, chainSeq: number): Promise<TimelineRevision[]> =>
      db.timelineRevisions.where('[incidentId+chainSeq]').between([incidentId, chainSeq], [incidentId, Dexie.maxKey], false, true).toArray(),

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

    /** Streams the incident's entries in chronological pages, for exports and the search index. */
    async forEachPage(incidentId: string, visit: (page: TimelineEntry[]) => void | Promise<void>, ids?: readonly string[]): Promise<void> {
      const ordered =
        ids ??
        (await db.timelineEntries.where('[incidentId+occurredAt]').between([incidentId, Dexie.minKey], [incidentId, Dexie.maxKey]).primaryKeys());
      for (let i = 0; i < ordered.length; i += PAGE) {
        const page = await db.timelineEntries.bulkGet(ordered.slice(i, i + PAGE));
        await visit(page.filter((e): e is TimelineEntry => e !== undefined));
      }
    },
  };
}
export type TimelineRepo = ReturnType<typeof createTimelineRepo>;

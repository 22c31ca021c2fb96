import type { Actor } from '@shared/domain/audit';
import { newId, type IdGenerator } from '@shared/domain/ids';
import type { Sha256Hex } from '@shared/domain/integrity/canonical';
import { err, ok, type Result } from '@shared/domain/result';
import { entryFromRevision, nextRevision, sealRevision, type ChainHead } from '@shared/domain/timeline/revisions';
import type { EntryContent, TimelineEntry, TimelineRevision } from '@shared/schemas/timeline';

import type { TimelineRepo as TimelineStore } from '../../db/repos/timelineRepo';
import type { Door, Precondition } from '../door';

/** The chain moved under a write: another window logged first, so the rows are sealed again. */
export type ChainMoved = { code: 'chain-moved' };

/** Sealed rows of new entries, linked one after another from `head`. */
export type SealedEntries = { revisions: TimelineRevision[]; entries: TimelineEntry[]; head: ChainHead };

/** The condition every chained write is planned on: nobody has added to the incident's chain since. */
export function chainHeadIs(store: TimelineStore, incidentId: string, head: ChainHead): Precondition<ChainMoved> {
  return {
    what: `the timeline chain of ${incidentId} still ends at revision ${head.chainSeq}`,
    reads: ['timelineRevisions'],
    failure: { code: 'chain-moved' },
    holds: async () => {
      const now = await store.head(incidentId);
      return now.chainSeq === head.chainSeq && now.hash === head.hash;
    },
  };
}

/**
 * Seals new entries onto the chain after `head`. Hashing is asynchronous (Web Crypto), so it
 * happens before the transaction: an IndexedDB transaction commits as soon as it waits on
 * anything else. `ids` are the entries' ids in the order given. `check` looks at entry `index`
 * while its digest is taken on the browser's crypto thread, time this thread would otherwise
 * spend waiting (the chain is sequential: each hash needs the one before); the first refusal it
 * returns ends the sealing, and is returned in place of the rows.
 */
export async function sealNewEntries<E = never>(
  deps: { gen: IdGenerator; sha256: Sha256Hex },
  incidentId: string,
  contents: readonly EntryContent[],
  ids: readonly string[],
  head: ChainHead,
  actor: Actor,
  options: { onStep?: (done: number) => void; check?: (index: number) => E | null } = {},
): Promise<Result<SealedEntries, E>> {
  const revisions: TimelineRevision[] = [];
  const entries: TimelineEntry[] = [];
  let link = head;
  for (const [i, content] of contents.entries()) {
    if (i % 500 === 0) options.onStep?.(i);
    const entryId = ids[i] ?? newId('tle', deps.gen);
    const sealing = sealRevision(
      nextRevision({
        id: newId('tlr', deps.gen),
        entryId,
        incidentId,
        previous: null,
        plan: { kind: 'create', content, reason: null },
        head: link,
        actor,
      }),
      deps.sha256,
    );
    const refused = options.check?.(i) ?? null;
    // A refused entry is answered in words, even when its content could not be hashed at all.
    if (refused !== null)
      return sealing.then(
        () => err(refused),
        () => err(refused),
      );
    const revision = await sealing;
    link = { chainSeq: revision.chainSeq, hash: revision.hash };
    revisions.push(revision);
    entries.push(entryFromRevision(null, revision));
  }
  return ok({ revisions, entries, head: link });
}

/** Serialises this window's chained writes: each revision links to the one before, so two may not race for the head. */
export function createWriteQueue() {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}
export type WriteQueue = ReturnType<typeof createWriteQueue>;

/**
 * What a use-case needs to write its rows and their timeline lines together: its own store, the
 * timeline's, and the queue that keeps this window's chained writes in line.
 */
export type TimelinedDeps<Store> = {
  door: Door;
  store: Store;
  timeline: TimelineStore;
  gen: IdGenerator;
  sha256: Sha256Hex;
  enqueue: WriteQueue;
};

/** How often a chained write is planned again when another window keeps moving the head. */
export const CHAIN_ATTEMPTS = 5;

/**
 * A timeline entry that belongs to another change (a release, a withdrawal, a call): sealed onto
 * the incident's chain now, written with that change in the same transaction, on condition that
 * nobody has added to the chain meanwhile.
 */
export async function timelineLine(
  deps: { gen: IdGenerator; sha256: Sha256Hex; timeline: TimelineStore },
  incidentId: string,
  content: EntryContent,
  entryId: string,
  actor: Actor,
): Promise<{
  entry: TimelineEntry;
  rows: { timelineRevisions: TimelineRevision[]; timelineEntries: TimelineEntry[] };
  precondition: Precondition<ChainMoved>;
}> {
  const head = await deps.timeline.head(incidentId);
  const sealing = await sealNewEntries(deps, incidentId, [content], [entryId], head, actor);
  // Without a check nothing is refused (the error type is never): the rows always come back.
  if (!sealing.ok) return sealing.error;
  const sealed = sealing.value;
  const entry = sealed.entries[0];
  if (!entry) throw new Error('The timeline entry was not sealed.');
  return {
    entry,
    rows: { timelineRevisions: sealed.revisions, timelineEntries: sealed.entries },
    precondition: chainHeadIs(deps.timeline, incidentId, head),
  };
}

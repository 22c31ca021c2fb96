import type { Actor } from '@shared/domain/audit';
import { newId, type IdGenerator } from '@shared/domain/ids';
import type { Sha256Hex } from '@shared/domain/integrity/canonical';
import { err, ok, type Result } from '@shared/domain/result';
import { checkEntryContent, describeContentProblems, type ContentProblem } from '@shared/domain/timeline/contentCheck';
import {
  contentOf,
  entryFromRevision,
  nextRevision,
  planEdit,
  planMerge,
  planRetraction,
  planVerification,
  sealRevision,
  type RevisionError,
} from '@shared/domain/timeline/revisions';
import { openCorrections } from '@shared/domain/timeline/tree';
import type { EntryContent, TimelineEntry, TimelineRevision, Verification } from '@shared/schemas/timeline';

import type { TimelineRepo } from '../../db/repos/timelineRepo';
import type { Door, WriteRefused } from '../door';
import { CHAIN_ATTEMPTS, chainHeadIs, sealNewEntries, type WriteQueue } from './chain';
import { t } from '../../i18n/messages';

/** Why a correction, verification or retraction was not recorded. */
export type TimelineWriteError =
  | RevisionError
  | { code: 'not-found'; entryId: string }
  | { code: 'busy' }
  | { code: 'invalid'; problems: ContentProblem[] }
  | WriteRefused;

/** Why new entries were not logged; nothing of the batch was written. */
export type AppendError =
  /** `index` is the refused entry's place in the batch, 0-based; `message` names it in words. */
  | { code: 'invalid'; index: number; problems: ContentProblem[]; message: string }
  | { code: 'busy' }
  | { code: 'stopped' }
  | WriteRefused;

/** How a long append reports its progress, and how it is stopped before it writes. */
export type AppendOptions = {
  onProgress?: (step: 'sealing' | 'writing', done: number, total: number) => void;
  signal?: AbortSignal;
};

/** An append's failure in words, for a screen or a notice. */
export function describeAppendError(e: AppendError): string {
  switch (e.code) {
    case 'invalid':
    case 'refused':
      return e.message;
    case 'busy':
      return t('timeline.append.busy');
    case 'stopped':
      return t('timeline.append.stopped');
  }
}

/** Checks entry `index` of a batch against today's limits; names it when the batch has several. */
function checkBatchEntry(contents: readonly EntryContent[], index: number): AppendError | null {
  const content = contents[index];
  if (content === undefined) return null;
  const checked = checkEntryContent(content);
  if (checked.ok) return null;
  const which =
    contents.length === 1
      ? ''
      : t('timeline.import.whichEntry', {
          number: index + 1,
          count: contents.length,
          title: `${content.title.slice(0, 60)}${content.title.length > 60 ? '…' : ''}`,
        });
  return {
    code: 'invalid',
    index,
    problems: checked.error,
    message: `${which}${describeContentProblems(checked.error)}`,
  };
}

type Plan = { kind: TimelineRevision['kind']; content: EntryContent; reason: string | null; mergeOf?: string[] };

const changeKindOf = (plan: Plan) =>
  plan.mergeOf
    ? 'timeline.merged'
    : plan.kind === 'edit'
      ? 'timeline.corrected'
      : plan.kind === 'verify'
        ? 'timeline.verified'
        : 'timeline.retracted';

const isAbort = (e: unknown) => typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'AbortError';

type Deps = { door: Door; store: TimelineRepo; gen: IdGenerator; sha256: Sha256Hex; enqueue: WriteQueue };

/** The timeline's changes: logging new entries, and revising one (correction, verification, retraction). */
export function createTimelineWrites({ door, store, gen, sha256, enqueue }: Deps) {
  const revise = (
    entryId: string,
    actor: Actor,
    plan: (entry: TimelineEntry) => Result<Plan, RevisionError> | Promise<Result<Plan, RevisionError>>,
  ): Promise<Result<TimelineEntry, TimelineWriteError>> =>
    enqueue(async () => {
      for (let attempt = 0; attempt < CHAIN_ATTEMPTS; attempt += 1) {
        const entry = await store.get(entryId);
        if (!entry) return err({ code: 'not-found' as const, entryId });
        const planned = await plan(entry);
        if (!planned.ok) return planned;
        // A verification or retraction carries the recorded content over as it stands, a merge the
        // content one desk wrote; a correction is new text.
        const carried = planned.value.mergeOf
          ? planned.value.content
          : planned.value.kind === 'edit'
            ? null
            : contentOf(entry);
        const checked = checkEntryContent(planned.value.content, carried);
        if (!checked.ok) return err({ code: 'invalid' as const, problems: checked.error });
        const head = await store.head(entry.incidentId);
        const revision = await sealRevision(
          nextRevision({
            id: newId('tlr', gen),
            entryId,
            incidentId: entry.incidentId,
            previous: entry,
            plan: planned.value,
            head,
            actor,
          }),
          sha256,
        );
        const next = entryFromRevision(entry, revision);
        const written = await door.write({
          scope: { incidentId: entry.incidentId },
          kind: changeKindOf(planned.value),
          add: { timelineRevisions: [revision] },
          put: { timelineEntries: [next] },
          audit: [],
          preconditions: [
            chainHeadIs(store, entry.incidentId, head),
            {
              what: `entry ${entryId} is still at revision ${entry.revisionCount}`,
              reads: ['timelineEntries'],
              failure: { code: 'chain-moved' as const },
              holds: async () => (await store.get(entryId))?.revisionCount === entry.revisionCount,
            },
          ],
        });
        if (written.ok) return ok(next);
        if (written.error.code !== 'chain-moved') return err(written.error);
      }
      return err({ code: 'busy' as const });
    });

  return {
    /**
     * Logs new entries (one from the quick line, thousands from an import) in one change. Every
     * entry is checked against today's limits first: one refused entry (named in the error) means
     * none of the batch is logged. `signal` stops it at any point until the change commits, and
     * nothing is kept; `onProgress` hears how many are sealed, then how many written.
     */
    append: (
      incidentId: string,
      contents: readonly EntryContent[],
      actor: Actor,
      options: AppendOptions = {},
    ): Promise<Result<TimelineEntry[], AppendError>> =>
      enqueue(async () => {
        // Entries at the same time list by id: ids handed out in ascending order keep the order
        // they were given in (a spreadsheet's rows stay in the file's order).
        const ids = contents.map(() => newId('tle', gen)).sort();
        try {
          for (let attempt = 0; attempt < CHAIN_ATTEMPTS; attempt += 1) {
            const head = await store.head(incidentId);
            // Every entry is checked as it is sealed, the first refused one ending it: nothing is
            // written unless all of them pass.
            const sealed = await sealNewEntries({ gen, sha256 }, incidentId, contents, ids, head, actor, {
              onStep: (done) => {
                options.signal?.throwIfAborted();
                options.onProgress?.('sealing', done, contents.length);
              },
              check: (index) => checkBatchEntry(contents, index),
            });
            if (!sealed.ok) return sealed;
            const written = await door.write(
              {
                scope: { incidentId },
                kind: 'timeline.logged',
                add: { timelineRevisions: sealed.value.revisions, timelineEntries: sealed.value.entries },
                audit: [],
                preconditions: [chainHeadIs(store, incidentId, head)],
              },
              {
                ...(options.signal && { signal: options.signal }),
                onProgress: (done, total) => options.onProgress?.('writing', done, total),
              },
            );
            if (written.ok) return ok(sealed.value.entries);
            if (written.error.code !== 'chain-moved') return err(written.error);
          }
          return err({ code: 'busy' as const });
        } catch (e) {
          if (isAbort(e)) return err({ code: 'stopped' as const });
          throw e;
        }
      }),

    edit: (entryId: string, content: EntryContent, reason: string | null, actor: Actor) =>
      revise(entryId, actor, (e) => planEdit(e, content, reason)),
    setVerification: (entryId: string, verification: Verification, note: string | null, actor: Actor) =>
      revise(entryId, actor, (e) => planVerification(e, verification, note)),
    retract: (entryId: string, reason: string, actor: Actor) =>
      revise(entryId, actor, (e) => planRetraction(e, reason)),
    /**
     * Settles the corrections of one entry made apart on several desks: `keep` is the revision
     * whose content stays; the new revision names every correction left open, so each desk sees
     * the entry settled.
     */
    mergeCorrections: (entryId: string, keep: string, reason: string | null, actor: Actor) =>
      revise(entryId, actor, async (e) => {
        const open = openCorrections(await store.history(entryId)).flatMap((group) => group.revisions);
        const kept = open.find((r) => r.id === keep);
        if (!kept) return err({ code: 'nothing-to-merge' as const, entryId });
        return planMerge(
          e,
          kept.content,
          open.map((r) => r.id),
          reason,
        );
      }),
  };
}
export type TimelineWrites = ReturnType<typeof createTimelineWrites>;

import type { Actor } from '@shared/domain/audit';
import { newId, type IdGenerator } from '@shared/domain/ids';
import { err, ok, type Result } from '@shared/domain/result';
import type { PublishedHead, PublishedVia } from '@shared/schemas/publishedHeads';

import type { PublishedHeadsStore } from '../../db/repos/publishedHeadsRepo';
import { writePlanned, type Door } from '../door';
import { busy, type NotWritten } from '../planned';

type Deps = { door: Door; store: PublishedHeadsStore; gen: IdGenerator };

/**
 * The log of chain heads that left the desk (an export, a backup, a verification): appended to,
 * never changed, so a chain later cut short is noticed.
 */
export function createPublishedHeads({ door, store, gen }: Deps) {
  /** Appends a head, unless this very head was already published the same way (automatic backups repeat). */
  const append = (
    incidentId: string,
    head: { chainSeq: number; hash: string },
    via: PublishedVia,
    actor: Actor,
  ): Promise<Result<PublishedHead | null, NotWritten>> =>
    writePlanned(
      door,
      async () => {
        if (await store.holds(incidentId, head, via))
          return ok({ change: { scope: { incidentId }, kind: 'head.unchanged', audit: [] }, value: null });
        const row: PublishedHead = {
          id: newId('pub', gen),
          incidentId,
          chainSeq: head.chainSeq,
          headHash: head.hash,
          at: actor.now,
          via,
          by: actor.operator,
        };
        const notYet = {
          what: `head ${head.chainSeq} of ${incidentId} not yet published by ${via}`,
          reads: ['publishedHeads' as const],
          failure: { code: 'moved' },
          holds: async () => !(await store.holds(incidentId, head, via)),
        };
        return ok({
          change: {
            scope: { incidentId },
            kind: 'head.published',
            add: { publishedHeads: [row] },
            audit: [],
            preconditions: [notYet],
          },
          value: row,
        });
      },
      busy('publishedHeads'),
    );

  return {
    append,

    /**
     * Every incident's head, published by a backup that holds them all. A head the log could not
     * take does not keep the others out: each is tried, and the first refusal comes back in words.
     */
    async appendAll(via: PublishedVia, actor: Actor): Promise<Result<void, NotWritten>> {
      let first: NotWritten | null = null;
      for (const incidentId of await store.incidentIds()) {
        const head = await store.headOf(incidentId);
        if (head.chainSeq === 0) continue;
        const logged = await append(incidentId, head, via, actor);
        if (!logged.ok) first ??= logged.error;
      }
      return first ? err(first) : ok(undefined);
    },

    listForIncident: store.listForIncident,
    check: (incidentId: string, length: number, timeZone: string) => store.check(incidentId, length, timeZone),
  };
}
export type PublishedHeads = ReturnType<typeof createPublishedHeads>;

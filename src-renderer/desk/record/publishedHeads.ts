import type { Actor } from '@shared/domain/audit';
import { newId, type IdGenerator } from '@shared/domain/ids';
import { ok, type Result } from '@shared/domain/result';
import type { PublishedHead, PublishedVia } from '@shared/schemas/publishedHeads';

import type { PublishedHeadsStore } from '../../db/repos/publishedHeadsRepo';
import { writePlanned, type Door } from '../door';
import { busy, valueOrThrow, type NotWritten } from '../planned';

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
      busy('The log of published heads'),
    );

  return {
    append,

    /**
     * Every incident's head, published by a backup that holds them all. The backup service answers
     * a head the log could not take as a failed step (the promise rejects, in words).
     */
    async appendAll(via: PublishedVia, actor: Actor): Promise<void> {
      for (const incidentId of await store.incidentIds()) {
        const head = await store.headOf(incidentId);
        if (head.chainSeq > 0) await valueOrThrow(append(incidentId, head, via, actor));
      }
    },

    listForIncident: store.listForIncident,
    check: (incidentId: string, length: number, timeZone: string) => store.check(incidentId, length, timeZone),
  };
}
export type PublishedHeads = ReturnType<typeof createPublishedHeads>;

import Dexie from 'dexie';

import { checkPublishedHeads } from '@shared/domain/record/verifyRecord';
import type { PublishedHead, PublishedVia } from '@shared/schemas/publishedHeads';
import { hashesByPlace } from '@shared/domain/timeline/tree';

import type { DeskDatabase } from '../database';
import { readChainHead } from './timelineRepo';

/**
 * The append-only log of chain heads that left the desk, read. Rows are only ever added, by the
 * desk's use-case (desk/record/publishedHeads.ts) through its door; none is changed or removed,
 * and backups carry them.
 */
export function createPublishedHeadsStore(db: DeskDatabase) {
  const listForIncident = (incidentId: string): Promise<PublishedHead[]> =>
    db.publishedHeads
      .where('[incidentId+chainSeq]')
      .between([incidentId, Dexie.minKey], [incidentId, Dexie.maxKey])
      .toArray();
  return {
    /** The head of an incident's chain as stored now (genesis when it has no revision). */
    headOf: (incidentId: string): Promise<{ chainSeq: number; hash: string }> => readChainHead(db, incidentId),

    incidentIds: async (): Promise<string[]> => (await db.incidents.toCollection().primaryKeys()).map(String),

    /** Whether this very head was already published this way. */
    holds: async (incidentId: string, head: { chainSeq: number; hash: string }, via: PublishedVia): Promise<boolean> =>
      (await db.publishedHeads
        .where('[incidentId+chainSeq]')
        .equals([incidentId, head.chainSeq])
        .filter((h) => h.headHash === head.hash && h.via === via)
        .count()) > 0,

    listForIncident,

    /**
     * The chain as it stands against every head published: null when it holds them all, or what
     * is wrong in words ("Revisions are missing since the record exported on …").
     */
    async check(incidentId: string, length: number, timeZone: string): Promise<string | null> {
      const heads = await listForIncident(incidentId);
      if (heads.length === 0) return null;
      const seqs = [...new Set(heads.map((h) => h.chainSeq).filter((s) => s > 0 && s <= length))];
      const revisions =
        seqs.length === 0
          ? []
          : await db.timelineRevisions
              .where('[incidentId+chainSeq]')
              .anyOf(seqs.map((s) => [incidentId, s]))
              .toArray();
      const bySeq = hashesByPlace(revisions);
      return checkPublishedHeads(length, (seq) => bySeq.get(seq), heads, timeZone);
    },
  };
}
export type PublishedHeadsStore = ReturnType<typeof createPublishedHeadsStore>;

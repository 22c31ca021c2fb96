import Dexie from 'dexie';

import type { Actor } from '@shared/domain/audit';
import { newId, type IdGenerator } from '@shared/domain/ids';
import { checkPublishedHeads } from '@shared/domain/record/verifyRecord';
import { PublishedHeadSchema, type PublishedHead, type PublishedVia } from '@shared/schemas/publishedHeads';
import { GENESIS_HASH } from '@shared/schemas/timeline';

import type { DeskDatabase } from '../database';

/**
 * The append-only log of chain heads that left the desk. Rows are only ever added (checked
 * against their schema first); none is changed or removed, and backups carry them.
 */
export function createPublishedHeadsRepo(db: DeskDatabase, gen: IdGenerator) {
  const headOf = async (incidentId: string): Promise<{ chainSeq: number; hash: string }> => {
    const last = await db.timelineRevisions.where('[incidentId+chainSeq]').between([incidentId, Dexie.minKey], [incidentId, Dexie.maxKey]).last();
    return last ? { chainSeq: last.chainSeq, hash: last.hash } : { chainSeq: 0, hash: GENESIS_HASH };
  };

  /** Appends a head, unless this very head was already published the same way (automatic backups repeat). */
  const append = async (incidentId: string, head: { chainSeq: number; hash: string }, via: PublishedVia, actor: Actor): Promise<PublishedHead | null> => {
    const row = PublishedHeadSchema.parse({ id: newId('pub', gen), incidentId, chainSeq: head.chainSeq, headHash: head.hash, at: actor.now, via, by: actor.operator });
    return db.transaction('rw', db.publishedHeads, async () => {
      const same = await db.publishedHeads.where('[incidentId+chainSeq]').equals([incidentId, head.chainSeq]).filter((h) => h.headHash === head.hash && h.via === via).count();
      if (same > 0) return null;
      await db.publishedHeads.add(row);
      return row;
    });
  };

  return {
    append,

    /** Every incident's head, published by a backup that holds them all. */
    async appendAll(via: PublishedVia, actor: Actor): Promise<void> {
      for (const incidentId of await db.incidents.toCollection().primaryKeys()) {
        const head = await headOf(incidentId);
        if (head.chainSeq > 0) await append(incidentId, head, via, actor);
      }
    },

    listForIncident: (incidentId: string): Promise<PublishedHead[]> => db.publishedHeads.where('[incidentId+chainSeq]').between([incidentId, Dexie.minKey], [incidentId, Dexie.maxKey]).toArray(),

    /**
     * The chain as it stands against every head published: null when it holds them all, or what
     * is wrong in words ("Revisions are missing since the record exported on …").
     */
    async check(incidentId: string, length: number, timeZone: string): Promise<string | null> {
      const heads = await db.publishedHeads.where('[incidentId+chainSeq]').between([incidentId, Dexie.minKey], [incidentId, Dexie.maxKey]).toArray();
      if (heads.length === 0) return null;
      const seqs = [...new Set(heads.map((h) => h.chainSeq).filter((s) => s > 0 && s <= length))];
      const revisions = seqs.length === 0 ? [] : await db.timelineRevisions.where('[incidentId+chainSeq]').anyOf(seqs.map((s) => [incidentId, s])).toArray();
      const bySeq = new Map(revisions.map((r) => [r.chainSeq, r.hash]));
      return checkPublishedHeads(length, (seq) => bySeq.get(seq), heads, timeZone);
    },
  };
}
export type PublishedHeadsRepo = ReturnType<typeof createPublishedHeadsRepo>;

import Dexie from 'dexie';

import type { SignedRecord } from '@shared/domain/signed/format';
import type { ChainTip } from '@shared/domain/signed/sign';

import type { DeskDatabase, StoredRecord } from '../database';

const PAGE = 2000;

/** The signed records this desk wrote, read: the chain tip the door signs on, and the records in order. */
export function createSignedRecordsRepo(db: DeskDatabase) {
  return {
    /** Where this desk's chain in a scope ("desk", "incident:<id>") ends, or null before its first record there. */
    async tip(deskId: string, scope: string): Promise<ChainTip> {
      const last = await db.records
        .where('[deskId+scope+seq]')
        .between([deskId, scope, Dexie.minKey], [deskId, scope, Dexie.maxKey])
        .last();
      return last ? { seq: last.seq, hash: last.hash } : null;
    },

    /** Every record in the order this computer wrote them, in pages (a rebuild reads them all). */
    async *pages(scope?: string): AsyncGenerator<SignedRecord[]> {
      let after = 0;
      for (;;) {
        const page: StoredRecord[] = await db.records.where('n').above(after).limit(PAGE).toArray();
        if (page.length === 0) return;
        after = page.at(-1)?.n ?? Number.MAX_SAFE_INTEGER;
        const records = page.filter((r) => scope === undefined || r.scope === scope).map((r) => r.record);
        if (records.length > 0) yield records;
      }
    },

    /** Every record, in order. */
    async all(scope?: string): Promise<SignedRecord[]> {
      const out: SignedRecord[] = [];
      for await (const page of this.pages(scope)) out.push(...page);
      return out;
    },

    count: (): Promise<number> => db.records.count(),
  };
}
export type SignedRecordsRepo = ReturnType<typeof createSignedRecordsRepo>;

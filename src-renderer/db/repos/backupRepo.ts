import { auditEvent, type Actor } from '@shared/domain/audit';
import { newId, type IdGenerator } from '@shared/domain/ids';
import { TABLE_NAMES, type TableRows } from '@shared/schemas/tables';

import type { DeskDatabase } from '../database';
import { orderKey } from './timelineRepo';

export function createBackupRepo(db: DeskDatabase, gen: IdGenerator) {
  const tables = () => [...TABLE_NAMES.map((name) => db.tableByName(name)), db.timelineOrder];
  return {
    /** Every row of every table, read in one transaction so the snapshot is consistent. */
    readAll: (): Promise<TableRows> =>
      db.transaction('r', tables(), async () => {
        const rows: Record<string, unknown[]> = {};
        for (const name of TABLE_NAMES) rows[name] = await db.tableByName(name).toArray();
        return rows as TableRows;
      }),

    /**
     * Replaces the whole database with `rows`, already validated by the caller, in ONE
     * transaction: if anything fails, IndexedDB rolls it all back and the previous data stays.
     * The restore itself is then recorded in the (restored) audit log.
     */
    replaceAll: (rows: TableRows, actor: Actor, source: string): Promise<void> =>
      db.transaction('rw', tables(), async () => {
        // The log of published heads is append-only, a restore included: heads this desk already
        // published stay, so a chain restored shorter than what left the desk says so on Verify.
        const backupHeads = new Set(rows.publishedHeads.map((h) => h.id));
        const keptHeads = (await db.publishedHeads.toArray()).filter((h) => !backupHeads.has(h.id));
        for (const name of TABLE_NAMES) {
          const table = db.tableByName(name);
          await table.clear();
          await table.bulkAdd(rows[name]);
        }
        await db.publishedHeads.bulkAdd(keptHeads);
        await db.timelineOrder.clear();
        await db.timelineOrder.bulkAdd(rows.timelineEntries.map(orderKey));
        await db.auditLog.add(
          auditEvent({
            id: newId('aud', gen),
            actor,
            incidentId: null,
            entityType: 'database',
            entityId: 'desk',
            action: 'restore',
            summary: `Database restored from ${source}`,
          }),
        );
      }),
  };
}
export type BackupRepo = ReturnType<typeof createBackupRepo>;

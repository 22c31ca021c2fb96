import { TABLE_NAMES, type TableRows } from '@shared/schemas/tables';

import type { DeskDatabase } from '../database';

/** The whole database, read for a backup. A restore is a change: see desk/backup/restore.ts. */
export function createBackupRepo(db: DeskDatabase) {
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
     * A cheap sign that something changed: every write adds rows (revisions, versions, audit lines)
     * or an audit line, so the row counts move with any change a backup should catch.
     */
    fingerprint: async (): Promise<string> => {
      const counts = await Promise.all(TABLE_NAMES.map((t) => db.tableByName(t).count()));
      const settings = await db.settings.get('desk');
      return `${counts.join('.')}:${settings?.updatedAt ?? 0}`;
    },
  };
}
export type BackupRepo = ReturnType<typeof createBackupRepo>;

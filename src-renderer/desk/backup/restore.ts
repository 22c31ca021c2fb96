import { auditEvent, type Actor } from '@shared/domain/audit';
import type { RestoreWarning } from '@shared/domain/backup/backupFile';
import { newId, type IdGenerator } from '@shared/domain/ids';
import type { Result } from '@shared/domain/result';
import type { TableRows } from '@shared/schemas/tables';

import type { Door, WriteRefused } from '../door';
import { t } from '../../i18n/messages';

export type BrokenChain = RestoreWarning & { kind: 'broken-chain' };

/** The backup a restore continues: its checksum and file name, and the desk that made it (null before identities). */
export type RestoredFrom = Exclude<Parameters<Door['write']>[0]['continues'], undefined>;

/**
 * Replaces the whole database with `rows`, already checked by the caller, as ONE change: if
 * anything fails, IndexedDB rolls it all back and the previous data stays. The restore itself is
 * then recorded in the (restored) audit log, with every incident whose timeline chain the person
 * accepted broken, in the desk's and in that incident's trail. The change feed hears it like any
 * other change, so nothing kept in memory from the old database outlives it.
 *
 * The restore is signed by a NEW desk identity (two computers writing as one desk would fork its
 * chains), which names the desk it replaces and the backup's checksum. The records start afresh:
 * the restore's own records carry every restored row, so the desk can still be rebuilt from its
 * records; the replaced identity keeps its public part only.
 */
export function createRestore(deps: { door: Door; gen: IdGenerator }) {
  return (
    rows: TableRows,
    actor: Actor,
    source: string,
    brokenChains: readonly BrokenChain[] = [],
    continues: RestoredFrom | null = null,
  ): Promise<Result<void, WriteRefused>> =>
    deps.door.write({
      scope: 'desk',
      kind: 'desk.restored',
      // A restored desk is a new desk: it signs with a new identity that names the backup it continues.
      continues: continues ?? { backupChecksum: null, backupFile: null, desk: null },
      // The log of published heads is append-only, a restore included: heads this desk already
      // published stay, so a chain restored shorter than what left the desk says so on Verify.
      replaceAll: { keep: ['publishedHeads'] },
      add: rows,
      audit: [
        auditEvent({
          id: newId('aud', deps.gen),
          actor,
          incidentId: null,
          entityType: 'database',
          entityId: 'desk',
          action: 'restore',
          summary:
            brokenChains.length > 0
              ? t('audit.summary.restoredWithBrokenChains', { source, count: brokenChains.length })
              : t('audit.summary.restored', { source }),
          changes: brokenChains.map((b) => ({
            field: t('audit.field.timelineChainOf', { incident: b.incidentTitle }),
            before: null,
            after: b.detail,
          })),
        }),
        ...brokenChains.map((b) =>
          auditEvent({
            id: newId('aud', deps.gen),
            actor,
            incidentId: b.incidentId,
            entityType: 'incident',
            entityId: b.incidentId,
            action: 'restore',
            summary: t('audit.summary.restoredChainBroken', {
              entry: b.entryTitle ?? b.entryId,
              operator: actor.operator,
            }),
            changes: [{ field: 'timeline chain', before: null, after: b.detail }],
          }),
        ),
      ],
    });
}
export type Restore = ReturnType<typeof createRestore>;

import { auditEvent, diffFields, type Actor } from '@shared/domain/audit';
import type { IdGenerator } from '@shared/domain/ids';
import { newId } from '@shared/domain/ids';
import type { DeskSettings } from '@shared/schemas/entities';

import type { DeskDatabase } from '../database';

export type SettingsInput = Pick<DeskSettings, 'cityName' | 'operatorName' | 'defaultTimeZone'> &
  Partial<Pick<DeskSettings, 'backupEveryMinutes' | 'backupKeepLast' | 'backupKeepDailyForDays' | 'contactStaleDays' | 'phoneCountry'>>;

const SETTINGS_FIELDS = ['cityName', 'operatorName', 'defaultTimeZone', 'backupEveryMinutes', 'backupKeepLast', 'backupKeepDailyForDays', 'contactStaleDays', 'phoneCountry'] as const;

export function createSettingsRepo(db: DeskDatabase, gen: IdGenerator) {
  return {
    get: (): Promise<DeskSettings | undefined> => db.settings.get('desk'),

    /** Saves the desk's settings; the change is audited under the operator who made it. */
    save: (input: SettingsInput, actor: Actor): Promise<DeskSettings> =>
      db.transaction('rw', db.settings, db.auditLog, async () => {
        const before = await db.settings.get('desk');
        const next: DeskSettings = {
          ...before,
          key: 'desk',
          ...input,
          createdAt: before?.createdAt ?? actor.now,
          updatedAt: actor.now,
        };
        await db.settings.put(next);
        await db.auditLog.add(
          auditEvent({
            id: newId('aud', gen),
            actor,
            incidentId: null,
            entityType: 'settings',
            entityId: 'desk',
            action: before ? 'update' : 'create',
            summary: before ? 'Desk settings changed' : `Desk set up for ${input.cityName}`,
            changes: diffFields(
              before ?? { cityName: null, operatorName: null, defaultTimeZone: null, backupEveryMinutes: null, backupKeepLast: null, backupKeepDailyForDays: null, contactStaleDays: null, phoneCountry: null },
              next,
              SETTINGS_FIELDS,
            ),
          }),
        );
        return next;
      }),
  };
}
export type SettingsRepo = ReturnType<typeof createSettingsRepo>;

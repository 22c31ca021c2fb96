import { auditEvent, diffFields, type Actor } from '@shared/domain/audit';
import type { IdGenerator } from '@shared/domain/ids';
import { newId } from '@shared/domain/ids';
import type { DeskSettings, SettingsInput } from '@shared/schemas/entities';

import type { DeskDatabase } from '../database';

const SETTINGS_FIELDS = ['cityName', 'operatorName', 'operatorRole', 'defaultTimeZone', 'backupEveryMinutes', 'backupKeepLast', 'backupKeepDailyForDays', 'contactStaleDays', 'phoneCountry', 'locale'] as const;
const NO_SETTINGS = Object.fromEntries(SETTINGS_FIELDS.map((f) => [f, null])) as Record<(typeof SETTINGS_FIELDS)[number], null>;

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
            changes: diffFields<Record<string, unknown>>(before ?? NO_SETTINGS, next, SETTINGS_FIELDS),
          }),
        );
        return next;
      }),

    /**
     * Who is at the keyboard now: everything logged from here on is under this name. The switch
     * is recorded under the person taking over, with the name it replaces.
     */
    switchOperator: (name: string, role: string, now: number): Promise<DeskSettings | null> =>
      db.transaction('rw', db.settings, db.auditLog, async () => {
        const before = await db.settings.get('desk');
        if (!before) return null;
        const next: DeskSettings = { ...before, operatorName: name.trim(), operatorRole: role.trim(), updatedAt: now };
        await db.settings.put(next);
        const changes = diffFields<Record<string, unknown>>({ ...before, operatorRole: before.operatorRole ?? '' }, next, ['operatorName', 'operatorRole']);
        await db.auditLog.add(
          auditEvent({
            id: newId('aud', gen),
            actor: { operator: next.operatorName, now },
            incidentId: null,
            entityType: 'settings',
            entityId: 'desk',
            action: 'update',
            summary: before.operatorName === next.operatorName ? `Operator confirmed at the keyboard: ${next.operatorName}` : `Operator at the keyboard: ${next.operatorName} (taking over from ${before.operatorName})`,
            changes,
          }),
        );
        return next;
      }),
  };
}
export type SettingsRepo = ReturnType<typeof createSettingsRepo>;

import { deskAuditLines, diffFields, type Actor } from '@shared/domain/audit';
import type { IdGenerator } from '@shared/domain/ids';
import { ok, type Result } from '@shared/domain/result';
import type { DeskSettings, SettingsInput } from '@shared/schemas/entities';

import type { SettingsStore } from '../../db/repos/settingsRepo';
import { writePlanned, type Door } from '../door';
import { busy, stillAbsent, stillAsRead, type NotWritten } from '../planned';
import { t } from '../../i18n/messages';

const SETTINGS_FIELDS = [
  'cityName',
  'operatorName',
  'operatorRole',
  'defaultTimeZone',
  'backupEveryMinutes',
  'backupKeepLast',
  'backupKeepDailyForDays',
  'contactStaleDays',
  'phoneCountry',
  'locale',
] as const;
const NO_SETTINGS = Object.fromEntries(SETTINGS_FIELDS.map((f) => [f, null])) as Record<
  (typeof SETTINGS_FIELDS)[number],
  null
>;

type Deps = { door: Door; store: SettingsStore; gen: IdGenerator };

/** The desk's settings, each change audited (desk-wide). Who is at the keyboard: see identity/operators. */
export function createSettingsCases({ door, store, gen }: Deps) {
  const BUSY = busy('settings');
  const settingsAudit = deskAuditLines(gen, 'settings');

  return {
    get: store.get,

    /** Saves the desk's settings; the change is audited under the operator who made it. A refused field comes back in words. */
    save: (input: SettingsInput, actor: Actor): Promise<Result<DeskSettings, NotWritten>> =>
      writePlanned(
        door,
        async () => {
          const before = await store.get();
          const next: DeskSettings = {
            ...before,
            key: 'desk',
            ...input,
            createdAt: before?.createdAt ?? actor.now,
            updatedAt: actor.now,
          };
          const audit = settingsAudit(
            actor,
            'desk',
            before ? 'update' : 'create',
            before ? t('audit.summary.settingsChanged') : t('audit.summary.deskSetUp', { city: input.cityName }),
            diffFields<Record<string, unknown>>(before ?? NO_SETTINGS, next, SETTINGS_FIELDS),
          );
          const still = before ? stillAsRead('settings', 'desk', before) : stillAbsent('settings', 'desk');
          return ok({
            change: {
              scope: 'desk' as const,
              kind: before ? 'settings.changed' : 'settings.set-up',
              put: { settings: [next] },
              audit: [audit],
              preconditions: [still],
            },
            value: next,
          });
        },
        BUSY,
      ),
  };
}

import { useEffect, useState, type ReactElement } from 'react';

import type { AppInfo } from '@shared/ipc/contract';
import type { DeskSettings } from '@shared/schemas/entities';
import { formatBytes } from '@shared/domain/text/formatBytes';

import { actorFrom, useDesk } from '../../desk/DeskContext';
import { useDeskLocale } from '../../lib/LocaleContext';
import { LOW_DISK_BYTES, useStorageHealth } from '../../lib/storage';
import { useAppStore } from '../../store';
import { AutoBackupsPanel } from './AutoBackupsPanel';
import { BackupPanel } from './BackupPanel';
import { EncryptionPanel } from './EncryptionPanel';
import { IdentityPanel } from './IdentityPanel';
import { PeoplePanel } from './PeoplePanel';
import { SettingsFields, useSettingsForm } from './SettingsFields';
import { t } from '../../i18n/messages';
import { describeNotWritten } from '../../i18n/notWritten';
import { DeskForm } from '../../ui/DeskForm';

function DeskPanel({ settings }: { settings: DeskSettings }): ReactElement {
  const { useCases, clock } = useDesk();
  const showNotice = useAppStore((s) => s.showNotice);
  const { value, setValue, errors, valid } = useSettingsForm({
    cityName: settings.cityName,
    operatorName: settings.operatorName,
    operatorRole: settings.operatorRole ?? '',
    defaultTimeZone: settings.defaultTimeZone,
    locale: useDeskLocale(),
  });
  return (
    <section className="panel" aria-labelledby="desk-title">
      <h2 id="desk-title">{t('settings.screen.desk')}</h2>
      <DeskForm
        onSubmit={() => {
          if (!valid()) return;
          const input = {
            ...value,
            cityName: value.cityName.trim(),
            // Who is at the keyboard is changed from the top bar or the people at the desk, never here.
            operatorName: settings.operatorName,
            operatorRole: settings.operatorRole ?? '',
          };
          void useCases.settings.save(input, actorFrom(settings.operatorName, clock)).then(
            (r) =>
              r.ok
                ? showNotice('success', t('settings.screen.saved'))
                : showNotice('error', t('settings.screen.failed', { reason: describeNotWritten(r.error) })),
            (e: unknown) => showNotice('error', t('settings.screen.failed', { reason: String(e) })),
          );
        }}
      >
        <SettingsFields value={value} errors={errors} onChange={setValue} withOperator={false} />
        <button type="submit" className="button button--primary">
          {t('settings.screen.save')}
        </button>
      </DeskForm>
    </section>
  );
}

function StoragePanel(): ReactElement {
  const { platform } = useDesk();
  const health = useStorageHealth(platform);
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    void platform.appInfo().then((r) => r.ok && setInfo(r.value));
  }, [platform]);
  return (
    <section className="panel" aria-labelledby="storage-title">
      <h2 id="storage-title">{t('settings.screen.storage')}</h2>
      <dl className="facts">
        <dt>{t('settings.screen.edition')}</dt>
        <dd>
          {t('settings.screen.editionValue', { edition: platform.edition, version: info ? info.version : 'none' })}
        </dd>
        <dt>{t('settings.screen.dataDir')}</dt>
        <dd className="break">{info?.dataDir ?? t('settings.screen.pending')}</dd>
        <dt>{t('settings.screen.persistent')}</dt>
        <dd data-testid="persisted">
          {health === null
            ? t('settings.screen.pending')
            : health.persisted === true
              ? t('settings.screen.persistedGranted')
              : health.persisted === false
                ? t('settings.screen.persistedRefused')
                : t('settings.screen.persistedUnknown')}
        </dd>
        <dt>{t('settings.screen.used')}</dt>
        <dd>{health?.usageBytes != null ? formatBytes(health.usageBytes) : t('settings.screen.pending')}</dd>
        <dt>{t('settings.screen.free')}</dt>
        <dd>{health?.freeBytes != null ? formatBytes(health.freeBytes) : t('settings.screen.unknown')}</dd>
      </dl>
      {health?.isLow && (
        <p className="warning-text" role="alert">
          {t('settings.screen.lowDisk', { size: formatBytes(LOW_DISK_BYTES) })}
        </p>
      )}
    </section>
  );
}

export function SettingsScreen({ settings }: { settings: DeskSettings }): ReactElement {
  return (
    <main className="page" aria-labelledby="settings-title">
      <div className="page__header">
        <h1 id="settings-title">{t('settings.screen.title')}</h1>
      </div>
      <div className="settings-grid">
        <DeskPanel settings={settings} />
        <PeoplePanel settings={settings} />
        <IdentityPanel />
        <StoragePanel />
        <BackupPanel settings={settings} />
        <EncryptionPanel />
        <AutoBackupsPanel settings={settings} />
      </div>
    </main>
  );
}

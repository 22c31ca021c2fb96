import { useEffect, useState, type ReactElement } from 'react';

import type { AppInfo } from '@shared/ipc/contract';
import type { DeskSettings } from '@shared/schemas/entities';
import { formatBytes } from '@shared/domain/text/formatBytes';

import { actorFrom, useDesk } from '../../desk/DeskContext';
import { useDeskLocale } from '../../lib/LocaleContext';
import type { SettingsInput } from '@shared/schemas/entities';
import { LOW_DISK_BYTES, useStorageHealth } from '../../lib/storage';
import { useAppStore } from '../../store';
import { AutoBackupsPanel } from './AutoBackupsPanel';
import { BackupPanel } from './BackupPanel';
import { SettingsFields, validateSettings, type SettingsErrors } from './SettingsFields';

function DeskPanel({ settings }: { settings: DeskSettings }): ReactElement {
  const { useCases, clock } = useDesk();
  const showNotice = useAppStore((s) => s.showNotice);
  const [value, setValue] = useState<SettingsInput>({ cityName: settings.cityName, operatorName: settings.operatorName, operatorRole: settings.operatorRole ?? '', defaultTimeZone: settings.defaultTimeZone, locale: useDeskLocale() });
  const [errors, setErrors] = useState<SettingsErrors>({});
  return (
    <section className="panel" aria-labelledby="desk-title">
      <h2 id="desk-title">This desk</h2>
      <form noValidate onSubmit={(e) => {
        e.preventDefault();
        const found = validateSettings(value);
        setErrors(found);
        if (Object.keys(found).length > 0) return;
        const input = { ...value, cityName: value.cityName.trim(), operatorName: value.operatorName.trim(), operatorRole: value.operatorRole?.trim() ?? '' };
        // The change is attributed to the operator named in it: handing the desk over is itself recorded.
        void useCases.settings.save(input, actorFrom(input.operatorName, clock)).then(
          () => showNotice('success', 'Settings saved.'),
          (e: unknown) => showNotice('error', `Settings could not be saved: ${String(e)}`),
        );
      }}>
        <SettingsFields value={value} errors={errors} onChange={setValue} />
        <button type="submit" className="button button--primary">Save settings</button>
      </form>
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
      <h2 id="storage-title">Storage</h2>
      <dl className="facts">
        <dt>Edition</dt><dd>{platform.edition === 'desktop' ? 'Desktop app' : 'Browser edition'} {info ? `· version ${info.version}` : ''}</dd>
        <dt>Data kept in</dt><dd className="break">{info?.dataDir ?? '…'}</dd>
        <dt>Persistent storage</dt>
        <dd data-testid="persisted">{health === null ? '…' : health.persisted === true ? 'Granted: the data is kept even when disk space runs short.' : health.persisted === false ? 'Not granted: under disk pressure this browser may clear the data. Keep backups.' : 'Unknown in this environment.'}</dd>
        <dt>Space used</dt><dd>{health?.usageBytes != null ? formatBytes(health.usageBytes) : '…'}</dd>
        <dt>Free space</dt><dd>{health?.freeBytes != null ? formatBytes(health.freeBytes) : 'Unknown'}</dd>
      </dl>
      {health?.isLow && (
        <p className="warning-text" role="alert">
          Less than {formatBytes(LOW_DISK_BYTES)} free. A full disk can make the desk lose recent changes: free some space and save a backup now.
        </p>
      )}
    </section>
  );
}

export function SettingsScreen({ settings }: { settings: DeskSettings }): ReactElement {
  return (
    <main className="page" aria-labelledby="settings-title">
      <div className="page__header"><h1 id="settings-title">Settings</h1></div>
      <div className="settings-grid">
        <DeskPanel settings={settings} />
        <StoragePanel />
        <BackupPanel settings={settings} />
        <AutoBackupsPanel settings={settings} />
      </div>
    </main>
  );
}

import { lazy, Suspense, useEffect, useState, type ReactElement, type ReactNode } from 'react';

import type { DeskSettings } from '@shared/schemas/entities';
import { formatBytes } from '@shared/domain/text/formatBytes';

import { useGuideTemplates } from '../features/checklists/useGuideTemplates';
import { Dashboard } from '../features/incidents/Dashboard';
import { useSettings } from '../features/settings/queries';
import { OperatorDialog } from '../features/settings/OperatorDialog';
import { DeskReady } from '../features/setup/DeskReady';
import { FirstRunScreen } from '../features/setup/FirstRunScreen';
import { IncidentWorkspace } from '../features/workspace/IncidentWorkspace';
import { TeamIndicator } from '../features/team/TeamIndicator';
import { useStorageHealth } from '../lib/storage';
import { useAppStore } from '../store';
import { NoticeBar } from '../ui/NoticeBar';
import { useDesk } from '../desk/DeskContext';
import { DeskLocaleProvider } from '../lib/LocaleContext';
import { systemLocales } from '../db/migrations/0005-desk-locale';
import { localeFromSystem } from '@shared/domain/locale/deskLocale';
import { t } from '../i18n/messages';

// Screens away from the incident load on first use: the dashboard and the timeline come first.
const ContactsScreen = lazy(() =>
  import('../features/contacts/ContactsScreen').then((m) => ({ default: m.ContactsScreen })),
);
const PlanScreen = lazy(() => import('../features/plan/PlanScreen').then((m) => ({ default: m.PlanScreen })));
const SettingsScreen = lazy(() =>
  import('../features/settings/SettingsScreen').then((m) => ({ default: m.SettingsScreen })),
);
const TeamScreen = lazy(() => import('../features/team/TeamScreen').then((m) => ({ default: m.TeamScreen })));
const TemplateLibrary = lazy(() =>
  import('../features/statements/TemplateLibrary').then((m) => ({ default: m.TemplateLibrary })),
);

function TopBar({ settings }: { settings: DeskSettings }): ReactElement {
  const route = useAppStore((s) => s.route);
  const navigate = useAppStore((s) => s.navigate);
  const [switching, setSwitching] = useState(false);
  const link = (
    name: 'dashboard' | 'plan' | 'contacts' | 'templates' | 'team' | 'settings',
    label: string,
    extra: ReactNode = null,
  ) => (
    <a
      href={name === 'dashboard' ? '#/' : `#/${name}`}
      className={`topbar__link${route.name === name ? ' topbar__link--active' : ''}`}
      aria-current={route.name === name ? 'page' : undefined}
      onClick={(e) => {
        e.preventDefault();
        navigate({ name });
      }}
    >
      {label}
      {extra}
    </a>
  );
  return (
    <header className="topbar">
      <span className="topbar__brand">{t('app.app.responseDesk')}</span>
      <span className="topbar__city">{settings.cityName}</span>
      <nav className="topbar__nav" aria-label={t('app.app.main')}>
        {link('dashboard', t('app.app.incidents'))}
        {link('plan', t('app.app.plan'))}
        {link('contacts', t('app.app.contacts'))}
        {link('templates', t('app.app.templates'))}
        {link('team', t('app.app.team'), <TeamIndicator />)}
        {link('settings', t('app.app.settings'))}
      </nav>
      <button
        type="button"
        className="topbar__operator"
        title={t('app.app.recordedOnEveryChangePress')}
        onClick={() => setSwitching(true)}
      >
        {t('app.app.operator')} <strong>{settings.operatorName}</strong>
        {settings.operatorRole ? <span className="topbar__role"> · {settings.operatorRole}</span> : null}
        <span className="visually-hidden"> {t('app.app.changeWhoIsAtThe')}</span>
      </button>
      {switching && <OperatorDialog settings={settings} check={null} onDone={() => setSwitching(false)} />}
    </header>
  );
}

function DiskWarning(): ReactElement | null {
  const { platform } = useDesk();
  const health = useStorageHealth(platform);
  if (!health?.isLow || health.freeBytes === null) return null;
  return (
    <div className="notice notice--error" role="alert">
      {t('app.app.onlyOfDiskSpaceLeft', { freeBytes: formatBytes(health.freeBytes) })}
    </div>
  );
}

export function App(): ReactElement {
  const settings = useSettings();
  const route = useAppStore((s) => s.route);
  const sync = useAppStore((s) => s.syncRouteFromLocation);
  const identityCheck = useAppStore((s) => s.identityCheck);
  const askIdentity = useAppStore((s) => s.askIdentity);
  const deskJustMade = useAppStore((s) => s.deskJustMade);
  const setDeskJustMade = useAppStore((s) => s.setDeskJustMade);
  const notice = useAppStore((s) => s.notice);
  const clearNotice = useAppStore((s) => s.clearNotice);
  useGuideTemplates(settings);
  useEffect(() => {
    window.addEventListener('hashchange', sync);
    return () => window.removeEventListener('hashchange', sync);
  }, [sync]);

  if (settings === undefined)
    return (
      <main className="page">
        <p className="muted">{t('app.app.openingTheDesk')}</p>
      </main>
    );
  if (settings === null)
    return (
      <DeskLocaleProvider locale={localeFromSystem(systemLocales())}>
        <FirstRunScreen />
      </DeskLocaleProvider>
    );
  return (
    // The timeline fills the window and scrolls inside its list: the page itself never scrolls there.
    <DeskLocaleProvider locale={settings.locale ?? localeFromSystem(systemLocales())}>
      <div className={`shell${route.name === 'incident' && route.tab === 'timeline' ? ' shell--fill' : ''}`}>
        <TopBar settings={settings} />
        <DiskWarning />
        <NoticeBar notice={notice} onDismiss={clearNotice} />
        {deskJustMade && (
          <div className="page page--notice">
            <DeskReady onDone={() => setDeskJustMade(false)} />
          </div>
        )}
        {identityCheck && <OperatorDialog settings={settings} check={identityCheck} onDone={() => askIdentity(null)} />}
        <Suspense
          fallback={
            <main className="page">
              <p className="muted">{t('app.app.loading')}</p>
            </main>
          }
        >
          {route.name === 'settings' ? (
            <SettingsScreen settings={settings} />
          ) : route.name === 'contacts' ? (
            <ContactsScreen settings={settings} />
          ) : route.name === 'plan' ? (
            <PlanScreen settings={settings} />
          ) : route.name === 'templates' ? (
            <TemplateLibrary settings={settings} />
          ) : route.name === 'team' ? (
            <TeamScreen />
          ) : route.name === 'incident' ? (
            <IncidentWorkspace key={route.id} id={route.id} tab={route.tab} settings={settings} />
          ) : (
            <Dashboard settings={settings} />
          )}
        </Suspense>
      </div>
    </DeskLocaleProvider>
  );
}

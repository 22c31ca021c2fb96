import type { Transaction } from 'dexie';

import { localeFromSystem } from '@shared/domain/locale/deskLocale';
import type { DeskSettings } from '@shared/schemas/entities';

/**
 * Data version 5: the desk gets a locale of its own (clock, date order, first day of the week).
 * A desk set up before it existed takes the system's, as a new desk does at first run; every
 * other setting is kept as it was.
 */
export function upgradeToDeskLocale(systemLocales: () => readonly string[]) {
  return async (tx: Transaction): Promise<void> => {
    await tx
      .table<DeskSettings, string>('settings')
      .toCollection()
      .modify((settings) => {
        if (settings.locale === undefined) settings.locale = localeFromSystem(systemLocales());
      });
  };
}

/** What the system prefers: the browser's (or Electron's) languages, then the runtime's own locale. */
export function systemLocales(): readonly string[] {
  const nav = (globalThis as { navigator?: { languages?: readonly string[] } }).navigator;
  return [...(nav?.languages ?? []), new Intl.DateTimeFormat().resolvedOptions().locale];
}

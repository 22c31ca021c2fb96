import { createContext, useContext, useMemo, type ReactElement, type ReactNode } from 'react';

import { formatInstant, FALLBACK_LOCALE, type DeskLocale, type InstantStyle } from '@shared/domain/locale/deskLocale';

const LocaleContext = createContext<DeskLocale>(FALLBACK_LOCALE);

// The locale the screens are drawn in, for display helpers that are plain functions. It changes
// only with the desk's setting, and the provider then draws every screen afresh (keyed on it),
// so no screen keeps text written in the previous locale.
let current: DeskLocale = FALLBACK_LOCALE;
function drawIn(locale: DeskLocale): void {
  current = locale;
}

/** The desk's locale for every screen below: the clock, the date order, the first day of the week. */
export function DeskLocaleProvider({ locale, children }: { locale: DeskLocale; children: ReactNode }): ReactElement {
  drawIn(locale);
  return (
    <LocaleContext.Provider key={locale} value={locale}>
      {children}
    </LocaleContext.Provider>
  );
}

export function useDeskLocale(): DeskLocale {
  return useContext(LocaleContext);
}

/** The locale screens are drawn in, for helpers outside components. */
export function displayLocale(): DeskLocale {
  return current;
}

/** An instant on the clock of `timeZone`, written in the desk's locale. */
export function showInstant(at: number, timeZone: string, style: InstantStyle): string {
  return formatInstant(at, timeZone, style, current);
}

/** An instant on this computer's clock (backups belong to the computer, not to an incident), zone named. */
export function computerTime(at: number): string {
  const zone = new Intl.DateTimeFormat().resolvedOptions().timeZone;
  return `${formatInstant(at, zone, 'date-time', current)} (${zone})`;
}

export type ClockFormat = (at: number, timeZone: string, style: InstantStyle) => string;

/** Writes an instant on the clock of a zone, the desk locale's way. */
export function useClockFormat(): ClockFormat {
  const locale = useDeskLocale();
  return useMemo(
    () => (at: number, timeZone: string, style: InstantStyle) => formatInstant(at, timeZone, style, locale),
    [locale],
  );
}

import { isAppUrl, schemeOf } from './trustedUrl';

/** A cancellable Electron event, as navigation listeners receive it. */
type CancellableEvent = { preventDefault: () => void; url?: unknown };

/** Electron passes the event first; older signatures add the URL as the second argument. */
type GuardListener = (event: CancellableEvent, ...rest: unknown[]) => void;

/** What hardening needs from an Electron `WebContents`. */
export type HardenableContents = {
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
  on(event: 'will-navigate' | 'will-redirect' | 'will-attach-webview', listener: GuardListener): unknown;
};

/** Optional observer for refused attempts (the URL is not logged: it may carry incident text). */
export type NavigationLog = { warn: (message: string, fields?: Record<string, unknown>) => void };

const hardened = new WeakSet<object>();

function targetUrl(event: CancellableEvent, legacyUrl: unknown): string | undefined {
  if (typeof event.url === 'string') return event.url;
  return typeof legacyUrl === 'string' ? legacyUrl : undefined;
}

/**
 * Locks a web contents to the desk's own pages. Safe to call more than once per contents.
 * SECURITY: no new windows at all; navigations and redirects only to `app://desk/`; no
 * `<webview>` may ever attach (the tag is also disabled in webPreferences). The desk opens
 * nothing external, so there is no allowlist for other URLs.
 */
export function hardenWebContents(contents: HardenableContents, log?: NavigationLog): void {
  if (hardened.has(contents)) return;
  hardened.add(contents);

  contents.setWindowOpenHandler((details) => {
    log?.warn('refused to open a window', { scheme: schemeOf(details.url) });
    return { action: 'deny' };
  });

  const guardNavigation =
    (kind: string): GuardListener =>
    (event, legacyUrl) => {
      const url = targetUrl(event, legacyUrl);
      if (isAppUrl(url)) return;
      event.preventDefault();
      log?.warn(`refused to ${kind}`, { scheme: url === undefined ? 'unknown' : schemeOf(url) });
    };
  contents.on('will-navigate', guardNavigation('navigate'));
  contents.on('will-redirect', guardNavigation('follow a redirect'));

  contents.on('will-attach-webview', (event: CancellableEvent) => {
    event.preventDefault();
    log?.warn('refused to attach a webview');
  });
}

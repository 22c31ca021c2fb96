/** The privileged scheme and host the renderer is served from. FORMAT: never change them: IndexedDB is keyed by origin. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'desk';
/** The origin of the desk's pages, as Chromium reports it. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The page the main window opens. */
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

function parse(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/** A refused URL's scheme, for the log; the rest of the URL may carry incident text. */
export function schemeOf(raw: string): string {
  return parse(raw)?.protocol ?? 'unparseable';
}

/**
 * True only for `app://desk/...`: the app's own pages. Decides which frames may call IPC and
 * where a window may navigate.
 * SECURITY: the decision is made on the WHATWG-parsed URL, never on substrings, so
 * `app://desk.evil/`, `app://desk@evil/` or `app://evil/?app://desk/` cannot pass.
 */
export function isAppUrl(raw: string | null | undefined): boolean {
  if (typeof raw !== 'string' || raw === '') return false;
  const url = parse(raw);
  if (url === null) return false;
  // SECURITY: credentials or a port would make this a different authority; refuse them outright.
  if (url.username !== '' || url.password !== '' || url.port !== '') return false;
  return url.protocol === `${APP_SCHEME}:` && url.hostname === APP_HOST;
}

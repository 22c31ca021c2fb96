import { isAbsolute, join, resolve } from 'node:path';

/**
 * The product name and data folder name. FORMAT: never change it: the data folder (IndexedDB)
 * is found by this name, so a release that renamed it would open an empty desk.
 */
export const PRODUCT_NAME = 'Response Desk';

/**
 * The app root, found from the main bundle's own folder (`<root>/out/main`). This equals
 * `app.getAppPath()` for `electron .` and for packaged builds (`.../app.asar`), and stays right
 * when Electron is started on the bundle file itself (`electron out/main/index.cjs`, as test
 * runners do), where `app.getAppPath()` names `out/main` instead.
 */
export function appRootFromBundle(bundleDir: string): string {
  return resolve(bundleDir, '..', '..');
}

/** Where the built app's pieces live, relative to the app root. */
export function appLayout(appRoot: string): { rendererRoot: string; preloadPath: string } {
  return {
    rendererRoot: join(appRoot, 'out', 'renderer'),
    preloadPath: join(appRoot, 'out', 'preload', 'index.cjs'),
  };
}

/**
 * The data folder: `<appData>/Response Desk`, except in end-to-end runs (`DESK_E2E=1`), which
 * each get a fresh absolute folder through `DESK_USER_DATA`.
 */
export function userDataFolder(appData: string, env: Readonly<Record<string, string | undefined>>): string {
  const override = env['DESK_USER_DATA'];
  if (env['DESK_E2E'] === '1' && override !== undefined && isAbsolute(override)) return override;
  return join(appData, PRODUCT_NAME);
}

/**
 * FORMAT: the browser edition's own data folder, beside the desktop app's and never the same one
 * (two desks writing one backups folder would rotate each other's backups away).
 */
export const BROWSER_EDITION_FOLDER = `${PRODUCT_NAME} (browser edition)`;

/**
 * The per-user application-data folder, as Electron's `app.getPath('appData')` names it, for a
 * process that is not Electron: `%APPDATA%` on Windows, `~/Library/Application Support` on macOS,
 * `$XDG_CONFIG_HOME` or `~/.config` elsewhere.
 */
export function appDataFolder(
  platform: string,
  env: Readonly<Record<string, string | undefined>>,
  home: string,
): string {
  if (platform === 'win32') return env['APPDATA'] ?? join(home, 'AppData', 'Roaming');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support');
  const xdg = env['XDG_CONFIG_HOME'];
  return xdg !== undefined && isAbsolute(xdg) ? xdg : join(home, '.config');
}

/**
 * Where the browser edition's server keeps what it writes by itself (automatic backups, their
 * policy): `<appData>/Response Desk (browser edition)`, or `DESK_DATA_DIR` when that is an
 * absolute path (the end-to-end tests give each server a temporary folder this way).
 */
export function browserEditionDataFolder(
  platform: string,
  env: Readonly<Record<string, string | undefined>>,
  home: string,
): string {
  const override = env['DESK_DATA_DIR'];
  if (override !== undefined && override !== '' && isAbsolute(override)) return override;
  return join(appDataFolder(platform, env, home), BROWSER_EDITION_FOLDER);
}

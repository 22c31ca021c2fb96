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

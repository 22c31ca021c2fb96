import { isAppUrl } from './trustedUrl';

/**
 * The one permission the desk's own pages may hold: durable storage, so Chromium never evicts
 * the city's IndexedDB data under disk pressure. The renderer asks for it and shows the answer
 * in Settings.
 */
export const ALLOWED_APP_PERMISSIONS: ReadonlySet<string> = new Set(['persistent-storage']);

/**
 * Decides a permission request (`session.setPermissionRequestHandler`).
 * SECURITY: deny by default. The desk needs no camera, microphone, notifications, geolocation,
 * clipboard reading, devices or external protocols; only the app's own origin may keep its data.
 */
export function decidePermissionRequest(
  _webContents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details?: { requestingUrl?: string },
): void {
  callback(ALLOWED_APP_PERMISSIONS.has(permission) && isAppUrl(details?.requestingUrl));
}

/**
 * Answers a permission check (`session.setPermissionCheckHandler`).
 * SECURITY: same policy as requests; most web APIs check before they ask.
 */
export function decidePermissionCheck(_webContents: unknown, permission: string, requestingOrigin: string): boolean {
  return ALLOWED_APP_PERMISSIONS.has(permission) && isAppUrl(requestingOrigin);
}

/** What `applyPermissionPolicy` needs from an Electron session. */
export type PermissionSession = {
  setPermissionRequestHandler(handler: typeof decidePermissionRequest): void;
  setPermissionCheckHandler(handler: typeof decidePermissionCheck): void;
  setDevicePermissionHandler(handler: () => boolean): void;
};

/** Installs the deny-by-default policy on a session (call it for every session the app uses). */
export function applyPermissionPolicy(session: PermissionSession): void {
  session.setPermissionRequestHandler(decidePermissionRequest);
  session.setPermissionCheckHandler(decidePermissionCheck);
  // SECURITY: no USB, HID or serial device is ever granted to a page.
  session.setDevicePermissionHandler(() => false);
}

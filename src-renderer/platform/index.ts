import type { DeskBridge } from '@shared/ipc/contract';

import { createBrowserPlatform } from './browserPlatform';
import { createDesktopPlatform } from './desktopPlatform';
import { createLocalServerBridge, readLocalServerPage } from './localServer';
import type { DeskPlatform } from './platform';

declare global {
  interface Window {
    /** Present only inside the desktop app, put there by the preload. */
    desk?: DeskBridge;
  }
}

/** The desktop app when the preload put `window.desk` there; else the browser edition, with its local server when it served the page. */
export function detectPlatform(): DeskPlatform {
  if (window.desk) return createDesktopPlatform(window.desk);
  const server = readLocalServerPage(document);
  return createBrowserPlatform(__APP_VERSION__, server && createLocalServerBridge(server.token));
}

import type { DeskBridge } from '@shared/ipc/contract';

import { createBrowserPlatform } from './browserPlatform';
import { createDesktopPlatform } from './desktopPlatform';
import type { DeskPlatform } from './platform';

declare global {
  interface Window {
    /** Present only inside the desktop app, put there by the preload. */
    desk?: DeskBridge;
  }
}

export function detectPlatform(): DeskPlatform {
  return window.desk ? createDesktopPlatform(window.desk) : createBrowserPlatform(__APP_VERSION__);
}

import type { BrowserWindowConstructorOptions } from 'electron';

import { hardenWebContents, type HardenableContents, type NavigationLog } from '../security/navigation';
import { APP_START_URL } from '../security/trustedUrl';

/** The window title, also the product name people see. */
export const WINDOW_TITLE = 'Response Desk';

/**
 * The main window's options: a pure function so a test can pin every security setting.
 * SECURITY: sandboxed renderer, isolated preload world, no Node in the page or its workers, no
 * `<webview>`, web security left on. The page gets `window.desk` from the preload and nothing else.
 */
export function mainWindowOptions(
  preloadPath: string,
  options: { devTools: boolean } = { devTools: false },
): BrowserWindowConstructorOptions {
  return {
    title: WINDOW_TITLE,
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      spellcheck: true,
      safeDialogs: true,
      // SECURITY: middle-click must not open links in new windows (they are denied anyway).
      // No Blink feature is ever enabled (enableBlinkFeatures): tests pin that.
      disableBlinkFeatures: 'Auxclick',
      // SECURITY: a packaged build cannot open the developer tools at all, by any shortcut.
      devTools: options.devTools,
      navigateOnDragDrop: false,
    },
  };
}

/** What `createMainWindow` needs from a `BrowserWindow`. */
export type MainWindowLike = {
  webContents: HardenableContents;
  once(event: 'ready-to-show', listener: () => void): unknown;
  show(): void;
  loadURL(url: string): Promise<void>;
};

/** Collaborators of `createMainWindow`; production passes `(o) => new BrowserWindow(o)`. */
export type MainWindowDeps<W extends MainWindowLike> = {
  createWindow: (options: BrowserWindowConstructorOptions) => W;
  preloadPath: string;
  /** True for development runs only: packaged builds never open the developer tools. */
  devTools?: boolean;
  log: NavigationLog & { error: (message: string, fields?: Record<string, unknown>) => void };
};

/** Opens the desk: hardened before the first page loads, shown once it has painted. */
export function createMainWindow<W extends MainWindowLike>(deps: MainWindowDeps<W>): W {
  const window = deps.createWindow(mainWindowOptions(deps.preloadPath, { devTools: deps.devTools ?? false }));
  hardenWebContents(window.webContents, deps.log);
  window.once('ready-to-show', () => window.show());
  window.loadURL(APP_START_URL).catch((error: unknown) => {
    deps.log.error('could not load the desk', { error });
  });
  return window;
}

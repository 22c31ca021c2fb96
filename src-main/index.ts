import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, session } from 'electron';

import { createDialogAdapter, createFolderChooser } from './adapters/dialogs';
import { nodeFs } from './adapters/nodeFs';
import { createDeskServices } from './host/deskServices';
import { secretStoreOver } from './services/passphraseStoreService';
import { registerIpcHandlers } from './ipc/registerHandlers';
import { createConsoleLogger } from './logging/logger';
import { appLayout, appRootFromBundle, PRODUCT_NAME, userDataFolder } from './paths';
import { createAppProtocolHandler } from './security/appProtocol';
import { hardenWebContents } from './security/navigation';
import { applyPermissionPolicy } from './security/permissions';
import { APP_SCHEME, isAppUrl } from './security/trustedUrl';
import { appMenuTemplate } from './windows/appMenu';
import { createMainWindow } from './windows/mainWindow';

// Lifecycle wiring only: every decision lives in a module with its own tests.

const log = createConsoleLogger('main');

// FORMAT: name and data folder first, before anything reads userData (the single-instance lock does).
app.setName(PRODUCT_NAME);
app.setPath('userData', userDataFolder(app.getPath('appData'), process.env));

// SECURITY: every renderer is sandboxed, whatever a window's options say.
app.enableSandbox();

// Must happen before 'ready'. FORMAT: `app://desk` is the data's origin; keep scheme and host.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

// The bundle is CommonJS (out/main/index.cjs), so `__dirname` is its folder.
const layout = appLayout(appRootFromBundle(__dirname));
let mainWindow: BrowserWindow | null = null;

function openMainWindow(): void {
  const window = createMainWindow({
    // SECURITY: `options` is mainWindowOptions() (sandbox, contextIsolation, no Node, Auxclick
    // disabled), pinned by tests/unit/main/mainWindow.test.ts. Electronegativity cannot follow a
    // variable into a TypeScript call, so it asks for a review of this line; this is that review.
    createWindow: (options) => new BrowserWindow(options), // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK
    preloadPath: layout.preloadPath,
    devTools: !app.isPackaged,
    log,
  });
  mainWindow = window;
  window.on('closed', () => {
    mainWindow = null;
  });
}

function focusMainWindow(): void {
  if (mainWindow === null) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

async function start(): Promise<void> {
  await app.whenReady();

  applyPermissionPolicy(session.defaultSession);
  protocol.handle(
    APP_SCHEME,
    createAppProtocolHandler({ readFile: nodeFs.readFile, rendererRoot: layout.rendererRoot, log }),
  );
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      appMenuTemplate({ packaged: app.isPackaged, platform: process.platform, productName: PRODUCT_NAME }),
    ),
  );

  const services = createDeskServices({
    dataDir: app.getPath('userData'),
    name: app.getName(),
    version: app.getVersion(),
    platform: process.platform,
    dialogs: createDialogAdapter(dialog, () => mainWindow),
    chooseFolder: createFolderChooser(dialog, () => mainWindow),
    // The OS keychain, DPAPI or keyring: a remembered backup passphrase is sealed with it.
    secretStore: secretStoreOver(safeStorage),
    now: () => Date.now(),
    log,
  });
  await services.cleanUp();
  // The team's store is closed before the process ends, so the next start opens it cleanly.
  app.on('will-quit', () => void services.close());
  registerIpcHandlers({
    ipcMain,
    isTrustedSender: isAppUrl,
    log,
    handlers: services.handlers,
  });

  openMainWindow();
}

// SECURITY: one desk per data folder; two would race on the same IndexedDB files.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', focusMainWindow);
  // SECURITY: every web contents, including any the desk did not create itself, is locked down.
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, log));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (app.isReady() && mainWindow === null) openMainWindow();
  });
  start().catch((error: unknown) => {
    log.error('the desk could not start', { error });
    app.quit();
  });
}

import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs/promises';
import { join } from 'node:path';

import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session } from 'electron';

import { CHANNELS } from '@shared/ipc/channels';

import { writeFileAtomic } from './adapters/atomicWrite';
import { createTempJournal } from './adapters/tempJournal';
import { createDialogAdapter } from './adapters/dialogs';
import { nodeFs } from './adapters/nodeFs';
import { registerIpcHandlers } from './ipc/registerHandlers';
import { createConsoleLogger } from './logging/logger';
import { appLayout, appRootFromBundle, PRODUCT_NAME, userDataFolder } from './paths';
import { createAppProtocolHandler } from './security/appProtocol';
import { hardenWebContents } from './security/navigation';
import { applyPermissionPolicy } from './security/permissions';
import { APP_SCHEME, isAppUrl } from './security/trustedUrl';
import { createAppInfoService } from './services/appInfoService';
import { createBackupService } from './services/backupService';
import { createPackageService } from './services/packageService';
import { createPdfService } from './services/pdfService';
import { createFileService } from './services/fileService';
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
  protocol.handle(APP_SCHEME, createAppProtocolHandler({ readFile: nodeFs.readFile, rendererRoot: layout.rendererRoot, log }));
  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate({ packaged: app.isPackaged, platform: process.platform, productName: PRODUCT_NAME })));

  // Every temp file the desk creates is journalled first, so one a crash left behind is removed here.
  const journal = createTempJournal(
    join(app.getPath('userData'), 'unfinished-writes'),
    { open: fs.open, unlink: fs.unlink, mkdir: (path) => fs.mkdir(path, { recursive: true }), readdir: fs.readdir, readFile: nodeFs.readFile, lstat: fs.lstat },
    () => randomBytes(8).toString('hex'),
  );
  const write = (path: string, data: Uint8Array | string) => writeFileAtomic(path, data, { journal });
  const swept = await journal.sweep().catch((error: unknown) => {
    log.warn('could not clean up unfinished writes', { error });
    return [];
  });
  if (swept.length > 0) log.info('removed files of writes a crash interrupted', { count: swept.length });

  const dialogs = createDialogAdapter(dialog, () => mainWindow);
  const files = createFileService({ ...dialogs, writeFileAtomic: write, ...nodeFs });
  const appInfo = createAppInfoService({
    getName: () => app.getName(),
    getVersion: () => app.getVersion(),
    getPath: (name) => app.getPath(name),
    statfs: nodeFs.statfs,
    platform: process.platform,
  });
  const pdf = createPdfService({ showSaveDialog: dialogs.showSaveDialog, writeFileAtomic: write });
  const packages = createPackageService({ showSaveDialog: dialogs.showSaveDialog, writeFileAtomic: write });
  const backups = createBackupService({
    folder: join(app.getPath('userData'), 'backups'),
    policyPath: join(app.getPath('userData'), 'backup-policy.json'),
    now: () => Date.now(),
    writeFileAtomic: write,
    mkdir: (path) => fs.mkdir(path, { recursive: true }),
    readdir: (path) => fs.readdir(path),
    stat: nodeFs.stat,
    readFile: nodeFs.readFile,
    unlink: (path) => fs.unlink(path),
    log: createConsoleLogger('backups'),
  });
  await backups.cleanTemp().catch((error: unknown) => log.warn('could not clean the backups folder', { error }));
  registerIpcHandlers({
    ipcMain,
    isTrustedSender: isAppUrl,
    log,
    handlers: {
      [CHANNELS.getAppInfo]: () => appInfo.getAppInfo(),
      [CHANNELS.saveFile]: (request) => files.save(request),
      [CHANNELS.openFile]: (request) => files.open(request),
      [CHANNELS.writeAutoBackup]: (request) => backups.write(request),
      [CHANNELS.getBackupPolicy]: () => backups.policy(),
      [CHANNELS.setBackupPolicy]: (request) => backups.setPolicy(request),
      [CHANNELS.listBackups]: () => backups.list(),
      [CHANNELS.readBackup]: (request) => backups.read(request.name),
      [CHANNELS.savePdf]: (request, sender) => pdf.save(request, sender),
      [CHANNELS.savePackage]: (request) => packages.save(request),
    },
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

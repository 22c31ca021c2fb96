import * as fs from 'node:fs/promises';
import { join } from 'node:path';

import { format } from '@shared/i18n/format';
import { CHANNELS } from '@shared/ipc/channels';

import { writeFileAtomic, type AtomicFs } from '../adapters/atomicWrite';
import type { DialogAdapter, FolderChooser } from '../adapters/dialogs';
import { nodeFs } from '../adapters/nodeFs';
import { createDiskTempJournal } from '../adapters/tempJournal';
import { HandlerError } from '../ipc/handlerError';
import type { IpcHandlers } from '../ipc/registerHandlers';
import { createConsoleLogger, type Logger } from '../logging/logger';
import { createAppInfoService } from '../services/appInfoService';
import { createBackupFolderService } from '../services/backupFolderService';
import { createFileService } from '../services/fileService';
import { createPackageService } from '../services/packageService';
import { createPassphraseStoreService, type SecretStore } from '../services/passphraseStoreService';
import { createPdfService } from '../services/pdfService';
import { createTeamService, type TeamReadPace } from './teamService';

/**
 * What differs between the two shells (the Electron main process and the browser edition's local
 * server); everything else about the desk's main-process services is the same code.
 */
export type DeskHostDeps = {
  /** The folder the host writes by itself into: automatic backups, their policy, the write journal. */
  dataDir: string;
  name: string;
  version: string;
  platform: string;
  /**
   * The OS dialogs for files the person chooses. null in the browser edition: there, the page
   * keeps downloads and file inputs, and the channels that need a dialog refuse in words.
   */
  dialogs: DialogAdapter | null;
  now: () => number;
  log: Logger;
  /** The operating system's secure store for a remembered backup passphrase; null in the browser edition. */
  secretStore?: SecretStore | null;
  /** The file calls an atomic write makes; the browser edition's end-to-end runs inject failures here. */
  atomicFs?: AtomicFs;
  /** Look for the team's desks on the local network (multicast) while sharing; off in end-to-end runs. */
  teamDiscovery?: boolean;
  /** End-to-end runs only: the team's records read slowly, to watch a catch-up. */
  teamReadPace?: TeamReadPace;
  /** The OS dialog that picks a USB stick's folder; absent in the browser edition (the path is typed). */
  chooseFolder?: FolderChooser;
};

/** The handler table both shells answer the contract with, and the start-up clean-up it needs. */
export type DeskServices = {
  handlers: IpcHandlers;
  /** Removes what writes a crash interrupted left behind; run once, before the first call is answered. */
  cleanUp: () => Promise<void>;
  /** Stops sharing and closes the team's store, so the next start opens it cleanly. */
  close: () => Promise<void>;
};

/** The browser edition's answer where the desktop app would show an OS dialog. */
const noDialog = (action: 'save' | 'open' | 'print'): Promise<never> =>
  Promise.reject(new HandlerError('invalid-request', format('host.server.noDialog', { action })));

/**
 * Builds the desk's main-process services over one data folder and returns the handler table for
 * every channel of the contract. `src-main/index.ts` and the browser edition's server are both thin
 * wiring around this: only the transport and the dialogs differ.
 */
export function createDeskServices(deps: DeskHostDeps): DeskServices {
  const { log } = deps;
  // Every temp file the desk creates is journalled first, so one a crash left behind is removed at start.
  const journal = createDiskTempJournal(join(deps.dataDir, 'unfinished-writes'));
  const atomicFs = deps.atomicFs;
  const write = (path: string, data: Uint8Array | string) =>
    writeFileAtomic(path, data, atomicFs === undefined ? { journal } : { journal, fs: atomicFs });

  const dialogs: DialogAdapter = deps.dialogs ?? {
    showSaveDialog: () => noDialog('save'),
    showOpenDialog: () => noDialog('open'),
  };
  const files = createFileService({ ...dialogs, writeFileAtomic: write, ...nodeFs });
  const appInfo = createAppInfoService({
    getName: () => deps.name,
    getVersion: () => deps.version,
    getPath: () => deps.dataDir,
    statfs: nodeFs.statfs,
    platform: deps.platform,
  });
  const pdf = createPdfService({ showSaveDialog: dialogs.showSaveDialog, writeFileAtomic: write });
  const packages = createPackageService({ showSaveDialog: dialogs.showSaveDialog, writeFileAtomic: write });
  const backups = createBackupFolderService({
    folder: join(deps.dataDir, 'backups'),
    policyPath: join(deps.dataDir, 'backup-policy.json'),
    now: deps.now,
    writeFileAtomic: write,
    mkdir: (path) => fs.mkdir(path, { recursive: true }),
    readdir: (path) => fs.readdir(path),
    stat: nodeFs.stat,
    readFile: nodeFs.readFile,
    unlink: (path) => fs.unlink(path),
    log: createConsoleLogger('backups'),
  });

  const passphrases = createPassphraseStoreService({
    store: deps.secretStore ?? null,
    path: join(deps.dataDir, 'backup-passphrase.sealed'),
    readFile: nodeFs.readFile,
    writeFileAtomic: write,
    unlink: (path) => fs.unlink(path),
    log: createConsoleLogger('passphrase'),
  });

  const team = createTeamService({
    folder: join(deps.dataDir, 'team'),
    log: createConsoleLogger('team'),
    now: deps.now,
    discovery: deps.teamDiscovery ?? true,
    chooseFolder: deps.chooseFolder ?? null,
    ...(deps.teamReadPace ? { readPace: deps.teamReadPace } : {}),
  });

  return {
    close: () => team.close(),
    async cleanUp() {
      const swept = await journal.sweep().catch((error: unknown) => {
        log.warn('could not clean up unfinished writes', { error });
        return [];
      });
      if (swept.length > 0) log.info('removed files of writes a crash interrupted', { count: swept.length });
      await backups.cleanTemp().catch((error: unknown) => log.warn('could not clean the backups folder', { error }));
    },
    handlers: {
      [CHANNELS.getAppInfo]: () => appInfo.getAppInfo(),
      [CHANNELS.saveFile]: (request) => files.save(request),
      [CHANNELS.openFile]: (request) => files.open(request),
      [CHANNELS.writeAutoBackup]: (request) => backups.write(request),
      [CHANNELS.getBackupPolicy]: () => backups.policy(),
      [CHANNELS.setBackupPolicy]: (request) => backups.setPolicy(request),
      [CHANNELS.listBackups]: () => backups.list(),
      [CHANNELS.readBackup]: (request) => backups.read(request.name),
      [CHANNELS.savePdf]: (request, sender) =>
        sender === undefined && deps.dialogs === null ? noDialog('print') : pdf.save(request, sender),
      [CHANNELS.savePackage]: (request) => packages.save(request),
      [CHANNELS.getStoredPassphrase]: () => passphrases.stored(),
      [CHANNELS.rememberPassphrase]: (request) => passphrases.remember(request.passphrase),
      [CHANNELS.forgetPassphrase]: () => passphrases.forget(),
      [CHANNELS.teamStatus]: () => team.status(),
      [CHANNELS.teamCreate]: (request) => team.create(request),
      [CHANNELS.teamJoin]: (request) => team.join(request),
      [CHANNELS.teamInvitation]: () => team.invitation(),
      [CHANNELS.teamAdmit]: (request) => team.admit(request),
      [CHANNELS.teamRevoke]: (request) => team.revoke(request),
      [CHANNELS.teamStartSharing]: (request) => team.startSharing(request),
      [CHANNELS.teamStopSharing]: () => team.stopSharing(),
      [CHANNELS.teamAddPeer]: (request) => team.addPeer(request),
      [CHANNELS.teamSyncFolder]: (request) => team.syncFolder(request),
      [CHANNELS.teamHeads]: () => team.heads(),
      [CHANNELS.teamPublish]: (request) => team.publish(request),
      [CHANNELS.teamRead]: (request) => team.read(request),
    },
  };
}

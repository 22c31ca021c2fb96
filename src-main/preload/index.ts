import { contextBridge, ipcRenderer } from 'electron';

import { CHANNELS } from '../../shared/ipc/channels';
import type { DeskBridge } from '../../shared/ipc/contract';

// SECURITY: one method per channel of the contract and nothing else: no generic invoke, no
// ipcRenderer, no event objects reach the page. Main checks every request and the renderer
// checks every reply, so the casts below only name what those checks guarantee.
// This file imports `electron` and the channel names only: a sandboxed preload cannot load
// modules at run time, and the schemas (zod) stay out of the bundle.
const bridge: DeskBridge = {
  getAppInfo: (request) => ipcRenderer.invoke(CHANNELS.getAppInfo, request) as ReturnType<DeskBridge['getAppInfo']>,
  saveFile: (request) => ipcRenderer.invoke(CHANNELS.saveFile, request) as ReturnType<DeskBridge['saveFile']>,
  openFile: (request) => ipcRenderer.invoke(CHANNELS.openFile, request) as ReturnType<DeskBridge['openFile']>,
  writeAutoBackup: (request) =>
    ipcRenderer.invoke(CHANNELS.writeAutoBackup, request) as ReturnType<DeskBridge['writeAutoBackup']>,
  getBackupPolicy: (request) =>
    ipcRenderer.invoke(CHANNELS.getBackupPolicy, request) as ReturnType<DeskBridge['getBackupPolicy']>,
  setBackupPolicy: (request) =>
    ipcRenderer.invoke(CHANNELS.setBackupPolicy, request) as ReturnType<DeskBridge['setBackupPolicy']>,
  listBackups: (request) => ipcRenderer.invoke(CHANNELS.listBackups, request) as ReturnType<DeskBridge['listBackups']>,
  readBackup: (request) => ipcRenderer.invoke(CHANNELS.readBackup, request) as ReturnType<DeskBridge['readBackup']>,
  savePdf: (request) => ipcRenderer.invoke(CHANNELS.savePdf, request) as ReturnType<DeskBridge['savePdf']>,
  savePackage: (request) => ipcRenderer.invoke(CHANNELS.savePackage, request) as ReturnType<DeskBridge['savePackage']>,
  getStoredPassphrase: (request) =>
    ipcRenderer.invoke(CHANNELS.getStoredPassphrase, request) as ReturnType<DeskBridge['getStoredPassphrase']>,
  rememberPassphrase: (request) =>
    ipcRenderer.invoke(CHANNELS.rememberPassphrase, request) as ReturnType<DeskBridge['rememberPassphrase']>,
  forgetPassphrase: (request) =>
    ipcRenderer.invoke(CHANNELS.forgetPassphrase, request) as ReturnType<DeskBridge['forgetPassphrase']>,
  teamStatus: (request) => ipcRenderer.invoke(CHANNELS.teamStatus, request) as ReturnType<DeskBridge['teamStatus']>,
  teamCreate: (request) => ipcRenderer.invoke(CHANNELS.teamCreate, request) as ReturnType<DeskBridge['teamCreate']>,
  teamJoin: (request) => ipcRenderer.invoke(CHANNELS.teamJoin, request) as ReturnType<DeskBridge['teamJoin']>,
  teamInvitation: (request) =>
    ipcRenderer.invoke(CHANNELS.teamInvitation, request) as ReturnType<DeskBridge['teamInvitation']>,
  teamAdmit: (request) => ipcRenderer.invoke(CHANNELS.teamAdmit, request) as ReturnType<DeskBridge['teamAdmit']>,
  teamRevoke: (request) => ipcRenderer.invoke(CHANNELS.teamRevoke, request) as ReturnType<DeskBridge['teamRevoke']>,
  teamStartSharing: (request) =>
    ipcRenderer.invoke(CHANNELS.teamStartSharing, request) as ReturnType<DeskBridge['teamStartSharing']>,
  teamStopSharing: (request) =>
    ipcRenderer.invoke(CHANNELS.teamStopSharing, request) as ReturnType<DeskBridge['teamStopSharing']>,
  teamAddPeer: (request) => ipcRenderer.invoke(CHANNELS.teamAddPeer, request) as ReturnType<DeskBridge['teamAddPeer']>,
  teamHeads: (request) => ipcRenderer.invoke(CHANNELS.teamHeads, request) as ReturnType<DeskBridge['teamHeads']>,
  teamPublish: (request) => ipcRenderer.invoke(CHANNELS.teamPublish, request) as ReturnType<DeskBridge['teamPublish']>,
  teamRead: (request) => ipcRenderer.invoke(CHANNELS.teamRead, request) as ReturnType<DeskBridge['teamRead']>,
  teamSyncFolder: (request) =>
    ipcRenderer.invoke(CHANNELS.teamSyncFolder, request) as ReturnType<DeskBridge['teamSyncFolder']>,
};

contextBridge.exposeInMainWorld('desk', Object.freeze(bridge));

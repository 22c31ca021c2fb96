/**
 * Channel names, kept apart from the schemas so the sandboxed preload can list them without
 * bundling the validator. `contract.ts` is checked against this list at compile time.
 */
export const CHANNELS = {
  getAppInfo: 'app:get-info',
  saveFile: 'file:save',
  openFile: 'file:open',
  writeAutoBackup: 'backup:write-auto',
  getBackupPolicy: 'backup:get-policy',
  setBackupPolicy: 'backup:set-policy',
  listBackups: 'backup:list',
  readBackup: 'backup:read',
  savePdf: 'print:save-pdf',
  savePackage: 'record:save-package',
  getStoredPassphrase: 'passphrase:get-stored',
  rememberPassphrase: 'passphrase:remember',
  forgetPassphrase: 'passphrase:forget',
  teamStatus: 'team:status',
  teamCreate: 'team:create',
  teamJoin: 'team:join',
  teamInvitation: 'team:invitation',
  teamAdmit: 'team:admit',
  teamRevoke: 'team:revoke',
  teamStartSharing: 'team:start-sharing',
  teamStopSharing: 'team:stop-sharing',
  teamAddPeer: 'team:add-peer',
  teamSyncFolder: 'team:sync-folder',
  teamHeads: 'team:heads',
  teamPublish: 'team:publish',
  teamRead: 'team:read',
} as const;

export type BridgeMethod = keyof typeof CHANNELS;
export type Channel = (typeof CHANNELS)[BridgeMethod];

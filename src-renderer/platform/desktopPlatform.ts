import { z } from 'zod';

import { CHANNELS } from '@shared/ipc/channels';
import { describeIssues, ipcContract, ipcResultSchema, type DeskBridge } from '@shared/ipc/contract';
import { err, ok, type Result } from '@shared/domain/result';

import { t } from '../i18n/messages';
import { bytesFromBase64 } from './base64';
import { openTextFileWith } from './openTextFile';
import type { AutoBackups, DeskPlatform, PassphraseStore, PlatformError, TeamLink } from './platform';

/** Checks a reply from main against the contract before any feature sees it. */
function parseReply<T extends z.ZodType>(schema: T, raw: unknown): Result<z.output<T>, PlatformError> {
  const parsed = ipcResultSchema(schema).safeParse(raw);
  if (!parsed.success)
    return err({
      code: 'bad-reply',
      message: t('app.platform.badReply', { problems: describeIssues(parsed.error) }),
    });
  const reply = parsed.data as { ok: true; value: z.output<T> } | { ok: false; error: PlatformError };
  return reply.ok ? ok(reply.value) : err(reply.error);
}

/** The app's name, version, data folder and free space, asked of main and checked against the contract. */
export function appInfoOver(bridge: DeskBridge): DeskPlatform['appInfo'] {
  return async () => parseReply(ipcContract[CHANNELS.getAppInfo].response, await bridge.getAppInfo(undefined));
}

/** The automatic backups main keeps, over either shell's transport; every reply checked against the contract. */
export function autoBackupsOver(bridge: DeskBridge): AutoBackups {
  return {
    write: async (content, reason) =>
      parseReply(
        ipcContract[CHANNELS.writeAutoBackup].response,
        await bridge.writeAutoBackup(reason === undefined ? { content } : { content, reason }),
      ),
    policy: async () =>
      parseReply(ipcContract[CHANNELS.getBackupPolicy].response, await bridge.getBackupPolicy(undefined)),
    setPolicy: async (policy) =>
      parseReply(ipcContract[CHANNELS.setBackupPolicy].response, await bridge.setBackupPolicy(policy)),
    list: async () => parseReply(ipcContract[CHANNELS.listBackups].response, await bridge.listBackups(undefined)),
    read: async (name) => {
      const reply = parseReply(ipcContract[CHANNELS.readBackup].response, await bridge.readBackup({ name }));
      return reply.ok ? ok(reply.value.text) : reply;
    },
  };
}

/** The remembered backup passphrase main keeps, over either shell's transport. */
export function passphrasesOver(bridge: DeskBridge): PassphraseStore {
  return {
    stored: async () =>
      parseReply(ipcContract[CHANNELS.getStoredPassphrase].response, await bridge.getStoredPassphrase(undefined)),
    remember: async (passphrase) =>
      parseReply(ipcContract[CHANNELS.rememberPassphrase].response, await bridge.rememberPassphrase({ passphrase })),
    forget: async () =>
      parseReply(ipcContract[CHANNELS.forgetPassphrase].response, await bridge.forgetPassphrase(undefined)),
  };
}

/** The desk's membership of a team, kept by main (or the local server); every reply checked against the contract. */
export function teamOver(bridge: DeskBridge): TeamLink {
  const status = ipcContract[CHANNELS.teamStatus].response;
  return {
    status: async () => parseReply(status, await bridge.teamStatus(undefined)),
    create: async (input) => parseReply(status, await bridge.teamCreate(input)),
    join: async (input) => parseReply(status, await bridge.teamJoin(input)),
    invitation: async () => {
      const reply = parseReply(ipcContract[CHANNELS.teamInvitation].response, await bridge.teamInvitation(undefined));
      return reply.ok ? ok(reply.value.text) : reply;
    },
    admit: async (input) => parseReply(status, await bridge.teamAdmit(input)),
    revoke: async (input) => parseReply(status, await bridge.teamRevoke(input)),
    startSharing: async (input) => parseReply(status, await bridge.teamStartSharing(input)),
    stopSharing: async () => parseReply(status, await bridge.teamStopSharing(undefined)),
    addPeer: async (address) => parseReply(status, await bridge.teamAddPeer({ address })),
    syncFolder: async (folder) => {
      const reply = parseReply(ipcContract[CHANNELS.teamSyncFolder].response, await bridge.teamSyncFolder({ folder }));
      return reply.ok ? ok(reply.value.report) : reply;
    },
    heads: async () => parseReply(ipcContract[CHANNELS.teamHeads].response, await bridge.teamHeads(undefined)),
    publish: async (scope, entries) =>
      parseReply(ipcContract[CHANNELS.teamPublish].response, await bridge.teamPublish({ scope, entries })),
    read: async (coreKey, start, max) => {
      const reply = parseReply(ipcContract[CHANNELS.teamRead].response, await bridge.teamRead({ coreKey, start, max }));
      return reply.ok ? ok(reply.value.entries) : reply;
    },
  };
}

export function createDesktopPlatform(bridge: DeskBridge): DeskPlatform {
  const openFile: DeskPlatform['openFile'] = async (request) => {
    const reply = parseReply(ipcContract[CHANNELS.openFile].response, await bridge.openFile(request));
    if (!reply.ok) return reply;
    const file = reply.value.file;
    return ok(file && { name: file.name, bytes: bytesFromBase64(file.base64), size: file.size });
  };
  return {
    edition: 'desktop',
    appInfo: appInfoOver(bridge),
    saveFile: async (request) => parseReply(ipcContract[CHANNELS.saveFile].response, await bridge.saveFile(request)),
    savePdf: async (request) => parseReply(ipcContract[CHANNELS.savePdf].response, await bridge.savePdf(request)),
    savePackage: async (request) =>
      parseReply(ipcContract[CHANNELS.savePackage].response, await bridge.savePackage(request)),
    autoBackups: autoBackupsOver(bridge),
    passphrases: passphrasesOver(bridge),
    team: teamOver(bridge),
    openFile,
    openTextFile: openTextFileWith(openFile),
  };
}

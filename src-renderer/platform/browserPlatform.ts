import { err, ok } from '@shared/domain/result';
import { formatBytes } from '@shared/domain/text/formatBytes';
import type { DeskBridge } from '@shared/ipc/contract';

import { t } from '../i18n/messages';
import { bytesFromBase64 } from './base64';
import { appInfoOver, autoBackupsOver, passphrasesOver, teamOver } from './desktopPlatform';
import { openTextFileWith } from './openTextFile';
import type { DeskPlatform } from './platform';

/** Starts a download of `blob` as `name`; the browser decides the folder. */
function download(blob: Blob, name: string): { savedTo: string } {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the object URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return { savedTo: name };
}

/**
 * The browser edition: the same renderer without the desktop shell. Saving becomes a download
 * (the browser decides the folder) and opening a file input. `server` is the desk's own local
 * server (`npm run web`), which runs the desktop app's services: automatic backups in its data
 * folder, the backup policy, the list and the restore. Without it (the page served some other
 * way), the desk still works, without automatic backups.
 */
export function createBrowserPlatform(version: string, server: DeskBridge | null = null): DeskPlatform {
  const openFile: DeskPlatform['openFile'] = (request) =>
    new Promise((resolve) => {
      const input = document.createElement('input');
      input.type = 'file';
      input.accept = request.filters.flatMap((f) => f.extensions.map((e) => `.${e}`)).join(',');
      input.style.display = 'none';
      document.body.append(input);
      const done = (value: Awaited<ReturnType<DeskPlatform['openFile']>>) => {
        input.remove();
        resolve(value);
      };
      input.addEventListener('cancel', () => done(ok(null)));
      input.addEventListener('change', () => {
        const file = input.files?.[0];
        if (!file) return done(ok(null));
        if (file.size > request.maxBytes) {
          return done(
            err({
              code: 'too-large',
              message: t('app.platform.tooLarge', { name: file.name, limit: formatBytes(request.maxBytes) }),
            }),
          );
        }
        // The bytes as they are: which encoding they are in is for the reader to work out.
        file.arrayBuffer().then(
          (buffer) => done(ok({ name: file.name, bytes: new Uint8Array(buffer), size: file.size })),
          (e: unknown) =>
            done(
              err({ code: 'io-failed', message: t('app.platform.unreadable', { name: file.name, reason: String(e) }) }),
            ),
        );
      });
      input.click();
    });
  return {
    edition: 'browser',
    // Automatic backups need a folder of the desk's own: the local server keeps one, a bare browser does not.
    autoBackups: server && autoBackupsOver(server),
    // The local server has no secure store of the operating system: it says so when asked.
    passphrases: server && passphrasesOver(server),
    // The local server runs the team engine in Node, as the desktop app's main process does.
    team: server && teamOver(server),
    savePdf: null,
    appInfo: async () => {
      const storage = t('app.platform.browserStorage', { origin: location.origin });
      if (server) {
        const info = await appInfoOver(server)();
        // The entries live in the browser; what the server writes by itself lives in its data folder.
        const both = (folder: string) =>
          t('app.platform.browserStorageAndBackups', { origin: location.origin, folder });
        return info.ok ? ok({ ...info.value, dataDir: both(info.value.dataDir) }) : info;
      }
      const estimate = 'storage' in navigator ? await navigator.storage.estimate().catch(() => undefined) : undefined;
      const free =
        estimate?.quota !== undefined && estimate.usage !== undefined ? estimate.quota - estimate.usage : null;
      return ok({ name: 'Response Desk', version, dataDir: storage, freeDiskBytes: free, platform: 'browser' });
    },

    // The browser decides the folder; the zip (or its encrypted age file) is downloaded whole, as packed.
    savePackage: (request) => {
      const type = /\.age$/i.test(request.suggestedName) ? 'application/octet-stream' : 'application/zip';
      return Promise.resolve(
        ok(download(new Blob([request.zip as Uint8Array<ArrayBuffer>], { type }), request.suggestedName)),
      );
    },

    saveFile: (request) => {
      const type = request.filters[0]?.extensions[0] === 'json' ? 'application/json' : 'application/octet-stream';
      const blob =
        request.encoding === 'base64'
          ? new Blob([bytesFromBase64(request.content)], { type })
          : new Blob([request.content], { type: `${type === 'application/json' ? type : 'text/plain'};charset=utf-8` });
      return Promise.resolve(ok(download(blob, request.suggestedName)));
    },

    openFile,
    openTextFile: openTextFileWith(openFile),
  };
}

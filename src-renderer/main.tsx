import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { App } from './app/App';
import { DeskDatabase } from './db/database';
import { WriteRefusedError } from './db/writeDoor';
import { createDesk } from './desk/composition';
import { DeskContext } from './desk/DeskContext';
import { autoBackupFailureNotice, startAutoBackups } from './desk/backup/autoBackup';
import { ageInWorker, createBackupEncryption } from './desk/backup/backupEncryption';
import { sha256Hex } from './lib/sha256';
import { requestPersistentStorage } from './lib/storage';
import { useAppStore } from './store';
import { detectPlatform } from './platform';
import { readLocalServerPage } from './platform/localServer';

// The one composition root of the window: the database, the desk's use-cases over it, the platform.
const platform = detectPlatform();
const encryption = createBackupEncryption({
  autoBackups: platform.autoBackups,
  passphrases: platform.passphrases,
  crypto: ageInWorker,
});
const desk = createDesk({
  db: new DeskDatabase(),
  gen: () => crypto.randomUUID(),
  sha256: sha256Hex,
  platform,
  appVersion: __APP_VERSION__,
  clock: () => Date.now(),
  encryption,
});

void requestPersistentStorage();

// Each open incident's search is readied in the background once the first screen has read what it
// shows: the first search of a large incident, even on a restored desk, need not wait for its entries.
const INDEX_AFTER_MS = 2000;
setTimeout(() => void desk.indexIncidents('open').catch(() => undefined), INDEX_AFTER_MS);

// A write the database guard refused rolled back whole; whichever screen asked, say so in words
// rather than let the refusal pass as a silent console error.
window.addEventListener('unhandledrejection', (event) => {
  if (!(event.reason instanceof WriteRefusedError)) return;
  event.preventDefault();
  useAppStore.getState().showNotice('error', event.reason.message);
});

// Whether backups are encrypted, and a remembered passphrase, before the first automatic backup.
const encryptionLoaded = encryption.load().then(
  (problem) => {
    if (problem !== null) useAppStore.getState().showNotice('error', problem);
  },
  (error: unknown) => console.error('[backup-encryption] could not load', error),
);

if (platform.autoBackups) {
  const autoBackups = platform.autoBackups;
  void encryptionLoaded.then(() =>
    startAutoBackups({
      fingerprint: desk.fingerprint,
      backup: desk.useCases.backup,
      autoBackups,
      settings: () => desk.useCases.settings.get(),
      now: () => Date.now(),
      // The browser edition's end-to-end runs count minutes faster; a normal launch never has this tag.
      minuteMs: readLocalServerPage(document)?.minuteMs ?? 60_000,
      // A failed automatic backup must not pass unnoticed: a full disk is exactly when it matters.
      onResult: ({ everyMinutes, ...outcome }) => {
        const store = useAppStore.getState();
        const pausedBefore = store.autoBackup?.ok === false && store.autoBackup.paused === true;
        store.setAutoBackup(outcome);
        // A pause is said once, when it begins (Settings keeps saying it), not at every scheduled run.
        if (!outcome.ok && outcome.paused === true && !pausedBefore) store.showNotice('error', outcome.message);
        else if (!outcome.ok && outcome.paused !== true)
          store.showNotice('error', autoBackupFailureNotice(outcome.message, everyMinutes));
      },
    }),
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <DeskContext.Provider value={desk}>
      <App />
    </DeskContext.Provider>
  </StrictMode>,
);

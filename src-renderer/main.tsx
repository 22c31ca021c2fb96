import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { DeskContext, type DeskServices } from './app/DeskContext';
import { App } from './app/App';
import { DeskDatabase } from './db/database';
import { WriteRefusedError } from './db/writeDoor';
import { createRepos } from './db/repos';
import { createTimelineOrderCache } from './db/repos/timelineOrderCache';
import { createBackupService } from './features/settings/backupService';
import { ageInWorker, createBackupEncryption } from './features/settings/backupEncryption';
import { createTimelineSearch } from './features/timeline/searchIndex';
import { sha256Hex } from './lib/sha256';
import { requestPersistentStorage } from './lib/storage';
import { autoBackupFailureNotice, startAutoBackups } from './features/settings/autoBackup';
import { useAppStore } from './store';
import { detectPlatform } from './platform';
import { readLocalServerPage } from './platform/localServer';

const db = new DeskDatabase();
const repos = createRepos(db, () => crypto.randomUUID(), sha256Hex);
const platform = detectPlatform();
const timelineSearch = createTimelineSearch(repos.timeline);
const timelineOrder = createTimelineOrderCache(db, repos.timeline);
const encryption = createBackupEncryption({ autoBackups: platform.autoBackups, passphrases: platform.passphrases, crypto: ageInWorker });
const services: DeskServices = {
  db,
  repos,
  platform,
  backup: createBackupService({
    backup: repos.backup,
    publishedHeads: repos.publishedHeads,
    platform,
    sha256: sha256Hex,
    appVersion: __APP_VERSION__,
    encryption,
    // A restore replaces the database under the in-memory indexes: rebuild them from it.
    onRestored: () => {
      timelineSearch.reset();
      timelineOrder.reset();
    },
  }),
  timelineSearch,
  timelineOrder,
  encryption,
  appVersion: __APP_VERSION__,
  clock: () => Date.now(),
};

void requestPersistentStorage();

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
  void encryptionLoaded.then(() => startAutoBackups({
    db,
    backup: services.backup,
    autoBackups,
    settings: () => repos.settings.get(),
    now: () => Date.now(),
    // The browser edition's end-to-end runs count minutes faster; a normal launch never has this tag.
    minuteMs: readLocalServerPage(document)?.minuteMs ?? 60_000,
    // A failed automatic backup must not pass unnoticed: a full disk is exactly when it matters.
    onResult: ({ everyMinutes, ...outcome }) => {
      const store = useAppStore.getState();
      store.setAutoBackup(outcome);
      if (!outcome.ok) store.showNotice('error', outcome.paused === true ? outcome.message : autoBackupFailureNotice(outcome.message, everyMinutes));
    },
  }));
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <DeskContext.Provider value={services}>
      <App />
    </DeskContext.Provider>
  </StrictMode>,
);

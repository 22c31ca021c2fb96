import { create } from 'zustand';

import type { Notice } from '../ui/NoticeBar';
import { parseRoute, routeToHash, type Route } from './route';

/** The desk asks who is at the keyboard: after a restore (whose settings name someone else). */
export type IdentityCheck = { reason: 'restore'; fileName: string; backupOperator: string; suggested: string };

/** UI and session state only; the database is the source of truth for records. */
export type AppState = {
  identityCheck: IdentityCheck | null;
  askIdentity: (check: IdentityCheck | null) => void;
  /** The desk was set up in this window: its fingerprint is shown once, to be noted. */
  deskJustMade: boolean;
  setDeskJustMade: (made: boolean) => void;
  route: Route;
  navigate: (route: Route) => void;
  syncRouteFromLocation: () => void;
  notice: Notice | null;
  showNotice: (kind: 'success' | 'error', text: string) => void;
  clearNotice: () => void;
  /** How the last automatic backup went, for the settings screen. */
  autoBackup: AutoBackupOutcome | null;
  setAutoBackup: (outcome: AutoBackupOutcome) => void;
};

/**
 * `paused`: backups are to be encrypted and the passphrase is not at hand, so none was written.
 * `headsNotLogged`: the backup was written, but its chain heads are not in the log of published heads (why, in words).
 */
export type AutoBackupOutcome =
  | { at: number; ok: true; name: string; headsNotLogged: string | null }
  | { at: number; ok: false; message: string; paused?: boolean };

export const useAppStore = create<AppState>()((set) => ({
  identityCheck: null,
  askIdentity: (identityCheck) => set({ identityCheck }),
  deskJustMade: false,
  setDeskJustMade: (deskJustMade) => set({ deskJustMade }),
  route: parseRoute(window.location.hash),
  navigate: (route) => {
    const hash = routeToHash(route);
    if (window.location.hash !== hash) window.location.hash = hash;
    set({ route });
  },
  syncRouteFromLocation: () => set({ route: parseRoute(window.location.hash) }),
  notice: null,
  showNotice: (kind, text) => set({ notice: { kind, text } }),
  clearNotice: () => set({ notice: null }),
  autoBackup: null,
  setAutoBackup: (outcome) => set({ autoBackup: outcome }),
}));

import type {
  AppInfo,
  BackupInfo,
  BackupPolicy,
  OpenFileRequest,
  SaveFileRequest,
  StoredPassphrase,
} from '@shared/ipc/contract';
import type { Result } from '@shared/domain/result';
import type { FolderSyncReport, TeamHeads, TeamStatus } from '@shared/ipc/teamContract';

export type PlatformError = { code: string; message: string };

/** A file as it is on disk: its bytes, undecoded (how they encode text is for the reader to decide). */
export type OpenedFile = { name: string; bytes: Uint8Array; size: number };

/** A file the desk wrote itself (a backup, a record), read as UTF-8 text. */
export type OpenedTextFile = { name: string; text: string; size: number };

/**
 * What the features may ask of the machine they run on. Two implementations: the desktop
 * (through the preload's `window.desk`) and the browser edition (downloads and file inputs).
 * Features call this interface only, never `window.desk` directly.
 */
export type DeskPlatform = {
  readonly edition: 'desktop' | 'browser';
  appInfo(): Promise<Result<AppInfo, PlatformError>>;
  /** savedTo is null when the person cancelled; in the browser it is the download's name. */
  saveFile(request: SaveFileRequest): Promise<Result<{ savedTo: string | null }, PlatformError>>;
  /** null when the person cancelled. */
  openFile(request: OpenFileRequest): Promise<Result<OpenedFile | null, PlatformError>>;
  /** openFile for UTF-8 text: a file in any other encoding is refused in words. null when cancelled. */
  openTextFile(request: OpenFileRequest): Promise<Result<OpenedTextFile | null, PlatformError>>;
  /**
   * Prints the page as it stands (its print stylesheet applies) to a PDF the person saves: the
   * desktop app only; the browser edition prints through its own dialog instead.
   */
  readonly savePdf:
    | ((request: {
        suggestedName: string;
        title?: string;
      }) => Promise<Result<{ savedTo: string | null }, PlatformError>>)
    | null;
  /**
   * Saves an after-action record's export package (a zip): through main, which checks it against
   * its manifest and writes it atomically; in the browser edition, a download.
   */
  savePackage(request: {
    suggestedName: string;
    zip: Uint8Array;
    title?: string;
  }): Promise<Result<{ savedTo: string | null }, PlatformError>>;
  /** Rotating backups in the app's data folder: the desktop app only. */
  readonly autoBackups: AutoBackups | null;
  /** The backup passphrase in the operating system's secure store, through main; null without a main to ask. */
  readonly passphrases: PassphraseStore | null;
  /** The desk's team (sharing with other desks): kept by main or the local server; null without one. */
  readonly team: TeamLink | null;
};

/** What the team screen may ask of the desk's membership of a team; refusals come back in words. */
export type TeamLink = {
  status(): Promise<Result<TeamStatus, PlatformError>>;
  create(input: { teamName: string; deskName: string }): Promise<Result<TeamStatus, PlatformError>>;
  join(input: { invitationText: string; deskName: string }): Promise<Result<TeamStatus, PlatformError>>;
  /** The invitation's text: it holds the team secret, so it is shown only when a member asks for it. */
  invitation(): Promise<Result<string, PlatformError>>;
  admit(input: { deskKey: string; name: string }): Promise<Result<TeamStatus, PlatformError>>;
  revoke(input: { deskKey: string; reason: string }): Promise<Result<TeamStatus, PlatformError>>;
  startSharing(input: { host: string; port: number }): Promise<Result<TeamStatus, PlatformError>>;
  stopSharing(): Promise<Result<TeamStatus, PlatformError>>;
  addPeer(address: string): Promise<Result<TeamStatus, PlatformError>>;
  /** Syncs with a USB stick: `folder` null asks in the desktop app's dialog; null back when cancelled. */
  syncFolder(folder: string | null): Promise<Result<FolderSyncReport | null, PlatformError>>;
  /** Where this desk's cores end, and the other desks' cores held: what the record exchange works from. */
  heads(): Promise<Result<TeamHeads, PlatformError>>;
  /** Appends this desk's entries (identity, signed records) to its core of a scope; what is held is left out. */
  publish(scope: string, entries: string[]): Promise<Result<{ appended: number }, PlatformError>>;
  /** Entries of another desk's core from `start`, as text; null in place of one too large to carry. */
  read(coreKey: string, start: number, max: number): Promise<Result<(string | null)[], PlatformError>>;
};

/** Main keeps a remembered backup passphrase sealed by the operating system (Electron's safeStorage). */
export type PassphraseStore = {
  stored(): Promise<Result<StoredPassphrase, PlatformError>>;
  remember(passphrase: string): Promise<Result<{ remembered: true }, PlatformError>>;
  forget(): Promise<Result<{ forgotten: boolean }, PlatformError>>;
};

/** Main keeps the rotation policy and checks each backup it is handed before writing it. */
export type AutoBackups = {
  write(content: string, reason?: string): Promise<Result<{ written: BackupInfo; removed: string[] }, PlatformError>>;
  policy(): Promise<Result<BackupPolicy, PlatformError>>;
  /** Asks main to change the policy; main refuses values outside BACKUP_POLICY_BOUNDS. */
  setPolicy(policy: BackupPolicy): Promise<Result<BackupPolicy, PlatformError>>;
  list(): Promise<Result<{ folder: string; backups: BackupInfo[] }, PlatformError>>;
  read(name: string): Promise<Result<string, PlatformError>>;
};

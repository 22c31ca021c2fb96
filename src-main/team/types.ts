// The desk's own interface to a team sync engine. Everything above it (the record door, the
// projector, the screens) talks to this, never to Hypercore, so another engine could be swapped in
// where a platform refuses the native add-ons. Records are opaque bytes here: the signed-record
// format lives elsewhere; the engine only stores, carries and verifies what each desk appended.
import type { Duplex } from 'node:stream';

import type { Result } from '@shared/domain/result';

/**
 * What a core holds: one incident's records, the desk-wide records (contacts, call trees,
 * templates, glossary, plan, settings), or the team roster.
 * FORMAT: written as `incident:<id>`, `desk` or `roster` in index entries, summaries and reports.
 */
export type TeamScope = { kind: 'incident'; incidentId: string } | { kind: 'desk' } | { kind: 'roster' };

/** A desk's standing in the team, as the roster (kept above the engine) says today. */
export type RosterStanding =
  | { status: 'member' }
  /** `lengths`: how many records of each scope (by scope text) the desk had when it was revoked. */
  | { status: 'revoked'; lengths: Readonly<Record<string, number>> };

/**
 * The roster, asked at every connection and whenever `rosterChanged()` is called. Desk keys are
 * 64 lowercase hex characters (the desk's Noise public key). Undefined means "not in the team".
 */
export type Roster = (deskKey: string) => RosterStanding | undefined;

/** One core the engine holds, with what a person or the projector needs to know about it. */
export type CoreInfo = {
  /** The desk that writes this core. */
  deskKey: string;
  scope: string;
  coreKey: string;
  /** Records held here without a gap, from 0: only these are ever reported or read. */
  length: number;
  /** BLAKE2b tree hash over those records (hex); null while the core is empty. */
  head: string | null;
  own: boolean;
  /** Two different histories of this core were seen: the writer was copied or forked. */
  forked: boolean;
  /** For a revoked desk: how many records it added after its revocation point (flagged, kept). */
  afterRevocation: number;
};

/** New records held without a gap: `[start, end)` of the core. */
export type RecordsArrived = {
  deskKey: string;
  scope: string;
  coreKey: string;
  start: number;
  end: number;
  own: boolean;
};

/** A record as read back: its bytes, or the reason it is withheld. */
export type ReadRecord =
  { index: number; bytes: Uint8Array } | { index: number; refused: 'too-large'; byteLength: number };

/** Something refused or detected, always with a sentence a person can read. */
export type TeamFault = {
  kind:
    | 'unknown-desk'
    | 'revoked-desk'
    | 'team-key-mismatch'
    | 'invalid-record'
    | 'forked'
    | 'copied-desk'
    | 'too-large'
    | 'after-revocation'
    | 'bad-message'
    | 'connection-lost'
    | 'storage';
  reason: string;
  deskKey?: string;
  scope?: string;
  coreKey?: string;
  at: number;
};

export type TeamErrorCode =
  | 'record-too-large'
  | 'invalid-scope'
  | 'invalid-range'
  | 'unknown-core'
  | 'forked'
  | 'store-copied'
  | 'store-in-use'
  | 'store-unusable'
  | 'closed'
  | 'write-failed'
  | 'folder-unusable'
  | 'archive-damaged'
  | 'listen-failed'
  | 'timeout';

export type TeamError = { code: TeamErrorCode; message: string };

/** Where a connection stands, for the status bar. Counts are records. */
export type PeerStatus = {
  id: number;
  label: string;
  deskKey: string | null;
  state: 'handshaking' | 'connected' | 'closed';
  connectedAt: number | null;
  lastSeen: number | null;
  /** Records this desk holds that the peer does not have yet. */
  toSend: number;
  /** Records the peer holds that this desk does not have yet. */
  toReceive: number;
  /**
   * How far the peer's clock is ahead of this desk's (negative: behind), in ms, from its latest
   * summary; null until it sent one that says.
   */
  clockSkew: number | null;
  closeReason: string | null;
};

/** One connection to another desk over some duplex stream. */
export type PeerSession = {
  readonly id: number;
  status(): PeerStatus;
  /** Resolves when the connection is admitted (true) or refused/closed first (false). */
  admitted(): Promise<boolean>;
  /** Resolves once both sides hold the same records (as far as each accepts), or rejects on close. */
  synced(opts?: { timeoutMs?: number }): Promise<Result<void, TeamError>>;
  /** Resolves when the connection is closed, with the reason. */
  closed(): Promise<string>;
  close(reason?: string): void;
};

/** What a sync with a folder (a USB stick) did. */
export type FolderSyncReport = {
  file: string;
  /** Records taken in from the folder, and written to it. */
  received: number;
  sent: number;
  /** Cores the folder holds after the sync. */
  cores: number;
  bytes: number;
  /** A damaged or half-written file found on the folder, replaced by a whole one. */
  replacedDamaged: string | null;
};

export type ReplicateOptions = {
  initiator: boolean;
  /** Shown in status and logs: an address, "USB stick", a test name. */
  label?: string;
};

export interface TeamEngine {
  /** This desk's key: its identity in the roster and in every connection. */
  readonly deskKey: string;
  /** Appends records to this desk's own core for the scope, creating it the first time. */
  append(
    scope: TeamScope,
    records: readonly Uint8Array[],
  ): Promise<Result<{ coreKey: string; start: number; end: number }, TeamError>>;
  /** Reads records `[start, end)` of any core held (at most `maxRecords`, 1,000 by default). */
  read(
    coreKey: string,
    range: { start: number; end?: number; maxRecords?: number },
  ): Promise<Result<ReadRecord[], TeamError>>;
  listCores(): Promise<CoreInfo[]>;
  /** Told of new records in order, without gaps; a returned promise is awaited by folder syncs. */
  subscribe(listener: (event: RecordsArrived) => void | Promise<void>): () => void;
  onFault(listener: (fault: TeamFault) => void): () => void;
  faults(): readonly TeamFault[];
  /** Replicates over any duplex byte stream (a TCP socket, a pipe); admission happens first. */
  replicate(stream: Duplex, opts: ReplicateOptions): PeerSession;
  peers(): PeerStatus[];
  /** Writes this desk's team records to the folder and takes in what it holds, both ways. */
  syncFolder(folder: string): Promise<Result<FolderSyncReport, TeamError>>;
  /** Call when the roster changed: revoked or removed desks are disconnected, newly admitted ones fetched. */
  rosterChanged(): void;
  /** A desk's core lengths now, by scope: what a revocation record should name. */
  lengthsOf(deskKey: string): Promise<Record<string, number>>;
  close(): Promise<void>;
}

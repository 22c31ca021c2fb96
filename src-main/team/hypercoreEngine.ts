// The team sync engine on Hypercore and Corestore. One store (a folder) per desk and team; in it:
// - this desk's index core, signed by the desk key itself, listing which core holds each scope;
// - one single-writer core per scope this desk wrote (an incident, the desk-wide scope, the roster);
// - replicas of every other desk's index and scope cores it accepts, held in full.
// Discovery: connected desks exchange summaries of what they hold; a desk in the roster (or any
// desk, for a relay such as a USB stick or the headless peer) is fetched by its index core, whose
// key follows from the desk key, so a desk learns the cores of desks it never met from any desk
// that holds them, and only the desk itself can say which cores are its own.
import { randomUUID } from 'node:crypto';
import type { Duplex } from 'node:stream';

import Corestore from 'corestore';
import Hypercore from 'hypercore';

import { err, ok, type Result } from '@shared/domain/result';
import { format } from '@shared/i18n/format';

import { fsErrorCode } from '../adapters/fsErrors';
import type { Logger } from '../logging/logger';
import { duplexPair } from './duplexPair';
import { syncWithFolder, type FolderSyncDeps } from './folderSync';
import { validScope } from './scope';
import { TeamSession, type SessionHost } from './session';
import { deriveTeamKeys, type TeamCredentials, type TeamKeys } from './teamKeys';
import type {
  CoreInfo,
  FolderSyncReport,
  PeerSession,
  PeerStatus,
  ReadRecord,
  RecordsArrived,
  ReplicateOptions,
  Roster,
  TeamEngine,
  TeamError,
  TeamFault,
  TeamScope,
} from './types';
import { decodeIndexEntry, encodeIndexEntry, type Summary, type SummaryCore } from './wire';

export type TeamEngineOptions = {
  /** The store's folder (created if missing). One folder per desk and team. */
  folder: string;
  team: TeamCredentials;
  roster: Roster;
  logger: Logger;
  /** Records above this size are refused on append and withheld on read. 1 MiB by default. */
  maxRecordBytes?: number;
  /**
   * 'roster' (a desk): hold the cores of desks in the roster only. 'relay-all' (a USB stick's copy,
   * the headless peer): hold every desk's cores that an admitted peer offers; the desks that read
   * them apply their own roster.
   */
  policy?: 'roster' | 'relay-all';
  now?: () => number;
  handshakeTimeoutMs?: number;
  /** A store holding only replicas may be opened from a copy (a USB stick's working copy). */
  allowBackup?: boolean;
  /** File access and scratch space for USB-stick syncs; tests inject failures here. */
  folderSync?: Partial<FolderSyncDeps>;
};

export const DEFAULT_MAX_RECORD_BYTES = 1024 * 1024;
const KNOWN_DESKS_KEY = 'response-desk/known-desks';
const MAX_FAULTS_KEPT = 500;
/**
 * A team is a few desks, at most a few hundred over the years: beyond this, offers of new desks
 * are refused, so a misbehaving member cannot make every relay open thousands of cores.
 */
const MAX_DESKS = 500;
const MAX_READ = 10_000;

type CoreEntry = {
  deskKey: string;
  /** null: the desk's index core. */
  scope: string | null;
  key: string;
  core: Hypercore;
  own: boolean;
  notified: number;
  forked: boolean;
  head: { length: number; hash: string | null };
  oversizedSeen: Set<number>;
};

type DeskEntry = {
  deskKey: string;
  own: boolean;
  index: CoreEntry;
  indexRead: number;
  scopes: Map<string, CoreEntry>;
  processing: Promise<void>;
};

function hex(buffer: Buffer): string {
  return buffer.toString('hex');
}

function short(key: string): string {
  return key.slice(0, 8);
}

/** A core as a reason names it: its desk, and its scope or the desk's index (scope null). */
function coreWords(entry: { deskKey: string; scope: string | null }) {
  return { desk: short(entry.deskKey), core: entry.scope === null ? 'index' : 'scope', scope: entry.scope ?? '' };
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function isDiskFull(error: unknown): boolean {
  const text = describeError(error);
  return /ENOSPC|No space left|disk full|IO error: .*space/i.test(text);
}

/** The key of a desk's index core, which any desk can compute from the desk key alone. */
export function indexCoreKey(deskKey: string): Buffer {
  return Hypercore.key({ version: 1, signers: [{ publicKey: Buffer.from(deskKey, 'hex') }] });
}

export class HypercoreTeamEngine implements TeamEngine {
  readonly deskKey: string;
  private readonly keys: TeamKeys;
  private readonly maxRecordBytes: number;
  private readonly policy: 'roster' | 'relay-all';
  private readonly now: () => number;
  private readonly desks = new Map<string, DeskEntry>();
  private readonly adding = new Map<string, Promise<void>>();
  private readonly cores = new Map<string, CoreEntry>();
  private readonly refused = new Map<string, number>();
  private readonly floodWarned = new WeakSet<TeamSession>();
  private readonly sessions = new Set<TeamSession>();
  private readonly closedSessions: PeerStatus[] = [];
  private readonly listeners = new Set<(event: RecordsArrived) => void | Promise<void>>();
  private readonly faultListeners = new Set<(fault: TeamFault) => void>();
  private readonly faultLog: TeamFault[] = [];
  private readonly pendingListeners = new Set<Promise<void>>();
  private readonly dirty = new Set<CoreEntry>();
  private flushScheduled = false;
  private writeChain: Promise<unknown> = Promise.resolve();
  private closing = false;
  private readonly sessionHost: SessionHost;

  private constructor(
    private readonly opts: TeamEngineOptions,
    private readonly store: Corestore,
    private readonly ns: Corestore,
    private readonly keyPair: { publicKey: Buffer; secretKey: Buffer },
  ) {
    this.deskKey = hex(keyPair.publicKey);
    this.keys = deriveTeamKeys(opts.team);
    this.maxRecordBytes = opts.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES;
    this.policy = opts.policy ?? 'roster';
    this.now = opts.now ?? Date.now;
    this.sessionHost = {
      keyPair,
      psk: this.keys.noisePsk,
      handshakeTimeoutMs: opts.handshakeTimeoutMs ?? 10_000,
      now: this.now,
      admit: (session, remoteKey) => this.admit(session, remoteKey),
      localSummary: () => this.localSummary(),
      holdsAll: (remote) => this.holdsAll(remote),
      onRemoteSummary: (session, remote) => this.onRemoteSummary(session, remote),
      startReplication: (stream) => {
        this.store.replicate(stream);
      },
      fault: (fault) => this.fault(fault),
      log: (message, fields) => this.opts.logger.info(message, fields),
      sessionClosed: (session) => this.sessionClosed(session),
    };
  }

  /** Opens (or creates) the store in `opts.folder`; refuses a copied store or one in use. */
  static async open(opts: TeamEngineOptions): Promise<Result<HypercoreTeamEngine, TeamError>> {
    let store: Corestore;
    try {
      store = new Corestore(opts.folder, opts.allowBackup === true ? { allowBackup: true } : {});
      await store.ready();
    } catch (error) {
      return err(storeOpenError(opts.folder, error));
    }
    try {
      const ns = store.namespace(`response-desk/team/v1/${opts.team.teamId}`);
      const keyPair = await ns.createKeyPair('desk');
      const engine = new HypercoreTeamEngine(opts, store, ns, keyPair);
      await engine.load();
      return ok(engine);
    } catch (error) {
      await store.close().catch(() => undefined);
      return err({
        code: 'store-unusable',
        message: format('team.engine.storeUnusable', { folder: opts.folder, reason: describeError(error) }),
      });
    }
  }

  private async load(): Promise<void> {
    const index = this.ns.get({ keyPair: this.keyPair });
    await index.ready();
    const own = this.registerDesk(this.deskKey, index, true);
    await this.processIndex(own);
    const stored = await index.getUserData(KNOWN_DESKS_KEY);
    let known: unknown = [];
    try {
      known = stored === null ? [] : JSON.parse(stored.toString('utf8'));
    } catch {
      // The list is a cache of which desks to open: the desks come back with the next summary.
      this.fault({
        kind: 'storage',
        reason: format('team.engine.knownDesksUnreadable'),
      });
    }
    if (Array.isArray(known)) {
      for (const deskKey of known) {
        if (typeof deskKey === 'string' && /^[0-9a-f]{64}$/.test(deskKey) && deskKey !== this.deskKey)
          await this.addDesk(deskKey);
      }
    }
    for (const entry of this.cores.values()) {
      entry.notified = entry.core.contiguousLength;
      entry.forked ||= entry.core.core?.header.frozen === true;
    }
  }

  // ---- cores and desks ----

  private watch(entry: CoreEntry): void {
    const core = entry.core;
    core.on('append', () => this.markDirty(entry));
    core.on('download', (index: number, byteLength: number) => {
      if (byteLength > this.maxRecordBytes && !entry.oversizedSeen.has(index)) {
        entry.oversizedSeen.add(index);
        this.fault({
          kind: 'too-large',
          reason: format('team.engine.receivedTooLarge', {
            ...coreWords(entry),
            index,
            bytes: byteLength,
            limit: this.maxRecordBytes,
          }),
          deskKey: entry.deskKey,
          coreKey: entry.key,
          ...(entry.scope === null ? {} : { scope: entry.scope }),
        });
      }
      this.markDirty(entry);
    });
    core.on('verification-error', (error: Error & { code?: string }) => {
      this.fault({
        kind: 'invalid-record',
        reason: format('team.engine.failedVerification', { ...coreWords(entry), reason: error.code ?? error.message }),
        deskKey: entry.deskKey,
        coreKey: entry.key,
        ...(entry.scope === null ? {} : { scope: entry.scope }),
      });
    });
    core.on('conflict', (length: number) => this.markForked(entry, length, null));
    core.on('close', () => {
      // Hypercore closes every session of a core when it detects a fork; reopen to keep reading it.
      if (!this.closing && entry.core === core) void this.reopen(entry);
    });
  }

  private async reopen(entry: CoreEntry): Promise<void> {
    try {
      const core = this.store.get({ key: Buffer.from(entry.key, 'hex') });
      await core.ready();
      entry.core = core;
      entry.forked ||= core.core?.header.frozen === true;
      this.watch(entry);
    } catch (error) {
      this.fault({
        kind: 'storage',
        reason: format('team.engine.notReopened', { ...coreWords(entry), reason: describeError(error) }),
        coreKey: entry.key,
      });
    }
  }

  /** Flags a core with two signed histories from record `at` on; `peer` names the connection that showed the other one. */
  private markForked(entry: CoreEntry, at: number, peer: string | null): void {
    if (entry.forked) return;
    entry.forked = true;
    const copied = entry.own;
    this.fault({
      kind: copied ? 'copied-desk' : 'forked',
      reason: format(copied ? 'team.engine.copiedOwn' : 'team.engine.forked', {
        ...coreWords(entry),
        at,
        fromPeer: peer === null ? 'no' : 'yes',
        peer: peer ?? '',
      }),
      deskKey: entry.deskKey,
      coreKey: entry.key,
      ...(entry.scope === null ? {} : { scope: entry.scope }),
    });
  }

  private makeEntry(deskKey: string, scope: string | null, core: Hypercore, own: boolean): CoreEntry {
    const entry: CoreEntry = {
      deskKey,
      scope,
      key: hex(core.key),
      core,
      own,
      notified: 0,
      forked: false,
      head: { length: -1, hash: null },
      oversizedSeen: new Set(),
    };
    this.cores.set(entry.key, entry);
    this.watch(entry);
    return entry;
  }

  private registerDesk(deskKey: string, index: Hypercore, own: boolean): DeskEntry {
    const desk: DeskEntry = {
      deskKey,
      own,
      index: this.makeEntry(deskKey, null, index, own),
      indexRead: 0,
      scopes: new Map(),
      processing: Promise.resolve(),
    };
    this.desks.set(deskKey, desk);
    return desk;
  }

  private addDesk(deskKey: string): Promise<void> {
    if (this.desks.has(deskKey)) return Promise.resolve();
    const pending = this.adding.get(deskKey);
    if (pending !== undefined) return pending;
    const adding = (async () => {
      try {
        const index = this.store.get({ key: indexCoreKey(deskKey) });
        await index.ready();
        index.download({ start: 0, end: -1 });
        const desk = this.registerDesk(deskKey, index, false);
        desk.index.notified = index.contiguousLength;
        this.refused.delete(deskKey);
        await this.saveKnownDesks();
        await this.processIndex(desk);
        this.opts.logger.info('desk added', { desk: short(deskKey) });
      } catch (error) {
        if (!this.closing)
          this.fault({
            kind: 'storage',
            reason: format('team.engine.desksNotOpened', { desk: short(deskKey), reason: describeError(error) }),
            deskKey,
          });
      }
    })().finally(() => this.adding.delete(deskKey));
    this.adding.set(deskKey, adding);
    return adding;
  }

  private async saveKnownDesks(): Promise<void> {
    const own = this.desks.get(this.deskKey);
    if (own === undefined) return;
    const known = [...this.desks.keys()].filter((key) => key !== this.deskKey).sort();
    await own.index.core.setUserData(KNOWN_DESKS_KEY, JSON.stringify(known));
  }

  /** Reads new entries of a desk's index and opens the cores they name; one pass at a time. */
  private processIndex(desk: DeskEntry): Promise<void> {
    desk.processing = desk.processing
      .then(async () => {
        const index = desk.index.core;
        while (desk.indexRead < index.contiguousLength && !this.closing) {
          const position = desk.indexRead;
          const block = await index.get(position, { wait: false });
          if (block === null) break;
          desk.indexRead += 1;
          const entry = decodeIndexEntry(block);
          if (!entry.ok) {
            this.fault({
              kind: 'invalid-record',
              reason: format('team.engine.badIndexEntry', {
                desk: short(desk.deskKey),
                position,
                problem: entry.error,
              }),
              deskKey: desk.deskKey,
            });
            continue;
          }
          const existing = desk.scopes.get(entry.value.scope);
          if (existing !== undefined) {
            if (existing.key !== entry.value.coreKey) {
              this.fault({
                kind: 'invalid-record',
                reason: format('team.engine.secondCore', { desk: short(desk.deskKey), scope: entry.value.scope }),
                deskKey: desk.deskKey,
                scope: entry.value.scope,
              });
            }
            continue;
          }
          const core = desk.own
            ? this.ns.get({ name: `scope/${entry.value.scope}` })
            : this.store.get({ key: Buffer.from(entry.value.coreKey, 'hex') });
          await core.ready();
          if (hex(core.key) !== entry.value.coreKey) {
            await core.close();
            this.fault({
              kind: 'storage',
              reason: format('team.engine.ownIndexForeignCore', {
                core: short(entry.value.coreKey),
                scope: entry.value.scope,
              }),
              scope: entry.value.scope,
            });
            continue;
          }
          if (!desk.own) core.download({ start: 0, end: -1 });
          const scopeEntry = this.makeEntry(desk.deskKey, entry.value.scope, core, desk.own);
          desk.scopes.set(entry.value.scope, scopeEntry);
          this.markDirty(scopeEntry);
        }
      })
      .catch((error: unknown) => {
        if (!this.closing)
          this.fault({
            kind: 'storage',
            reason: format('team.engine.indexUnreadable', { desk: short(desk.deskKey), reason: describeError(error) }),
            deskKey: desk.deskKey,
          });
      });
    return desk.processing;
  }

  // ---- notifications ----

  private markDirty(entry: CoreEntry): void {
    this.dirty.add(entry);
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => this.flush());
  }

  private flush(): void {
    this.flushScheduled = false;
    if (this.closing) return;
    const entries = [...this.dirty];
    this.dirty.clear();
    for (const entry of entries) {
      const length = entry.core.closed ? entry.notified : entry.core.contiguousLength;
      if (entry.scope === null) {
        const desk = this.desks.get(entry.deskKey);
        if (desk !== undefined && length > desk.indexRead) void this.processIndex(desk);
        entry.notified = Math.max(entry.notified, length);
        continue;
      }
      if (length <= entry.notified) continue;
      const event: RecordsArrived = {
        deskKey: entry.deskKey,
        scope: entry.scope,
        coreKey: entry.key,
        start: entry.notified,
        end: length,
        own: entry.own,
      };
      entry.notified = length;
      this.checkRevocation(entry, length);
      for (const listener of this.listeners) this.callListener(listener, event);
    }
    for (const session of this.sessions) session.localChanged();
  }

  private callListener(listener: (event: RecordsArrived) => void | Promise<void>, event: RecordsArrived): void {
    try {
      const result = listener(event);
      if (result instanceof Promise) {
        const tracked = result.catch((error: unknown) =>
          this.opts.logger.error('a records listener failed', { error: describeError(error) }),
        );
        this.pendingListeners.add(tracked);
        void tracked.finally(() => this.pendingListeners.delete(tracked));
      }
    } catch (error) {
      this.opts.logger.error('a records listener failed', { error: describeError(error) });
    }
  }

  /** Waits until every pending notification has been handled by its listeners. */
  async settle(): Promise<void> {
    for (let round = 0; round < 100; round += 1) {
      await new Promise((resolve) => setImmediate(resolve));
      await Promise.all([...this.desks.values()].map((desk) => desk.processing));
      if (this.pendingListeners.size === 0 && !this.flushScheduled && this.adding.size === 0) return;
      await Promise.all([...this.pendingListeners, ...this.adding.values()]);
    }
  }

  private checkRevocation(entry: CoreEntry, length: number): void {
    const standing = this.opts.roster(entry.deskKey);
    if (standing?.status !== 'revoked' || entry.scope === null) return;
    const allowed = standing.lengths[entry.scope] ?? 0;
    if (length > allowed) {
      this.fault({
        kind: 'after-revocation',
        reason: format('team.engine.afterRevocation', {
          desk: short(entry.deskKey),
          count: length - allowed,
          scope: entry.scope,
        }),
        deskKey: entry.deskKey,
        scope: entry.scope,
        coreKey: entry.key,
      });
    }
  }

  private fault(fault: Omit<TeamFault, 'at'>): void {
    const full: TeamFault = { ...fault, at: this.now() };
    this.faultLog.push(full);
    if (this.faultLog.length > MAX_FAULTS_KEPT) this.faultLog.splice(0, this.faultLog.length - MAX_FAULTS_KEPT);
    this.opts.logger.warn(fault.reason, {
      kind: fault.kind,
      ...(fault.deskKey === undefined ? {} : { desk: short(fault.deskKey) }),
    });
    for (const listener of this.faultListeners) {
      try {
        listener(full);
      } catch (error) {
        this.opts.logger.error('a fault listener failed', { error: describeError(error) });
      }
    }
  }

  // ---- admission and summaries ----

  /** Whether this desk takes in a desk's cores, and if not, why. */
  private accepts(deskKey: string): boolean {
    if (deskKey === this.deskKey || this.policy === 'relay-all') return true;
    return this.opts.roster(deskKey) !== undefined;
  }

  private admit(session: TeamSession, remoteKey: string): Omit<TeamFault, 'at'> | null {
    if (this.closing) return { kind: 'connection-lost', reason: format('team.engine.closing') };
    if (remoteKey === this.deskKey) {
      return {
        kind: 'copied-desk',
        reason: format('team.engine.ownIdentity', { peer: session.label }),
        deskKey: remoteKey,
      };
    }
    if (session.trustedKey !== remoteKey) {
      const standing = this.opts.roster(remoteKey);
      if (standing === undefined) {
        return {
          kind: 'unknown-desk',
          reason: format('team.engine.notInRoster', { desk: short(remoteKey), peer: session.label }),
          deskKey: remoteKey,
        };
      }
      if (standing.status === 'revoked') {
        return {
          kind: 'revoked-desk',
          reason: format('team.engine.revokedRefused', { desk: short(remoteKey), peer: session.label }),
          deskKey: remoteKey,
        };
      }
    }
    // Two desks that dial each other at once end up with two connections; both sides keep the one
    // whose initiator has the smaller key, so they agree without talking about it.
    for (const other of this.sessions) {
      if (other === session || other.remoteKey !== remoteKey || !other.isConnected) continue;
      const initiatorOf = (s: TeamSession) => (s.initiator ? this.deskKey : remoteKey);
      if (initiatorOf(session) < initiatorOf(other)) {
        other.close(format('team.engine.replacedConnection'));
      } else {
        return {
          kind: 'connection-lost',
          reason: format('team.engine.alreadyConnected', { desk: short(remoteKey) }),
          deskKey: remoteKey,
        };
      }
    }
    return null;
  }

  private async headOf(entry: CoreEntry): Promise<string | null> {
    const length = entry.core.closed ? entry.head.length : entry.core.contiguousLength;
    if (length === entry.head.length) return entry.head.hash;
    const hash = length === 0 ? null : hex(await entry.core.treeHash(length));
    entry.head = { length, hash };
    return hash;
  }

  private async localSummary(): Promise<Pick<Summary, 'cores' | 'refused'>> {
    const cores: SummaryCore[] = [];
    for (const desk of this.desks.values()) {
      // A desk that wrote nothing (a USB stick's working copy) is not offered to anyone.
      if (desk.index.core.contiguousLength === 0) continue;
      for (const entry of [desk.index, ...desk.scopes.values()]) {
        cores.push({
          desk: entry.deskKey,
          scope: entry.scope,
          core: entry.key,
          length: this.lengthOf(entry),
          head: await this.headOf(entry),
        });
      }
    }
    return { cores, refused: [...this.refused.keys()] };
  }

  private lengthOf(entry: CoreEntry): number {
    return entry.core.closed ? entry.head.length : entry.core.contiguousLength;
  }

  private holdsAll(remote: Summary): boolean {
    for (const offered of remote.cores) {
      if (!this.accepts(offered.desk)) continue;
      const entry = this.cores.get(offered.core);
      if (entry === undefined) {
        // Refused a moment ago, admitted since (the roster changed while connected): fetch it now,
        // rather than wait for the next summary or a rosterChanged() call.
        if (!this.desks.has(offered.desk) && this.refused.has(offered.desk)) void this.addDesk(offered.desk);
        return false;
      }
      if (entry.forked) continue;
      if (this.lengthOf(entry) < offered.length) return false;
    }
    return true;
  }

  private async onRemoteSummary(session: TeamSession, remote: Summary): Promise<void> {
    const desks = new Set(remote.cores.map((core) => core.desk));
    for (const deskKey of desks) {
      if (this.desks.has(deskKey)) continue;
      // A desk refused earlier is taken in as soon as the roster admits it, even mid-sync.
      const accepted = this.accepts(deskKey);
      if (!accepted && this.refused.has(deskKey)) continue;
      if (this.desks.size + this.adding.size >= MAX_DESKS || this.refused.size >= MAX_DESKS) {
        if (!this.floodWarned.has(session)) {
          this.floodWarned.add(session);
          this.fault({
            kind: 'bad-message',
            reason: format('team.engine.tooManyDesks', { peer: session.label, limit: MAX_DESKS }),
          });
        }
        break;
      }
      if (accepted) {
        await this.addDesk(deskKey);
      } else {
        this.refused.set(deskKey, this.now());
        this.fault({
          kind: 'unknown-desk',
          reason: format('team.engine.offersUnknownDesk', { peer: session.label, desk: short(deskKey) }),
          deskKey,
        });
      }
    }
    // Equal lengths with different heads: two histories of one core (Hypercore itself only notices
    // when one of them grows past the other).
    for (const offered of remote.cores) {
      const entry = this.cores.get(offered.core);
      if (entry === undefined || entry.forked || offered.head === null) continue;
      if (this.lengthOf(entry) !== offered.length) continue;
      const head = await this.headOf(entry);
      if (head !== null && head !== offered.head) this.markForked(entry, offered.length, session.label);
    }
  }

  private sessionClosed(session: TeamSession): void {
    this.sessions.delete(session);
    this.closedSessions.push(session.status());
    if (this.closedSessions.length > 50) this.closedSessions.shift();
  }

  // ---- the interface ----

  append(
    scope: TeamScope,
    records: readonly Uint8Array[],
  ): Promise<Result<{ coreKey: string; start: number; end: number }, TeamError>> {
    const run = async (): Promise<Result<{ coreKey: string; start: number; end: number }, TeamError>> => {
      if (this.closing) return err({ code: 'closed', message: format('team.engine.storeClosed') });
      const scopeText = validScope(scope);
      if (!scopeText.ok) return err({ code: 'invalid-scope', message: scopeText.error });
      for (const [position, record] of records.entries()) {
        if (record.byteLength > this.maxRecordBytes) {
          return err({
            code: 'record-too-large',
            message: format('team.engine.recordTooLarge', {
              position: position + 1,
              count: records.length,
              bytes: record.byteLength,
              limit: this.maxRecordBytes,
            }),
          });
        }
      }
      const own = this.desks.get(this.deskKey);
      if (own === undefined) return err({ code: 'closed', message: format('team.engine.storeNotOpen') });
      try {
        let entry = own.scopes.get(scopeText.value);
        if (entry === undefined) {
          const core = this.ns.get({ name: `scope/${scopeText.value}` });
          await core.ready();
          // The index entry goes first: a crash in between leaves an empty core the index names,
          // never records in a core nobody can find.
          await own.index.core.append(encodeIndexEntry(scopeText.value, hex(core.key)));
          await core.close();
          await this.processIndex(own);
          entry = own.scopes.get(scopeText.value);
          if (entry === undefined)
            return err({
              code: 'write-failed',
              message: format('team.engine.coreNotCreated', { scope: scopeText.value }),
            });
        }
        if (entry.forked || entry.core.core?.header.frozen === true) {
          return err({
            code: 'forked',
            message: format('team.engine.ownScopeForked', { scope: scopeText.value }),
          });
        }
        const start = entry.core.length;
        if (records.length === 0) return ok({ coreKey: entry.key, start, end: start });
        const result = await entry.core.append(
          records.map((record) => Buffer.from(record.buffer, record.byteOffset, record.byteLength)),
        );
        this.markDirty(entry);
        return ok({ coreKey: entry.key, start: result.length - records.length, end: result.length });
      } catch (error) {
        return err({
          code: 'write-failed',
          message: isDiskFull(error)
            ? format('team.engine.diskFull')
            : format('team.engine.notAdded', { reason: describeError(error) }),
        });
      }
    };
    const next = this.writeChain.then(run, run);
    this.writeChain = next;
    return next;
  }

  async read(
    coreKey: string,
    range: { start: number; end?: number; maxRecords?: number },
  ): Promise<Result<ReadRecord[], TeamError>> {
    if (this.closing) return err({ code: 'closed', message: format('team.engine.storeClosed') });
    const entry = this.cores.get(coreKey);
    if (entry === undefined || entry.scope === null)
      return err({ code: 'unknown-core', message: format('team.engine.unknownCore', { core: short(coreKey) }) });
    const length = this.lengthOf(entry);
    const end = Math.min(range.end ?? length, length);
    const max = Math.min(range.maxRecords ?? 1000, MAX_READ);
    if (
      !Number.isSafeInteger(range.start) ||
      range.start < 0 ||
      !Number.isSafeInteger(end) ||
      (range.start > end && range.end !== undefined)
    ) {
      return err({
        code: 'invalid-range',
        message: format('team.engine.invalidRange', {
          start: String(range.start),
          hasEnd: range.end === undefined ? 'no' : 'yes',
          end: String(range.end),
        }),
      });
    }
    const out: ReadRecord[] = [];
    for (let index = range.start; index < end && out.length < max; index += 1) {
      const block = await entry.core.get(index, { wait: false });
      if (block === null) break;
      out.push(
        block.byteLength > this.maxRecordBytes
          ? { index, refused: 'too-large', byteLength: block.byteLength }
          : { index, bytes: new Uint8Array(block) },
      );
    }
    return ok(out);
  }

  async listCores(): Promise<CoreInfo[]> {
    const out: CoreInfo[] = [];
    for (const entry of this.cores.values()) {
      if (entry.scope === null) continue;
      const length = this.lengthOf(entry);
      const standing = this.opts.roster(entry.deskKey);
      const afterRevocation =
        standing?.status === 'revoked' ? Math.max(0, length - (standing.lengths[entry.scope] ?? 0)) : 0;
      out.push({
        deskKey: entry.deskKey,
        scope: entry.scope,
        coreKey: entry.key,
        length,
        head: await this.headOf(entry),
        own: entry.own,
        forked: entry.forked,
        afterRevocation,
      });
    }
    return out.sort((a, b) =>
      a.deskKey === b.deskKey ? a.scope.localeCompare(b.scope) : a.deskKey.localeCompare(b.deskKey),
    );
  }

  subscribe(listener: (event: RecordsArrived) => void | Promise<void>): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onFault(listener: (fault: TeamFault) => void): () => void {
    this.faultListeners.add(listener);
    return () => this.faultListeners.delete(listener);
  }

  faults(): readonly TeamFault[] {
    return [...this.faultLog];
  }

  replicate(stream: Duplex, opts: ReplicateOptions): PeerSession {
    return this.startSession(stream, opts, null);
  }

  private startSession(stream: Duplex, opts: ReplicateOptions, trustedKey: string | null): TeamSession {
    const session = new TeamSession(this.sessionHost, stream, {
      initiator: opts.initiator,
      label: opts.label ?? format('team.engine.label.connection'),
      trustedKey,
    });
    if (this.closing) session.close(format('team.engine.closing'));
    else this.sessions.add(session);
    return session;
  }

  /**
   * Connects this engine to another one in the same process (a USB stick's working copy), with
   * the same handshake and checks as a socket, the other side admitted by its key.
   */
  linkInProcess(other: HypercoreTeamEngine, label: string): [TeamSession, TeamSession] {
    const [a, b] = duplexPair();
    return [
      this.startSession(a, { initiator: true, label }, other.deskKey),
      other.startSession(b, { initiator: false, label: format('team.engine.label.thisDesk') }, this.deskKey),
    ];
  }

  peers(): PeerStatus[] {
    return [...[...this.sessions].map((session) => session.status()), ...this.closedSessions];
  }

  syncFolder(folder: string): Promise<Result<FolderSyncReport, TeamError>> {
    if (this.closing) return Promise.resolve(err({ code: 'closed', message: format('team.engine.storeClosed') }));
    return syncWithFolder(this, folder, {
      keys: this.keys,
      team: this.opts.team,
      logger: this.opts.logger,
      storeFolder: this.opts.folder,
      openCarrier: (scratch) =>
        HypercoreTeamEngine.open({
          folder: scratch,
          team: this.opts.team,
          roster: () => undefined,
          logger: this.opts.logger,
          maxRecordBytes: this.maxRecordBytes,
          policy: 'relay-all',
          allowBackup: true,
          now: this.now,
        }),
      ...this.opts.folderSync,
    });
  }

  rosterChanged(): void {
    void this.applyRoster();
  }

  /** Disconnects desks no longer admitted and fetches refused desks now admitted; returns how many. */
  async applyRoster(): Promise<number> {
    for (const session of this.sessions) {
      const remote = session.remoteKey;
      if (remote === null || remote === session.trustedKey) continue;
      const standing = this.opts.roster(remote);
      if (standing === undefined) session.close(format('team.engine.noLongerInRoster', { desk: short(remote) }));
      else if (standing.status === 'revoked') session.close(format('team.engine.revoked', { desk: short(remote) }));
    }
    let added = 0;
    for (const deskKey of [...this.refused.keys()]) {
      if (!this.accepts(deskKey)) continue;
      await this.addDesk(deskKey);
      added += 1;
    }
    for (const session of this.sessions) session.localChanged();
    return added;
  }

  async lengthsOf(deskKey: string): Promise<Record<string, number>> {
    await this.settle();
    const desk = this.desks.get(deskKey);
    const out: Record<string, number> = {};
    if (desk === undefined) return out;
    for (const [scope, entry] of desk.scopes) out[scope] = this.lengthOf(entry);
    return out;
  }

  /** Records held in all cores, for reports. */
  totalRecords(): number {
    let total = 0;
    for (const entry of this.cores.values()) if (entry.scope !== null) total += this.lengthOf(entry);
    return total;
  }

  async close(): Promise<void> {
    if (this.closing) return;
    // Listeners get a moment to finish with what they were told; a stuck one does not hold the close.
    await Promise.race([
      this.settle().catch(() => undefined),
      new Promise((resolve) => setTimeout(resolve, 5_000).unref()),
    ]);
    this.closing = true;
    for (const session of [...this.sessions]) session.close(format('team.engine.closedStore'));
    await this.writeChain.catch(() => undefined);
    await this.store.close();
  }
}

function storeOpenError(folder: string, error: unknown): TeamError {
  const code = fsErrorCode(error);
  const text = describeError(error);
  if (code === 'DEVICE_FILE') {
    return {
      code: 'store-copied',
      message: format('team.engine.storeCopied', { folder, reason: text }),
    };
  }
  if (/could not be locked/i.test(text)) {
    return {
      code: 'store-in-use',
      message: format('team.engine.storeInUse', { folder }),
    };
  }
  return { code: 'store-unusable', message: format('team.engine.storeUnusable', { folder, reason: text }) };
}

export function openTeamEngine(opts: TeamEngineOptions): Promise<Result<HypercoreTeamEngine, TeamError>> {
  return HypercoreTeamEngine.open(opts);
}

/** A fresh random team id, for "Create a team". */
export function newTeamId(): string {
  return `team_${randomUUID()}`;
}

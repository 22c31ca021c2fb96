// One connection to another desk: the team handshake, the roster check, then Hypercore's own
// replication plus one small channel of ours on the same encrypted stream, carrying summaries of
// what each side holds (how desks learn of cores, and what the status bar shows as still to send).
import type { Duplex } from 'node:stream';

import NoiseSecretStream from '@hyperswarm/secret-stream';
import c from 'compact-encoding';
import Protomux, { type Channel } from 'protomux';

import { err, ok, type Result } from '@shared/domain/result';
import { format } from '@shared/i18n/format';

import { teamHandshake } from './handshake';
import type { PeerSession, PeerStatus, TeamError, TeamFault } from './types';
import { decodeSummary, encodeSummary, type Summary } from './wire';

/** What a session needs from the engine that owns it. */
export type SessionHost = {
  keyPair: { publicKey: Buffer; secretKey: Buffer };
  psk: Buffer;
  handshakeTimeoutMs: number;
  now: () => number;
  /** The roster check, right after the handshake: null admits, a fault refuses. */
  admit(session: TeamSession, remoteKey: string): Omit<TeamFault, 'at'> | null;
  /** This desk's side of a summary: its cores and the desks it refuses. */
  localSummary(): Promise<Pick<Summary, 'cores' | 'refused'>>;
  /** Whether this desk holds everything the other side's summary offers that it accepts. */
  holdsAll(remote: Summary): boolean;
  onRemoteSummary(session: TeamSession, remote: Summary): Promise<void>;
  startReplication(stream: NoiseSecretStream): void;
  fault(fault: Omit<TeamFault, 'at'>): void;
  log(message: string, fields: Record<string, unknown>): void;
  sessionClosed(session: TeamSession): void;
};

/** Without traffic for this long a connection is taken as lost (keep-alives flow every 5 s). */
const IDLE_TIMEOUT_MS = 20_000;
const KEEP_ALIVE_MS = 5_000;
/** Summaries are coalesced: a burst of appends sends one, not one per record. */
const SUMMARY_INTERVAL_MS = 40;

let nextSessionId = 1;

type Waiter = {
  check: () => boolean;
  resolve: (r: Result<void, TeamError>) => void;
  timer: NodeJS.Timeout | null;
  idleMs: number;
};

export class TeamSession implements PeerSession {
  readonly id = nextSessionId++;
  readonly initiator: boolean;
  readonly label: string;
  /** The key that may connect without being in the roster (the in-process copy of a USB stick). */
  readonly trustedKey: string | null;
  remoteKey: string | null = null;
  private state: PeerStatus['state'] = 'handshaking';
  private connectedAt: number | null = null;
  private lastSeen: number | null = null;
  private clockSkew: number | null = null;
  private closeReason: string | null = null;
  private stream: NoiseSecretStream | null = null;
  private channel: Channel | null = null;

  private localSeq = 0;
  private lastContent = '';
  private lastSent: Summary | null = null;
  private remote: Summary | null = null;
  private dirty = true;
  private sending = false;
  private summaryTimer: NodeJS.Timeout | null = null;
  private waiters = new Set<Waiter>();

  private admittedPromise: Promise<boolean>;
  private resolveAdmitted!: (value: boolean) => void;
  private closedPromise: Promise<string>;
  private resolveClosed!: (reason: string) => void;

  constructor(
    private readonly host: SessionHost,
    private readonly raw: Duplex,
    opts: { initiator: boolean; label: string; trustedKey: string | null },
  ) {
    this.initiator = opts.initiator;
    this.label = opts.label;
    this.trustedKey = opts.trustedKey;
    this.admittedPromise = new Promise((resolve) => (this.resolveAdmitted = resolve));
    this.closedPromise = new Promise((resolve) => (this.resolveClosed = resolve));
    // An error before NoiseSecretStream takes the raw stream over must not crash the process.
    raw.on('error', () => undefined);
    void this.run();
  }

  private async run(): Promise<void> {
    const done = await teamHandshake(this.raw, {
      initiator: this.initiator,
      keyPair: this.host.keyPair,
      psk: this.host.psk,
      timeoutMs: this.host.handshakeTimeoutMs,
    });
    if (this.state === 'closed') return;
    if (!done.ok) {
      if (done.error.code === 'team-key-mismatch' || done.error.code === 'bad-frame') {
        this.host.fault({
          kind: 'team-key-mismatch',
          reason: format('team.session.handshakeRefused', { peer: this.label, reason: done.error.message }),
        });
      }
      this.close(done.error.message);
      return;
    }
    const remoteKey = done.value.handshake.remotePublicKey.toString('hex');
    this.remoteKey = remoteKey;
    const refusal = this.host.admit(this, remoteKey);
    if (refusal !== null) {
      this.host.fault(refusal);
      this.close(refusal.reason);
      return;
    }

    const stream = new NoiseSecretStream(this.initiator, this.raw, {
      handshake: done.value.handshake,
      data: done.value.leftover,
    });
    this.stream = stream;
    stream.setKeepAlive(KEEP_ALIVE_MS);
    stream.setTimeout(IDLE_TIMEOUT_MS);
    stream.on('error', (error: Error) => this.close(format('team.session.failed', { reason: error.message })));
    stream.on('close', () => this.close(this.closeReason ?? format('team.session.otherClosedConnection')));

    const mux = Protomux.from(stream);
    stream.userData = mux;
    const channel = mux.createChannel({
      protocol: 'response-desk/team/v1',
      messages: [{ encoding: c.raw, onmessage: (bytes: Buffer) => void this.onSummary(bytes) }],
      onopen: () => this.scheduleSummary(),
      onclose: () => this.close(this.closeReason ?? format('team.session.otherClosedChannel')),
    });
    if (channel === null) {
      this.close(format('team.session.channelNotOpened'));
      return;
    }
    this.channel = channel;
    channel.open();
    this.host.startReplication(stream);
    this.state = 'connected';
    this.connectedAt = this.host.now();
    this.lastSeen = this.connectedAt;
    this.host.log('connected', { session: this.id, label: this.label, desk: remoteKey.slice(0, 8) });
    this.resolveAdmitted(true);
  }

  /** The engine's state changed: a fresh summary follows shortly. */
  scheduleSummary(): void {
    this.dirty = true;
    if (this.state !== 'connected' || this.summaryTimer !== null || this.sending) return;
    this.summaryTimer = setTimeout(() => {
      this.summaryTimer = null;
      void this.sendSummary();
    }, SUMMARY_INTERVAL_MS);
  }

  /**
   * Sends what this desk holds, with `seq` bumped only when that changed, and the answer to the
   * other side's latest summary (`ack`, `complete`). Nothing is sent when none of it changed, so
   * two idle desks fall silent instead of answering each other forever.
   */
  private async sendSummary(): Promise<void> {
    if (this.state !== 'connected' || this.channel === null || !this.channel.opened) return;
    this.sending = true;
    try {
      this.dirty = false;
      const local = await this.host.localSummary();
      if (!this.isConnected) return;
      const content = JSON.stringify(local);
      if (content !== this.lastContent) {
        this.localSeq += 1;
        this.lastContent = content;
      }
      const ack = this.remote?.seq ?? 0;
      const complete = this.remote === null ? false : this.host.holdsAll(this.remote);
      const last = this.lastSent;
      if (last !== null && last.seq === this.localSeq && last.ack === ack && last.complete === complete) return;
      const summary: Summary = { v: 1, seq: this.localSeq, ack, complete, ...local, now: this.host.now() };
      this.lastSent = summary;
      this.channel.messages[0]?.send(encodeSummary(summary));
    } finally {
      this.sending = false;
      if (this.dirty) this.scheduleSummary();
      this.checkWaiters();
    }
  }

  private async onSummary(bytes: Buffer): Promise<void> {
    if (this.state !== 'connected') return;
    this.lastSeen = this.host.now();
    const decoded = decodeSummary(bytes);
    if (!decoded.ok) {
      this.host.fault({
        kind: 'bad-message',
        reason: format('team.session.badSummary', { peer: this.label, reason: decoded.error }),
        ...(this.remoteKey === null ? {} : { deskKey: this.remoteKey }),
      });
      this.close(format('team.session.unreadableSummary', { reason: decoded.error }));
      return;
    }
    // On a local network a summary arrives within milliseconds: the difference is the clocks'.
    if (decoded.value.now !== undefined) this.clockSkew = decoded.value.now - this.host.now();
    const previous = this.remote;
    if (previous !== null) {
      const value = decoded.value;
      if (value.seq < previous.seq) return;
      if (value.seq === previous.seq && value.ack === previous.ack && value.complete === previous.complete) return;
    }
    this.remote = decoded.value;
    await this.host.onRemoteSummary(this, decoded.value);
    // Our `complete` flag answers their latest summary: send it again whenever it could change.
    this.scheduleSummary();
    for (const waiter of this.waiters) this.touchWaiter(waiter);
    this.checkWaiters();
  }

  /** True when both sides hold everything the other offers, each as of the other's latest word. */
  private isSynced(): boolean {
    if (this.state !== 'connected' || this.remote === null || this.lastSent === null) return false;
    if (this.dirty || this.sending) return false;
    if (this.remote.ack !== this.lastSent.seq || !this.remote.complete) return false;
    return this.host.holdsAll(this.remote);
  }

  private touchWaiter(waiter: Waiter): void {
    if (waiter.timer === null) return;
    clearTimeout(waiter.timer);
    waiter.timer = setTimeout(() => this.expire(waiter), waiter.idleMs);
  }

  private expire(waiter: Waiter): void {
    this.waiters.delete(waiter);
    waiter.resolve(
      err({
        code: 'timeout',
        message: format('team.session.idle', { peer: this.label, seconds: Math.round(waiter.idleMs / 1000) }),
      }),
    );
  }

  /** Re-evaluates pending `synced()` calls; the engine calls it when its holdings change. */
  checkWaiters(): void {
    for (const waiter of [...this.waiters]) {
      if (waiter.check()) {
        this.waiters.delete(waiter);
        if (waiter.timer !== null) clearTimeout(waiter.timer);
        waiter.resolve(ok(undefined));
      }
    }
  }

  localChanged(): void {
    for (const waiter of this.waiters) this.touchWaiter(waiter);
    this.scheduleSummary();
  }

  admitted(): Promise<boolean> {
    return this.admittedPromise;
  }

  synced(opts: { timeoutMs?: number } = {}): Promise<Result<void, TeamError>> {
    const idleMs = opts.timeoutMs ?? 60_000;
    return new Promise((resolve) => {
      if (this.state === 'closed') {
        resolve(
          err({
            code: 'closed',
            message: format('team.session.isClosed', { peer: this.label, reason: this.closeReason ?? '' }),
          }),
        );
        return;
      }
      const waiter: Waiter = { check: () => this.isSynced(), resolve, timer: null, idleMs };
      waiter.timer = setTimeout(() => this.expire(waiter), idleMs);
      this.waiters.add(waiter);
      this.checkWaiters();
    });
  }

  closed(): Promise<string> {
    return this.closedPromise;
  }

  close(reason = format('team.session.closedHere')): void {
    if (this.state === 'closed') return;
    const wasConnected = this.state === 'connected';
    this.state = 'closed';
    this.closeReason = reason;
    if (wasConnected) this.lastSeen = this.host.now();
    if (this.summaryTimer !== null) clearTimeout(this.summaryTimer);
    this.summaryTimer = null;
    for (const waiter of this.waiters) {
      if (waiter.timer !== null) clearTimeout(waiter.timer);
      waiter.resolve(
        err({ code: 'closed', message: format('team.session.closedBecause', { peer: this.label, reason }) }),
      );
    }
    this.waiters.clear();
    if (this.stream !== null) this.stream.destroy();
    else this.raw.destroy();
    this.host.log('closed', { session: this.id, label: this.label, reason });
    this.host.sessionClosed(this);
    this.resolveAdmitted(false);
    this.resolveClosed(reason);
  }

  get isConnected(): boolean {
    return this.state === 'connected';
  }

  /** The other side's latest summary, for the engine's fork check. */
  get remoteSummary(): Summary | null {
    return this.remote;
  }

  status(): PeerStatus {
    let toSend = 0;
    let toReceive = 0;
    if (this.remote !== null && this.lastSent !== null) {
      const remoteLengths = new Map(this.remote.cores.map((core) => [core.core, core.length]));
      const localLengths = new Map(this.lastSent.cores.map((core) => [core.core, core.length]));
      const theyRefuse = new Set(this.remote.refused);
      const weRefuse = new Set(this.lastSent.refused);
      for (const core of this.lastSent.cores) {
        if (!theyRefuse.has(core.desk)) toSend += Math.max(0, core.length - (remoteLengths.get(core.core) ?? 0));
      }
      for (const core of this.remote.cores) {
        if (!weRefuse.has(core.desk)) toReceive += Math.max(0, core.length - (localLengths.get(core.core) ?? 0));
      }
    }
    return {
      id: this.id,
      label: this.label,
      deskKey: this.remoteKey,
      state: this.state,
      connectedAt: this.connectedAt,
      lastSeen: this.state === 'connected' ? this.host.now() : this.lastSeen,
      toSend,
      toReceive,
      clockSkew: this.clockSkew,
      closeReason: this.closeReason,
    };
  }
}

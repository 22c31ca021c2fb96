// Sharing over the local network: a TCP listener on the chosen interface and port (only while
// sharing is on), desks dialled by address and redialled with backoff, desks found by the team's
// multicast announcements, and a status per peer for the status bar. Every socket goes through
// the engine's `replicate`, so the team handshake and the roster check apply to all of them.
import * as net from 'node:net';

import { err, ok, type Result } from '@shared/domain/result';
import { format } from '@shared/i18n/format';

import type { Logger } from '../logging/logger';
import { startBeacon, type Beacon, type BeaconSocket } from './beacon';
import type { TeamKeys } from './teamKeys';
import type { PeerSession, PeerStatus, TeamEngine, TeamError } from './types';

export type LanOptions = {
  engine: Pick<TeamEngine, 'replicate' | 'peers'>;
  /** The address of the interface to listen on (a LAN address, or 127.0.0.1). */
  host: string;
  /** 0 picks a free port (tests). */
  port: number;
  logger: Logger;
  /** Desks to dial, as "host:port". */
  peers?: string[];
  backoff?: { initialMs: number; maxMs: number };
  /** Announce and listen on the local network (UDP multicast, one hop). */
  discovery?: {
    keys: TeamKeys;
    teamId: string;
    group?: string;
    udpPort?: number;
    intervalMs?: number;
    createSocket?: () => BeaconSocket;
  } | null;
  /** How long a dial may take before it counts as failed. */
  connectTimeoutMs?: number;
  /** Incoming connections still in their handshake beyond this many are turned away. */
  maxPending?: number;
  random?: () => number;
  now?: () => number;
};

/** One desk the LAN sharing knows of, by address or by an incoming connection. */
export type LanPeer = {
  address: string;
  source: 'added' | 'found' | 'incoming';
  deskKey: string | null;
  state: 'connected' | 'connecting' | 'waiting' | 'stopped';
  connectedAt: number | null;
  lastSeen: number | null;
  toSend: number;
  toReceive: number;
  clockSkew: number | null;
  lastError: string | null;
  nextAttemptAt: number | null;
};

export type LanSharing = {
  start(): Promise<Result<{ host: string; port: number }, TeamError>>;
  stop(): Promise<void>;
  addPeer(address: string): Result<string, string>;
  removePeer(address: string): void;
  status(): LanPeer[];
};

/** Reads "host:port" (IPv6 in brackets), refusing anything else with the reason. */
export function parseAddress(text: string): Result<{ host: string; port: number }, string> {
  const trimmed = text.trim();
  const match = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]{1,253}):(\d{1,5})$/.exec(trimmed);
  if (match === null) return err(format('team.lan.notAnAddress', { text: trimmed.slice(0, 80) }));
  const port = Number(match[2]);
  if (port < 1 || port > 65535) return err(format('team.lan.portOutOfRange', { port: String(port) }));
  const host = (match[1] ?? '').replace(/^\[|\]$/g, '');
  return ok({ host, port });
}

type Dialer = {
  address: string;
  host: string;
  port: number;
  source: 'added' | 'found';
  deskKey: string | null;
  session: PeerSession | null;
  socket: net.Socket | null;
  attempts: number;
  timer: NodeJS.Timeout | null;
  nextAttemptAt: number | null;
  lastError: string | null;
  lastSeen: number | null;
  foundAt: number;
};

/** A found desk not heard of for this long, and not connected, is forgotten. */
const FOUND_TTL_MS = 5 * 60_000;

export function createLanSharing(opts: LanOptions): LanSharing {
  const now = opts.now ?? Date.now;
  const random = opts.random ?? Math.random;
  const backoff = opts.backoff ?? { initialMs: 1_000, maxMs: 30_000 };
  const dialers = new Map<string, Dialer>();
  const incoming = new Set<PeerSession>();
  let server: net.Server | null = null;
  let beacon: Beacon | null = null;
  let running = false;
  let pending = 0;

  const connectedDesks = (): Set<string> =>
    new Set(
      opts.engine
        .peers()
        .filter((p) => p.state === 'connected' && p.deskKey !== null)
        .map((p) => p.deskKey ?? ''),
    );

  const schedule = (dialer: Dialer) => {
    if (!running || dialer.timer !== null) return;
    // Exponential backoff with jitter, so desks that lost the network together do not redial in step.
    const base = Math.min(backoff.maxMs, backoff.initialMs * 2 ** Math.min(dialer.attempts, 16));
    const delay = Math.round(base * (0.5 + random() / 2));
    dialer.nextAttemptAt = now() + delay;
    dialer.timer = setTimeout(() => {
      dialer.timer = null;
      dialer.nextAttemptAt = null;
      dial(dialer);
    }, delay);
    dialer.timer.unref();
  };

  const dial = (dialer: Dialer) => {
    if (!running || dialer.session !== null || dialer.socket !== null) return;
    if (dialer.source === 'found' && now() - dialer.foundAt > FOUND_TTL_MS) {
      dialers.delete(dialer.address);
      return;
    }
    // Already connected the other way round: nothing to do but check again later.
    if (dialer.deskKey !== null && connectedDesks().has(dialer.deskKey)) {
      dialer.attempts = 0;
      schedule(dialer);
      return;
    }
    const socket = net.connect({ host: dialer.host, port: dialer.port });
    dialer.socket = socket;
    socket.setNoDelay(true);
    const timeout = setTimeout(() => socket.destroy(new Error('no answer')), opts.connectTimeoutMs ?? 5_000);
    timeout.unref();
    socket.once('error', (error) => {
      clearTimeout(timeout);
      if (dialer.session !== null) return;
      dialer.socket = null;
      dialer.attempts += 1;
      dialer.lastError = format('team.lan.unreachable', { address: dialer.address, reason: error.message });
      schedule(dialer);
    });
    socket.once('connect', () => {
      clearTimeout(timeout);
      const session = opts.engine.replicate(socket, { initiator: true, label: dialer.address });
      dialer.session = session;
      void session.admitted().then((admitted) => {
        const status = session.status();
        if (admitted) {
          dialer.attempts = 0;
          dialer.deskKey = status.deskKey;
          dialer.lastError = null;
        }
      });
      void session.closed().then((reason) => {
        const status = session.status();
        dialer.deskKey = status.deskKey ?? dialer.deskKey;
        dialer.lastSeen = status.lastSeen ?? dialer.lastSeen;
        dialer.session = null;
        dialer.socket = null;
        dialer.lastError = reason;
        dialer.attempts += 1;
        schedule(dialer);
      });
    });
  };

  const addDialer = (address: string, source: 'added' | 'found'): Result<string, string> => {
    const parsed = parseAddress(address);
    if (!parsed.ok) return parsed;
    const key = parsed.value.host.includes(':')
      ? `[${parsed.value.host}]:${parsed.value.port}`
      : `${parsed.value.host}:${parsed.value.port}`;
    const existing = dialers.get(key);
    if (existing !== undefined) {
      existing.foundAt = now();
      if (source === 'added') existing.source = 'added';
      return ok(key);
    }
    const dialer: Dialer = {
      address: key,
      host: parsed.value.host,
      port: parsed.value.port,
      source,
      deskKey: null,
      session: null,
      socket: null,
      attempts: 0,
      timer: null,
      nextAttemptAt: null,
      lastError: null,
      lastSeen: null,
      foundAt: now(),
    };
    dialers.set(key, dialer);
    if (running) dial(dialer);
    return ok(key);
  };

  for (const address of opts.peers ?? []) {
    const added = addDialer(address, 'added');
    if (!added.ok) opts.logger.warn('a peer address was ignored', { reason: added.error });
  }

  const statusOf = (
    status: PeerStatus | null,
  ): Pick<LanPeer, 'connectedAt' | 'lastSeen' | 'toSend' | 'toReceive' | 'clockSkew'> => ({
    connectedAt: status?.connectedAt ?? null,
    lastSeen: status?.lastSeen ?? null,
    toSend: status?.toSend ?? 0,
    toReceive: status?.toReceive ?? 0,
    clockSkew: status?.clockSkew ?? null,
  });

  return {
    start() {
      if (running && server !== null) {
        const address = server.address() as net.AddressInfo;
        return Promise.resolve(ok({ host: address.address, port: address.port }));
      }
      return new Promise((resolve) => {
        const listening = net.createServer((socket) => {
          // SECURITY: a flood of half-open connections cannot pin the desk: beyond the limit they
          // are closed before any handshake work.
          if (pending >= (opts.maxPending ?? 32)) {
            socket.destroy();
            return;
          }
          pending += 1;
          socket.setNoDelay(true);
          const label = `${socket.remoteAddress ?? '?'}:${socket.remotePort ?? '?'}`;
          const session = opts.engine.replicate(socket, { initiator: false, label });
          incoming.add(session);
          void session.admitted().then(() => (pending -= 1));
          void session.closed().then(() => setTimeout(() => incoming.delete(session), 60_000).unref());
        });
        listening.once('error', (error: Error & { code?: string }) => {
          resolve(
            err({
              code: 'listen-failed',
              message:
                error.code === 'EADDRINUSE'
                  ? format('team.lan.portInUse', { port: String(opts.port), host: opts.host })
                  : error.code === 'EADDRNOTAVAIL'
                    ? format('team.lan.noSuchAddress', { host: opts.host })
                    : format('team.lan.listenFailed', {
                        host: opts.host,
                        port: String(opts.port),
                        reason: error.message,
                      }),
            }),
          );
        });
        listening.listen({ host: opts.host, port: opts.port }, () => {
          server = listening;
          running = true;
          const address = listening.address() as net.AddressInfo;
          opts.logger.info('team sharing listening', { host: address.address, port: address.port });
          if (opts.discovery) {
            beacon = startBeacon({
              ...opts.discovery,
              iface: opts.host === '0.0.0.0' ? undefined : opts.host,
              tcpPort: address.port,
              logger: opts.logger,
              onPeer: (host, port) => {
                if (host === opts.host && port === address.port) return;
                addDialer(`${host}:${port}`, 'found');
              },
            });
          }
          for (const dialer of dialers.values()) dial(dialer);
          resolve(ok({ host: address.address, port: address.port }));
        });
      });
    },

    async stop() {
      running = false;
      beacon?.stop();
      beacon = null;
      for (const dialer of dialers.values()) {
        if (dialer.timer !== null) clearTimeout(dialer.timer);
        dialer.timer = null;
        dialer.nextAttemptAt = null;
        dialer.session?.close(format('team.lan.sharingTurnedOff'));
        dialer.socket?.destroy();
      }
      for (const session of incoming) session.close(format('team.lan.sharingTurnedOff'));
      const closing = server;
      server = null;
      if (closing !== null) await new Promise<void>((resolve) => closing.close(() => resolve()));
    },

    addPeer(address) {
      return addDialer(address, 'added');
    },

    removePeer(address) {
      const parsed = parseAddress(address);
      const key = parsed.ok
        ? parsed.value.host.includes(':')
          ? `[${parsed.value.host}]:${parsed.value.port}`
          : `${parsed.value.host}:${parsed.value.port}`
        : address;
      const dialer = dialers.get(key);
      if (dialer === undefined) return;
      if (dialer.timer !== null) clearTimeout(dialer.timer);
      dialer.session?.close(format('team.lan.addressRemoved'));
      dialers.delete(key);
    },

    status() {
      const out: LanPeer[] = [];
      const byDesk = new Map(
        opts.engine
          .peers()
          .filter((p) => p.state === 'connected')
          .map((p) => [p.deskKey, p]),
      );
      for (const dialer of dialers.values()) {
        const live = dialer.session?.status() ?? null;
        const viaOther = live === null && dialer.deskKey !== null ? (byDesk.get(dialer.deskKey) ?? null) : null;
        const status = live ?? viaOther;
        const state: LanPeer['state'] = !running
          ? 'stopped'
          : status?.state === 'connected'
            ? 'connected'
            : dialer.socket !== null || live?.state === 'handshaking'
              ? 'connecting'
              : 'waiting';
        out.push({
          address: dialer.address,
          source: dialer.source,
          deskKey: dialer.deskKey,
          state,
          ...statusOf(status),
          lastSeen: status?.lastSeen ?? dialer.lastSeen,
          lastError: state === 'connected' ? null : dialer.lastError,
          nextAttemptAt: dialer.nextAttemptAt,
        });
      }
      const dialled = new Set(out.map((peer) => peer.deskKey).filter((key) => key !== null));
      for (const session of incoming) {
        const status = session.status();
        if (status.deskKey === null || dialled.has(status.deskKey) || status.state !== 'connected') continue;
        out.push({
          address: status.label,
          source: 'incoming',
          deskKey: status.deskKey,
          state: 'connected',
          ...statusOf(status),
          lastError: null,
          nextAttemptAt: null,
        });
      }
      return out;
    },
  };
}

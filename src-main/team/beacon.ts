// Finding the team's desks on the local network, where multicast works: a small UDP datagram every
// few seconds to a site-local multicast group, with a time-to-live of 1 so no router forwards it.
// It carries a random nonce, the TCP port, and a MAC of the team id keyed with the team secret:
// a stranger sees random bytes and a port, cannot tell two announcements of one team apart, and
// learns no team, desk or core. Never the internet: no DHT, no rendezvous server.
import { randomBytes } from 'node:crypto';
import * as dgram from 'node:dgram';

import type { Logger } from '../logging/logger';
import { mac, type TeamKeys } from './teamKeys';

/** FORMAT: site-local (RFC 2365 organisation-local scope) group and port of the announcements. */
export const BEACON_GROUP = '239.255.77.20';
export const BEACON_PORT = 47720;
const MAGIC = Buffer.from('RDB1', 'ascii');
const NONCE_BYTES = 16;
export const BEACON_BYTES = MAGIC.byteLength + NONCE_BYTES + 2 + 32;

function tagOf(keys: TeamKeys, teamId: string, nonce: Buffer, port: Buffer): Buffer {
  return mac(keys.beacon, Buffer.concat([MAGIC, nonce, port, Buffer.from(teamId, 'utf8')]));
}

/**
 * FORMAT: "RDB1", a 16-byte random nonce, the TCP port (2 bytes, big-endian), and a 32-byte tag:
 * BLAKE2b-256 keyed with the team's beacon key over "RDB1" ‖ nonce ‖ port ‖ UTF-8 team id.
 */
export function encodeBeacon(
  keys: TeamKeys,
  teamId: string,
  tcpPort: number,
  nonce: Buffer = randomBytes(NONCE_BYTES),
): Buffer {
  const port = Buffer.alloc(2);
  port.writeUInt16BE(tcpPort, 0);
  return Buffer.concat([MAGIC, nonce, port, tagOf(keys, teamId, nonce, port)]);
}

/** The announced port and nonce when the datagram is this team's, null for anything else. */
export function decodeBeacon(keys: TeamKeys, teamId: string, bytes: Buffer): { port: number; nonce: string } | null {
  if (bytes.byteLength !== BEACON_BYTES || !bytes.subarray(0, 4).equals(MAGIC)) return null;
  const nonce = bytes.subarray(4, 4 + NONCE_BYTES);
  const port = bytes.subarray(4 + NONCE_BYTES, 6 + NONCE_BYTES);
  const tag = bytes.subarray(6 + NONCE_BYTES);
  const expected = tagOf(keys, teamId, nonce, port);
  if (!cryptoEqual(tag, expected)) return null;
  const tcpPort = port.readUInt16BE(0);
  return tcpPort === 0 ? null : { port: tcpPort, nonce: nonce.toString('hex') };
}

function cryptoEqual(a: Buffer, b: Buffer): boolean {
  if (a.byteLength !== b.byteLength) return false;
  let diff = 0;
  for (let i = 0; i < a.byteLength; i += 1) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

/** The parts of a UDP socket the beacon uses; tests replace it with an in-memory bus. */
export type BeaconSocket = {
  bind(port: number, done: () => void): void;
  addMembership(group: string, iface?: string): void;
  setMulticastInterface(iface: string): void;
  setMulticastTTL(ttl: number): void;
  setMulticastLoopback(on: boolean): void;
  send(message: Buffer, port: number, address: string, done?: (error: Error | null) => void): void;
  on(event: 'message', listener: (message: Buffer, from: { address: string }) => void): void;
  on(event: 'error', listener: (error: Error) => void): void;
  close(): void;
};

export type BeaconOptions = {
  keys: TeamKeys;
  teamId: string;
  /** The interface to announce on and listen on (the one sharing listens on); undefined: the default. */
  iface: string | undefined;
  /** The TCP port this desk listens on. */
  tcpPort: number;
  logger: Logger;
  onPeer: (address: string, port: number) => void;
  group?: string;
  udpPort?: number;
  intervalMs?: number;
  createSocket?: () => BeaconSocket;
};

export type Beacon = { stop(): void };

/** Starts announcing and listening; errors (no multicast on this network) are logged, not thrown. */
export function startBeacon(opts: BeaconOptions): Beacon {
  const group = opts.group ?? BEACON_GROUP;
  const udpPort = opts.udpPort ?? BEACON_PORT;
  const socket = (opts.createSocket ?? (() => dgram.createSocket({ type: 'udp4', reuseAddr: true })))();
  const own = new Set<string>();
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;

  socket.on('error', (error) => opts.logger.warn('local network discovery unavailable', { error: error.message }));
  socket.on('message', (message, from) => {
    const beacon = decodeBeacon(opts.keys, opts.teamId, message);
    if (beacon === null || own.has(beacon.nonce)) return;
    opts.onPeer(from.address, beacon.port);
  });

  const announce = () => {
    if (stopped) return;
    const nonce = randomBytes(NONCE_BYTES);
    own.add(nonce.toString('hex'));
    if (own.size > 64) own.delete(own.values().next().value ?? '');
    socket.send(encodeBeacon(opts.keys, opts.teamId, opts.tcpPort, nonce), udpPort, group, (error) => {
      if (error) opts.logger.warn('local network announcement failed', { error: error.message });
    });
  };

  socket.bind(udpPort, () => {
    if (stopped) return;
    try {
      socket.addMembership(group, opts.iface);
      if (opts.iface !== undefined) socket.setMulticastInterface(opts.iface);
      // SECURITY: one hop only: announcements never leave the local network.
      socket.setMulticastTTL(1);
      socket.setMulticastLoopback(true);
    } catch (error) {
      opts.logger.warn('local network discovery unavailable', {
        error: error instanceof Error ? error.message : String(error),
      });
      return;
    }
    announce();
    timer = setInterval(announce, opts.intervalMs ?? 5_000);
    timer.unref();
  });

  return {
    stop() {
      stopped = true;
      if (timer !== null) clearInterval(timer);
      try {
        socket.close();
      } catch {
        // Already closed.
      }
    },
  };
}

// The headless always-on peer: a plain Node process (a city server, a spare laptop) that keeps a
// copy of every team core and replicates with every desk it can reach, so a laptop that was away
// catches up even when the others are off. It writes no records of its own; it relays every desk
// an admitted desk offers (the desks apply their own roster to what they read). Its configuration
// is a team invitation file: team id and secret, the roster (who may connect), desks to dial.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

import { err, ok, type Result } from '@shared/domain/result';
import { format } from '@shared/i18n/format';
import { parseTeamInvitation, type TeamInvitation } from '@shared/schemas/teamInvitation';

import type { Logger } from '../logging/logger';
import { HypercoreTeamEngine } from './hypercoreEngine';
import { createLanSharing, parseAddress, type LanSharing } from './lan';
import { deriveTeamKeys } from './teamKeys';
import type { RosterStanding } from './types';

export type PeerArgs = {
  data: string;
  port: number;
  host: string;
  invitation: string;
  peers: string[];
  discovery: boolean;
  statusEverySeconds: number;
};

/** The command line's help, in the catalogue's words. */
export const peerUsage = (): string => format('team.peer.usage');

/** Reads the command line, refusing what it does not know with the reason. */
export function parsePeerArgs(argv: readonly string[]): Result<PeerArgs, string> {
  let data: string | null = null;
  let port: number | null = null;
  let host = '0.0.0.0';
  let invitation: string | null = null;
  let discovery = true;
  let statusEverySeconds = 60;
  const peers: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i] ?? '';
    const value = argv[i + 1];
    const needsValue = ['--data', '--port', '--host', '--invitation', '--peer', '--status-every'].includes(flag);
    if (needsValue && (value === undefined || value.startsWith('--')))
      return err(format('team.peer.needsValue', { flag }));
    switch (flag) {
      case '--data':
        data = value ?? null;
        i += 1;
        break;
      case '--port': {
        const n = Number(value);
        if (!Number.isInteger(n) || n < 1 || n > 65535) return err(format('team.peer.badPort', { value: value ?? '' }));
        port = n;
        i += 1;
        break;
      }
      case '--host':
        host = value ?? host;
        i += 1;
        break;
      case '--invitation':
        invitation = value ?? null;
        i += 1;
        break;
      case '--peer': {
        const parsed = parseAddress(value ?? '');
        if (!parsed.ok) return err(format('team.peer.badPeer', { problem: parsed.error }));
        peers.push(value ?? '');
        i += 1;
        break;
      }
      case '--no-discovery':
        discovery = false;
        break;
      case '--status-every': {
        const n = Number(value);
        if (!Number.isInteger(n) || n < 0) return err(format('team.peer.badStatusEvery', { value: value ?? '' }));
        statusEverySeconds = n;
        i += 1;
        break;
      }
      default:
        return err(format('team.peer.unknownOption', { flag }));
    }
  }
  if (data === null) return err(format('team.peer.dataRequired'));
  if (port === null) return err(format('team.peer.portRequired'));
  return ok({
    data,
    port,
    host,
    invitation: invitation ?? join(data, 'invitation.json'),
    peers,
    discovery,
    statusEverySeconds,
  });
}

export async function readInvitation(path: string): Promise<Result<TeamInvitation, string>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    return err(
      format('team.peer.invitationUnreadable', {
        path,
        reason: error instanceof Error ? error.message : String(error),
      }),
    );
  }
  const parsed = parseTeamInvitation(text);
  return parsed.ok ? parsed : err(format('team.peer.invitationInvalid', { path, problem: parsed.error }));
}

function rosterOf(invitation: TeamInvitation): Map<string, RosterStanding> {
  return new Map(
    invitation.roster.map((entry): [string, RosterStanding] => [
      entry.deskKey,
      entry.status === 'member' ? { status: 'member' } : { status: 'revoked', lengths: entry.revokedAt },
    ]),
  );
}

export type RunningPeer = {
  engine: HypercoreTeamEngine;
  sharing: LanSharing;
  port: number;
  stop(): Promise<void>;
};

/**
 * Starts the peer. The invitation file is read again whenever it changes (checked every few
 * seconds), so admitting or revoking a desk only needs a fresh roster file, not a restart.
 */
export async function startPeer(
  args: PeerArgs,
  logger: Logger,
  opts: { rosterCheckMs?: number } = {},
): Promise<Result<RunningPeer, string>> {
  const first = await readInvitation(args.invitation);
  if (!first.ok) return first;
  let invitation = first.value;
  let roster = rosterOf(invitation);
  const team = { teamId: invitation.teamId, secret: Buffer.from(invitation.secret, 'hex') };

  const opened = await HypercoreTeamEngine.open({
    folder: join(args.data, 'store'),
    team,
    roster: (key) => roster.get(key),
    logger,
    policy: 'relay-all',
  });
  if (!opened.ok) return err(opened.error.message);
  const engine = opened.value;

  const sharing = createLanSharing({
    engine,
    host: args.host,
    port: args.port,
    logger,
    peers: [...invitation.peers.filter((p) => parseAddress(p).ok), ...args.peers],
    discovery: args.discovery ? { keys: deriveTeamKeys(team), teamId: team.teamId } : null,
  });
  const started = await sharing.start();
  if (!started.ok) {
    await engine.close();
    return err(started.error.message);
  }

  let lastModified = (await stat(args.invitation)).mtimeMs;
  const rosterTimer = setInterval(() => {
    void (async () => {
      const modified = await stat(args.invitation).then(
        (s) => s.mtimeMs,
        () => lastModified,
      );
      if (modified === lastModified) return;
      lastModified = modified;
      const next = await readInvitation(args.invitation);
      if (!next.ok) {
        logger.warn('the changed invitation file was not taken: the previous roster stays', { reason: next.error });
        return;
      }
      if (next.value.teamId !== invitation.teamId || next.value.secret !== invitation.secret) {
        logger.warn('the changed invitation file is for another team: the previous roster stays', {});
        return;
      }
      invitation = next.value;
      roster = rosterOf(invitation);
      for (const address of invitation.peers) sharing.addPeer(address);
      engine.rosterChanged();
      logger.info('roster reloaded', { desks: roster.size });
    })();
  }, opts.rosterCheckMs ?? 5_000);
  rosterTimer.unref();

  return ok({
    engine,
    sharing,
    port: started.value.port,
    async stop() {
      clearInterval(rosterTimer);
      await sharing.stop();
      await engine.close();
    },
  });
}

/** One line for the log: who is connected, what is held, what is still to move. */
export async function statusLine(peer: RunningPeer): Promise<string> {
  const cores = await peer.engine.listCores();
  const records = cores.reduce((sum, core) => sum + core.length, 0);
  const desks = new Set(cores.map((core) => core.deskKey)).size;
  const peers = peer.sharing.status();
  const connected = peers.filter((p) => p.state === 'connected');
  const toSend = connected.reduce((sum, p) => sum + p.toSend, 0);
  const toReceive = connected.reduce((sum, p) => sum + p.toReceive, 0);
  return format('team.peer.status', {
    connected: connected.length,
    waiting: peers.length - connected.length,
    records,
    desks,
    cores: cores.length,
    toSend,
    toReceive,
  });
}

import { networkInterfaces } from 'node:os';
import { isAbsolute } from 'node:path';

import { err, ok, type Result } from '@shared/domain/result';
import { teamFingerprint } from '@shared/domain/team/fingerprint';
import { format } from '@shared/i18n/format';
import type { FolderSyncReport, TeamHeads, TeamStatus } from '@shared/ipc/teamContract';

import type { FolderChooser } from '../adapters/dialogs';
import { HandlerError } from '../ipc/handlerError';
import type { Logger } from '../logging/logger';
import type { TeamMembership, TeamStatus as MembershipStatus } from '../team/membership';
import { publishEntries, readEntries, teamHeadsOf } from '../team/recordExchange';
import type { TeamEngine } from '../team/types';

/** What the team channels answer with: one method per channel, each a status or a refusal in words. */
export type TeamService = {
  status(): Promise<TeamStatus>;
  create(input: { teamName: string; deskName: string }): Promise<TeamStatus>;
  join(input: { invitationText: string; deskName: string }): Promise<TeamStatus>;
  invitation(): Promise<{ text: string }>;
  admit(input: { deskKey: string; name: string }): Promise<TeamStatus>;
  revoke(input: { deskKey: string; reason: string }): Promise<TeamStatus>;
  startSharing(input: { host: string; port: number }): Promise<TeamStatus>;
  stopSharing(): Promise<TeamStatus>;
  addPeer(input: { address: string }): Promise<TeamStatus>;
  syncFolder(input: { folder: string | null }): Promise<{ report: FolderSyncReport | null }>;
  heads(): Promise<TeamHeads>;
  publish(input: { scope: string; entries: string[] }): Promise<{ appended: number }>;
  read(input: { coreKey: string; start: number; max: number }): Promise<{ entries: (string | null)[] }>;
  close(): Promise<void>;
};

/** How many entries one read answers with at most, and after how long. */
export type TeamReadPace = { entries: number; delayMs: number };

export type TeamServiceDeps = {
  /** The folder the team file and the engine's store live in, beside the desk's other data. */
  folder: string;
  log: Logger;
  now: () => number;
  /** Look for the team's desks on the local network while sharing (multicast); off in tests. */
  discovery: boolean;
  /** The desktop app's folder dialog; null in the browser edition, where the person types the path. */
  chooseFolder?: FolderChooser | null;
  /** End-to-end runs only: reads answered slowly, to watch a catch-up. */
  readPace?: TeamReadPace;
  /** The machine's network interfaces, as `os.networkInterfaces()` gives them. */
  interfaces?: () => ReturnType<typeof networkInterfaces>;
  /**
   * Opens the membership. Loaded on first use and only then: the engine's native add-ons load with
   * it, so a machine that refuses them still runs every other part of the desk.
   */
  open?: typeof openMembership;
};

async function openMembership(deps: {
  folder: string;
  logger: Logger;
  now: () => number;
  discovery: boolean;
}): Promise<Result<TeamMembership, string>> {
  const { openTeamMembership } = await import('../team/membership');
  return openTeamMembership(deps);
}

/** Runs `act` on the membership's engine; a desk in no team is refused in words. */
async function withEngine<T>(
  m: TeamMembership,
  act: (engine: TeamEngine) => Promise<Result<T, string>>,
): Promise<Result<T, string>> {
  const engine = m.engine();
  return engine ? act(engine) : err(format('team.membership.notInTeam'));
}

/** The addresses a desk can listen on: IPv4 local-network interfaces first, loopback last. */
export function sharingAddresses(interfaces: ReturnType<typeof networkInterfaces>): string[] {
  const lan: string[] = [];
  for (const list of Object.values(interfaces))
    for (const info of list ?? []) if (info.family === 'IPv4' && !info.internal) lan.push(info.address);
  return [...new Set(lan)].concat('127.0.0.1');
}

/** The desk's membership of a team, behind the team channels of the contract. */
export function createTeamService(deps: TeamServiceDeps): TeamService {
  const interfaces = deps.interfaces ?? networkInterfaces;
  const open = deps.open ?? openMembership;
  let opening: Promise<Result<TeamMembership, string>> | null = null;
  let failedAt: number | null = null;

  /**
   * The membership, opened once. A failed open (the store locked by another copy of the desk, the
   * add-ons refused) is not kept for good: a person's action tries again at once, the status
   * asked in the background at most every RETRY_OPEN_MS, so a desk recovers without a restart.
   */
  const membership = (retry: 'now' | 'later' = 'now'): Promise<Result<TeamMembership, string>> => {
    if (opening !== null && failedAt !== null && (retry === 'now' || deps.now() - failedAt >= RETRY_OPEN_MS)) {
      opening = null;
      failedAt = null;
    }
    opening ??= open({
      folder: deps.folder,
      logger: deps.log,
      now: deps.now,
      discovery: deps.discovery,
    })
      .catch((error: unknown) => {
        deps.log.warn('the team engine could not be loaded', { error });
        return err(format('team.host.engineUnavailable', { reason: describe(error) }));
      })
      .then((opened) => {
        if (!opened.ok) failedAt = deps.now();
        return opened;
      });
    return opening;
  };

  const describeStatus = async (status: MembershipStatus, engine: TeamEngine | null): Promise<TeamStatus> =>
    status.state === 'none' || engine === null
      ? { state: 'none', unavailable: null }
      : {
          ...status,
          addresses: sharingAddresses(interfaces()),
          fingerprint: teamFingerprint(await engine.listCores()),
        };

  /** Runs `act` on the open membership; a refusal becomes the channel's error, in the membership's words. */
  const withMembership = async <T>(act: (m: TeamMembership) => Promise<Result<T, string>> | Result<T, string>) => {
    const opened = await membership();
    if (!opened.ok) throw new HandlerError('io-failed', opened.error);
    const done = await act(opened.value);
    if (!done.ok) throw new HandlerError('invalid-request', done.error);
    return { value: done.value, membership: opened.value };
  };
  /** Runs `act`, then answers with the team's state as it stands after it. */
  const thenStatus = async <T>(act: (m: TeamMembership) => Promise<Result<T, string>> | Result<T, string>) => {
    const { membership: m } = await withMembership(act);
    return describeStatus(m.status(), m.engine());
  };

  return {
    status: async () => {
      const opened = await membership('later');
      return opened.ok
        ? describeStatus(opened.value.status(), opened.value.engine())
        : { state: 'none', unavailable: opened.error };
    },
    create: (input) => thenStatus((m) => m.create(input)),
    join: (input) => thenStatus((m) => m.join(input)),
    invitation: async () => ({ text: (await withMembership((m) => m.invitation())).value }),
    admit: (input) => thenStatus((m) => m.admit(input)),
    revoke: (input) => thenStatus((m) => m.revoke(input)),
    startSharing: async ({ host, port }) => {
      // SECURITY: the desk listens only on an address of this machine it offered, never on every interface at once.
      if (!sharingAddresses(interfaces()).includes(host))
        throw new HandlerError('invalid-request', format('team.host.notAnAddressHere', { host }));
      return thenStatus((m) => m.startSharing({ host, port }));
    },
    stopSharing: () => thenStatus(async (m) => ok(await m.stopSharing())),
    addPeer: ({ address }) => thenStatus((m) => m.addPeer(address)),
    syncFolder: async ({ folder }) => {
      const chosen = folder ?? (deps.chooseFolder ? await deps.chooseFolder(format('team.host.chooseStick')) : null);
      if (folder === null && !deps.chooseFolder)
        throw new HandlerError('invalid-request', format('team.host.typeFolder'));
      if (chosen === null) return { report: null };
      // SECURITY: a path typed in the browser edition names a folder of this computer, never a relative one.
      if (!isAbsolute(chosen))
        throw new HandlerError('invalid-request', format('team.host.folderNotAbsolute', { folder: chosen }));
      const { value } = await withMembership(async (m) => {
        const engine = m.engine();
        if (!engine) return err(format('team.membership.notInTeam'));
        const synced = await engine.syncFolder(chosen);
        return synced.ok ? synced : err(synced.error.message);
      });
      return { report: value };
    },
    heads: async () => {
      const opened = await membership('later');
      const engine = opened.ok ? opened.value.engine() : null;
      return engine ? teamHeadsOf(engine) : { own: [], cores: [] };
    },
    publish: async ({ scope, entries }) =>
      (await withMembership((m) => withEngine(m, (engine) => publishEntries(engine, scope, entries)))).value,
    read: async (request) => {
      const pace = deps.readPace;
      if (pace) await new Promise((resolve) => setTimeout(resolve, pace.delayMs));
      const asked = pace ? { ...request, max: Math.min(request.max, pace.entries) } : request;
      return (await withMembership((m) => withEngine(m, (engine) => readEntries(engine, asked)))).value;
    },
    close: async () => {
      if (opening === null) return;
      const opened = await opening;
      if (opened.ok) await opened.value.close();
    },
  };
}

/** How long a failed open of the membership stands before a background status request tries again. */
const RETRY_OPEN_MS = 30_000;

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

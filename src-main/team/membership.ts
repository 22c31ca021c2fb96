// A desk's membership of a team, above the engine: the team it belongs to (kept in a file beside
// the store), the roster folded from every desk's roster changes, and the local-network sharing.
// Electron's main process and the browser edition's local server both wire this in; it knows
// nothing of either. Everything a person asks of the team answers a Result with words.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { err, ok, type Result } from '@shared/domain/result';
import { foldRoster, standingIn, type AuthoredRosterEvent, type RosterFold } from '@shared/domain/team/roster';
import { TEAM_INVITATION_FORMAT, parseTeamInvitation, type TeamInvitation } from '@shared/schemas/teamInvitation';
import { checkRosterEvent, decodeRosterEvent, encodeRosterEvent } from '@shared/schemas/teamRoster';
import { format } from '@shared/i18n/format';

import { writeFileAtomic } from '../adapters/atomicWrite';
import type { Logger } from '../logging/logger';
import { HypercoreTeamEngine, newTeamId } from './hypercoreEngine';
import { createLanSharing, type LanPeer, type LanSharing } from './lan';
import { deriveTeamKeys, TEAM_SECRET_BYTES } from './teamKeys';
import type { TeamEngine } from './types';

/** FORMAT: what a desk keeps of its team: the invitation it was created or joined with, and its name. */
type MembershipFile = {
  format: 'response-desk-team-membership';
  version: 1;
  deskName: string;
  invitation: TeamInvitation;
};

export type TeamMember = { deskKey: string; name: string; status: 'member' | 'revoked'; admittedBy: string | null };

export type TeamStatus =
  | { state: 'none' }
  | {
      state: 'member' | 'waiting-for-admission' | 'revoked';
      teamId: string;
      teamName: string;
      deskKey: string;
      deskName: string;
      roster: TeamMember[];
      /** Roster changes held that do not count (by a desk outside the team, past a revocation…). */
      ignoredRosterChanges: number;
      sharing: { host: string; port: number } | null;
      peers: LanPeer[];
    };

export type TeamMembership = {
  status(): TeamStatus;
  create(input: { teamName: string; deskName: string }): Promise<Result<TeamStatus, string>>;
  join(input: { invitationText: string; deskName: string }): Promise<Result<TeamStatus, string>>;
  /** The invitation file's text another desk joins with: the team secret, the roster as it stands, where to dial. */
  invitation(): Result<string, string>;
  admit(input: { deskKey: string; name: string }): Promise<Result<TeamStatus, string>>;
  revoke(input: { deskKey: string; reason: string }): Promise<Result<TeamStatus, string>>;
  startSharing(input: { host: string; port: number }): Promise<Result<TeamStatus, string>>;
  stopSharing(): Promise<TeamStatus>;
  addPeer(address: string): Result<TeamStatus, string>;
  /** The engine, once the desk is in a team: what the record exchange appends to and reads from. */
  engine(): TeamEngine | null;
  close(): Promise<void>;
};

const FILE = 'team.json';

/** Opens the desk's membership in `folder` (created if missing): the team it is in, if any. */
export async function openTeamMembership(deps: {
  folder: string;
  logger: Logger;
  now: () => number;
  /** Announce and look for desks on the local network while sharing; off in tests. */
  discovery?: boolean;
}): Promise<Result<TeamMembership, string>> {
  const { folder, logger, now } = deps;
  let file: MembershipFile | null = null;
  let engine: HypercoreTeamEngine | null = null;
  let fold: RosterFold = { members: new Map(), ignored: [] };
  let sharing: { lan: LanSharing; host: string; port: number } | null = null;
  let unsubscribe: () => void = () => undefined;

  const read = await readMembership(join(folder, FILE));
  if (!read.ok) return read;
  file = read.value;

  // Roster changes may arrive while a fold is under way: folds run one after another, never interleaved,
  // so an older fold never lands after a newer one.
  let folding: Promise<void> = Promise.resolve();
  const refold = (): Promise<void> => (folding = folding.then(foldNow, foldNow));
  const foldNow = async (): Promise<void> => {
    if (!engine || !file) return;
    const events: AuthoredRosterEvent[] = [];
    for (const core of await engine.listCores()) {
      if (core.scope !== 'roster' || core.length === 0) continue;
      const records = await engine.read(core.coreKey, { start: 0, end: core.length, maxRecords: core.length });
      if (!records.ok) continue;
      for (const record of records.value) {
        if (!('bytes' in record)) continue;
        const event = decodeRosterEvent(record.bytes);
        if (event.ok) events.push({ author: core.deskKey, index: record.index, event: event.value });
        else
          logger.warn('a roster record was refused', {
            deskKey: core.deskKey,
            index: record.index,
            reason: event.error,
          });
      }
    }
    fold = foldRoster(file.invitation.roster, events);
    engine.rosterChanged();
  };

  const openEngine = async (membership: MembershipFile): Promise<Result<HypercoreTeamEngine, string>> => {
    const { teamId, secret } = membership.invitation;
    fold = foldRoster(membership.invitation.roster, []);
    const opened = await HypercoreTeamEngine.open({
      folder: join(folder, 'store', teamId),
      team: { teamId, secret: Buffer.from(secret, 'hex') },
      roster: (key) => standingIn(fold)(key),
      logger,
      now,
    });
    if (!opened.ok) return err(opened.error.message);
    const opening = opened.value;
    unsubscribe = opening.subscribe((arrived) => (arrived.scope === 'roster' ? refold() : undefined));
    engine = opening;
    await refold();
    return ok(opening);
  };

  if (file) {
    const opened = await openEngine(file);
    if (!opened.ok) return opened;
  }

  const status = (): TeamStatus => {
    if (!file || !engine) return { state: 'none' };
    const own = fold.members.get(engine.deskKey);
    return {
      state: !own ? 'waiting-for-admission' : own.standing.status === 'member' ? 'member' : 'revoked',
      teamId: file.invitation.teamId,
      teamName: file.invitation.teamName,
      deskKey: engine.deskKey,
      deskName: file.deskName,
      roster: [...fold.members.values()].map((m) => ({
        deskKey: m.deskKey,
        name: m.name,
        status: m.standing.status,
        admittedBy: m.admittedBy,
      })),
      ignoredRosterChanges: fold.ignored.filter((i) => i.why === 'author-not-member' || i.why === 'after-revocation')
        .length,
      sharing: sharing ? { host: sharing.host, port: sharing.port } : null,
      peers: sharing?.lan.status() ?? [],
    };
  };

  const begin = async (membership: MembershipFile): Promise<Result<TeamStatus, string>> => {
    if (file) return err(format('team.membership.alreadyInTeam', { team: file.invitation.teamName }));
    const checked = parseTeamInvitation(JSON.stringify(membership.invitation));
    if (!checked.ok) return checked;
    try {
      await mkdir(folder, { recursive: true });
    } catch (error) {
      return err(format('team.membership.folderFailed', { folder, reason: describe(error) }));
    }
    const opened = await openEngine(membership);
    if (!opened.ok) return opened;
    try {
      await writeFileAtomic(join(folder, FILE), `${JSON.stringify(membership, null, 2)}\n`);
    } catch (error) {
      await closeEngine();
      return err(describe(error));
    }
    file = membership;
    return ok(status());
  };

  const closeEngine = async () => {
    unsubscribe();
    if (sharing) await sharing.lan.stop();
    sharing = null;
    await engine?.close();
    engine = null;
  };

  const appendRoster = async (draft: unknown): Promise<Result<TeamStatus, string>> => {
    if (!engine) return err(format('team.membership.notInTeam'));
    const own = fold.members.get(engine.deskKey);
    if (own?.standing.status !== 'member') return err(format('team.membership.notMember'));
    const event = checkRosterEvent(draft);
    if (!event.ok) return event;
    const appended = await engine.append({ kind: 'roster' }, [encodeRosterEvent(event.value)]);
    if (!appended.ok) return err(appended.error.message);
    await refold();
    return ok(status());
  };

  const header = () => ({
    format: 'response-desk-roster-event' as const,
    version: 1 as const,
    at: new Date(now()).toISOString(),
  });

  return ok({
    status,
    create: async ({ teamName, deskName }) => {
      // The founder's key is known only once the store is open in the team's namespace: open first, then name it.
      const invitation: TeamInvitation = {
        format: TEAM_INVITATION_FORMAT,
        version: 1,
        teamId: newTeamId(),
        teamName: teamName.trim(),
        secret: randomBytes(TEAM_SECRET_BYTES).toString('hex'),
        roster: [],
        peers: [],
        createdAt: new Date(now()).toISOString(),
      };
      const started = await begin({
        format: 'response-desk-team-membership',
        version: 1,
        deskName: deskName.trim(),
        invitation,
      });
      if (!started.ok || !engine || !file) return started;
      const founder = { deskKey: engine.deskKey, name: deskName.trim(), status: 'member' as const, admittedBy: null };
      file = { ...file, invitation: { ...file.invitation, roster: [founder] } };
      try {
        await writeFileAtomic(join(folder, FILE), `${JSON.stringify(file, null, 2)}\n`);
      } catch (error) {
        return err(describe(error));
      }
      await refold();
      return ok(status());
    },
    join: async ({ invitationText, deskName }) => {
      const parsed = parseTeamInvitation(invitationText);
      if (!parsed.ok) return parsed;
      return begin({
        format: 'response-desk-team-membership',
        version: 1,
        deskName: deskName.trim(),
        invitation: parsed.value,
      });
    },
    invitation: () => {
      if (!file || !engine) return err(format('team.membership.notInTeam'));
      const invitation: TeamInvitation = {
        ...file.invitation,
        roster: [...fold.members.values()].map((m) =>
          m.standing.status === 'member'
            ? { deskKey: m.deskKey, name: m.name, status: 'member', admittedBy: m.admittedBy }
            : {
                deskKey: m.deskKey,
                name: m.name,
                status: 'revoked',
                admittedBy: m.admittedBy,
                revokedAt: m.standing.lengths,
              },
        ),
        peers: sharing ? [`${sharing.host}:${sharing.port}`] : file.invitation.peers,
      };
      return ok(`${JSON.stringify(invitation, null, 2)}\n`);
    },
    admit: ({ deskKey, name }) =>
      appendRoster({ ...header(), kind: 'desk-admitted', deskKey: deskKey.trim().toLowerCase(), name: name.trim() }),
    revoke: async ({ deskKey, reason }) => {
      if (!engine) return err(format('team.membership.notInTeam'));
      const key = deskKey.trim().toLowerCase();
      if (!fold.members.has(key)) return err(format('team.membership.notInRoster'));
      return appendRoster({
        ...header(),
        kind: 'desk-revoked',
        deskKey: key,
        lengths: await engine.lengthsOf(key),
        reason: reason.trim(),
      });
    },
    startSharing: async ({ host, port }) => {
      if (!engine || !file) return err(format('team.membership.notInTeam'));
      if (sharing) return ok(status());
      const team = { teamId: file.invitation.teamId, secret: Buffer.from(file.invitation.secret, 'hex') };
      const lan = createLanSharing({
        engine,
        host,
        port,
        logger,
        peers: file.invitation.peers,
        discovery: deps.discovery === true ? { keys: deriveTeamKeys(team), teamId: team.teamId } : null,
      });
      const started = await lan.start();
      if (!started.ok) return err(started.error.message);
      sharing = { lan, host: started.value.host, port: started.value.port };
      return ok(status());
    },
    stopSharing: async () => {
      await sharing?.lan.stop();
      sharing = null;
      return status();
    },
    addPeer: (address) => {
      if (!sharing) return err(format('team.membership.sharingOff'));
      const added = sharing.lan.addPeer(address);
      return added.ok ? ok(status()) : err(added.error);
    },
    engine: () => engine,
    close: closeEngine,
  });
}

async function readMembership(path: string): Promise<Result<MembershipFile | null, string>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return ok(null);
    return err(format('team.membership.fileUnreadable', { path, reason: describe(error) }));
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return err(format('team.membership.fileNotJson', { path }));
  }
  const record = raw as Partial<MembershipFile>;
  if (record.format !== 'response-desk-team-membership' || typeof record.deskName !== 'string')
    return err(format('team.membership.fileForeign', { path }));
  const invitation = parseTeamInvitation(JSON.stringify(record.invitation));
  if (!invitation.ok) return err(format('team.membership.fileDamaged', { path, reason: invitation.error }));
  return ok({
    format: 'response-desk-team-membership',
    version: 1,
    deskName: record.deskName,
    invitation: invitation.value,
  });
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

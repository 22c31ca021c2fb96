import { z } from 'zod';

import { hex64, personName } from '../schemas/teamInvitation';

/**
 * The team channels of the contract: what the screens may ask of the desk's membership of a
 * team (kept by main, or by the browser edition's local server), and what they are told back.
 * SECURITY: the renderer never sees the team secret except inside the invitation text a member
 * asks for on purpose, to hand to a desk joining.
 */

/** One desk the local-network sharing knows of, as the status bar and the team screen show it. */
export const TeamPeerSchema = z.object({
  address: z.string().max(300),
  source: z.enum(['added', 'found', 'incoming']),
  deskKey: z.string().max(64).nullable(),
  state: z.enum(['connected', 'connecting', 'waiting', 'stopped']),
  connectedAt: z.number().nullable(),
  lastSeen: z.number().nullable(),
  toSend: z.number().int().nonnegative(),
  toReceive: z.number().int().nonnegative(),
  /** How far the peer's clock is ahead of this desk's (negative: behind), in ms; null when unknown. */
  clockSkew: z.number().nullable(),
  lastError: z.string().max(1000).nullable(),
  nextAttemptAt: z.number().nullable(),
});
export type TeamPeer = z.infer<typeof TeamPeerSchema>;

export const TeamMemberSchema = z.object({
  deskKey: z.string().max(64),
  name: z.string().max(120),
  status: z.enum(['member', 'revoked']),
  admittedBy: z.string().max(64).nullable(),
});
export type TeamMember = z.infer<typeof TeamMemberSchema>;

export const TeamStatusSchema = z.discriminatedUnion('state', [
  z.object({
    state: z.literal('none'),
    /** The machine cannot run the team engine (its native add-ons did not load): why, in words. */
    unavailable: z.string().max(1000).nullable(),
  }),
  z.object({
    state: z.enum(['member', 'waiting-for-admission', 'revoked']),
    teamId: z.string().max(100),
    teamName: z.string().max(120),
    deskKey: z.string().max(64),
    deskName: z.string().max(120),
    roster: z.array(TeamMemberSchema).max(500),
    ignoredRosterChanges: z.number().int().nonnegative(),
    sharing: z.object({ host: z.string().max(300), port: z.number().int() }).nullable(),
    peers: z.array(TeamPeerSchema).max(500),
    /** The addresses this machine could share on: its local-network interfaces, then loopback. */
    addresses: z.array(z.string().max(100)).max(50),
    /** Over every core this desk holds (shared/domain/team/fingerprint.ts): the same on desks in step. */
    fingerprint: z.object({ hex: z.string().max(64), words: z.array(z.string().max(20)).length(12) }),
  }),
]);
export type TeamStatus = z.infer<typeof TeamStatusSchema>;

/** What a sync with a folder (a USB stick) did; null in the reply when the person cancelled the dialog. */
export const FolderSyncReportSchema = z.object({
  file: z.string().max(1000),
  received: z.number().int().nonnegative(),
  sent: z.number().int().nonnegative(),
  cores: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
  replacedDamaged: z.string().max(1000).nullable(),
});
export type FolderSyncReport = z.infer<typeof FolderSyncReportSchema>;

/**
 * The record exchange between the desk's database (in the window) and the team engine (in main or
 * the local server). Entries are text: each the JSON of a desk identity or a signed record
 * (shared/domain/team/teamEntry.ts); the window checks every one it reads before storing it.
 */
export const MAX_TEAM_ENTRY_CHARS = 1024 * 1024 + 64 * 1024;
/** Entries one read or one publish carries at most: a batch stays small enough to store in one step. */
export const MAX_TEAM_BATCH = 500;

const scopeText = z.string().min(1).max(120);

/** Another desk's core this desk holds, and how many of its entries are held without a gap. */
export const TeamCoreSchema = z.object({
  coreKey: hex64,
  teamDesk: hex64,
  scope: scopeText,
  length: z.number().int().nonnegative(),
  /**
   * The core's desk was revoked and wrote on: its entries from this place on came after the
   * revocation (kept by the engine, never applied); null when there are none.
   */
  revokedFrom: z.number().int().nonnegative().nullable(),
});
export type TeamCore = z.infer<typeof TeamCoreSchema>;

export const TeamHeadsSchema = z.object({
  /** The newest record of this desk's chain in each of its own cores: where publishing goes on from. */
  own: z
    .array(z.object({ scope: scopeText, deskId: z.string().max(40), seq: z.number().int().positive() }))
    .max(10_000),
  cores: z.array(TeamCoreSchema).max(10_000),
});
export type TeamHeads = z.infer<typeof TeamHeadsSchema>;

/** The port a desk shares on unless the person picks another; the README tells a city's IT. */
export const DEFAULT_TEAM_PORT = 5220;

const portSchema = z.number().int().min(1024).max(65535);

export const teamContract = {
  teamStatus: { request: z.undefined(), response: TeamStatusSchema },
  teamCreate: {
    request: z.strictObject({ teamName: personName, deskName: personName }),
    response: TeamStatusSchema,
  },
  teamJoin: {
    request: z.strictObject({ invitationText: z.string().min(2).max(200_000), deskName: personName }),
    response: TeamStatusSchema,
  },
  teamInvitation: { request: z.undefined(), response: z.object({ text: z.string().max(200_000) }) },
  teamAdmit: { request: z.strictObject({ deskKey: hex64, name: personName }), response: TeamStatusSchema },
  teamRevoke: {
    request: z.strictObject({ deskKey: hex64, reason: z.string().trim().min(1).max(500) }),
    response: TeamStatusSchema,
  },
  // SECURITY: the host must be one of the addresses the status offered (main checks it); 0 is never a port here.
  teamStartSharing: {
    request: z.strictObject({ host: z.string().min(1).max(100), port: portSchema }),
    response: TeamStatusSchema,
  },
  teamStopSharing: { request: z.undefined(), response: TeamStatusSchema },
  // null: the desktop app asks for the folder in its own dialog; the browser edition sends the path typed.
  teamSyncFolder: {
    request: z.strictObject({ folder: z.string().trim().min(1).max(1000).nullable() }),
    response: z.object({ report: FolderSyncReportSchema.nullable() }),
  },
  // An empty answer (no own cores, no others) when the desk is in no team.
  teamHeads: { request: z.undefined(), response: TeamHeadsSchema },
  teamPublish: {
    request: z.strictObject({
      scope: scopeText,
      entries: z.array(z.string().min(2).max(MAX_TEAM_ENTRY_CHARS)).min(1).max(MAX_TEAM_BATCH),
    }),
    response: z.object({ appended: z.number().int().nonnegative() }),
  },
  // null in place of an entry larger than any a desk writes: refused, never carried.
  teamRead: {
    request: z.strictObject({
      coreKey: hex64,
      start: z.number().int().nonnegative(),
      max: z.number().int().min(1).max(MAX_TEAM_BATCH),
    }),
    response: z.object({ entries: z.array(z.string().max(MAX_TEAM_ENTRY_CHARS).nullable()).max(MAX_TEAM_BATCH) }),
  },
  teamAddPeer: { request: z.strictObject({ address: z.string().trim().min(3).max(300) }), response: TeamStatusSchema },
} as const;

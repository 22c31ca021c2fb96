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
  teamAddPeer: { request: z.strictObject({ address: z.string().trim().min(3).max(300) }), response: TeamStatusSchema },
} as const;

import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { openTeamMembership, type TeamMembership, type TeamStatus } from '@main/team/membership';

import { memoryLogger, SLOW_DISK_MS, until } from './harness';

const open: TeamMembership[] = [];
const folders: string[] = [];

afterEach(async () => {
  await Promise.all(open.splice(0).map((m) => m.close()));
  await Promise.all(folders.splice(0).map((f) => rm(f, { recursive: true, force: true })));
});

async function desk(folder?: string): Promise<{ membership: TeamMembership; folder: string }> {
  const where = folder ?? (await mkdtemp(join(tmpdir(), 'desk-membership-')));
  if (!folder) folders.push(where);
  const opened = await openTeamMembership({ folder: where, logger: memoryLogger(), now: () => Date.now() });
  if (!opened.ok) throw new Error(opened.error);
  open.push(opened.value);
  return { membership: opened.value, folder: where };
}

const value = <T>(result: { ok: true; value: T } | { ok: false; error: string }): T => {
  if (!result.ok) throw new Error(result.error);
  return result.value;
};
const member = (status: TeamStatus) =>
  status.state === 'none' ? [] : status.roster.map((m) => `${m.name}: ${m.status}`);

describe('a desk joins a team: created, invited, admitted, connected', () => {
  it(
    'the founder creates the team and admits the desk that joined with its invitation; the new desk learns it over the network',
    async () => {
      const cityHall = await desk();
      const comms = await desk();
      expect(cityHall.membership.status()).toEqual({ state: 'none' });

      const created = value(
        await cityHall.membership.create({ teamName: 'Kristiansand crisis team', deskName: 'City hall' }),
      );
      expect(created).toMatchObject({ state: 'member', teamName: 'Kristiansand crisis team', deskName: 'City hall' });
      expect(member(created)).toEqual(['City hall: member']);
      const sharing = value(await cityHall.membership.startSharing({ host: '127.0.0.1', port: 0 }));
      const invitation = value(cityHall.membership.invitation());
      expect(JSON.parse(invitation)).toMatchObject({
        format: 'response-desk-team-invitation',
        peers: [`127.0.0.1:${sharing.state === 'none' ? 0 : sharing.sharing?.port}`],
      });

      // The new desk joins: it holds the team secret, but is not in the roster until a member admits it.
      const joined = value(await comms.membership.join({ invitationText: invitation, deskName: 'Comms lead' }));
      expect(joined.state).toBe('waiting-for-admission');
      if (joined.state === 'none') return;
      value(await comms.membership.startSharing({ host: '127.0.0.1', port: 0 }));

      const admitted = value(
        await cityHall.membership.admit({ deskKey: joined.deskKey.toUpperCase(), name: 'Comms lead' }),
      );
      expect(member(admitted)).toEqual(['City hall: member', 'Comms lead: member']);
      await until(() => comms.membership.status().state === 'member', 'the new desk hears it was admitted', 30_000);
      expect(member(comms.membership.status())).toEqual(['City hall: member', 'Comms lead: member']);
      const peers = comms.membership.status();
      expect(peers.state !== 'none' && peers.peers.some((p) => p.deskKey !== null)).toBe(true);
    },
    SLOW_DISK_MS,
  );

  it(
    'the team outlives a restart, and a revoked desk can change the roster no more',
    async () => {
      const cityHall = await desk();
      const founded = value(await cityHall.membership.create({ teamName: 'Crisis team', deskName: 'City hall' }));
      const spare = await desk();
      const joined = value(
        await spare.membership.join({ invitationText: value(cityHall.membership.invitation()), deskName: 'Spare' }),
      );
      if (joined.state === 'none' || founded.state === 'none') throw new Error('not in a team');
      value(await cityHall.membership.admit({ deskKey: joined.deskKey, name: 'Spare laptop' }));
      value(await cityHall.membership.revoke({ deskKey: joined.deskKey, reason: 'Left in a taxi' }));

      await cityHall.membership.close();
      open.splice(open.indexOf(cityHall.membership), 1);
      const again = await desk(cityHall.folder);
      const status = again.membership.status();
      expect(status).toMatchObject({ state: 'member', deskKey: founded.deskKey, teamId: founded.teamId });
      expect(member(status)).toEqual(['City hall: member', 'Spare laptop: revoked']);
      // A second team on the same desk is refused; so is a key that is not a desk key.
      const twice = await again.membership.create({ teamName: 'Another team', deskName: 'City hall' });
      expect(twice).toEqual({ ok: false, error: 'This desk is already in the team “Crisis team”.' });
      const badKey = await again.membership.admit({ deskKey: 'not-a-key', name: 'Laptop' });
      expect(badKey.ok ? '' : badKey.error).toMatch(/^The roster record is not valid: deskKey: must be 64 hexadecimal/);
    },
    SLOW_DISK_MS,
  );

  it('an invitation that is not one, and a damaged team file, are refused in words and change nothing', async () => {
    const lone = await desk();
    expect(await lone.membership.join({ invitationText: '{"format": "response-desk-backup"}', deskName: 'X' })).toEqual(
      {
        ok: false,
        error: 'This is not a team invitation (no "format": "response-desk-team-invitation").',
      },
    );
    expect(lone.membership.status()).toEqual({ state: 'none' });

    const folder = await mkdtemp(join(tmpdir(), 'desk-membership-'));
    folders.push(folder);
    await writeFile(join(folder, 'team.json'), '{"format": "response-desk-team-membership", "deskName": "X", "inv');
    const opened = await openTeamMembership({ folder, logger: memoryLogger(), now: () => 0 });
    expect(opened.ok ? '' : opened.error).toBe(
      `The team file “${join(folder, 'team.json')}” is damaged: it is not JSON. Nothing was changed; join the team again from an invitation.`,
    );
    expect(await readFile(join(folder, 'team.json'), 'utf8')).toContain('"inv');
  });
});

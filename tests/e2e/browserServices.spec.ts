import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

import { expect, test } from '@playwright/test';

import { backupsIn, deskPage, freshFolder, startServer, stopServers } from './deskServer';
import { createIncident, setUpDesk, snap, wallClockAgo } from './helpers';

test.afterEach(stopServers);

// These tests start their own browser-edition servers, each on a port the system picks and with a
// fresh data folder, so that one can act out a full disk or be killed in the middle of a write.

const automatic = (names: string[]) => names.filter((n) => /^auto-\d{8}-\d{6}-\d{3}\.json$/.test(n));

test('automatic backups land in the data folder on schedule; Settings lists, reads and restores one', async ({
  browser,
}) => {
  const server = await startServer(await freshFolder());
  /** The automatic backups whose incidents are exactly `titles`, oldest first. */
  const holding = async (titles: string[]) => {
    const found: string[] = [];
    for (const name of automatic(await backupsIn(server.dataDir)).sort()) {
      const backup = JSON.parse(await readFile(join(server.dataDir, 'backups', name), 'utf8')) as {
        data: { incidents: { title: string }[] };
      };
      if (JSON.stringify(backup.data.incidents.map((i) => i.title).sort()) === JSON.stringify([...titles].sort()))
        found.push(name);
    }
    return found;
  };
  const page = await deskPage(browser);
  await setUpDesk(page, { url: server.url });
  await createIncident(page, { title: 'Graffiti at the synagogue', ...wallClockAgo(90), location: 'Storgata' });

  // The schedule writes one through the server's backup service, into the folder it was given
  // (one may already have caught the desk just set up, before the incident).
  await expect
    .poll(async () => (await holding(['Graffiti at the synagogue'])).length, { timeout: 20_000 })
    .toBeGreaterThan(0);
  const [first] = await holding(['Graffiti at the synagogue']);
  const written = JSON.parse(await readFile(join(server.dataDir, 'backups', first ?? ''), 'utf8')) as {
    format: string;
  };
  expect(written.format).toBe('response-desk-backup');

  // A second incident; the next backup holds both.
  await page.getByRole('link', { name: 'Incidents' }).first().click();
  await createIncident(page, { title: 'Threat letter to the mosque', ...wallClockAgo(30), location: 'Kirkegata' });
  await expect
    .poll(async () => (await holding(['Graffiti at the synagogue', 'Threat letter to the mosque'])).length, {
      timeout: 20_000,
    })
    .toBeGreaterThan(0);

  // Settings lists what is in the folder (backup:list) and saves the policy through the server (backup:set-policy).
  await page.getByRole('link', { name: 'Settings' }).click();
  const panel = page.getByRole('region', { name: 'Automatic backups' });
  await expect(panel.getByText(`Kept in ${join(server.dataDir, 'backups')}`)).toBeVisible();
  await expect(panel.getByText('Last automatic backup:')).toBeVisible();
  await panel.getByLabel('Keep the last').fill('5');
  await panel.getByRole('button', { name: 'Save policy' }).click();
  await expect(
    page.getByText('Backup policy saved: every 10 minutes, the last 5, and one a day for 30 days.'),
  ).toBeVisible();
  expect(JSON.parse(await readFile(join(server.dataDir, 'backup-policy.json'), 'utf8'))).toEqual({
    keepLast: 5,
    keepDailyForDays: 30,
    encrypted: false,
  });
  await snap(page, 'settings-automatic-backups-browser-edition');

  // Restore one that held only the first incident (backup:read); the list shows the newest first.
  const names = automatic(await backupsIn(server.dataDir))
    .sort()
    .reverse();
  const rows = panel.getByRole('row').filter({ has: page.getByRole('button', { name: 'Restore…' }) });
  await expect(rows).toHaveCount(names.length);
  await rows
    .nth(names.indexOf(first ?? ''))
    .getByRole('button', { name: 'Restore…' })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Restore this automatic backup?' });
  await expect(dialog.getByText('1 incident', { exact: true })).toBeVisible();
  await dialog.getByRole('button', { name: 'Back up the current state, then restore' }).click();
  await expect(page.getByText(/Desk restored from the automatic backup of /)).toBeVisible();
  // The state before the restore was kept first, in the same folder.
  expect((await backupsIn(server.dataDir)).some((n) => n.endsWith('-before-restore.json'))).toBe(true);
  await page.getByRole('link', { name: 'Incidents' }).first().click();
  await expect(page.getByText('Graffiti at the synagogue')).toBeVisible();
  await expect(page.getByText('Threat letter to the mosque')).toHaveCount(0);
});

test('a full disk is shown as a notice, nothing half-written stays, and the schedule goes on', async ({ browser }) => {
  const server = await startServer(await freshFolder(), { DESK_E2E_FAULT: 'disk-full' });
  const page = await deskPage(browser);
  await setUpDesk(page, { url: server.url });
  await createIncident(page, { title: 'Attack on the community centre', ...wallClockAgo(45) });
  const notice = page
    .getByRole('alert')
    .getByText(
      /The automatic backup could not be written: the disk holding .* is full, and the policy lets no older backup go; the desk tries again in 10 minutes/,
    );
  await expect(notice).toBeVisible({ timeout: 20_000 });
  await snap(page, 'automatic-backup-disk-full-browser-edition');
  expect(await backupsIn(server.dataDir)).toEqual([]);
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(
    page.getByRole('region', { name: 'Automatic backups' }).getByText(/The last automatic backup failed at /),
  ).toBeVisible();
  // The next run tries again (and fails again, the disk still being full): the server was asked twice.
  await expect
    .poll(() => (server.output().match(/automatic backup failed on a full disk/g) ?? []).length, { timeout: 20_000 })
    .toBeGreaterThan(1);
});

test('a server killed in the middle of writing a backup leaves no partial file', async ({ browser }) => {
  const dataDir = await freshFolder();
  const server = await startServer(dataDir, { DESK_E2E_FAULT: 'stall-mid-write' });
  const page = await deskPage(browser);
  await setUpDesk(page, { url: server.url });
  await createIncident(page, { title: 'Arson at the bookshop', ...wallClockAgo(20) });

  // The server reports when half the backup is on disk; then it is killed, as a power cut would.
  await expect
    .poll(() => /a write is stalled halfway: (\S+)/.exec(server.output())?.[1] ?? '', { timeout: 20_000 })
    .not.toBe('');
  const temp = /a write is stalled halfway: (\S+)/.exec(server.output())?.[1] ?? '';
  expect((await stat(temp)).size).toBeGreaterThan(0);
  expect(automatic(await backupsIn(dataDir))).toEqual([]);
  const exited = new Promise((done) => server.child.once('exit', done));
  server.child.kill('SIGKILL');
  await exited;
  await page.context().close();

  // Only the hidden temp file is there; the next start removes it, and lists no backup.
  expect(await backupsIn(dataDir)).toEqual([temp.split('/').pop()]);
  const again = await startServer(dataDir);
  expect(await backupsIn(dataDir)).toEqual([]);
  const fresh = await deskPage(browser);
  await setUpDesk(fresh, { url: again.url });
  await fresh.getByRole('link', { name: 'Settings' }).click();
  await expect(
    fresh.getByRole('region', { name: 'Automatic backups' }).getByText(`Kept in ${join(dataDir, 'backups')}`),
  ).toBeVisible();
  // And it goes on: the first whole backup arrives on schedule.
  await expect.poll(async () => automatic(await backupsIn(dataDir)).length, { timeout: 20_000 }).toBeGreaterThan(0);
});

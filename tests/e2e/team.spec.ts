import { expect, test, type Page } from '@playwright/test';

import { deskPage, freshFolder, startServer, stopServers } from './deskServer';
import { createIncident, setUpDesk, snap, wallClockAgo } from './helpers';
import { freePort } from '../support/freePort';

test.afterEach(stopServers);

// Two desks, each a browser-edition server with its own data folder and browser profile, form a
// team over loopback as two laptops on a city hall network would.

async function openTeam(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Team/ }).click();
  await expect(page.getByRole('heading', { name: 'Team', level: 1 })).toBeVisible();
}

async function shareOnLoopback(page: Page): Promise<number> {
  const port = await freePort();
  const sharing = page.getByRole('region', { name: 'Sharing on the local network' });
  await sharing.getByLabel('Listen on').selectOption('127.0.0.1');
  await sharing.getByLabel('Port').fill(String(port));
  await sharing.getByRole('button', { name: 'Turn sharing on' }).click();
  await expect(page.getByTestId('team-sharing-on')).toHaveText(
    `Sharing is on: other desks reach this one at 127.0.0.1:${port}.`,
  );
  return port;
}

test('two desks form a team: one creates it, the other joins from its invitation, is admitted, and they connect', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const [hallServer, commsServer] = await Promise.all([
    startServer(await freshFolder()),
    startServer(await freshFolder()),
  ]);
  const hall = await deskPage(browser);
  const comms = await deskPage(browser);
  await setUpDesk(hall, { url: hallServer.url, operator: 'Ingrid Dahl' });
  await setUpDesk(comms, { url: commsServer.url, operator: 'Sara Lund' });

  // City hall starts the team, turns sharing on and shows the invitation.
  await openTeam(hall);
  await expect(hall.getByText('Until this desk is in a team, nothing leaves it.')).toBeVisible();
  const create = hall.getByRole('region', { name: 'Create a team' });
  await create.getByLabel('Team name').fill('Riverside crisis team');
  await create.getByLabel('This desk’s name in the team').fill('City hall');
  await create.getByRole('button', { name: 'Create the team' }).click();
  await expect(hall.getByText('This desk, “City hall”, is in the team “Riverside crisis team”.')).toBeVisible();
  const port = await shareOnLoopback(hall);
  await hall.getByRole('button', { name: 'Show the invitation' }).click();
  const invitation = await hall.getByLabel('Invitation').inputValue();
  expect(JSON.parse(invitation)).toMatchObject({ teamName: 'Riverside crisis team', peers: [`127.0.0.1:${port}`] });

  // The comms lead's laptop joins with it, and waits to be admitted.
  await openTeam(comms);
  const join = comms.getByRole('region', { name: 'Join a team' });
  // What is not an invitation is refused in words, where the eye is.
  await join.getByLabel('Invitation').fill('{"format":"something-else"}');
  await join.getByLabel('This desk’s name in the team').fill('Comms lead');
  await join.getByRole('button', { name: 'Join the team' }).click();
  await expect(comms.getByRole('alert')).toContainText('This is not a team invitation');
  await expect(comms.getByRole('alert')).toBeFocused();
  await join.getByLabel('Invitation').fill(invitation);
  await join.getByRole('button', { name: 'Join the team' }).click();
  await expect(comms.getByTestId('team-waiting')).toContainText('A member of the team must admit this desk');
  const key = (await comms.getByTestId('team-own-key').innerText()).trim();
  expect(key.replace(/\s/g, '')).toMatch(/^[0-9a-f]{64}$/);
  await shareOnLoopback(comms);

  // City hall admits it by the key read out to them; the roster names who admitted it.
  const admit = hall.getByRole('region', { name: 'Desks in the team' });
  await admit.getByLabel('The joining desk’s key').fill(key);
  await admit.getByLabel('Its name').fill('Comms lead');
  await admit.getByRole('button', { name: 'Admit the desk' }).click();
  await expect(admit.getByTestId('team-member')).toHaveText([/City hall.*Founded the team/, /Comms lead.*City hall/]);

  // The comms laptop hears of its admission over the network and shows city hall connected.
  await expect(comms.getByTestId('team-waiting')).toBeHidden({ timeout: 45_000 });
  await expect(comms.getByTestId('team-member')).toHaveText([/City hall/, /Comms lead.*\(this desk\)/]);
  const peer = comms.getByTestId('team-peer').filter({ hasText: 'City hall' });
  await expect(peer).toContainText('Connected', { timeout: 20_000 });
  await expect(hall.getByTestId('team-peer').filter({ hasText: 'Comms lead' })).toContainText('Connected', {
    timeout: 20_000,
  });
  // In step, both show the same team fingerprint, for people to read aloud.
  const fingerprint = async (page: Page) =>
    (await page.getByTestId('team-fingerprint').getByTestId('fingerprint-words').innerText()).trim();
  await expect
    .poll(async () => (await fingerprint(comms)) === (await fingerprint(hall)), { timeout: 20_000 })
    .toBe(true);
  expect((await fingerprint(hall)).split(' ')).toHaveLength(12);
  // The top bar says so on every screen.
  await expect(hall.getByTestId('team-indicator')).toHaveText(/^1 connected/, { timeout: 10_000 });
  await snap(hall, 'team-screen-peers');

  // City hall opens the incident and logs; the comms laptop sees both, and what it logs reaches city hall.
  await hall.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Incidents' }).click();
  await createIncident(hall, { title: 'Vehicle attack, Markens gate', ...wallClockAgo(30) });
  await hall.getByRole('link', { name: 'Timeline', exact: true }).click();
  const hallLine = hall.getByLabel('Log an entry');
  await hallLine.fill('Van drives into the crowd #scene @police');
  await hallLine.press('Enter');
  await expect(hallLine).toHaveValue('');
  await comms.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Incidents' }).click();
  await comms.getByRole('link', { name: /Vehicle attack, Markens gate/ }).click({ timeout: 20_000 });
  await comms.getByRole('link', { name: 'Timeline', exact: true }).click();
  await expect(comms.getByText('Van drives into the crowd')).toBeVisible({ timeout: 20_000 });
  const commsLine = comms.getByLabel('Log an entry');
  await commsLine.fill('decision: Holding statement to be drafted by comms');
  await commsLine.press('Enter');
  await expect(commsLine).toHaveValue('');
  await expect(hall.getByText('Holding statement to be drafted by comms')).toBeVisible({ timeout: 20_000 });
  await expect(hall.getByTestId('timeline-count')).toHaveText('2 entries');
  await expect(comms.getByTestId('timeline-count')).toHaveText('2 entries');
  await snap(comms, 'team-entries-both-desks');
  // The team screen says whose records this desk holds, and that none was refused.
  await openTeam(comms);
  await expect(comms.getByTestId('team-records-summary')).toContainText('This desk holds the records of 1 other desk');
  await expect(comms.getByTestId('team-refusals')).toBeHidden();
  await snap(comms, 'team-records');
});

test('a USB stick carries the team to a desk that never connected', async ({ browser }) => {
  test.setTimeout(120_000);
  const [hallServer, hospitalServer] = await Promise.all([
    startServer(await freshFolder()),
    startServer(await freshFolder()),
  ]);
  const stick = await freshFolder();
  const hall = await deskPage(browser);
  const hospital = await deskPage(browser);
  await setUpDesk(hall, { url: hallServer.url, operator: 'Ingrid Dahl' });
  await setUpDesk(hospital, { url: hospitalServer.url, operator: 'Omar Berg' });

  await openTeam(hall);
  const create = hall.getByRole('region', { name: 'Create a team' });
  await create.getByLabel('Team name').fill('Riverside crisis team');
  await create.getByLabel('This desk’s name in the team').fill('City hall');
  await create.getByRole('button', { name: 'Create the team' }).click();
  await hall.getByRole('button', { name: 'Show the invitation' }).click();
  const invitation = await hall.getByLabel('Invitation').inputValue();

  await openTeam(hospital);
  const join = hospital.getByRole('region', { name: 'Join a team' });
  await join.getByLabel('Invitation').fill(invitation);
  await join.getByLabel('This desk’s name in the team').fill('Hospital liaison');
  await join.getByRole('button', { name: 'Join the team' }).click();
  const key = (await hospital.getByTestId('team-own-key').innerText()).trim();

  const admit = hall.getByRole('region', { name: 'Desks in the team' });
  await admit.getByLabel('The joining desk’s key').fill(key);
  await admit.getByLabel('Its name').fill('Hospital liaison');
  await admit.getByRole('button', { name: 'Admit the desk' }).click();
  await expect(admit.getByTestId('team-member')).toHaveCount(2);

  // No network between them: city hall writes to the stick, the hospital desk reads it.
  const syncWith = async (page: Page) => {
    const panel = page.getByRole('region', { name: 'Sync with a USB stick' });
    await panel.getByLabel('Folder of the USB stick').fill(stick);
    await panel.getByRole('button', { name: 'Sync with the stick' }).click();
    return page.getByTestId('team-stick-report');
  };
  await expect(await syncWith(hall)).toContainText(/Synced: no record taken in, \d+ records? written to the stick/);
  await expect(hospital.getByTestId('team-waiting')).toBeVisible();
  await expect(await syncWith(hospital)).toContainText(/Synced: \d+ records? taken in/);
  await expect(hospital.getByTestId('team-waiting')).toBeHidden({ timeout: 10_000 });
  await expect(hospital.getByTestId('team-member')).toHaveText([/City hall/, /Hospital liaison.*\(this desk\)/]);
  await snap(hospital, 'team-stick-sync');
});

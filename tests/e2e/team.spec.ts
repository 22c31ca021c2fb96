import { expect, test, type Page } from '@playwright/test';

import { deskPage, freshFolder, startServer, stopServers } from './deskServer';
import { createIncident, fillHoldingStatement, setUpDesk, snap, wallClockAgo } from './helpers';
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

/** The incident's Statements tab. */
const statementsTab = (page: Page) =>
  page.getByRole('navigation', { name: 'Incident sections' }).getByRole('link', { name: /^Statements/ });

/** Starts the holding statement of the incident open on `page`, in English. */
async function startHoldingStatement(page: Page): Promise<void> {
  await statementsTab(page).click();
  await page.getByRole('button', { name: 'Draft a statement…' }).click();
  const pick = page.getByRole('dialog', { name: 'New statement' });
  await pick.getByRole('radio', { name: /Initial holding statement/ }).check();
  await pick.getByLabel('Language').selectOption({ label: 'English' });
  await pick.getByRole('button', { name: 'Start the draft' }).click();
  await expect(page.getByRole('heading', { name: 'Initial holding statement', level: 2 })).toBeVisible();
}

/** Sends the draft open on `page` for review. */
async function sendForReview(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Send for review' }).click({ timeout: 10_000 });
  const submit = page.getByRole('dialog', { name: 'Send for review?' });
  await submit.getByRole('button', { name: 'Send for review' }).click();
  await expect(submit).toBeHidden();
}

/** Approves, as the mayor, the version in review of the statement open on `page`. */
async function approveAsMayor(page: Page): Promise<void> {
  const heading = page.getByRole('heading', { name: /^Approval of version \d+$/ });
  await expect(heading).toBeVisible({ timeout: 20_000 });
  const version = (await heading.innerText()).replace(/\D+/g, '');
  await page.getByLabel("Approver's name").fill('Anna Hansen');
  await page.getByLabel("Approver's role").fill('Mayor');
  await page.getByRole('button', { name: `Approve version ${version}` }).click();
  await expect(page.getByRole('group', { name: `Approval of version ${version}` })).toBeVisible();
}

/** Releases the approved version of the statement open on `page` to the press. */
async function releaseToPress(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Release…' }).click({ timeout: 20_000 });
  const release = page.getByRole('dialog', { name: /^Release version/ });
  await release.getByLabel('Press').check();
  await release.getByRole('button', { name: 'Record the release' }).click();
  await expect(release).toBeHidden();
}

test('two desks form a team: one creates it, the other joins from its invitation, is admitted, and they connect', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  // The comms laptop's clock runs seven minutes fast, as a laptop's clock may.
  const [hallServer, commsServer] = await Promise.all([
    startServer(await freshFolder()),
    startServer(await freshFolder(), { DESK_E2E_CLOCK_OFFSET_MS: String(7 * 60_000) }),
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
  // Each desk says the other's clock disagrees with its own, and by how much.
  const commsPeer = hall.getByTestId('team-peer').filter({ hasText: 'Comms lead' });
  await expect(commsPeer.getByTestId('team-peer-skew')).toContainText(
    'Its clock is 7 minutes ahead of this computer’s',
    { timeout: 20_000 },
  );
  await expect(peer.getByTestId('team-peer-skew')).toContainText('Its clock is 7 minutes behind this computer’s');
  await snap(hall, 'team-screen-peers');
  await commsPeer.screenshot({ path: 'test-results/screens/team-peer-clock-skew.png' });

  // City hall opens the incident and logs; the comms laptop sees both, and what it logs reaches city hall.
  await hall.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Incidents' }).click();
  await createIncident(hall, { title: 'Vehicle attack, Markens gate', ...wallClockAgo(30), location: 'Markens gate' });
  await hall.getByRole('link', { name: 'Timeline', exact: true }).click();
  const hallLine = hall.getByLabel('Log an entry');
  await hallLine.fill('Van drives into the crowd #scene @police');
  await hallLine.press('Enter');
  await expect(hallLine).toHaveValue('');
  // The top bar while the entry goes out (it may already have gone: the picture is of whichever).
  await hall.getByRole('banner').screenshot({ path: 'test-results/screens/team-top-bar-sending.png' });
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

  // Before the record is made, the two desks read the fingerprint of the incident's records to each other.
  const recordsFingerprint = async (page: Page) => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Incidents' }).click();
    await page.getByRole('link', { name: /Vehicle attack, Markens gate/ }).click();
    await page.getByRole('link', { name: 'Export', exact: true }).click();
    return page.getByTestId('records-fingerprint').getByTestId('fingerprint-words');
  };
  const hallWords = await recordsFingerprint(hall);
  const commsWords = await recordsFingerprint(comms);
  await expect(hallWords).toHaveText(/^(\S+ ){11}\S+$/);
  await expect
    .poll(async () => (await commsWords.innerText()) === (await hallWords.innerText()), { timeout: 20_000 })
    .toBe(true);
  await snap(comms, 'team-records-fingerprint');

  // The comms lead drafts the holding statement on her laptop and sends it for review...
  await startHoldingStatement(comms);
  await fillHoldingStatement(comms);
  await sendForReview(comms);

  // ...the mayor's chief of staff approves it at city hall, on the other laptop...
  await statementsTab(hall).click();
  await hall.getByRole('button', { name: /Initial holding statement/ }).click({ timeout: 20_000 });
  await approveAsMayor(hall);

  // ...and the comms lead releases it from her own laptop; city hall sees it released.
  await releaseToPress(comms);
  await expect(hall.getByRole('button', { name: /Initial holding statement/ })).toContainText('Released', {
    timeout: 20_000,
  });
  // No conflict anywhere: both desks installed the shipped templates, and agree on them.
  await openTeam(hall);
  await expect(hall.getByTestId('team-conflicts')).toBeHidden();
});

test('a USB stick carries the team to a desk that never connected, and an entry corrected apart on both is shown and merged', async ({
  browser,
}) => {
  test.setTimeout(360_000);
  // The hospital's desk reads the team's records slowly, so its catch-up can be watched.
  const [hallServer, hospitalServer] = await Promise.all([
    startServer(await freshFolder()),
    startServer(await freshFolder(), { DESK_E2E_TEAM_READ_SLOW: '1' }),
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
    await openTeam(page);
    const panel = page.getByRole('region', { name: 'Sync with a USB stick' });
    await panel.getByLabel('Folder of the USB stick').fill(stick);
    await panel.getByRole('button', { name: 'Sync with the stick' }).click();
    const report = page.getByTestId('team-stick-report');
    await expect(report).toBeVisible({ timeout: 20_000 });
    return report;
  };
  await expect(await syncWith(hall)).toContainText(/Synced: no record taken in, \d+ records? written to the stick/);
  await expect(hospital.getByTestId('team-waiting')).toBeVisible();
  await expect(await syncWith(hospital)).toContainText(/Synced: \d+ records? taken in/);
  await expect(hospital.getByTestId('team-waiting')).toBeHidden({ timeout: 10_000 });
  // The desk takes in what the stick brought, with a bar in the top bar and on the team screen.
  const catchUp = hospital.getByTestId('team-catch-up');
  await expect(catchUp).toContainText(/^Taking in the team’s records: \d+ of \d+ read\./, { timeout: 10_000 });
  await expect(hospital.getByTestId('team-catch-up-bar')).toContainText(/^Taking in \d+%$/);
  await hospital.getByRole('banner').screenshot({ path: 'test-results/screens/team-top-bar-catch-up.png' });
  await snap(hospital, 'team-catch-up');
  await expect(catchUp).toBeHidden({ timeout: 60_000 });
  await expect(hospital.getByTestId('team-member')).toHaveText([/City hall/, /Hospital liaison.*\(this desk\)/]);
  await snap(hospital, 'team-stick-sync');

  // City hall opens the incident and logs; the stick carries it to the hospital.
  await hall.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Incidents' }).click();
  await createIncident(hall, { title: 'Arson at the community centre', ...wallClockAgo(40) });
  await hall.getByRole('link', { name: 'Timeline', exact: true }).click();
  await hall.getByLabel('Log an entry').fill('Fire reported at the community centre @fire');
  await hall.getByLabel('Log an entry').press('Enter');
  await expect(hall.getByTestId('timeline-count')).toHaveText('1 entry');
  // The stick takes what the desk has published; the desk publishes within seconds of a change.
  await expect
    .poll(async () => (await (await syncWith(hall)).innerText()).match(/(\d+) records? written/)?.[1] ?? '0', {
      timeout: 20_000,
    })
    .not.toBe('0');
  const openTimeline = async (page: Page) => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Incidents' }).click();
    await page.getByRole('link', { name: /Arson at the community centre/ }).click({ timeout: 20_000 });
    await page.getByRole('link', { name: 'Timeline', exact: true }).click();
  };
  await syncWith(hospital);
  await openTimeline(hospital);
  await expect(hospital.getByText('Fire reported at the community centre')).toBeVisible({ timeout: 20_000 });

  // Apart, both correct the same entry.
  const correct = async (page: Page, title: string, reason: string) => {
    await page.getByRole('button', { name: /Fire reported at the community centre/ }).click();
    await page.getByRole('button', { name: 'Correct…' }).click();
    const form = page.getByRole('dialog', { name: 'Correct entry' });
    await form.getByLabel('What happened').fill(title);
    await form.getByLabel('Reason for the correction').fill(reason);
    await form.getByRole('button', { name: 'Save correction' }).click();
    await expect(page.getByRole('complementary', { name: title })).toBeVisible();
    await page.getByRole('complementary').getByRole('button', { name: 'Close' }).click();
  };
  await openTimeline(hall);
  await correct(hall, 'Fire at the community centre, set deliberately', 'Fire service says arson');
  await correct(hospital, 'Fire at the community centre, three treated for smoke', 'Hospital admissions');

  // Apart, both resolve the same checklist item, differently.
  const checklistsTab = (page: Page) => page.getByRole('link', { name: 'Checklists', exact: true });
  const mayorItem = (page: Page) =>
    page.getByTestId('checklist-item').filter({ hasText: 'Mayor visibly takes charge of the city response' });
  await checklistsTab(hall).click();
  await mayorItem(hall).getByRole('button', { name: 'Done…' }).click();
  await hall.getByRole('dialog', { name: 'Mark as done' }).getByRole('button', { name: 'Mark done' }).click();
  await expect(mayorItem(hall)).toContainText('Done by');
  await checklistsTab(hospital).click();
  await mayorItem(hospital).getByRole('button', { name: 'Not applicable…' }).click();
  const notApplicable = hospital.getByRole('dialog', { name: 'Mark as not applicable' });
  await notApplicable.getByLabel('Why does it not apply?').fill('The deputy mayor leads while the mayor is abroad');
  await notApplicable.getByRole('button', { name: 'Mark not applicable' }).click();
  await expect(mayorItem(hospital)).toContainText('Marked not applicable');

  // The stick goes round: city hall, the hospital, city hall again.
  const written = async (page: Page) =>
    expect
      .poll(async () => (await (await syncWith(page)).innerText()).match(/(\d+) records? written/)?.[1] ?? '0', {
        timeout: 20_000,
      })
      .not.toBe('0');
  await written(hall);
  await written(hospital);
  await syncWith(hall);

  // The checklist item says on both desks that it was changed apart, and whose change is shown.
  for (const page of [hall, hospital]) {
    await openTimeline(page);
    await checklistsTab(page).click();
    await expect(mayorItem(page).getByTestId('changed-apart-note')).toContainText(
      /Changed apart on 2 desks; shown: the change by (this desk|City hall|Hospital liaison)\./,
      { timeout: 20_000 },
    );
  }
  // Side by side: what each desk made of it, as it wrote it.
  await mayorItem(hospital).getByText('Compare the changes').click();
  const sides = mayorItem(hospital).getByTestId('changed-apart-sides').getByRole('listitem');
  await expect(sides).toHaveCount(2);
  await expect(sides.filter({ hasText: 'City hall' })).toContainText('Done by Ingrid Dahl');
  await expect(sides.filter({ hasText: 'This desk' })).toContainText(
    'Marked not applicable by Omar Berg, ' /* then the time */,
  );
  await expect(sides.filter({ hasText: 'This desk' })).toContainText(
    '“The deputy mayor leads while the mayor is abroad”',
  );
  await expect(sides.first()).toContainText('(shown)');
  await mayorItem(hospital).screenshot({ path: 'test-results/screens/team-checklist-item-changed-apart.png' });

  await openTimeline(hall);
  await openTimeline(hospital);

  // Both desks say the entry was corrected apart, and show the same version.
  for (const page of [hall, hospital]) {
    await expect(
      page.getByRole('button', { name: /Fire at the community centre/ }).locator('.marker--conflict'),
    ).toHaveText('Conflict', { timeout: 20_000 });
  }
  const shownOn = async (page: Page) =>
    (await page.getByRole('button', { name: /Fire at the community centre/ }).innerText()).includes('set deliberately');
  expect(await shownOn(hall)).toBe(await shownOn(hospital));

  // The overview lists it under what needs attention now, by its title.
  await hospital.getByRole('link', { name: 'Overview', exact: true }).click();
  await expect(hospital.getByTestId('changed-apart')).toContainText('2 things were changed apart on two desks');
  await expect(hospital.getByTestId('changed-apart')).toContainText('Timeline entry “Fire at the community centre');
  await hospital
    .getByTestId('changed-apart')
    .getByRole('link', { name: /Timeline entry/ })
    .click();

  // The hospital compares them side by side and keeps city hall's version, with a reason.
  await hospital.getByRole('button', { name: /Fire at the community centre.*\(conflicting corrections\)/ }).click();
  const pane = hospital.getByRole('complementary');
  const compare = pane.getByTestId('conflicting-corrections');
  await expect(compare.getByRole('heading', { name: 'Conflicting corrections' })).toBeVisible();
  await expect(compare.getByRole('row', { name: /What happened/ })).toContainText('set deliberately');
  await expect(compare.getByRole('row', { name: /What happened/ })).toContainText('three treated for smoke');
  await compare.getByRole('button', { name: /Keep the version by Ingrid Dahl/ }).scrollIntoViewIfNeeded();
  await snap(hospital, 'team-conflict-side-by-side');
  await compare.getByLabel('Why this version (goes in the record)').fill('Fire service confirmed arson');
  await compare.getByRole('button', { name: /Keep the version by Ingrid Dahl/ }).click();
  await expect(compare).toBeHidden();
  await expect(pane).toContainText('Reason: Fire service confirmed arson');
  await pane.getByRole('button', { name: 'Close' }).click();
  await expect(
    hospital.getByRole('button', { name: /Fire at the community centre/ }).locator('.marker--conflict'),
  ).toBeHidden();

  // The merge goes back by stick: city hall sees the entry settled, with the kept version.
  await written(hospital);
  await syncWith(hall);
  await openTimeline(hall);
  await expect(
    hall.getByRole('button', { name: /Fire at the community centre/ }).locator('.marker--conflict'),
  ).toBeHidden({
    timeout: 20_000,
  });
  await expect(hall.getByRole('button', { name: /Fire at the community centre/ })).toContainText('set deliberately');

  // City hall starts the holding statement; the stick carries it to the hospital.
  await startHoldingStatement(hall);
  await written(hall);
  await syncWith(hospital);

  // Apart, each saves the next draft with different words.
  const openStatement = async (page: Page) => {
    await openTimeline(page);
    await statementsTab(page).click();
    await page.getByRole('button', { name: /Initial holding statement/ }).click({ timeout: 20_000 });
  };
  const saveDraft = async (page: Page, agency: string) => {
    await openStatement(page);
    await page.getByLabel(/^Lead agency/).fill(agency);
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect(page.getByRole('button', { name: /Initial holding statement/ })).toContainText('v2');
  };
  await saveDraft(hall, 'Agder police district');
  await saveDraft(hospital, 'the fire and rescue service');
  await written(hall);
  await written(hospital);
  await syncWith(hall);

  // The hospital sees the two drafts side by side, word by word, and keeps city hall's.
  await openStatement(hospital);
  const apart = hospital.getByTestId('drafts-apart');
  await expect(apart.getByRole('heading', { name: 'Drafts written apart' })).toBeVisible({ timeout: 20_000 });
  await expect(apart.getByTestId('version-diff')).toContainText('Agder police district');
  await expect(apart.getByTestId('version-diff')).toContainText('the fire and rescue service');
  await snap(hospital, 'team-drafts-apart');
  await apart.getByRole('button', { name: 'Keep the draft by Ingrid Dahl (as version 3)' }).click();
  await expect(apart).toBeHidden();
  await expect(hospital.getByRole('heading', { name: 'Initial holding statement', level: 2 })).toBeVisible();
  await expect(hospital.getByLabel(/^Lead agency/)).toHaveValue('Agder police district');

  // The hospital completes the kept draft and approves it; the stick carries the approval to city hall.
  await fillHoldingStatement(hospital);
  await hospital.getByLabel(/^Lead agency/).fill('Agder police district');
  await hospital.getByLabel(/^Location/).fill('the community centre');
  await sendForReview(hospital);
  await approveAsMayor(hospital);
  await written(hospital);
  await syncWith(hall);

  // Apart: city hall releases the approved version, while the hospital edits its text into a newer one.
  await openStatement(hall);
  await expect(hall.getByRole('button', { name: /Initial holding statement/ })).toContainText('Approved', {
    timeout: 20_000,
  });
  await releaseToPress(hall);
  await openStatement(hospital);
  // Sending for review saved the completed draft as a version of its own: the approved one is the head.
  const edit = hospital.getByRole('button', { name: /^Edit \(makes version \d+\)$/ });
  const newer = (await edit.innerText()).replace(/\D+/g, '');
  const released = String(Number(newer) - 1);
  await edit.click();
  await hospital.getByLabel(/^What residents should do now/).fill('Please stay away from Elvegata.');
  await hospital.getByRole('button', { name: 'Save as a new version' }).click();
  await expect(hospital.getByRole('button', { name: /Initial holding statement/ })).toContainText(`v${newer}`);
  await written(hall);
  await written(hospital);
  await syncWith(hall);

  // City hall is told, on the statement and on the overview, that what went out was already replaced.
  await openStatement(hall);
  const flagged = hall.getByTestId('released-apart');
  await expect(flagged.getByRole('heading', { name: 'Released while another desk had a newer version' })).toBeVisible({
    timeout: 20_000,
  });
  const told = new RegExp(
    `Version ${released} was released on this desk while Hospital liaison had already written version ${newer}\\.`,
  );
  await expect(flagged).toContainText(told);
  await snap(hall, 'team-released-apart');
  await hall.getByRole('link', { name: 'Overview', exact: true }).click();
  const card = hall.getByTestId('changed-apart');
  await expect(card).toContainText('Statement “Initial holding statement”');
  await expect(card).toContainText(told);
  await snap(hall, 'team-changed-apart-overview');
});

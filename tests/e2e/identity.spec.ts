import { readFile } from 'node:fs/promises';

import { expect, test } from '@playwright/test';

import {
  CITY,
  OPERATOR,
  createIncident,
  expectAccessible,
  setUpDesk,
  snap,
  snapOnLaptops,
  wallClockAgo,
} from './helpers';

test('after a restore on another laptop the desk asks who is at the keyboard, and logs under that name', async ({
  page,
  browser,
}) => {
  await setUpDesk(page);
  await createIncident(page, { title: 'Arson at the community centre', ...wallClockAgo(90), location: 'Lund' });
  await page.getByRole('link', { name: 'Settings' }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save a backup…' }).click();
  const backupPath = await (await downloading).path();
  const backup = await readFile(backupPath, 'utf8');
  // The backup carries the desk's public identity, never its private key.
  const oldDeskId =
    (await page.getByRole('region', { name: 'Desk identity' }).getByTestId('desk-id').textContent()) ?? '';
  const oldWords =
    (await page.getByRole('region', { name: 'Desk identity' }).getByTestId('fingerprint-words').textContent()) ?? '';
  expect((JSON.parse(backup) as { desk: { deskId: string } }).desk.deskId).toBe(oldDeskId);
  expect(backup).not.toMatch(/privateKey|"d":|pkcs8|PRIVATE KEY/);

  // The new laptop: a refused file takes the focus, where the eye is.
  const laptop = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page2 = await laptop.newPage();
  await page2.goto('/');
  await page2.getByLabel('Your name').fill('Sofie Lie');
  let chooser = page2.waitForEvent('filechooser');
  await page2.getByRole('button', { name: 'Restore this desk from a backup…' }).click();
  await (
    await chooser
  ).setFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": 1') });
  await expect(page2.getByRole('alert')).toContainText('not valid JSON');
  await expect(page2.getByRole('alert')).toBeFocused();
  await expect(page2.getByRole('alert')).toBeInViewport();

  chooser = page2.waitForEvent('filechooser');
  await page2.getByRole('button', { name: 'Restore this desk from a backup…' }).click();
  await (
    await chooser
  ).setFiles({ name: 'desk-backup.json', mimeType: 'application/json', buffer: Buffer.from(backup) });
  await page2
    .getByRole('dialog', { name: 'Restore this backup?' })
    .getByRole('button', { name: 'Replace everything and restore' })
    .click();

  const who = page2.getByRole('dialog', { name: 'Who is at the keyboard?' });
  await expect(who).toContainText(`made by ${OPERATOR}`);
  // The backup's people are offered, and "someone else", with the name typed before the restore.
  await expect(who.getByRole('button', { name: new RegExp(`^${OPERATOR}`) })).toBeVisible();
  await expect(who.getByLabel('Your name')).toHaveValue('Sofie Lie');
  // Escape does not skip the question.
  await page2.keyboard.press('Escape');
  await expect(who).toBeVisible();
  await who.getByLabel('Your role in the response').fill('Duty officer');
  await expectAccessible(page2, 'identity after restore');
  await snapOnLaptops(page2, 'restore-identity-prompt');
  await who.getByRole('button', { name: 'Add and take the keyboard' }).click();
  await expect(who).toBeHidden();
  await expect(page2.getByRole('button', { name: /^Operator: Sofie Lie · Duty officer/ })).toBeVisible();

  // The restored desk is a new desk, which says which desk and which backup it continues.
  await page2.getByRole('link', { name: 'Settings' }).click();
  const identity = page2.getByRole('region', { name: 'Desk identity' });
  await expect(identity.getByTestId('desk-id')).toHaveText(/^desk-[0-9a-f]{32}$/);
  expect(await identity.getByTestId('desk-id').textContent()).not.toBe(oldDeskId);
  const continues = identity.getByTestId('continues-from');
  await expect(continues).toContainText(`desk “${CITY} crisis desk” (${oldDeskId}`);
  await expect(continues).toContainText(`fingerprint beginning “${oldWords.split(' ').slice(0, 4).join(' ')}”`);
  await expect(continues).toContainText('from the backup desk-backup.json');
  await identity.screenshot({ path: 'test-results/screens/identity-after-restore.png' });

  // What is logged next is Sofie's.
  await page2.getByRole('link', { name: 'Incidents' }).click();
  await page2.getByRole('link', { name: 'Arson at the community centre' }).click();
  await page2.getByRole('link', { name: 'Timeline', exact: true }).click();
  await page2.getByLabel('Log an entry').fill('Fire service leaves the scene');
  await page2.getByLabel('Log an entry').press('Enter');
  await page2.getByRole('button', { name: /Fire service leaves the scene/ }).click();
  await expect(page2.getByRole('complementary', { name: 'Fire service leaves the scene' })).toContainText(
    'by Sofie Lie',
  );

  // At any time, from the top bar: the desk changes hands to someone new, and the next entry is theirs.
  await page2.getByRole('button', { name: /^Operator: Sofie Lie/ }).click();
  const handover = page2.getByRole('dialog', { name: 'Who is at the keyboard?' });
  await expect(
    handover.getByRole('button', { name: /^Sofie Lie · Duty officer \(at the keyboard now\)/ }),
  ).toBeVisible();
  await handover.getByLabel('Your name').fill('Lars Nilsen');
  await handover.getByLabel('Your role in the response').fill('Communications lead');
  await snap(page2, 'operator-switcher');
  await handover.getByRole('button', { name: 'Add and take the keyboard' }).click();
  await expect(page2.getByRole('button', { name: /^Operator: Lars Nilsen · Communications lead/ })).toBeVisible();
  await page2.getByLabel('Log an entry').fill('Night shift starts');
  await page2.getByLabel('Log an entry').press('Enter');
  await page2.getByRole('button', { name: /Night shift starts/ }).click();
  await expect(page2.getByRole('complementary', { name: 'Night shift starts' })).toContainText('by Lars Nilsen');
  // The entry before keeps its author.
  await page2.getByRole('button', { name: /Fire service leaves the scene/ }).click();
  await expect(page2.getByRole('complementary', { name: 'Fire service leaves the scene' })).toContainText(
    'by Sofie Lie',
  );

  // Back to someone already at the desk, picked from the list.
  await page2.getByRole('button', { name: /^Operator: Lars Nilsen/ }).click();
  await page2
    .getByRole('dialog', { name: 'Who is at the keyboard?' })
    .getByRole('button', { name: /^Sofie Lie · Duty officer/ })
    .click();
  await expect(page2.getByRole('button', { name: /^Operator: Sofie Lie · Duty officer/ })).toBeVisible();
  await page2.getByLabel('Log an entry').fill('Handover to the day team');
  await page2.getByLabel('Log an entry').press('Enter');
  await page2.getByRole('button', { name: /Handover to the day team/ }).click();
  await expect(page2.getByRole('complementary', { name: 'Handover to the day team' })).toContainText('by Sofie Lie');
  await laptop.close();
});

test('the people at the desk: added, renamed, retired (still listed, no longer offered), found by name in the switcher', async ({
  page,
}) => {
  await setUpDesk(page);
  await page.getByRole('link', { name: 'Settings' }).click();
  const panel = page.getByRole('region', { name: 'People at the desk' });
  const addOne = async (name: string, role: string) => {
    await panel.getByLabel('Name', { exact: true }).last().fill(name);
    await panel.getByLabel('Role in the response', { exact: true }).last().fill(role);
    await panel.getByRole('button', { name: 'Add a person' }).click();
    await expect(panel.getByRole('listitem').filter({ hasText: name })).toBeVisible();
  };
  for (const [name, role] of [
    ['Sofie Lie', 'Duty officer'],
    ['Lars Nilsen', 'Logistics'],
    ['Kari Dahl', 'Communications lead'],
    ['Ole Berg', 'Liaison, police'],
    ['Anne Moe', 'Welfare'],
    ['Per Holm', 'Scribe'],
  ] as const)
    await addOne(name, role);

  // The same name twice is refused, in words, and nothing is added.
  await panel.getByLabel('Name', { exact: true }).last().fill('sofie lie');
  await panel.getByRole('button', { name: 'Add a person' }).click();
  await expect(panel.getByRole('alert')).toContainText('already called');
  await expect(panel.getByRole('listitem').filter({ hasText: /Sofie Lie/i })).toHaveCount(1);

  // Renamed, with a new role.
  await panel.getByRole('button', { name: 'Edit Lars Nilsen' }).click();
  await panel.getByLabel('Name', { exact: true }).first().fill('Lars M. Nilsen');
  await panel.getByLabel('Role in the response', { exact: true }).first().fill('Logistics lead');
  await panel.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(panel.getByRole('listitem').filter({ hasText: 'Lars M. Nilsen · Logistics lead' })).toBeVisible();

  // Retired: still listed, marked; the person at the keyboard cannot be retired.
  await expect(panel.getByRole('button', { name: `Retire ${OPERATOR}` })).toBeDisabled();
  await panel.getByRole('button', { name: 'Retire Anne Moe' }).click();
  await expect(panel.getByRole('listitem').filter({ hasText: 'Anne Moe' })).toContainText('retired');
  await expectAccessible(page, 'people at the desk');
  await panel.screenshot({ path: 'test-results/screens/people-at-the-desk.png' });

  // The switcher: many people, so a search field; the retired are not offered.
  await page.getByRole('button', { name: /^Operator:/ }).click();
  const who = page.getByRole('dialog', { name: 'Who is at the keyboard?' });
  await expect(who.getByRole('button', { name: /^Anne Moe/ })).toHaveCount(0);
  await who.getByLabel('Find a person').fill('logist');
  await expect(who.getByRole('list').getByRole('button')).toHaveCount(1);
  await expectAccessible(page, 'operator switcher');
  await who.getByRole('button', { name: /^Lars M\. Nilsen · Logistics lead/ }).click();
  await expect(page.getByRole('button', { name: /^Operator: Lars M\. Nilsen · Logistics lead/ })).toBeVisible();
});

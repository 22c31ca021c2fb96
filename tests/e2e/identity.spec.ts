import { readFile } from 'node:fs/promises';

import { expect, test } from '@playwright/test';

import { OPERATOR, createIncident, expectAccessible, setUpDesk, snap, wallClockAgo } from './helpers';

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
  await expect(who.getByLabel('Your name')).toHaveValue('Sofie Lie');
  // Escape does not skip the question.
  await page2.keyboard.press('Escape');
  await expect(who).toBeVisible();
  await who.getByLabel('Your role in the response').fill('Duty officer');
  await expectAccessible(page2, 'identity after restore');
  await snap(page2, 'restore-identity-prompt');
  await who.getByRole('button', { name: 'Continue as this person' }).click();
  await expect(who).toBeHidden();
  await expect(page2.getByRole('button', { name: /^Operator: Sofie Lie · Duty officer/ })).toBeVisible();

  // What is logged next is Sofie's.
  await page2.getByRole('link', { name: 'Arson at the community centre' }).click();
  await page2.getByRole('link', { name: 'Timeline', exact: true }).click();
  await page2.getByLabel('Log an entry').fill('Fire service leaves the scene');
  await page2.getByLabel('Log an entry').press('Enter');
  await page2.getByRole('button', { name: /Fire service leaves the scene/ }).click();
  await expect(page2.getByRole('complementary', { name: 'Fire service leaves the scene' })).toContainText(
    'by Sofie Lie',
  );

  // At any time, from the top bar: the desk changes hands, and the audit log says so.
  await page2.getByRole('button', { name: /^Operator: Sofie Lie/ }).click();
  const handover = page2.getByRole('dialog', { name: 'Who is at the keyboard?' });
  await handover.getByLabel('Your name').fill('Lars Nilsen');
  await handover.getByLabel('Your role in the response').fill('');
  await handover.getByRole('button', { name: 'Save' }).click();
  await expect(page2.getByRole('button', { name: /^Operator: Lars Nilsen/ })).toBeVisible();
  await page2.getByLabel('Log an entry').fill('Night shift starts');
  await page2.getByLabel('Log an entry').press('Enter');
  await page2.getByRole('button', { name: /Night shift starts/ }).click();
  await expect(page2.getByRole('complementary', { name: 'Night shift starts' })).toContainText('by Lars Nilsen');
  await laptop.close();
});

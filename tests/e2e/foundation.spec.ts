import { readFile } from 'node:fs/promises';

import { expect, test } from '@playwright/test';

import { CITY, OPERATOR, createIncident, expectAccessible, setUpDesk, snap, wallClockAgo } from './helpers';

// Elapsed labels are read on the real clock; a minute may tick between entering and reading.
const T_PLUS_3H12 = /^T\+3h 1[23]m$/;

test('first run asks for the city, the operator and the time zone, and refuses blanks', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Set up this desk' })).toBeVisible();
  await expectAccessible(page, 'first run');
  await snap(page, 'first-run');
  await page.getByRole('button', { name: 'Start using the desk' }).click();
  await expect(page.getByText("Enter the city's name")).toBeVisible();
  await expect(page.getByText('Enter your name')).toBeVisible();

  await setUpDesk(page, { keepFingerprint: true });
  await expect(page.getByText(`Operator: ${OPERATOR}`)).toBeVisible();
  await expect(page.getByText('No incidents yet')).toBeVisible();

  // The desk made its own key as it was set up: its name, id and fingerprint in words, to note now.
  const ready = page.getByRole('region', { name: 'This desk is ready: note its fingerprint' });
  await expect(ready.getByText(`${CITY} crisis desk`)).toBeVisible();
  await expect(ready.getByTestId('desk-id')).toHaveText(/^desk-[0-9a-f]{32}$/);
  await expect(ready.getByTestId('fingerprint-words')).toHaveText(/^([a-z]+ ){11}[a-z]+$/);
  const words = await ready.getByTestId('fingerprint-words').textContent();
  const deskId = await ready.getByTestId('desk-id').textContent();
  await expectAccessible(page, 'desk ready');
  await snap(page, 'first-run-fingerprint');
  await ready.getByRole('button', { name: 'I have noted it' }).click();
  await expect(ready).toBeHidden();
  await expectAccessible(page, 'empty dashboard');

  // Settings show the same desk: its name, id and fingerprint to read aloud.
  await page.getByRole('link', { name: 'Settings' }).first().click();
  const desk = page.getByRole('region', { name: 'Desk identity' });
  await expect(desk.getByTestId('desk-id')).toHaveText(deskId ?? 'none');
  await expect(desk.getByTestId('fingerprint-hex')).toHaveText(/^([0-9a-f]{4} ){7}[0-9a-f]{4}$/);
  await expect(desk.getByTestId('fingerprint-words')).toHaveText(words ?? 'none');
  await desk.screenshot({ path: 'test-results/screens/settings-this-desk.png' });
});

test('an incident keeps its clock across a reload, and can be closed and reopened', async ({ page }) => {
  await setUpDesk(page);
  await createIncident(page, {
    title: 'Vehicle attack, Markens gate',
    ...wallClockAgo(3 * 60 + 12),
    location: 'Markens gate',
  });
  await expect(page.getByTestId('elapsed')).toHaveText(T_PLUS_3H12);
  await expect(page.locator('.workspace__clock .phase')).toHaveText('First hours');
  await expectAccessible(page, 'workspace');
  await snap(page, 'workspace');

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Vehicle attack, Markens gate', level: 1 })).toBeVisible();
  await expect(page.getByTestId('elapsed')).toHaveText(T_PLUS_3H12);

  await page.getByRole('button', { name: 'Close incident' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Close incident' }).click();
  await expect(page.getByText('Closed', { exact: true }).first()).toBeVisible();
  await page.getByRole('button', { name: 'Reopen incident' }).click();
  await expect(page.getByRole('button', { name: 'Close incident' })).toBeVisible();

  await page.getByRole('link', { name: 'Audit log' }).click();
  const rows = page.locator('table tbody tr');
  // Created, its checklists added, closed, reopened.
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(0)).toContainText('Incident reopened');
  await expect(rows.nth(1)).toContainText('Incident closed');
  await expect(rows.nth(2)).toContainText(OPERATOR);
  await expectAccessible(page, 'audit log');

  await page.getByRole('link', { name: 'Incidents' }).click();
  await expect(page.getByRole('link', { name: 'Vehicle attack, Markens gate' })).toBeVisible();
  await expect(page.getByTestId('elapsed')).toHaveText(T_PLUS_3H12);
  await createIncident(page, {
    title: 'Threat against the mosque',
    date: wallClockAgo(4 * 24 * 60).date,
    time: '00:05',
  });
  await page.getByRole('link', { name: 'Incidents' }).click();
  // Newest first; the older one started four calendar days ago on Oslo's clock, so it is on day 5.
  await expect(page.locator('.incident-card h3')).toHaveText([
    'Vehicle attack, Markens gate',
    'Threat against the mosque',
  ]);
  await expect(page.getByTestId('elapsed').nth(1)).toHaveText('Day 5');
  await expectAccessible(page, 'dashboard');
  await snap(page, 'dashboard');
});

test('the incident form names an impossible start time', async ({ page }) => {
  await setUpDesk(page);
  await page.getByRole('button', { name: '+ New incident' }).click();
  const dialog = page.getByRole('dialog', { name: 'New incident' });
  await dialog.getByLabel('Title').fill('Clock change test');
  await dialog.getByLabel('Start date').fill('2026-03-29');
  await dialog.getByLabel('Start time').fill('02:30');
  await dialog.getByRole('button', { name: 'Create incident' }).click();
  await expect(dialog.getByText('does not exist in Europe/Oslo')).toBeVisible();
  await expectAccessible(page, 'incident form with an error');
});

test('a backup restores everything into a wiped desk, and a damaged file is refused', async ({ page, browser }) => {
  await setUpDesk(page);
  await createIncident(page, {
    title: 'Arson at the community centre',
    ...wallClockAgo(12 * 60 + 32),
    location: 'Lund',
  });
  await page.getByRole('link', { name: 'Settings' }).click();
  // The desk's local server keeps the automatic backups, in the data folder it was started with.
  await expect(page.getByText(`Kept in ${process.env['DESK_E2E_DATA_DIR'] ?? ''}/backups`)).toBeVisible();
  await expectAccessible(page, 'settings');
  await snap(page, 'settings');
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save a backup…' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^response-desk-backup-kristiansand-.*\.json$/);
  const backupPath = await download.path();
  const backup = JSON.parse(await readFile(backupPath, 'utf8')) as { format: string; data: { incidents: unknown[] } };
  expect(backup.format).toBe('response-desk-backup');
  expect(backup.data.incidents).toHaveLength(1);

  // A fresh browser profile: nothing stored.
  const fresh = await browser.newContext();
  const page2 = await fresh.newPage();
  await page2.goto('/');
  await expect(page2.getByRole('heading', { name: 'Set up this desk' })).toBeVisible();

  // A damaged file first: refused with words, and nothing changes.
  const corrupt = JSON.stringify({ ...backup, data: { ...backup.data, incidents: [] } });
  let chooser = page2.waitForEvent('filechooser');
  await page2.getByRole('button', { name: 'Restore this desk from a backup…' }).click();
  await (await chooser).setFiles({ name: 'tampered.json', mimeType: 'application/json', buffer: Buffer.from(corrupt) });
  await expect(page2.getByRole('alert')).toContainText('altered or damaged');
  await expect(page2.getByRole('heading', { name: 'Set up this desk' })).toBeVisible();

  chooser = page2.waitForEvent('filechooser');
  await page2.getByRole('button', { name: 'Restore this desk from a backup…' }).click();
  await (
    await chooser
  ).setFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": 1') });
  await expect(page2.getByRole('alert')).toContainText('not valid JSON');

  chooser = page2.waitForEvent('filechooser');
  await page2.getByRole('button', { name: 'Restore this desk from a backup…' }).click();
  await (await chooser).setFiles(backupPath);
  const confirm = page2.getByRole('dialog', { name: 'Restore this backup?' });
  await expect(confirm.getByText('1 incident', { exact: true })).toBeVisible();
  await expectAccessible(page2, 'restore confirmation');
  await confirm.getByRole('button', { name: 'Replace everything and restore' }).click();
  // The desk asks who is working on it now, rather than taking the backup's name.
  const who = page2.getByRole('dialog', { name: 'Who is at the keyboard?' });
  // The backup's people are offered: the one who made it takes the keyboard again.
  await who.getByRole('button', { name: new RegExp(`^${OPERATOR}`) }).click();
  await expect(who).toBeHidden();

  await expect(page2.getByRole('heading', { name: 'Incidents', level: 1 })).toBeVisible();
  await expect(page2.getByText(CITY).first()).toBeVisible();
  await expect(page2.getByRole('link', { name: 'Arson at the community centre' })).toBeVisible();
  await expect(page2.getByTestId('elapsed')).toHaveText(/^T\+12h 3[23]m$/);
  await page2.reload();
  await expect(page2.getByRole('link', { name: 'Arson at the community centre' })).toBeVisible();
  await fresh.close();
});

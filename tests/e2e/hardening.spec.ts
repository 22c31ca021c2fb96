import { readFile } from 'node:fs/promises';

import { expect, test, type Page } from '@playwright/test';

import { canonicalJson } from '../../shared/domain/integrity/canonical';
import { createIncident, expectAccessible, setUpDesk, snap, wallClockAgo } from './helpers';

async function openTimeline(page: Page) {
  await page.getByRole('link', { name: 'Timeline', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Timeline', level: 2 })).toBeVisible();
}

const sha256 = async (text: string) =>
  Buffer.from(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))).toString('hex');

test('the quick line holds new entries to the limits the desk reads back, and says so before Enter', async ({
  page,
}) => {
  await setUpDesk(page);
  await createIncident(page, { title: 'Fire at the market hall', ...wallClockAgo(30) });
  await openTimeline(page);
  const line = page.getByLabel('Log an entry');
  const long = `Caller reports ${'smoke and people running from the market hall towards the bridge, '.repeat(8)}`;
  await line.fill(long);
  await expect(page.locator('#quick-entry-preview')).toContainText(
    /The title is \d{3} characters; a title takes up to 500/,
  );
  await expect(line).toHaveAttribute('aria-invalid', 'true');
  await line.press('Enter');
  await expect(page.locator('#quick-entry-preview')).toContainText('Not logged: The title is');
  await expect(line).toHaveValue(long);
  await line.fill(`Road closed #${'a'.repeat(41)}`);
  await expect(page.locator('#quick-entry-preview')).toContainText('a tag takes up to 40');
  await line.press('Enter');
  await expect(page.getByText('Nothing logged yet')).toBeVisible();
  await snap(page, 'quick-entry-over-limit');
});

test('a name with a hidden direction control cannot pass for another file type on screen', async ({ page }) => {
  await setUpDesk(page);
  await createIncident(page, { title: 'Threat by email', ...wallClockAgo(20) });
  await openTimeline(page);
  await page.getByLabel('Log an entry').fill('Attachment from Mallory \u202Efdp.exe received by the front desk');
  await page.getByLabel('Log an entry').press('Enter');
  const entry = page.locator('.tl-entry').first();
  await expect(entry).toContainText('Mallory ⟦RLO⟧fdp.exe');
  // What a reader sees, laid out: the letters stay in the order typed, the control is only a mark.
  const shown = await entry.locator('.tl-entry__text').evaluate((el) => (el as HTMLElement).innerText);
  expect(shown).toBe('Attachment from Mallory ⟦RLO⟧fdp.exe received by the front desk');
  await expect(entry.locator('abbr.bidi-control')).toHaveAttribute('title', /Hidden direction control \(RLO\)/);
  await snap(page, 'timeline-bidi-control-shown');
  await entry.click();
  const details = page.getByRole('complementary', { name: /Attachment from Mallory/ });
  await expect(details).toContainText('Mallory ⟦RLO⟧fdp.exe');
  await expectAccessible(page, 'entry details with a direction control');
});

test('a backup whose entry was altered and resealed is restored only after a warning naming the incident and the entry', async ({
  page,
  browser,
}) => {
  await setUpDesk(page);
  await createIncident(page, { title: 'Arson at the community centre', ...wallClockAgo(90) });
  await openTimeline(page);
  for (const text of ['Fire reported at the community centre #scene', 'Police close Elvegata #traffic']) {
    await page.getByLabel('Log an entry').fill(text);
    await page.getByLabel('Log an entry').press('Enter');
  }
  await expect(page.locator('.tl-entry')).toHaveCount(2);
  await page.getByRole('link', { name: 'Settings' }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save a backup…' }).click();
  const file = JSON.parse(await readFile(await (await downloading).path(), 'utf8')) as {
    data: { timelineRevisions: { content: { title: string } }[]; timelineEntries: { title: string }[] };
    checksum: { value: string };
  };
  // Someone edits an entry in the file and recomputes the checksum, so only the chain gives it away.
  const revision = file.data.timelineRevisions.find((r) => r.content.title === 'Police close Elvegata')!;
  revision.content.title = 'Police reopen Elvegata';
  file.data.timelineEntries.find((e) => e.title === 'Police close Elvegata')!.title = 'Police reopen Elvegata';
  file.checksum.value = await sha256(canonicalJson(file.data));

  const fresh = await browser.newContext();
  const page2 = await fresh.newPage();
  await page2.goto('/');
  const chooser = page2.waitForEvent('filechooser');
  await page2.getByRole('button', { name: 'Restore this desk from a backup…' }).click();
  await (
    await chooser
  ).setFiles({ name: 'resealed.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  const confirm = page2.getByRole('dialog', { name: 'Restore this backup?' });
  await expect(confirm.getByRole('alert')).toContainText('The timeline does not check out in one incident');
  await expect(confirm.getByRole('alert')).toContainText('Arson at the community centre');
  await expect(confirm.getByRole('alert')).toContainText('entry “Police reopen Elvegata”');
  const restore = confirm.getByRole('button', { name: 'Replace everything and restore' });
  await expect(restore).toBeDisabled();
  await expectAccessible(page2, 'restore confirmation with a broken chain');
  await snap(page2, 'restore-broken-chain-warning');
  await confirm.getByLabel(/I have read this: restore the backup with this broken chain/).check();
  await restore.click();
  await expect(page2.getByRole('heading', { name: 'Incidents', level: 1 })).toBeVisible();
  // After a restore the desk asks who is at the keyboard before anything else.
  const who = page2.getByRole('dialog', { name: 'Who is at the keyboard?' });
  await who.getByLabel('Your name').fill('Sofie Lie');
  await who.getByRole('button', { name: 'Add and take the keyboard' }).click();
  await expect(who).toBeHidden();
  await page2.getByRole('link', { name: 'Arson at the community centre' }).click();
  await openTimeline(page2);
  await page2.getByRole('button', { name: 'Verify integrity' }).click();
  await expect(page2.getByTestId('integrity-result')).toContainText('Integrity check FAILED');
  await fresh.close();
});

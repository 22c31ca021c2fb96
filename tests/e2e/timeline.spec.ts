import { readFile } from 'node:fs/promises';

import { expect, test, type Page } from '@playwright/test';

import { createIncident, expectAccessible, setUpDesk, snap, wallClockAgo } from './helpers';

/** Ten lines of a first hour, typed as a logger would. Times are minutes after the start. */
function firstHour(start: { date: string; time: string }) {
  const [h, m] = start.time.split(':').map(Number) as [number, number];
  const at = (mins: number) => {
    const total = h * 60 + m + mins;
    return `${String(Math.floor(total / 60) % 24).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
  };
  return [
    `${at(2)} Reports of a van driving into the crowd at Markens gate #scene @police`,
    `${at(5)} action: Ambulances dispatched to Markens gate #medical @ambulance`,
    `${at(9)} decision: Mayor activates the crisis team #crisis-team`,
    `${at(12)} rumour: Second attacker at the train station #station @social_media`,
    `${at(15)} comms: Call to the imam of the central mosque #faith`,
    `${at(18)} Police confirm road closures on Markens gate #traffic @police`,
    `${at(22)} info: Hospital reports 12 injured #medical @hospital`,
    `${at(26)} media: NRK live from the scene #media`,
    `${at(31)} decision: Open the city hall as a family reception centre #families`,
    `${at(40)} Police: no second attacker, the station is safe #station @police`,
  ];
}

async function openTimeline(page: Page) {
  await page.getByRole('link', { name: 'Timeline', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Timeline', level: 2 })).toBeVisible();
}

test('a first hour logged by keyboard, corrected, retracted, filtered, searched and verified', async ({ page }) => {
  // A whole first hour typed key by key, then worked through: longer than one screen's test.
  test.setTimeout(150_000);
  await setUpDesk(page);
  const start = wallClockAgo(50);
  await createIncident(page, { title: 'Vehicle attack, Markens gate', ...start, location: 'Markens gate' });
  await openTimeline(page);
  await expect(page.getByText('Nothing logged yet')).toBeVisible();

  // Keyboard alone: "/" focuses the quick line, Enter logs.
  await page.getByRole('heading', { name: 'Timeline', level: 2 }).click();
  await page.keyboard.press('/');
  await expect(page.getByLabel('Log an entry')).toBeFocused();
  // Line after line without waiting: what is typed while the last line is being written stays.
  for (const line of firstHour(start)) {
    await page.keyboard.type(line);
    await page.keyboard.press('Enter');
  }
  await expect(page.getByLabel('Log an entry')).toHaveValue('');
  await expect(page.getByTestId('timeline-count')).toHaveText('10 entries');
  const entries = page.locator('.tl-entry');
  await expect(entries).toHaveCount(10);
  await expect(entries.first()).toContainText('Reports of a van driving into the crowd');
  await expect(entries.first()).toContainText('T+2m');
  await expectAccessible(page, 'timeline');
  await snap(page, 'timeline-first-hour');

  // A bad time is refused with words, and nothing is logged.
  await page.getByLabel('Log an entry').fill('25:99 Something');
  await expect(page.locator('#quick-entry-preview')).toContainText('“25:99” is not a time of day');
  await page.getByLabel('Log an entry').press('Enter');
  await expect(page.getByTestId('timeline-count')).toHaveText('10 entries');
  await page.getByLabel('Log an entry').fill('');

  // Correct one entry: the list shows the new text with a marker, the history both.
  await page.getByRole('button', { name: /Hospital reports 12 injured/ }).click();
  await page.getByRole('button', { name: 'Correct…' }).click();
  const form = page.getByRole('dialog', { name: 'Correct entry' });
  await form.getByLabel('What happened').fill('Hospital reports 14 injured, 3 seriously');
  await form.getByLabel('Reason for the correction').fill('Updated figures from the hospital');
  await form.getByRole('button', { name: 'Save correction' }).click();
  const details = page.getByRole('complementary', { name: 'Hospital reports 14 injured, 3 seriously' });
  await expect(details.getByRole('list', { name: 'History of this entry' }).locator('.history__item')).toHaveCount(2);
  await expect(details).toContainText('Reason: Updated figures from the hospital');
  await expect(details.locator('del')).toContainText('Hospital reports 12 injured');
  await details.getByRole('button', { name: 'Mark confirmed' }).click();
  await expect(details.getByRole('list', { name: 'History of this entry' }).locator('.history__item')).toHaveCount(3);
  await snap(page, 'timeline-entry-history');
  await details.getByRole('button', { name: 'Close' }).click();
  // One correction of content; the change of verification has its own mark, not a "Corrected" count.
  await expect(page.getByRole('button', { name: /Hospital reports 14 injured/ })).toContainText('Corrected (1×)');

  // Retract one: kept, struck through, with the reason.
  await page.getByRole('button', { name: /Second attacker at the train station/ }).click();
  const rumour = page.getByRole('complementary', { name: 'Second attacker at the train station' });
  await rumour.getByRole('button', { name: 'Retract…' }).click();
  await rumour.getByLabel('Why is this entry retracted?').fill('Logged under the wrong incident');
  await rumour.getByRole('button', { name: 'Retract entry' }).click();
  await expect(page.getByRole('complementary', { name: /^Retracted: Second attacker/ })).toContainText(
    'Retracted: Logged under the wrong incident',
  );
  await page.getByRole('complementary').getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('button', { name: /Second attacker at the train station \(retracted\)/ })).toHaveClass(
    /tl-entry--retracted/,
  );

  // Filter by category, then search, then reload: the same view comes back.
  await page.getByRole('button', { name: /^Filters/ }).click();
  await page.getByRole('button', { name: 'Decision', exact: true }).click();
  await expect(page.getByTestId('timeline-count')).toHaveText('Showing 2 of 10');
  await page.getByRole('button', { name: 'Decision', exact: true }).click();
  await page.getByLabel('Tag').selectOption('station');
  await expect(page.getByTestId('timeline-count')).toHaveText('Showing 2 of 10');
  await page.getByLabel('Tag').selectOption('');
  await page.getByLabel('Search the timeline').fill('injured');
  await expect(page.getByTestId('timeline-count')).toHaveText('Showing 1 of 10');
  await expect(entries).toHaveCount(1);
  await expect(entries.first()).toContainText('14 injured');
  await page.reload();
  await expect(page.getByLabel('Search the timeline')).toHaveValue('injured');
  await expect(page.getByTestId('timeline-count')).toHaveText('Showing 1 of 10');
  await page.getByRole('button', { name: 'Clear filters' }).first().click();
  await expect(page.getByTestId('timeline-count')).toHaveText('10 entries');

  await page.getByRole('button', { name: 'Verify integrity' }).click();
  await expect(page.getByTestId('integrity-result')).toContainText(
    'Integrity verified: 13 revisions of 10 entries form an unbroken chain. Head hash',
  );

  // CSV export of the whole timeline.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const csv = (await readFile(await (await download).path(), 'utf8')).replace(/^\uFEFF/, '');
  const lines = csv.trim().split('\r\n');
  expect(lines[0]).toBe(
    'occurred_at,occurred_local,time_zone,precision,reported_at,recorded_at,recorded_by,category,title,body,source,verification,tags,release,on_behalf_of,transcribed,retracted,retraction_reason,revisions,entry_id',
  );
  expect(lines).toHaveLength(11);
  expect(lines.find((l) => l.includes('14 injured'))).toMatch(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00[+-]\d{2}:\d{2},.*,Europe\/Oslo,exact,.*,information,"Hospital reports 14 injured, 3 seriously",,hospital,confirmed,medical,internal,,no,no,,3,tle_/,
  );
  expect(lines.find((l) => l.includes('Second attacker'))).toContain(',yes,Logged under the wrong incident,2,');
});

test('a spreadsheet kept by hand is imported after its errors are shown, and not before confirming', async ({
  page,
}) => {
  await setUpDesk(page);
  await createIncident(page, { title: 'Power cut during the vigil', ...wallClockAgo(180) });
  await openTimeline(page);
  const csv = [
    'Date,Time,What,Who,Type',
    '2026-11-20,16:40,Generator started at city hall,Facilities,action',
    '20/11/2026,16:55,Candles handed out,Volunteers,',
    '2026-11-20,25:10,Speech begins,Mayor,event',
    '2026-11-20,17:30,,Police,event',
    '2026-11-20,17:45,Crowd disperses,Police,party',
  ].join('\n');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import CSV…' }).click();
  await (await chooser).setFiles({ name: 'paper-log.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const dialog = page.getByRole('dialog', { name: 'Import a timeline from “paper-log.csv”' });
  await expect(dialog.getByLabel('Date it happened')).toHaveValue('0');
  await expect(dialog.getByLabel('What happened (title)')).toHaveValue('2');
  await expect(dialog.getByRole('alert')).toContainText('3 problems in 3 rows');
  await expect(dialog).toContainText('Row 4, column “Time”: “25:10” is not a time of day');
  await expect(dialog).toContainText('Row 5, column “What”: The title is empty');
  await expect(dialog).toContainText('Row 6, column “Type”: “party” is not a category');
  await expect(dialog.getByRole('button', { name: 'Import 2 entries' })).toBeDisabled();
  await expectAccessible(page, 'CSV import');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('Nothing logged yet')).toBeVisible();

  const again = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import CSV…' }).click();
  await (await again).setFiles({ name: 'paper-log.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await dialog.getByLabel(/Import the good rows and leave out the 3 rows with problems/).check();
  await dialog.getByRole('button', { name: 'Import 2 entries' }).click();
  await expect(page.getByTestId('timeline-count')).toHaveText('2 entries');
  await expect(page.locator('.tl-entry').first()).toContainText('From paper log');
});

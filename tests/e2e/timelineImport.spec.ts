import { expect, test, type Page } from '@playwright/test';

import { createIncident, expectAccessible, setUpDesk, snap, wallClockAgo } from './helpers';

const CHICAGO = 'America/Chicago';

/** A wall-clock reading in Chicago `minutesAgo` before now: as Excel in the US writes it, and as the desk shows it. */
function chicago(minutesAgo: number) {
  const at = new Date(Date.now() - minutesAgo * 60_000);
  const part = (options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat('en-US', { timeZone: CHICAGO, ...options }).format(at);
  return {
    usDate: part({ year: 'numeric', month: 'numeric', day: 'numeric' }), // 7/4/2026
    usTime: part({ hour: 'numeric', minute: '2-digit', hour12: true }), // 2:05 PM
    shown: part({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }), // 14:05
  };
}

/** Windows-1252, as Excel on Windows saves "CSV": Latin-1 bytes, plus the en dash at 0x96. */
const windows1252 = (text: string) => Buffer.from(text.replace(/–/g, '\x96'), 'latin1');

async function openImport(page: Page, name: string, buffer: Buffer) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import CSV…' }).click();
  await (await chooser).setFiles({ name, mimeType: 'text/csv', buffer });
  return page.getByRole('dialog', { name: `Import a timeline from “${name}”` });
}

test('a Windows-1252 spreadsheet with US dates is read right in a Chicago incident, and a second import adds nothing', async ({
  page,
}) => {
  await setUpDesk(page, { zone: CHICAGO });
  await createIncident(page, { title: 'Fireworks evening, Navy Pier', ...wallClockAgo(180, CHICAGO), zone: CHICAGO });
  await page.getByRole('link', { name: 'Timeline', exact: true }).click();

  const [a, b, c] = [chicago(160), chicago(140), chicago(100)];
  const rows = [
    ['Date', 'Time', 'Event', 'Source', 'Category'],
    [a.usDate, a.usTime, 'Réunion à la mairie', 'Cabinet du maire', 'decision'],
    [b.usDate, b.usTime, 'Café « Le Marché » fermé – périmètre de sécurité', 'Police', 'action'],
    [c.usDate, c.usTime, 'Préfecture prévenue', 'Cabinet du maire', 'comms'],
  ];
  const file = windows1252(`${rows.map((r) => r.join(',')).join('\r\n')}\r\n`);

  const dialog = await openImport(page, 'journal-de-bord.csv', file);
  await expect(dialog.getByLabel('Encoding')).toHaveValue('windows-1252');
  await expect(dialog.getByTestId('encoding-guess')).toContainText(
    'Detected: Windows-1252 (Western European, Excel on Windows), guessed from the letters in the file',
  );
  await expect(dialog.getByLabel('Dates written like 7/4/2026')).toHaveValue('month-first');
  await expect(dialog.getByTestId('date-order-basis')).toContainText('Detected: month first');
  const preview = dialog.getByRole('table');
  await expect(preview.getByRole('row', { name: /Réunion à la mairie/ })).toContainText(a.shown);
  await expect(preview.getByRole('row', { name: /Café « Le Marché » fermé – périmètre de sécurité/ })).toContainText(
    b.shown,
  );
  await expectAccessible(page, 'timeline CSV import');
  await page.setViewportSize({ width: 1280, height: 800 });
  await snap(page, 'timeline-import-windows-1252');
  await preview.scrollIntoViewIfNeeded();
  await snap(page, 'timeline-import-windows-1252-preview');

  await dialog.getByRole('button', { name: 'Import 3 entries' }).click();
  await expect(page.getByTestId('timeline-count')).toHaveText('3 entries');
  const entry = (title: string) => page.getByRole('listitem').filter({ hasText: title });
  await expect(entry('Réunion à la mairie')).toContainText(a.shown);
  await expect(entry('Café « Le Marché » fermé – périmètre de sécurité')).toContainText(b.shown);
  await expect(entry('Préfecture prévenue')).toContainText(c.shown);

  // The same file again: every row is recognised, nothing is added twice.
  const again = await openImport(page, 'journal-de-bord.csv', file);
  await expect(again.getByRole('heading', { name: '3 rows are already on the timeline' })).toBeVisible();
  await expect(again.getByLabel('Skip them (import only what is new)')).toBeChecked();
  await expect(again.getByRole('button', { name: 'Nothing to import' })).toBeDisabled();
  await expect(again.getByRole('list', { name: 'Before importing' })).toContainText('No rows are left to import.');
  await again.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('timeline-count')).toHaveText('3 entries');
});

test('a time that happened twice when the clocks went back waits for a choice; a file without a header row imports', async ({
  page,
}) => {
  await setUpDesk(page, { zone: CHICAGO });
  await createIncident(page, { title: 'Night of the clock change', date: '2026-11-01', time: '00:30', zone: CHICAGO });
  await page.getByRole('link', { name: 'Timeline', exact: true }).click();

  const file = Buffer.from(
    [
      '11/1/2026 00:50,Crowd gathers at the plaza',
      '11/1/2026 01:30,Shots reported near the fountain',
      '11/1/2026 01:30 CST,Police cordon in place',
    ].join('\n'),
  );
  const dialog = await openImport(page, 'night-log.csv', file);
  await expect(dialog.getByLabel('The first row is data (this file has no header row)')).toBeChecked();
  await expect(
    dialog.getByRole('heading', { name: '1 time happened twice in America/Chicago: choose which was meant' }),
  ).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Import 2 entries' })).toBeDisabled();
  await expect(dialog.getByRole('list', { name: 'Before importing' })).toContainText(
    'Choose which time is meant for the 1 row whose time happened twice.',
  );
  await page.setViewportSize({ width: 1280, height: 800 });
  await dialog.getByRole('heading', { name: /happened twice/ }).scrollIntoViewIfNeeded();
  await snap(page, 'timeline-import-clock-change');

  await dialog.getByLabel(/Row 2, 1 Nov 2026 01:30/).selectOption('later');
  await expect(dialog.getByLabel(/Row 2, 1 Nov 2026 01:30/)).toHaveValue('later');
  await dialog.getByRole('button', { name: 'Import 3 entries' }).click();
  await expect(page.getByTestId('timeline-count')).toHaveText('3 entries');
  // Both 01:30s are the second one (CST): the file's order is kept between them.
  const items = page.getByRole('listitem').filter({ hasText: '01:30' });
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toContainText('Shots reported near the fountain');
  await expect(items.nth(1)).toContainText('Police cordon in place');
});

test('a 20,000-row import shows its progress and can be stopped before anything is written', async ({ page }) => {
  await setUpDesk(page);
  await createIncident(page, { title: 'Long paper log', ...wallClockAgo(60 * 24) });
  await page.getByRole('link', { name: 'Timeline', exact: true }).click();
  const start = wallClockAgo(60 * 24);
  const lines = ['Date,Time,What'];
  for (let i = 0; i < 20_000; i += 1) lines.push(`${start.date},${start.time},Radio log line ${i + 1}`);
  const dialog = await openImport(page, 'radio-log.csv', Buffer.from(lines.join('\n')));
  await expect(dialog).toContainText('20,000 rows.');
  await dialog.getByRole('button', { name: 'Import 20,000 entries' }).click();
  // Stopped while the entries are sealed or written: the transaction is abandoned whole.
  await expect(dialog.getByRole('status')).toContainText(/(Sealing|Writing) entry [\d,]+ of 20,000/, {
    timeout: 30_000,
  });
  await page.setViewportSize({ width: 1280, height: 800 });
  await snap(page, 'timeline-import-progress');
  await dialog.getByRole('button', { name: 'Stop the import' }).click();
  await expect(dialog).toContainText('Import stopped: nothing was written.', { timeout: 30_000 });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('Nothing logged yet')).toBeVisible();
});

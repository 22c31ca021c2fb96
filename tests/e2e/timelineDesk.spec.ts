import { expect, test, type Page } from '@playwright/test';

import { createIncident, expectAccessible, setUpDesk, snap } from './helpers';

// A fixed incident, its first hours typed in from the paper log: the same screen every run.
const DAY1 = '2026-03-14';
const DAY2 = '2026-03-15';

const FIRST_HOUR = [
  'Reports of a van driving into the crowd at Markens gate #scene @police',
  'action: Ambulances dispatched to Markens gate #medical @ambulance',
  'decision: Mayor activates the crisis team #crisis-team',
  'rumour: Second attacker at the train station #station @social_media',
  'comms: Call to the imam of the central mosque #faith',
  'Police confirm road closures on Markens gate #traffic @police',
  'info: Hospital reports 12 injured #medical @hospital',
  'media: NRK live from the scene #media',
  'decision: Open the city hall as a family reception centre #families',
  'Police: no second attacker, the station is safe #station @police',
  'action: Psychosocial team sent to city hall #families',
  'comms: Holding statement drafted for the website #comms',
  'info: Bus routes diverted around the centre #traffic @transit',
  'rumour: Video of the driver shared on social media #media @social_media',
  'action: Extra staff called in at the hospital #medical @hospital',
];

const at = (minutes: number) =>
  `${String(8 + Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** Types lines from a paper log of `day`, each `step` minutes after the last from 08:00. */
async function transcribe(page: Page, day: string, lines: readonly string[], step: number): Promise<void> {
  await page.getByLabel('Transcribing a paper log').check();
  await page.getByLabel('Day of the log').fill(day);
  const quick = page.getByLabel('Log an entry');
  for (const [i, line] of lines.entries()) {
    await quick.fill(`${at(2 + i * step)} ${line}`);
    await quick.press('Enter');
    await expect(quick).toHaveValue('');
  }
  await page.getByLabel('Transcribing a paper log').uncheck();
}

/** Entries whose whole row can be read in the list, below the pinned day heading. */
async function visibleEntries(page: Page): Promise<number> {
  return page.getByTestId('timeline-scroll').evaluate((scroller) => {
    const box = scroller.getBoundingClientRect();
    const pinned = scroller.querySelector('.tl-row--sticky')?.getBoundingClientRect().bottom ?? box.top;
    const bottom = Math.min(box.bottom, window.innerHeight);
    return [...scroller.querySelectorAll('.tl-entry:not(.tl-entry--loading)')].filter((row) => {
      const r = row.getBoundingClientRect();
      return r.top >= pinned - 1 && r.bottom <= bottom + 1;
    }).length;
  });
}

async function openTimeline(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Timeline', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Timeline', level: 2 })).toBeVisible();
}

test('the timeline is the main pane: a dozen entries on a laptop screen, one scroller, filters on one line', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await setUpDesk(page);
  await createIncident(page, {
    title: 'Vehicle attack, Markens gate',
    date: DAY1,
    time: '08:00',
    location: 'Markens gate',
  });
  await openTimeline(page);
  await transcribe(page, DAY1, [...FIRST_HOUR, ...FIRST_HOUR.map((l) => l.replace(/^(\w+: )?/, '$1Update: '))], 2);
  await expect(page.getByTestId('timeline-count')).toHaveText('30 entries');

  // Opened afresh, as after a restart.
  await page.reload();
  await expect(page.getByTestId('timeline-count')).toHaveText('30 entries');
  expect(await visibleEntries(page)).toBeGreaterThanOrEqual(12);
  // One scroller: the page itself does not scroll, the list does.
  expect(await page.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight)).toBe(true);
  await expect(page.getByLabel('Log an entry')).toBeInViewport();
  // The filters are one line until asked for.
  await expect(page.getByRole('button', { name: 'Decision', exact: true })).toHaveCount(0);
  const line = await page.getByRole('search', { name: 'Filter the timeline' }).boundingBox();
  expect(line?.height).toBeLessThan(50);
  await expectAccessible(page, 'timeline at 1280x800');
  await snap(page, 'timeline-busy-first-hour-1280x800');

  // Scrolled, the incident header shrinks and gives the room to the list.
  const header = page.locator('.workspace__header');
  const scroller = page.getByTestId('timeline-scroll');
  const [tall, listBefore] = await Promise.all([header.boundingBox(), scroller.boundingBox()]);
  await scroller.evaluate((el) => el.scrollBy(0, 400));
  await expect(header).toHaveClass(/workspace__header--compact/);
  expect((await header.boundingBox())?.height ?? 0).toBeLessThan(tall?.height ?? 0);
  expect((await scroller.boundingBox())?.height ?? 0).toBeGreaterThan(listBefore?.height ?? 0);
  expect(await visibleEntries(page)).toBeGreaterThanOrEqual(12);

  await page.setViewportSize({ width: 1366, height: 768 });
  await scroller.evaluate((el) => el.scrollTo(0, 0));
  await expect(header).not.toHaveClass(/workspace__header--compact/);
  expect(await visibleEntries(page)).toBeGreaterThanOrEqual(12);
  await snap(page, 'timeline-busy-first-hour-1366x768');
});

test('day headings stay at the top of the list; a new filter shows its results from the top and never counts the old list', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await setUpDesk(page);
  await createIncident(page, { title: 'Vehicle attack, Markens gate', date: DAY1, time: '08:00' });
  await openTimeline(page);
  await transcribe(page, DAY1, FIRST_HOUR, 3);
  await transcribe(
    page,
    DAY2,
    [...FIRST_HOUR, ...FIRST_HOUR].map((l, i) => `${l} (day two, ${i + 1})`),
    3,
  );
  await expect(page.getByTestId('timeline-count')).toHaveText('45 entries');

  const scroller = page.getByTestId('timeline-scroll');
  const pinned = page.getByTestId('timeline-current-day');
  await expect(pinned).toContainText('Saturday 14 March 2026');
  // Scrolled deep into day two, the entries at the top still say which day they are on.
  await scroller.evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect(pinned).toContainText('Sunday 15 March 2026');
  const [list, heading] = await Promise.all([scroller.boundingBox(), pinned.boundingBox()]);
  expect(Math.abs((heading?.y ?? 0) - (list?.y ?? 0))).toBeLessThan(3);
  await expect(pinned).toBeInViewport();

  // Everything the count says while the filter is worked out is recorded.
  await page.getByTestId('timeline-count').evaluate((el) => {
    const seen: string[] = [];
    new MutationObserver(() => seen.push(el.textContent)).observe(el, {
      childList: true,
      characterData: true,
      subtree: true,
    });
    (window as unknown as { countsSeen: string[] }).countsSeen = seen;
  });
  await page.getByRole('button', { name: /^Filters/ }).click();
  await page.getByRole('button', { name: 'Decision', exact: true }).click();
  await expect(page.getByTestId('timeline-count')).toHaveText('Showing 6 of 45');
  const seen = await page.evaluate(() => (window as unknown as { countsSeen: string[] }).countsSeen);
  expect(seen.filter((t) => /^Showing/.test(t))).toEqual(['Showing 6 of 45']);
  // The filtered list starts at its top: the first decision of day one.
  expect(await scroller.evaluate((el) => el.scrollTop)).toBe(0);
  await expect(pinned).toContainText('Saturday 14 March 2026');
  await expect(page.locator('.tl-entry').first()).toContainText('Mayor activates the crisis team');
});

test('entry details open beside the list, and the keyboard comes back to the row', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await setUpDesk(page);
  await createIncident(page, { title: 'Vehicle attack, Markens gate', date: DAY1, time: '08:00' });
  await openTimeline(page);
  await transcribe(page, DAY1, FIRST_HOUR, 2);

  const row = page.getByRole('button', { name: /Hospital reports 12 injured/ });
  await row.click();
  const details = page.getByRole('complementary', { name: 'Hospital reports 12 injured' });
  await expect(details).toBeVisible();
  // Beside, not over: the list and the row stay in view.
  const [listBox, paneBox] = await Promise.all([
    page.getByTestId('timeline-scroll').boundingBox(),
    details.boundingBox(),
  ]);
  expect((listBox?.x ?? 0) + (listBox?.width ?? 0)).toBeLessThanOrEqual(paneBox?.x ?? 0);
  await expect(row).toBeInViewport();
  await expect(row).toHaveAttribute('aria-current', 'true');

  // A correction in a dialog; closing it puts the keyboard back on the entry's row.
  await details.getByRole('button', { name: 'Correct…' }).click();
  const form = page.getByRole('dialog', { name: 'Correct entry' });
  await form.getByLabel('What happened').fill('Hospital reports 14 injured');
  await form.getByLabel('Reason for the correction').fill('New figures');
  await form.getByRole('button', { name: 'Save correction' }).click();
  await expect(form).toBeHidden();
  const corrected = page.getByRole('button', { name: /Hospital reports 14 injured/ });
  await expect(corrected).toBeFocused();
  // History in words, never the programme's field names.
  const pane = page.getByRole('complementary', { name: 'Hospital reports 14 injured' });
  await expect(pane.getByRole('list', { name: 'History of this entry' })).toContainText(
    'What happened: Hospital reports 12 injured → Hospital reports 14 injured',
  );
  await expect(pane).not.toContainText('title:');
  await pane.getByRole('button', { name: 'Correct…' }).click();
  await form.getByRole('button', { name: 'Cancel' }).click();
  await expect(corrected).toBeFocused();
  await snap(page, 'timeline-details-beside');

  // Escape closes the details; the row has the keyboard again.
  await pane.getByRole('button', { name: 'Mark confirmed' }).click();
  await expect(pane.getByRole('list', { name: 'History of this entry' })).toContainText(
    'Verification: Unverified → Confirmed',
  );
  await pane.getByRole('button', { name: 'Mark disproven' }).press('Escape');
  await expect(pane).toBeHidden();
  await expect(corrected).toBeFocused();
  // The change of verification is not counted as a correction.
  await expect(corrected).toContainText('Corrected (1×)');
});

test('search finds words whatever their accents, a number exactly, and says when it allowed typos', async ({
  page,
}) => {
  await setUpDesk(page);
  await createIncident(page, { title: 'Vehicle attack, Markens gate', date: DAY1, time: '08:00' });
  await openTimeline(page);
  await transcribe(
    page,
    DAY1,
    [
      'comms: Call to José Álvarez at the community centre',
      'info: Jose from the mosque reports a crowd outside',
      'Police case 99999 opened for the attack',
      'Police case 999990 is a different matter',
      'Police case 199999 closed',
      'action: Ambulance sent to Markens gate',
    ],
    2,
  );
  await expect(page.getByTestId('timeline-count')).toHaveText('6 entries');
  const search = page.getByLabel('Search the timeline');
  const entries = page.locator('.tl-entry');

  await search.fill('jose');
  await expect(page.getByTestId('timeline-count')).toHaveText('Showing 2 of 6');
  await search.fill('JOSÉ álvarez');
  await expect(page.getByTestId('timeline-count')).toHaveText('Showing 1 of 6');
  await expect(entries.first()).toContainText('José Álvarez');
  await search.fill('alvarez');
  await expect(page.getByTestId('timeline-count')).toHaveText('Showing 1 of 6');

  await search.fill('99999');
  await expect(page.getByTestId('timeline-count')).toHaveText('Showing 1 of 6');
  await expect(entries.first()).toContainText('Police case 99999 opened');

  await search.fill('ambulanse');
  await expect(page.getByTestId('timeline-count')).toHaveText('Showing 1 close match of 6');
  await expect(entries.first()).toContainText('Ambulance sent');
});

test('the timeline as known at a moment, from the folded filters, and back to now', async ({ page }) => {
  await setUpDesk(page);
  await createIncident(page, { title: 'Vehicle attack, Markens gate', date: DAY1, time: '08:00' });
  await openTimeline(page);
  await transcribe(page, DAY1, FIRST_HOUR.slice(0, 3), 2);
  await expect(page.getByTestId('timeline-count')).toHaveText('3 entries');
  await page.getByRole('button', { name: /^Filters/ }).click();
  // Before anything was logged: an empty timeline, said so.
  await page.getByLabel('As known at').fill(`${DAY1}T07:00`);
  await page.getByRole('button', { name: 'Show', exact: true }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Showing the timeline exactly as it stood at' }),
  ).toContainText('Sat 14 Mar 2026, 07:00');
  await expect(page.getByTestId('timeline-count')).toHaveText('0 entries as known then');
  await expect(page.getByLabel('Log an entry')).toHaveCount(0);
  await page.getByRole('button', { name: 'Back to now' }).click();
  await expect(page.getByTestId('timeline-count')).toHaveText('3 entries');
  await expect(page.getByLabel('Log an entry')).toBeVisible();
});

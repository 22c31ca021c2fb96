import { expect, test, type Locator, type Page } from '@playwright/test';

import { createIncident, setUpDesk, snap } from './helpers';

async function openTimeline(page: Page) {
  await page.getByRole('link', { name: 'Timeline', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Timeline', level: 2 })).toBeVisible();
}

async function newEntryForm(page: Page) {
  await page.getByRole('button', { name: 'Details…' }).click();
  return page.getByRole('dialog', { name: 'New entry' });
}

/** Fills what happened, the date and the time as typed, and presses Log entry. */
async function submitEntry(form: Locator, entry: { what: string; date: string; time: string }) {
  await form.getByLabel('What happened').fill(entry.what);
  await form.getByLabel('Date').first().fill(entry.date);
  await form.getByLabel('Time').first().fill(entry.time);
  await form.getByRole('button', { name: 'Log entry' }).click();
}

test('the desk’s locale decides the clock and the date order in the timeline and the entry form', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await setUpDesk(page, { locale: 'en-GB' });
  // Typed day first: 4/7/2026 is 4 July.
  await createIncident(page, { title: 'Knife attack, Torvet', date: '4/7/2026', time: '13:30' });
  await openTimeline(page);

  let form = await newEntryForm(page);
  await expect(form.getByText('DD/MM/YYYY, e.g. 04/07/2026').first()).toBeVisible();
  await expect(form.getByText('24-hour, e.g. 14:05').first()).toBeVisible();
  // An impossible date is named in the format the field asks for.
  await submitEntry(form, { what: 'Police cordon around Torvet', date: '30/02/2026', time: '14:05' });
  await expect(form.getByRole('alert').first()).toHaveText(
    '“30/02/2026” is not a date: February 2026 has 28 days. Type the date as DD/MM/YYYY, e.g. 04/07/2026.',
  );
  await form.getByLabel('Date').first().fill('4/7/2026');
  await snap(page, 'locale-en-GB-entry-form');
  await form.getByRole('button', { name: 'Log entry' }).click();
  await expect(form).toBeHidden();

  // 24-hour times under a day-first heading.
  await expect(page.getByText('Saturday 4 July 2026')).toBeVisible();
  const row = page.getByRole('button', { name: /Police cordon around Torvet/ });
  await expect(row).toContainText('14:05');
  await snap(page, 'locale-en-GB-timeline');
  // The correction form shows the entry's time day first, 24-hour.
  await row.click();
  await page.getByRole('button', { name: 'Correct…' }).click();
  const correct = page.getByRole('dialog', { name: 'Correct entry' });
  await expect(correct.getByLabel('Date').first()).toHaveValue('04/07/2026');
  await expect(correct.getByLabel('Time').first()).toHaveValue('14:05');
  await correct.getByRole('button', { name: 'Cancel' }).click();

  // The same desk in en-US.
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Locale').selectOption('en-US');
  await expect(page.getByText(/12-hour clock/)).toBeVisible();
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();
  await page.getByRole('link', { name: 'Incidents' }).click();
  await page
    .getByRole('link', { name: /Knife attack, Torvet/ })
    .first()
    .click();
  await openTimeline(page);

  await expect(page.getByText('Saturday, July 4, 2026')).toBeVisible();
  await expect(page.getByRole('button', { name: /Police cordon around Torvet/ })).toContainText('2:05 PM');

  form = await newEntryForm(page);
  await expect(form.getByText('MM/DD/YYYY, e.g. 7/4/2026').first()).toBeVisible();
  await submitEntry(form, { what: 'Mayor arrives at the cordon', date: '2/30/2026', time: '2:40 pm' });
  await expect(form.getByRole('alert').first()).toHaveText(
    '“2/30/2026” is not a date: February 2026 has 28 days. Type the date as MM/DD/YYYY, e.g. 7/4/2026.',
  );
  // Month first now: 7/4/2026 is 4 July again.
  await form.getByLabel('Date').first().fill('7/4/2026');
  await form.getByLabel('What happened').click();
  await expect(form.getByLabel('Time').first()).toHaveValue('2:40 PM');
  await snap(page, 'locale-en-US-entry-form');
  await form.getByRole('button', { name: 'Log entry' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByRole('button', { name: /Mayor arrives at the cordon/ })).toContainText('2:40 PM');
  // Both entries under the one heading of 4 July.
  await expect(page.getByText('Saturday, July 4, 2026')).toHaveCount(1);
  await expect(page.getByText(/July 4|April 7/)).toHaveCount(1);
  await snap(page, 'locale-en-US-timeline');
  await page.getByRole('button', { name: /Mayor arrives at the cordon/ }).click();
  await page.getByRole('button', { name: 'Correct…' }).click();
  await expect(page.getByRole('dialog', { name: 'Correct entry' }).getByLabel('Date').first()).toHaveValue('7/4/2026');
});

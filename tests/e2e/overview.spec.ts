import { expect, test, type Page } from '@playwright/test';

import { createIncident, expectAccessible, logLines, setUpDesk, snap, wallClockAgo } from './helpers';

const section = (page: Page, name: string | RegExp) =>
  page.getByRole('navigation', { name: 'Incident sections' }).getByRole('link', { name });

test('the overview says what needs attention now, and leads to it', async ({ page }) => {
  await setUpDesk(page);
  // Started three hours ago: the guide's first-hour items are late.
  await createIncident(page, { title: 'Vehicle attack, Markens gate', ...wallClockAgo(180), location: 'Markens gate' });

  await section(page, 'Timeline').click();
  await logLines(page, [
    'rumour: Second attacker at the train station #station',
    'rumour: Shots heard at the mall',
    'Police confirm road closures #traffic',
  ]);
  // One rumour is disproven: it no longer needs anyone.
  await page.getByRole('button', { name: /Shots heard at the mall/ }).click();
  const details = page.getByRole('complementary', { name: 'Shots heard at the mall' });
  await details.getByRole('button', { name: 'Mark disproven' }).click();
  await expect(details).toContainText('Disproven');
  await details.getByRole('button', { name: 'Close' }).click();

  await section(page, 'Overview').click();
  const glance = page.getByRole('region', { name: 'Needs attention now' });
  const checklists = glance.getByRole('region', { name: 'Checklists' });
  await expect(checklists).toContainText(/[1-9]\d* overdue/);
  await expect(
    checklists.getByRole('list', { name: 'Overdue checklist items' }).getByRole('listitem').first(),
  ).toContainText('Overdue by');
  await expect(glance.getByRole('region', { name: 'Call trees' })).toContainText(
    'No call tree activated for this incident.',
  );
  await expect(glance.getByRole('region', { name: 'Statements' })).toContainText(
    'No statement waiting for approval or release.',
  );
  const rumours = glance.getByRole('region', { name: 'Open rumours' });
  await expect(rumours).toContainText('1 unverified');
  await expect(rumours.getByRole('listitem')).toHaveText([/Second attacker at the train station/]);
  await expectAccessible(page, 'overview');
  await snap(page, 'workspace-overview');

  // The rumours card opens the timeline on the open rumours alone.
  await rumours.getByRole('button', { name: 'Show only open rumours' }).click();
  await expect(page.getByTestId('timeline-count')).toHaveText('Showing 1 of 3');
  await expect(page.locator('.tl-entry')).toHaveCount(1);
  await expect(page.locator('.tl-entry')).toContainText('Second attacker at the train station');

  // Each card leads to its tab.
  await section(page, 'Overview').click();
  await checklists.getByRole('link', { name: 'Open the checklists' }).click();
  await expect(page.getByRole('heading', { name: 'Checklists', level: 2 })).toBeVisible();
});

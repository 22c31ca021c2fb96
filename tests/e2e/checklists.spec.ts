import { readFile } from 'node:fs/promises';

import { expect, test, type Page } from '@playwright/test';
import ICAL from 'ical.js';

import { ZONE, createIncident, expectAccessible, setUpDesk, snap, wallClockAgo } from './helpers';

const TITLE = 'Vehicle attack, Markens gate';

/** "14:05" → minutes after midnight, and back, for due times typed as the form takes them. */
const addMinutes = (time: string, minutes: number) => {
  const [h, m] = time.split(':').map(Number) as [number, number];
  const total = (h * 60 + m + minutes + 24 * 60) % (24 * 60);
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
};

const item = (page: Page, title: string) => page.getByTestId('checklist-item').filter({ hasText: title });

async function openChecklists(page: Page) {
  await page.getByRole('link', { name: /^Checklists/ }).click();
  await expect(page.getByRole('heading', { name: 'Checklists', level: 2 })).toBeVisible();
}

test('the guide’s checklists run on the incident’s clock: complete, not applicable, custom, reload, calendar', async ({
  page,
}) => {
  await setUpDesk(page);
  const start = wallClockAgo(30);

  // Creating the incident: every guide checklist is ticked by default.
  await page.getByRole('button', { name: '+ New incident' }).click();
  const form = page.getByRole('dialog', { name: 'New incident' });
  const picker = form.getByRole('group', { name: 'Checklists for this incident' });
  await expect(picker.getByRole('checkbox')).toHaveCount(6);
  for (const box of await picker.getByRole('checkbox').all()) await expect(box).toBeChecked();
  await expect(picker).toContainText('Immediate aftermath (first hours)');
  await expect(picker).toContainText('Recovery milestones');
  await expectAccessible(page, 'new incident with checklists');
  await snap(page, 'new-incident-checklists');
  await form.getByLabel('Title').fill(TITLE);
  await form.getByLabel('Start date').fill(start.date);
  await form.getByLabel('Start time').fill(start.time);
  await form.getByLabel('Location').fill('Markens gate');
  await form.getByRole('button', { name: 'Create incident' }).click();
  await expect(page.getByRole('heading', { name: TITLE, level: 1 })).toBeVisible();

  // The first-hour items fall due one hour after the start.
  await openChecklists(page);
  const due = addMinutes(start.time, 60);
  for (const title of [
    'Mayor visibly takes charge of the city response',
    'Issue a first public message to prevent panic',
    'Start a decision and timeline log',
  ]) {
    await expect(item(page, title).locator('.ck-item__due')).toContainText(
      new RegExp(`Due (.*, )?${due} \\(in (29|30|31) m\\)`),
    );
    await expect(item(page, title)).toContainText('+1 hour');
  }
  await expect(item(page, 'Mayor visibly takes charge of the city response')).toContainText(
    'From the guide (paraphrased): Guide for City-Led Response (Strong Cities Network, 2024), ch. 1 Mayoral Leadership Response',
  );
  await expect(item(page, 'Start a decision and timeline log')).toContainText(
    'Practice suggestion (not the guide’s words)',
  );
  await expect(page.getByTestId('overdue-count')).toContainText('0 overdue');
  await expect(page.getByRole('progressbar', { name: 'Immediate aftermath (first hours): progress' })).toHaveAttribute(
    'aria-valuetext',
    '0 of 16 resolved',
  );

  // Complete one with a note; it is logged on the timeline (on by default).
  await item(page, 'Issue a first public message to prevent panic').getByRole('button', { name: 'Done…' }).click();
  const doneDialog = page.getByRole('dialog', { name: 'Mark as done' });
  await expect(doneDialog.getByLabel('Log to the timeline')).toBeChecked();
  await doneDialog.getByLabel('Note (optional)').fill('Holding statement on the city website and social accounts');
  await doneDialog.getByRole('button', { name: 'Mark done' }).click();
  await expect(item(page, 'Issue a first public message to prevent panic')).toContainText('Done by Ingrid Berg');
  await expect(item(page, 'Issue a first public message to prevent panic')).toContainText(
    'Holding statement on the city website and social accounts',
  );

  // Not applicable needs a reason: refused without one, with words, and nothing is stored.
  await item(page, 'Open a command centre to coordinate the response')
    .getByRole('button', { name: 'Not applicable…' })
    .click();
  const naDialog = page.getByRole('dialog', { name: 'Mark as not applicable' });
  await naDialog.getByRole('button', { name: 'Mark not applicable' }).click();
  await expect(naDialog.getByRole('alert')).toContainText('Say why this item does not apply');
  await naDialog
    .getByLabel('Why does it not apply?')
    .fill('Police run the joint command post; the city joins it there');
  await naDialog.getByRole('button', { name: 'Mark not applicable' }).click();
  await expect(item(page, 'Open a command centre to coordinate the response')).toContainText(
    'Marked not applicable by Ingrid Berg',
  );
  await expect(page.getByRole('progressbar', { name: 'Immediate aftermath (first hours): progress' })).toHaveAttribute(
    'aria-valuetext',
    '2 of 16 resolved',
  );

  // A custom item: bad input is named, then the item is added to the phase.
  await page.getByRole('button', { name: '+ Add item' }).click();
  const add = page.getByRole('dialog', { name: 'Add a checklist item' });
  await add.getByLabel('How long after').fill('-2');
  await add.getByRole('button', { name: 'Add item' }).click();
  await expect(add.getByText('Say what has to be done')).toBeVisible();
  await expect(add.getByText('An item cannot fall due before the incident starts')).toBeVisible();
  await add.getByLabel('What has to be done').fill('Open the family reception centre at the city hall');
  await add.getByLabel('Owner (role)').selectOption('social-services');
  await add.getByLabel('Assigned to').fill('Kari Lunde');
  await add.getByLabel('How long after').fill('3');
  await add.getByRole('button', { name: 'Add item' }).click();
  const custom = item(page, 'Open the family reception centre at the city hall');
  await expect(custom).toContainText('Custom item');
  await expect(custom).toContainText('Assigned to: Kari Lunde');
  await expect(custom).toContainText(`Due ${addMinutes(start.time, 180)}`.replace(/^Due /, ''));
  await expect(custom).toContainText('Added by the city (not from the guide)');
  await expectAccessible(page, 'checklists, first hours');
  await snap(page, 'checklists-first-hours');

  // The timeline holds the completion and the not-applicable decision, as actions.
  await page.getByRole('link', { name: 'Timeline', exact: true }).click();
  await expect(
    page.locator('.tl-entry').filter({
      hasText:
        'Checklist: Issue a first public message to prevent panic — done (Holding statement on the city website and social accounts)',
    }),
  ).toHaveCount(1);
  await expect(
    page.locator('.tl-entry').filter({
      hasText:
        'Checklist: Open a command centre to coordinate the response — not applicable (Police run the joint command post; the city joins it there)',
    }),
  ).toHaveCount(1);

  // Reload: the same state comes back from the database.
  await page.reload();
  await openChecklists(page);
  await expect(item(page, 'Issue a first public message to prevent panic')).toContainText(
    'Holding statement on the city website and social accounts',
  );
  await expect(item(page, 'Open a command centre to coordinate the response')).toContainText(
    'Police run the joint command post; the city joins it there',
  );
  await expect(item(page, 'Open the family reception centre at the city hall')).toContainText(
    'Assigned to: Kari Lunde',
  );
  await expect(page.getByRole('progressbar', { name: 'Immediate aftermath (first hours): progress' })).toHaveAttribute(
    'aria-valuetext',
    '2 of 17 resolved',
  );

  // The long-term milestones as an iCalendar file, read back with a parser.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export milestones to calendar (.ics)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^milestones-vehicle-attack-markens-gate-\d{4}-\d{2}-\d{2}\.ics$/);
  const text = await readFile(await file.path(), 'utf8');
  const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
  for (const tz of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  expect(calendar.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe(ZONE);
  const events = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
  expect(events).toHaveLength(19);
  const anniversary = events.find((e) => e.summary === 'First anniversary commemoration, agreed with families');
  expect(anniversary?.startDate.zone.tzid).toBe(ZONE);
  const [y, mo, d] = start.date.split('-').map(Number) as [number, number, number];
  const expectedDay =
    mo === 2 && d === 29 ? `${y + 1}-02-28` : `${y + 1}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  expect(anniversary?.startDate.toString()).toBe(`${expectedDay}T${start.time}:00`);

  // The year ahead: the milestones on one time axis.
  await page.getByRole('button', { name: 'Year ahead' }).click();
  await expect(page.getByRole('heading', { name: 'The year ahead' })).toBeVisible();
  const rows = page.getByRole('list', { name: 'Milestones in the first year' }).getByRole('listitem');
  await expect(rows).toHaveCount(18);
  await expect(rows.filter({ hasText: 'First anniversary commemoration, agreed with families' })).toContainText(
    `${expectedDay.slice(8, 10).replace(/^0/, '')} `,
  );
  await expect(page.getByText('After the first year')).toBeVisible();
  await expectAccessible(page, 'year ahead');
  await snap(page, 'checklists-year-ahead');
});

test('moving the start makes first-hour items overdue, on the card and in the workspace', async ({ page }) => {
  await setUpDesk(page);
  const start = wallClockAgo(20);
  await page.getByRole('button', { name: '+ New incident' }).click();
  const form = page.getByRole('dialog', { name: 'New incident' });
  await form.getByLabel('Title').fill(TITLE);
  await form.getByLabel('Start date').fill(start.date);
  await form.getByLabel('Start time').fill(start.time);
  // Only the first hours: the team unticks the rest.
  for (const name of [
    'Preparedness (before any incident)',
    'Early days and weeks',
    'Intermediate response (weeks to months)',
    'Long-term recovery (6 months and beyond)',
    'Recovery milestones',
  ]) {
    await form.getByRole('checkbox', { name: new RegExp(`^${name.replace(/[()]/g, '\\$&')}`) }).uncheck();
  }
  await form.getByRole('button', { name: 'Create incident' }).click();
  await openChecklists(page);
  await expect(page.getByTestId('checklist-item')).toHaveCount(16);
  await expect(page.getByTestId('overdue-count')).toContainText('0 overdue');

  // The start was earlier than first logged: correct it, and the due times move with it.
  const earlier = wallClockAgo(150);
  await page.getByRole('button', { name: 'Edit details' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit incident' });
  await edit.getByLabel('Start date').fill(earlier.date);
  await edit.getByLabel('Start time').fill(earlier.time);
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(item(page, 'Mayor visibly takes charge of the city response')).toContainText('Overdue by');
  await expect(page.getByTestId('overdue-count')).not.toContainText(/^0 overdue/);
  await expect(page.getByRole('link', { name: /^Checklists/ }).getByTestId('overdue-badge')).toBeVisible();

  await page.getByRole('button', { name: /^Due now and next 24 hours/ }).click();
  await expect(page.getByRole('heading', { name: /^Overdue \(\d+\)$/ })).toBeVisible();
  await expectAccessible(page, 'due now');
  await snap(page, 'checklists-due-now');

  await page.getByRole('link', { name: 'Incidents' }).click();
  const card = page.locator('.incident-card').filter({ hasText: TITLE });
  await expect(card.getByTestId('overdue-badge')).toContainText(/\d+ overdue checklist items/);
  await expect(card).toHaveClass(/incident-card--overdue/);
  await expectAccessible(page, 'dashboard with overdue checklists');
  await snap(page, 'dashboard-overdue');
});

test('the city adapts a guide checklist in its plan; a running incident takes over its new and reworded items, resolved ones unchanged', async ({
  page,
}) => {
  // A plan adapted, an incident run and the plan's new version taken over: a long scenario.
  test.setTimeout(180_000);
  await setUpDesk(page);
  await createIncident(page, { title: TITLE, ...wallClockAgo(10) });
  // The incident has already done one item the plan will reword.
  await openChecklists(page);
  await item(page, 'Mayor visibly takes charge of the city response').getByRole('button', { name: 'Done…' }).click();
  await page.getByRole('dialog', { name: 'Mark as done' }).getByRole('button', { name: 'Mark done' }).click();
  await expect(item(page, 'Mayor visibly takes charge of the city response')).toContainText('Done by');

  await page.getByRole('link', { name: 'Plan' }).click();
  await expect(page.getByRole('heading', { name: 'Plan', level: 1 })).toBeVisible();

  // Peacetime: the city works through its preparedness, before any incident.
  await page.getByRole('button', { name: 'Start tracking the city’s preparedness' }).click();
  await expect(page.getByRole('progressbar', { name: 'Preparedness: progress' })).toHaveAttribute(
    'aria-valuetext',
    '0 of 25 resolved',
  );
  await page.getByText('Preparedness items (25)').click();
  await item(page, 'Draft the city response plan with partners').getByRole('button', { name: 'Done…' }).click();
  const prep = page.getByRole('dialog', { name: 'Mark as done' });
  await expect(prep.getByLabel('Log to the timeline')).toHaveCount(0);
  await prep.getByLabel('Note (optional)').fill('Adopted by the city council');
  await prep.getByRole('button', { name: 'Mark done' }).click();
  await expect(page.getByRole('progressbar', { name: 'Preparedness: progress' })).toHaveAttribute(
    'aria-valuetext',
    '1 of 25 resolved',
  );
  await expect(item(page, 'Draft the city response plan with partners')).toContainText('Adopted by the city council');
  await expectAccessible(page, 'plan with preparedness');
  await snap(page, 'plan-preparedness');

  await page.getByRole('button', { name: 'Edit Immediate aftermath (first hours)' }).click();
  const editor = page.getByRole('region', { name: 'Edit “Immediate aftermath (first hours)”' });
  await editor
    .getByRole('group', { name: 'Item 1', exact: true })
    .getByLabel('What has to be done')
    .fill('Mayor goes to the command centre and takes charge');
  await editor.getByRole('group', { name: 'Item 2', exact: true }).getByLabel('Due after start').fill('2');
  await editor
    .getByRole('group', { name: 'Item 2', exact: true })
    .getByLabel('What has to be done')
    .fill('Convene senior officials within the hour');
  await editor
    .getByRole('group', { name: 'Item 5', exact: true })
    .getByLabel('What has to be done')
    .fill('Name one liaison for each agency leading security');
  await editor.getByRole('button', { name: 'Remove item 3' }).click();
  await editor.getByRole('button', { name: 'Move item 4 up' }).click();
  await editor.getByRole('button', { name: '+ Add an item' }).click();
  await editor.getByRole('button', { name: 'Save as version 2' }).click();
  // The new, empty row is refused with words; nothing is saved, and what was typed stays.
  await expect(editor.getByRole('alert').filter({ hasText: 'Say what has to be done.' })).toBeVisible();
  await expect(
    editor.getByRole('group', { name: 'Item 1', exact: true }).getByLabel('What has to be done'),
  ).toHaveValue('Mayor goes to the command centre and takes charge');
  await editor
    .getByRole('group', { name: 'Item 16', exact: true })
    .getByLabel('What has to be done')
    .fill('Open the family reception centre at the city hall');
  await editor.getByRole('group', { name: 'Item 16', exact: true }).getByLabel('Due after start').fill('3');
  await editor.getByLabel('What changed, and why').fill('After the 2026 table-top exercise');
  await expectAccessible(page, 'template editor');
  await snap(page, 'plan-template-editor');
  await editor.getByRole('button', { name: 'Save as version 2' }).click();
  const card = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: 'Immediate aftermath (first hours)' }) });
  await expect(card).toContainText('Version 2');
  await card.getByRole('button', { name: 'Versions' }).click();
  await expect(card.getByRole('list', { name: 'Versions' })).toContainText('Version 2');
  await expect(card.getByRole('list', { name: 'Versions' })).toContainText('After the 2026 table-top exercise');
  await expectAccessible(page, 'plan');

  // The running incident follows version 1 and can take over what is new, with a preview.
  await page.getByRole('link', { name: 'Incidents' }).click();
  await page.getByRole('link', { name: TITLE }).click();
  await openChecklists(page);
  const note = page.getByRole('note').filter({ hasText: 'The plan has a newer version' });
  await expect(note).toContainText('The plan has a newer version of “Immediate aftermath (first hours)” (version 2');
  await expect(note).toContainText('This incident follows version 1; 3 new or reworded items can be taken over.');
  await note.getByRole('button', { name: 'Review the changes…' }).click();
  const review = page.getByRole('dialog', { name: '“Immediate aftermath (first hours)”: version 2 of the plan' });
  const changes = review.getByRole('list', { name: 'Changes this incident can take over' }).getByRole('listitem');
  await expect(changes).toHaveCount(3);
  await expect(changes.filter({ hasText: 'Convene senior officials within the hour' })).toContainText('Reworded');
  await expect(changes.filter({ hasText: 'Open the family reception centre at the city hall' })).toContainText(
    'New item · First hours · +3 hours',
  );
  await expect(review).toContainText(
    'One item the plan rewords is already resolved here and stays as it was: “Mayor visibly takes charge of the city response”.',
  );
  await expectAccessible(page, 'plan changes preview');
  await snap(page, 'checklists-plan-changes');
  // One by one, then all.
  await review.getByRole('button', { name: 'Take over: Convene senior officials within the hour' }).click();
  await expect(changes).toHaveCount(2);
  await review.getByRole('button', { name: 'Take over all 2' }).click();
  await expect(review.getByRole('status')).toContainText('Nothing left to take over');
  await review.getByRole('button', { name: 'Close' }).last().click();
  await expect(item(page, 'Convene senior officials within the hour')).toHaveCount(1);
  await expect(item(page, 'Name one liaison for each agency leading security')).toHaveCount(1);
  await expect(item(page, 'Open the family reception centre at the city hall')).toHaveCount(1);
  // The item done before keeps the words it was done against.
  await expect(item(page, 'Mayor visibly takes charge of the city response')).toContainText('Done by');
  await expect(item(page, 'Mayor goes to the command centre and takes charge')).toHaveCount(0);
  // The incident now follows version 2: nothing more to tell.
  await expect(note).toHaveCount(0);
});

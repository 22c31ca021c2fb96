import { expect, test, type Page } from '@playwright/test';

import { createIncident, expectAccessible, setUpDesk, snapOnLaptops, wallClockAgo } from './helpers';

const PEOPLE = [
  ['Kari Holm', 'Mayor’s office', 'Chief of staff'],
  ['Lars Nilsen', 'Kristiansand police', 'Community liaison officer'],
  ['Imam Yusuf Rahman', 'Central Mosque', 'Imam'],
  ['José Álvarez', 'Red Cross', 'Volunteer coordinator'],
  ['Rabbi Miriam Levin', 'Synagogue', 'Rabbi'],
  ['Amina Farah', 'Somali community association', 'Chair'],
];
const CARDS = PEOPLE.map(([name, org, role], i) =>
  [
    'BEGIN:VCARD',
    'VERSION:4.0',
    `FN:${name}`,
    `ORG:${org}`,
    `TITLE:${role}`,
    `TEL;TYPE=cell:+47 911 00 10${i}`,
    'END:VCARD',
  ].join('\r\n'),
).join('\r\n');

const section = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Incident sections' }).getByRole('link', { name, exact: true });
const item = (page: Page, name: string) => page.getByRole('treeitem', { name: new RegExp(`^${name}, level`) });

async function importPeople(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import vCard or CSV…' }).click();
  await (await chooser).setFiles({ name: 'people.vcf', mimeType: 'text/vcard', buffer: Buffer.from(`${CARDS}\r\n`) });
  const dialog = page.getByRole('dialog', { name: 'Import contacts from “people.vcf”' });
  await dialog.getByRole('button', { name: `Import ${PEOPLE.length} contacts` }).click();
  await expect(dialog).toBeHidden();
}

test('a call tree is built with a searchable picker, nobody twice, and every refused move names the path', async ({
  page,
}) => {
  await setUpDesk(page);
  await importPeople(page);
  await page.getByLabel('New tree').fill('Faith and community leaders');
  await page.getByRole('button', { name: 'Create tree' }).click();

  const picker = page.getByRole('combobox', { name: 'Add a person to this tree' });
  // Part of a role finds the person; accents do not matter either way.
  await picker.fill('chief of');
  await expect(page.getByRole('listbox', { name: 'Add a person to this tree' }).getByRole('option')).toHaveCount(1);
  await picker.press('Enter');
  await expect(item(page, 'Kari Holm')).toBeFocused();
  await picker.fill('jose');
  await expect(page.getByRole('option', { name: /^José Álvarez/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(item(page, 'José Álvarez')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(item(page, 'José Álvarez')).toHaveAttribute('aria-level', '2');
  await picker.fill('rabbi');
  await picker.press('Enter');
  await expect(item(page, 'Rabbi Miriam Levin')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(item(page, 'Rabbi Miriam Levin')).toHaveAttribute('aria-level', '2');

  // Nobody twice: the picker shows where they already are, and cannot pick them.
  await picker.fill('álvarez');
  const jose = page.getByRole('option', { name: /^José Álvarez/ });
  await expect(jose).toContainText('already in this tree (Kari Holm → José Álvarez)');
  await expect(jose).toHaveAttribute('aria-disabled', 'true');
  await picker.press('Enter');
  await expect(page.getByRole('treeitem')).toHaveCount(3);
  await picker.fill('');

  // A refused move says whose and where.
  await item(page, 'José Álvarez').focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(page.getByRole('alert')).toHaveText(
    'Refused: José Álvarez is already called first (Kari Holm → José Álvarez).',
  );
  await page.keyboard.press('Tab');
  await expect(page.getByRole('alert')).toHaveText(
    'Refused: nobody above José Álvarez at the same level could call them (Kari Holm → José Álvarez). Move them down first, or add someone above.',
  );
  await item(page, 'Kari Holm').focus();
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByRole('alert')).toHaveText('Refused: Kari Holm is already at the top of the tree.');
  await expectAccessible(page, 'tree editor with the picker');
});

test('a second activation is asked for, and an activation is stood down with a reason, logged', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await setUpDesk(page);
  await importPeople(page);
  await page.getByLabel('New tree').fill('Faith and community leaders');
  await page.getByRole('button', { name: 'Create tree' }).click();
  const picker = page.getByRole('combobox', { name: 'Add a person to this tree' });
  for (const name of ['Kari Holm', 'Imam Yusuf Rahman', 'Rabbi Miriam Levin', 'Amina Farah']) {
    await picker.fill(name);
    await picker.press('Enter');
    await expect(item(page, name)).toBeFocused();
  }

  await page.getByRole('link', { name: 'Incidents' }).click();
  await createIncident(page, { title: 'Arson attack on the mosque', ...wallClockAgo(40), location: 'Central Mosque' });
  await section(page, 'Contacts').click();
  await page.getByRole('button', { name: 'Activate' }).click();
  await expect(page.getByTestId('activation-progress')).toHaveText('0 of 4 reached');
  // Activated: the desk offers to mark the guide's item of notifying through the contact tree.
  const offer = page.getByRole('region', { name: 'Mark the checklist item done?' });
  await expect(offer).toContainText('Notify internal departments through the contact tree');
  await offer.getByRole('button', { name: 'Mark done' }).click();
  await expect(offer).toBeHidden();
  await page.getByRole('button', { name: 'Reached: Kari Holm' }).click();
  await page.getByRole('button', { name: 'Reached: Imam Yusuf Rahman' }).click();
  await expect(page.getByTestId('activation-progress')).toHaveText('2 of 4 reached');

  // Activate pressed again: the desk asks, and the earlier activation is one click away.
  await page.getByRole('button', { name: 'Activate' }).click();
  const again = page.getByRole('dialog', { name: 'Activate “Faith and community leaders” again?' });
  await expect(again).toContainText('2 of 4 reached, still calling');
  await again.getByRole('button', { name: 'Show the earlier activation' }).click();
  await expect(again).toBeHidden();
  await expect(page.getByTestId('activation-progress')).toHaveText('2 of 4 reached');
  await expect(page.getByRole('group', { name: 'Activations of this incident' })).toHaveCount(0);

  // Stood down, with a reason that is required.
  await page.getByRole('button', { name: 'Stand down…' }).click();
  const standDown = page.getByRole('dialog', { name: 'Stand down “Faith and community leaders”?' });
  await expect(standDown).toContainText('2 of 4 reached; 2 calls are still open.');
  await standDown.getByRole('button', { name: 'Stand down' }).click();
  await expect(standDown.getByRole('alert')).toHaveText(
    'Say why the activation is stood down: the reason goes on the timeline and in the record.',
  );
  await standDown
    .getByLabel('Why is it stood down?')
    .fill('Police confirm the threat is over; the rest were told at the 11:00 briefing');
  await standDown.getByRole('button', { name: 'Stand down' }).click();
  await expect(standDown).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Stood down' })).toContainText(
    'Police confirm the threat is over; the rest were told at the 11:00 briefing',
  );
  // Nobody else is called in it.
  await expect(page.getByRole('button', { name: 'Reached: Rabbi Miriam Levin' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Stand down…' })).toHaveCount(0);
  await expectAccessible(page, 'activation stood down');
  await snapOnLaptops(page, 'call-tree-activation-stood-down');

  // A second full activation, once confirmed.
  await page.getByRole('button', { name: 'Activate' }).click();
  await expect(again).toContainText('2 of 4 reached, stood down at');
  await again.getByRole('button', { name: 'Activate again' }).click();
  await expect(page.getByTestId('activation-progress')).toHaveText('0 of 4 reached');
  await expect(page.getByRole('group', { name: 'Activations of this incident' }).getByRole('button')).toHaveCount(2);
  await expect(page.getByRole('group', { name: 'Activations of this incident' })).toContainText('stood down');

  // The timeline and the overview say so.
  await section(page, 'Timeline').click();
  await expect(
    page.getByRole('button', { name: /Call tree “Faith and community leaders” stood down: 2 of 4 reached/ }),
  ).toBeVisible();
  await section(page, 'Audit log').click();
  await expect(page.getByRole('table')).toContainText('Call tree stood down: Faith and community leaders');
  await expect(page.getByRole('table')).toContainText(
    'Reason for standing down: not set → Police confirm the threat is over',
  );
  await expect(page.getByRole('table')).toContainText('Call tree activated again: Faith and community leaders');

  // The checklist item it completed says what did it, and links to it.
  await section(page, 'Checklists').click();
  const notify = page.getByTestId('checklist-item').filter({ hasText: 'Notify internal departments' });
  await expect(notify).toContainText('Done by the activation of “Faith and community leaders”');
});

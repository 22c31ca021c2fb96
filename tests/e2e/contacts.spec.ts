import { expect, test, type Page } from '@playwright/test';

import { createIncident, expectAccessible, setUpDesk, snap, wallClockAgo } from './helpers';

const PEOPLE = [
  ['Imam Yusuf Rahman', 'Central Mosque', 'Imam', 'Faith, cultural and sports venues'],
  ['Rabbi Miriam Levin', 'Synagogue of Kristiansand', 'Rabbi', 'Faith, cultural and sports venues'],
  ['Pastor Jon Eide', 'Domkirken', 'Dean', 'Faith, cultural and sports venues'],
  ['Amina Farah', 'Somali Women’s Association', 'Chair', 'Civil society organisations and community groups'],
  ['Lars Nilsen', 'Kristiansand police', 'Community liaison officer', 'Local law enforcement'],
  ['Kari Holm', 'Mayor’s office', 'Chief of staff', 'Mayor and senior local government officials'],
  ['Mette Dahl', 'Mayor’s office', 'Mayor', 'Mayor and senior local government officials'],
  ['Ole Berg', 'Schools department', 'Head of schools', 'Schools and education providers'],
  ['Sara Lund', 'Red Cross', 'Psychosocial lead', 'Psychosocial support providers'],
  ['Jonas Vik', 'Fædrelandsvennen', 'News editor', 'Media (local, national, international)'],
  ['Nora Strand', 'Arendal kommune', 'Emergency manager', 'Neighbouring and peer cities'],
  ['Ahmed Karimi', 'Afghan community', 'Community leader', 'Targeted or at-risk communities'],
  ['Ingrid Sæther', 'Social services', 'Head of social services', 'City departments and local government workers'],
  ['Per Aas', 'Sørlandet hospital', 'Duty manager', 'Frontline workers and responders'],
  ['Hanne Moe', 'Business association', 'Director', 'Local businesses and business associations'],
  ['Tor Bakke', 'PST', 'Regional liaison', 'National security and response agencies'],
  ['Lina Haug', 'Victim support', 'Coordinator', 'Families and networks of victims and survivors'],
  ['Erik Foss', 'Civil defence', 'Duty officer', 'Frontline workers and responders'],
  ['Sofie Lie', 'Youth council', 'Chair', 'Residents as plan beneficiaries'],
  ['Omar Said', 'Islamic Council', 'Secretary general', 'Civil society organisations and community groups'],
] as const;

/** Twenty cards, alternating vCard 3.0 and 4.0, as two address books would export them. */
function twentyCards(): string {
  return (
    PEOPLE.map(([name, org, role, category], i) => {
      const phone = `+47 9${String(i).padStart(2, '0')} 11 ${String(100 + i).slice(-3)}`;
      const email = `${name.split(' ')[1]?.toLowerCase() ?? 'x'}${i}@example.org`;
      return i % 2 === 0
        ? [
            'BEGIN:VCARD',
            'VERSION:3.0',
            `FN:${name}`,
            `N:${name.split(' ').slice(-1)[0] ?? ''};${name.split(' ')[0] ?? ''};;;`,
            `ORG:${org}`,
            `TITLE:${role}`,
            `TEL;TYPE=CELL:${phone}`,
            `EMAIL;TYPE=INTERNET:${email}`,
            `CATEGORIES:${category}`,
            'X-LAST-VERIFIED:2020-01-01',
            'END:VCARD',
          ].join('\r\n')
        : [
            'BEGIN:VCARD',
            'VERSION:4.0',
            `FN:${name}`,
            `ORG:${org}`,
            `TITLE:${role}`,
            `TEL;VALUE=uri;TYPE=cell:tel:${phone.replace(/\s/g, '')}`,
            `EMAIL:${email}`,
            `CATEGORIES:${category}`,
            'LANG:no',
            'END:VCARD',
          ].join('\r\n');
    }).join('\r\n') + '\r\n'
  );
}

const GOOGLE_HEADER =
  'First Name,Last Name,Organization Name,Organization Title,E-mail 1 - Value,Phone 1 - Type,Phone 1 - Value,Labels';
const CSV_WITH_ERRORS = [
  GOOGLE_HEADER,
  'Anne,Kvist,Kristiansand kommune,Head of communications,anne.kvist@example.org,Mobile,+47 911 22 333,City departments',
  'Bjørn,Rud,Agder police district,Duty officer,not-an-email,Work,38 13 60 00,Local law enforcement',
  ',,Unknown org,,,Mobile,+47 922 00 000,',
  'Cecilie,Ask,Tree of Life Centre,Director,cecilie@example.org,Mobile,+47 933 44 555,Dragons',
].join('\r\n');
const CSV_FIXED = [
  GOOGLE_HEADER,
  'Anne,Kvist,Kristiansand kommune,Head of communications,anne.kvist@example.org,Mobile,+47 911 22 333,City departments',
  'Bjørn,Rud,Agder police district,Duty officer,bjorn.rud@example.org,Work,38 13 60 00,Local law enforcement',
  'Cecilie,Ask,Tree of Life Centre,Director,cecilie@example.org,Mobile,+47 933 44 555,Civil society',
].join('\r\n');

async function importFile(page: Page, name: string, mimeType: string, text: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import vCard or CSV…' }).click();
  await (await chooser).setFiles({ name, mimeType, buffer: Buffer.from(text) });
  return page.getByRole('dialog', { name: `Import contacts from “${name}”` });
}

async function addToTree(page: Page, name: string) {
  await page.getByRole('combobox', { name: 'Add a person to this tree' }).fill(name);
  await page
    .getByRole('option', { name: new RegExp(`^${name} `) })
    .first()
    .click();
  await expect(page.getByRole('treeitem', { name: new RegExp(`^${name}, level`) }).last()).toBeFocused();
}

test('contacts imported, a call tree built by keyboard, activated, worked through, and printed', async ({ page }) => {
  // Imports, a tree built by keyboard, an activation worked through and a print: a long scenario.
  test.setTimeout(180_000);
  await setUpDesk(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
  await expect(page.getByRole('heading', { name: 'Contacts and call trees', level: 1 })).toBeVisible();

  // vCard: twenty people from two address books (3.0 and 4.0).
  let dialog = await importFile(page, 'leaders.vcf', 'text/vcard', twentyCards());
  await expect(dialog.getByRole('heading', { name: 'Ready to import: 20 contacts' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Import 20 contacts' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('contact-count')).toContainText('20 contacts');
  await expect(page.locator('.badge--stale').first()).toBeVisible();
  // The city sets how long details stay trusted; nonsense is named.
  await page.getByLabel('Flag details as stale after').fill('0');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: '“0” is not a number of days from 1 to 3650.' }),
  ).toBeVisible();
  await page.getByLabel('Flag details as stale after').fill('180');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByTestId('contact-count')).toContainText('Details not verified for 180 days are marked stale');

  // A vCard in a version the desk does not read is refused, naming the version.
  const bad = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import vCard or CSV…' }).click();
  await (
    await bad
  ).setFiles({
    name: 'future.vcf',
    mimeType: 'text/vcard',
    buffer: Buffer.from('BEGIN:VCARD\r\nVERSION:5.0\r\nFN:Someone\r\nEND:VCARD\r\n'),
  });
  await expect(
    page.getByRole('alert').filter({
      hasText: '“future.vcf” uses vCard version 5.0, which the desk does not read: it reads vCard 2.1, 3.0 and 4.0.',
    }),
  ).toBeVisible();

  // CSV with errors: each problem named; cancel leaves nothing.
  dialog = await importFile(page, 'google.csv', 'text/csv', CSV_WITH_ERRORS);
  const errors = dialog.locator('.import-errors');
  await expect(errors).toContainText('Row 3, field “E-mail 1 - Value”: “not-an-email” is not an email address');
  await expect(errors).toContainText('Row 4, field “First Name”: is empty');
  // Google's Labels are the address book's own groups: offered for mapping, never a failed row.
  await expect(errors).not.toContainText('Dragons');
  await expect(dialog.getByLabel('Category for the group Dragons')).toHaveValue('other');
  await expect(dialog.getByLabel('Category for the group City departments')).toHaveValue('city-departments-and-staff');
  await expect(dialog.getByRole('button', { name: 'Import 2 contacts' })).toBeDisabled();
  await expectAccessible(page, 'contact import with errors');
  await snap(page, 'contacts-import-errors');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('contact-count')).toContainText('20 contacts');

  dialog = await importFile(page, 'google.csv', 'text/csv', CSV_FIXED);
  await expect(dialog.locator('.import-errors')).toHaveCount(0);
  await expect(dialog.getByRole('region', { name: 'What the file holds' })).toContainText(
    '3 rows, laid out as Google Contacts exports them.',
  );
  await expect(dialog.locator('.phone-columns')).toContainText('“Phone 1 - Value”, labelled from “Phone 1 - Type”');
  await dialog.locator('.phone-columns').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screens/contacts-csv-mapping.png' });
  await dialog.getByRole('button', { name: 'Import 3 contacts' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('contact-count')).toContainText('23 contacts');
  await page.getByLabel('Search contacts').fill('rud police');
  await expect(page.getByTestId('contact-count')).toContainText('1 of 23 contacts');
  await page.getByLabel('Search contacts').fill('');

  // Duplicate on entry: the same mobile number as an imported contact.
  await page.getByRole('button', { name: '+ New contact' }).click();
  const form = page.getByRole('dialog', { name: 'New contact' });
  await form.getByLabel('Name', { exact: true }).fill('Y. Rahman');
  await form.getByLabel('Number 1', { exact: true }).fill('+4790011100');
  await expect(form.getByText('Possible duplicate: same phone number as Imam Yusuf Rahman')).toBeVisible();
  await form.getByRole('button', { name: 'Cancel' }).click();

  // A tree of three levels, built by keyboard.
  await page.getByLabel('New tree').fill('Faith and community leaders');
  await page.getByRole('button', { name: 'Create tree' }).click();
  await expect(page.getByRole('heading', { name: 'Faith and community leaders', level: 3 })).toBeVisible();
  for (const name of ['Kari Holm', 'Amina Farah', 'Imam Yusuf Rahman', 'Rabbi Miriam Levin', 'Omar Said'])
    await addToTree(page, name);
  const item = (name: string) => page.getByRole('treeitem', { name: new RegExp(`^${name}, level`) });
  await item('Amina Farah').focus();
  await page.keyboard.press('Tab');
  await expect(item('Amina Farah')).toHaveAttribute('aria-level', '2');
  await item('Imam Yusuf Rahman').focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(item('Imam Yusuf Rahman')).toHaveAttribute('aria-level', '3');
  await item('Rabbi Miriam Levin').focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Alt+ArrowUp');
  await expect(item('Rabbi Miriam Levin')).toHaveAttribute('aria-level', '3');
  await expect(page.getByRole('treeitem').nth(2)).toHaveAccessibleName(/^Rabbi Miriam Levin/);
  await page.keyboard.press('Alt+ArrowDown');
  await expect(page.getByRole('treeitem').nth(3)).toHaveAccessibleName(/^Rabbi Miriam Levin/);
  // Drag and drop: the rabbi goes under Kari Holm, then back under Amina Farah.
  await item('Rabbi Miriam Levin').dragTo(item('Kari Holm'));
  await expect(item('Rabbi Miriam Levin')).toHaveAttribute('aria-level', '2');
  await item('Rabbi Miriam Levin').dragTo(item('Amina Farah'));
  await expect(item('Rabbi Miriam Levin')).toHaveAttribute('aria-level', '3');
  // Omar Said stays at the top: he is the fallback for the imam, not a callee.
  await item('Omar Said').focus();
  await page.getByRole('button', { name: 'Remove Omar Said from the tree' }).click();
  await expect(page.getByRole('treeitem')).toHaveCount(4);
  await expect(item('Rabbi Miriam Levin')).toBeFocused();
  await item('Imam Yusuf Rahman').focus();
  await page.getByLabel('Fallback for Imam Yusuf Rahman').selectOption({ label: 'Fallback: Omar Said' });
  await expect(item('Imam Yusuf Rahman').locator('.outline__fallback')).toHaveText(
    'Fallback: Omar Said (stale details)',
  );

  // Nobody is placed twice: the picker says where the person already is.
  const picker = page.getByRole('combobox', { name: 'Add a person to this tree' });
  await picker.fill('kari');
  await expect(page.getByRole('option', { name: /^Kari Holm/ })).toContainText(
    'already in this tree (Kari Holm, at the top of the tree)',
  );
  await expect(page.getByRole('option', { name: /^Kari Holm/ })).toHaveAttribute('aria-disabled', 'true');
  await expect(page.getByRole('treeitem')).toHaveCount(4);
  await picker.fill('');
  await expect(page.getByText('people in this tree have details not verified')).toBeVisible();
  await expectAccessible(page, 'tree editor');
  await snap(page, 'contacts-tree-editor');

  // Deleting: someone a tree still calls is refused with the tree named; anyone else goes, after a question.
  await page.getByRole('button', { name: 'Delete Amina Farah' }).click();
  await page.getByRole('dialog', { name: 'Delete Amina Farah?' }).getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByText('Amina Farah is not deleted: still in “Faith and community leaders”.')).toBeVisible();
  await page.getByRole('button', { name: 'Delete Sofie Lie' }).click();
  await page.getByRole('dialog', { name: 'Delete Sofie Lie?' }).getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByTestId('contact-count')).toContainText('22 contacts');

  // Paper fallback.
  await page.getByRole('button', { name: 'Print call sheet' }).click();
  const sheet = page.getByRole('dialog', { name: 'Call sheet: Faith and community leaders' });
  await expect(sheet.getByRole('row')).toHaveCount(5);
  await expect(sheet.getByRole('row', { name: /Imam Yusuf Rahman/ })).toContainText('Amina Farah');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.topbar')).toBeHidden();
  await expect(page.locator('.call-sheet')).toBeVisible();
  await snap(page, 'contacts-call-sheet-print');
  await page.emulateMedia({ media: 'screen' });
  await sheet.getByRole('button', { name: 'Close call sheet' }).click();

  // Activation during an incident.
  await page.getByRole('link', { name: 'Incidents' }).click();
  await createIncident(page, { title: 'Arson attack on the mosque', ...wallClockAgo(30), location: 'Central Mosque' });
  await page.getByRole('navigation', { name: 'Incident sections' }).getByRole('link', { name: 'Contacts' }).click();
  await page.getByRole('button', { name: 'Activate' }).click();
  await expect(page.getByTestId('activation-progress')).toHaveText('0 of 4 reached');
  await expect(page.getByTestId('next-calls')).toContainText('Kari Holm');
  await page.getByRole('button', { name: 'Reached: Kari Holm' }).click();
  await expect(page.getByTestId('activation-progress')).toHaveText('1 of 4 reached');
  // Reached → waiting needs a note.
  await page.getByRole('button', { name: 'Back to waiting: Kari Holm' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'Say in a note why a call marked reached goes back to waiting' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Calling now: Amina Farah' }).click();
  await page.getByRole('button', { name: 'Reached: Amina Farah' }).click();
  await page.getByLabel('Note for the call to Imam Yusuf Rahman').fill('No answer on mobile, twice');
  await page.getByRole('button', { name: 'Unreachable: Imam Yusuf Rahman' }).click();
  await page.getByRole('button', { name: 'Call fallback: Omar Said' }).click();
  await expect(page.getByRole('listitem', { name: 'Omar Said: waiting' })).toBeVisible();
  await page.getByLabel('I am calling as').selectOption({ label: 'Amina Farah' });
  await expect(page.getByTestId('next-calls')).toContainText('Omar Said');
  await expect(page.getByTestId('next-calls')).toContainText('Rabbi Miriam Levin');
  await page.getByRole('button', { name: 'Reached: Omar Said' }).click();
  await expect(page.getByTestId('activation-progress')).toHaveText('3 of 4 reached');
  await expect(page.getByTestId('activation-elapsed')).toContainText('ago');
  await expectAccessible(page, 'activation');
  await snap(page, 'contacts-activation');

  // The timeline holds every change.
  await page.getByRole('navigation', { name: 'Incident sections' }).getByRole('link', { name: 'Timeline' }).click();
  await expect(page.getByText('Call tree “Faith and community leaders” activated: 4 people to reach')).toBeVisible();
  await expect(page.getByText('Call tree “Faith and community leaders”: Kari Holm reached')).toBeVisible();
  await expect(
    page.getByText('Call tree “Faith and community leaders”: Imam Yusuf Rahman unreachable', { exact: true }),
  ).toBeVisible();
  await expect(
    page.getByText(
      'Call tree “Faith and community leaders”: Imam Yusuf Rahman unreachable, passed to fallback Omar Said',
    ),
  ).toBeVisible();
  await expect(page.getByText('Call tree “Faith and community leaders”: Omar Said reached')).toBeVisible();

  // Reload: the same.
  await page.reload();
  await page.getByRole('navigation', { name: 'Incident sections' }).getByRole('link', { name: 'Contacts' }).click();
  await expect(page.getByTestId('activation-progress')).toHaveText('3 of 4 reached');
  await expect(page.getByRole('listitem', { name: 'Omar Said: reached' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Call log for Omar Said' })).toContainText('No answer on mobile, twice');
});

import { readFile } from 'node:fs/promises';

import { expect, test, type Page } from '@playwright/test';

import { createIncident, expectAccessible, setUpDesk, snap, wallClockAgo } from './helpers';

const ZONE = 'America/Chicago';
const fixture = (name: string) => readFile(new URL(`../fixtures/contacts/${name}`, import.meta.url), 'utf8');

async function importFile(page: Page, name: string, text: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import vCard or CSV…' }).click();
  await (await chooser).setFiles({ name, mimeType: 'text/vcard', buffer: Buffer.from(text) });
  return page.getByRole('dialog', { name: `Import contacts from “${name}”` });
}

async function exportContacts(
  page: Page,
  choose: (dialog: ReturnType<Page['getByRole']>) => Promise<void>,
): Promise<string> {
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export contacts' });
  await choose(dialog);
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: /^Export \d+ contacts$/ }).click();
  return readFile(await (await download).path(), 'utf8');
}

test('an address book from Android, iPhone and a CardDAV server: versions detected, labels and extensions kept on every screen', async ({
  page,
}) => {
  await setUpDesk(page, { city: 'Chicago', zone: ZONE });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
  // The desk reads numbers without + in the country of its time zone.
  await expect(page.getByLabel('Read numbers without + as numbers in')).toHaveValue('US');

  const mixed = (await Promise.all(['android-2.1.vcf', 'iphone-3.0.vcf', 'rfc6350-4.0.vcf'].map(fixture))).join('');
  const dialog = await importFile(page, 'address-book.vcf', mixed);
  const detected = dialog.getByRole('region', { name: 'What the file holds' });
  await expect(detected).toContainText('4 cards: 2 in vCard 2.1, 1 in vCard 3.0, 1 in vCard 4.0.');
  await expect(detected).toContainText('Quoted-printable text decoded in 2 cards (UTF-8, ISO-8859-1).');
  await expect(detected).toContainText(
    '11 numbers keep their labels, 2 from address-book labels such as “After hours”.',
  );
  await expect(detected).toContainText('2 numbers have extensions.');
  const unread = dialog.locator('.import-unread');
  await expect(unread).toContainText('2 numbers the desk cannot read');
  await expect(unread).toContainText(
    'Card 3 (Imam Yusuf Rahman), other: “555-01” is too short for a phone number in the United States',
  );
  await expect(unread).toContainText('Card 1 (Jürgen Müller), home: “1-800-FLOWERS” is not a phone number');
  // The iPhone's own groups are mapped onto the guide's categories here.
  await dialog
    .getByLabel('Category for the group Faith leaders')
    .selectOption({ label: 'Faith, cultural and sports venues' });
  const preview = dialog.getByRole('table');
  await expect(preview.getByRole('row', { name: /Imam Yusuf Rahman/ })).toContainText('(312) 555-0170 After hours');
  await expect(preview.getByRole('row', { name: /Imam Yusuf Rahman/ })).toContainText(
    'Faith, cultural and sports venues',
  );
  await expect(preview.getByRole('row', { name: /Jürgen Müller/ })).toContainText('(312) 555-0181 ext. 204 work');
  await expectAccessible(page, 'vCard import preview');
  await snap(page, 'contacts-vcard-import-preview');
  await dialog.getByRole('button', { name: 'Import 4 contacts' }).click();
  await expect(dialog).toBeHidden();

  // Directory: national form, tel: links, labels.
  await expect(page.getByTestId('contact-count')).toContainText('4 contacts');
  const imam = page.getByRole('row', { name: /Imam Yusuf Rahman/ });
  await expect(imam).toContainText('(312) 555-0170 After hours');
  await expect(imam).toContainText('(312) 555-0171 mobile');
  await expect(imam).toContainText('+44 20 7946 0958 main');
  await expect(imam.getByRole('link', { name: '(312) 555-0170' })).toHaveAttribute('href', 'tel:+13125550170');
  await expect(
    page.getByRole('row', { name: /Jürgen Müller/ }).getByRole('link', { name: '(312) 555-0181 ext. 204' }),
  ).toHaveAttribute('href', 'tel:+13125550181;ext=204');
  await expect(page.getByRole('row', { name: /Amina Yusuf/ })).toContainText('(312) 555-0190 ext. 12 work');
  await snap(page, 'contacts-directory-numbers');

  // Search: accents either way, a number however it is typed.
  const search = page.getByLabel('Search contacts');
  await search.fill('jurgen');
  await expect(page.getByTestId('contact-count')).toContainText('1 of 4 contacts');
  await search.fill('José');
  await expect(page.getByRole('row', { name: /José Fernández/ })).toBeVisible();
  await search.fill('312.555.0181');
  await expect(page.getByTestId('contact-count')).toContainText('1 of 4 contacts');
  await expect(page.getByRole('row', { name: /Jürgen Müller/ })).toBeVisible();
  await search.fill('');

  // The contact form shows each number's label and how the desk reads it.
  await page.getByRole('button', { name: 'Edit Imam Yusuf Rahman' }).click();
  const form = page.getByRole('dialog', { name: 'Edit Imam Yusuf Rahman' });
  await expect(form.getByLabel('Label of number 1')).toHaveValue('After hours');
  await expect(form.getByLabel('Number 1', { exact: true })).toHaveValue('+1 (312) 555-0170');
  await expect(form.getByText('Reads as (312) 555-0170, dialled +1 312 555 0170')).toBeVisible();
  await form.getByRole('button', { name: '+ Add a number' }).click();
  await form.getByLabel('Number 5', { exact: true }).fill('555 01');
  await expect(form.getByText('“555 01” is too short for a phone number in the United States.')).toBeVisible();
  await form.getByLabel('Number 5', { exact: true }).fill('312 555 0199 x7');
  await expect(form.getByText('Reads as (312) 555-0199 ext. 7, dialled +1 312 555 0199 ext. 7')).toBeVisible();
  await expectAccessible(page, 'contact form numbers');
  await snap(page, 'contacts-form-numbers');
  await form.getByRole('button', { name: 'Cancel' }).click();

  // Call sheet and activation show the after-hours line as such.
  await page.getByLabel('New tree').fill('Faith leaders');
  await page.getByRole('button', { name: 'Create tree' }).click();
  const add = page.getByRole('combobox', { name: 'Add a person to this tree' });
  for (const name of ['Imam Yusuf Rahman', 'Amina Yusuf']) {
    await add.fill(name);
    await expect(
      page.getByRole('listbox', { name: 'Add a person to this tree' }).getByRole('option', { name: new RegExp(name) }),
    ).toHaveCount(1);
    await add.press('Enter');
    await expect(page.getByRole('treeitem', { name: new RegExp(`${name}, level`) })).toBeVisible();
  }
  await page.getByRole('button', { name: 'Print call sheet' }).click();
  const sheet = page.getByRole('dialog', { name: 'Call sheet: Faith leaders' });
  await expect(sheet.getByRole('row', { name: /Imam Yusuf Rahman/ })).toContainText('(312) 555-0170 After hours');
  await snap(page, 'contacts-call-sheet-numbers');
  await sheet.getByRole('button', { name: 'Close call sheet' }).click();

  await page.getByRole('link', { name: 'Incidents' }).click();
  await createIncident(page, { title: 'Threat to the mosque', ...wallClockAgo(20, ZONE) });
  await page.getByRole('navigation', { name: 'Incident sections' }).getByRole('link', { name: 'Contacts' }).click();
  await page.getByRole('button', { name: 'Activate' }).click();
  const call = page.getByRole('listitem', { name: 'Imam Yusuf Rahman: waiting' });
  await expect(call).toContainText('(312) 555-0170 After hours');
  await expect(call.getByRole('link', { name: '(312) 555-0170' })).toHaveAttribute('href', 'tel:+13125550170');
  await expect(page.getByTestId('next-calls')).toContainText('(312) 555-0170 After hours');
  await snap(page, 'contacts-activation-numbers');

  // Exports: names only unless numbers are included on purpose; labels written back.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
  const namesOnly = await exportContacts(page, async (d) => {
    await expect(d.getByRole('radio', { name: /^Names only/ })).toBeChecked();
  });
  expect(namesOnly).toContain('FN:Imam Yusuf Rahman');
  expect(namesOnly).not.toMatch(/TEL|EMAIL|555/);
  const full = await exportContacts(page, async (d) => {
    await d.getByRole('radio', { name: /^vCard 3\.0/ }).check();
    await d.getByRole('radio', { name: /^Names with phone numbers/ }).check();
    await d.getByLabel('I understand this export contains personal data, and I include it on purpose').check();
  });
  expect(full).toMatch(/ITEM(\d)\.TEL[^:\r\n]*:\+1 312 555 0170\r\nITEM\1\.X-ABLABEL:After hours\r\n/);
  expect(full).toContain('TEL;TYPE=WORK:+1 312 555 0181 ext. 204');
});

test('an Outlook export saved on Windows (Windows-1252) keeps its accents, and the preview says how it was read', async ({
  page,
}) => {
  await setUpDesk(page, { city: 'Chicago', zone: ZONE });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
  const text = (await fixture('outlook.csv'))
    .replace(',Ole,', ',José,')
    .replace('Chicago Public Schools', 'Écoles publiques de Chicago');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import vCard or CSV…' }).click();
  await (
    await chooser
  ).setFiles({ name: 'outlook-contacts.csv', mimeType: 'text/csv', buffer: Buffer.from(text, 'latin1') });
  const dialog = page.getByRole('dialog', { name: 'Import contacts from “outlook-contacts.csv”' });
  await expect(dialog.getByRole('region', { name: 'What the file holds' })).toContainText('Read as Windows-1252');
  await expect(dialog.getByLabel('Encoding')).toHaveValue('windows-1252');
  await expect(dialog.getByRole('table').getByRole('row', { name: /José Berg/ })).toContainText(
    'Écoles publiques de Chicago',
  );
  // Read as UTF-8 instead, the accents cannot be read: said, and nothing can be imported that way.
  await dialog.getByLabel('Encoding').selectOption('utf-8');
  await expect(dialog.getByRole('alert').first()).toContainText('cannot be read as UTF-8 and would be stored as �');
  await expect(dialog.getByRole('button', { name: /^Import \d+ contacts?$/ })).toBeDisabled();
  await dialog.getByLabel('Encoding').selectOption('windows-1252');
  await dialog.getByRole('button', { name: /^Import \d+ contacts$/ }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row', { name: /José Berg/ })).toContainText('Écoles publiques de Chicago');
});

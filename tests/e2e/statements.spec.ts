import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';

import { expect, test, type Page } from '@playwright/test';

import { createIncident, expectAccessible, fillHoldingStatement, setUpDesk, snap, wallClockAgo } from './helpers';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

async function openStatements(page: Page) {
  await page.getByRole('link', { name: 'Statements', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Statements', level: 2 })).toBeVisible();
}

/** Sends the open draft for review, through the last-look dialog (the guidance is never fully ticked here). */
async function sendForReview(page: Page) {
  await page.getByRole('button', { name: 'Send for review' }).click();
  const dialog = page.getByRole('dialog', { name: 'Send for review?' });
  await dialog.getByRole('button', { name: 'Send for review' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('In review', { exact: true }).first()).toBeVisible();
}

async function approve(page: Page, version: number, comment = '') {
  await expect(page.getByRole('heading', { name: `Approval of version ${version}` })).toBeVisible();
  await page.getByLabel("Approver's name").fill('Anna Hansen');
  await page.getByLabel("Approver's role").fill('Mayor');
  await page.getByLabel('Comment').fill(comment);
  await page.getByRole('button', { name: `Approve version ${version}` }).click();
  await expect(page.getByRole('group', { name: `Approval of version ${version}` })).toBeVisible();
}

/** A screenshot from the top of the page, so the sticky action bar sits where it belongs. */
async function shot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await snap(page, name);
}

async function editText(page: Page, label: RegExp, change: (text: string) => string) {
  const area = page.getByLabel(label);
  await area.fill(change(await area.inputValue()));
}

test('a holding statement drafted, returned, approved, revised, released, exported and translated', async ({
  page,
  context,
}) => {
  test.setTimeout(180_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await setUpDesk(page);
  const start = wallClockAgo(40);
  await createIncident(page, { title: 'Vehicle attack, Markens gate', ...start, location: 'Markens gate' });
  await openStatements(page);
  await expect(page.getByRole('heading', { name: 'No statements yet' })).toBeVisible();

  // Draft a holding statement from its template.
  await page.getByRole('button', { name: 'Draft a statement…' }).click();
  const pick = page.getByRole('dialog', { name: 'New statement' });
  await pick.getByRole('radio', { name: /Initial holding statement/ }).check();
  await pick.getByLabel('Language').selectOption({ label: 'English' });
  await expectAccessible(page, 'new statement');
  await shot(page, 'statements-new');
  await pick.getByRole('button', { name: 'Start the draft' }).click();
  await expect(page.getByRole('heading', { name: 'Initial holding statement', level: 2 })).toBeVisible();

  // What the desk knows is filled; the rest blocks review, highlighted in the form and the preview.
  await expect(page.getByLabel(/^City/)).toHaveValue('Kristiansand');
  await expect(page.getByLabel(/^Time the incident began/)).toHaveValue(start.time);
  await expect(page.getByLabel(/^Location/)).toHaveValue('Markens gate');
  const send = page.getByRole('button', { name: 'Send for review' });
  await expect(send).toBeDisabled();
  await expect(page.locator('.stmt-blocked')).toContainText(
    "Sending for review is blocked: these 6 placeholders are still empty: What happened, Lead agency, What residents should do now, Official source for updates, Time of the next update, and Mayor's name and title.",
  );
  const preview = page.getByRole('region', { name: 'Preview of the statement' });
  await expect(preview.locator('.stmt-preview__gap')).toHaveCount(6);
  await expect(page.getByRole('heading', { name: 'Guidance for this statement' })).toBeVisible();
  await page.getByRole('checkbox', { name: /Keep the tone calm and unifying/ }).check();
  await expect(page.getByText('1 of 6 checked')).toBeVisible();
  await page.getByLabel(/^What happened/).fill('a vehicle was driven into pedestrians');
  await expect(preview).toContainText('a vehicle was driven into pedestrians at Markens gate');
  await expectAccessible(page, 'statement drafting');
  await shot(page, 'statements-drafting');

  // Typed but not saved: leaving the tab and coming back keeps it.
  await page.getByRole('link', { name: 'Overview', exact: true }).click();
  await openStatements(page);
  await expect(page.getByText('Your unsaved changes from before were kept.')).toBeVisible();
  await expect(page.getByLabel(/^What happened/)).toHaveValue('a vehicle was driven into pedestrians');

  await fillHoldingStatement(page, 'lead-agency');
  await expect(preview.locator('.stmt-preview__gap')).toHaveCount(0);
  await expect(send).toBeEnabled();
  await sendForReview(page);

  // Returned with a comment, fixed, sent again, approved.
  await expect(page.getByRole('heading', { name: 'Approval of version 2' })).toBeVisible();
  await page.getByLabel("Approver's name").fill('Anna Hansen');
  await page.getByLabel("Approver's role").fill('Mayor');
  await page.getByRole('button', { name: 'Return to draft with comment' }).click();
  await expect(page.getByText('Say what needs to change: a comment is required to return it to draft.')).toBeVisible();
  await page.getByLabel('Comment').fill('Say where families can go.');
  await page.getByRole('button', { name: 'Return to draft with comment' }).click();
  await expect(page.getByRole('note', { name: 'Returned by the approver' })).toContainText(
    'Say where families can go.',
  );

  await editText(page, /^Text of the statement/, (t) =>
    t.replace(
      '{{city}} stands together.',
      'Families can come to the city hall, open all night.\n\n{{city}} stands together.',
    ),
  );
  await expect(preview).toContainText('Families can come to the city hall');
  await sendForReview(page);
  await expect(page.getByRole('heading', { name: 'Approval of version 3' })).toBeVisible();
  await expect(page.getByTestId('review-hash')).toHaveText(/^[0-9a-f]{64}$/);
  await page.getByLabel("Approver's name").fill('Anna Hansen');
  await page.getByLabel("Approver's role").fill('Mayor');
  await page.getByLabel('Comment').fill('Approved by phone at the scene.');
  await expectAccessible(page, 'statement approval');
  await shot(page, 'statements-approval');
  await page.getByRole('button', { name: 'Approve version 3' }).click();
  const approval3 = page.getByRole('group', { name: 'Approval of version 3' });
  await expect(approval3).toContainText('Version 3 approved by Anna Hansen, Mayor');
  await expect(approval3).toContainText('Approved by phone at the scene.');
  const approvedText3 = await page.getByRole('region', { name: 'Approved text', exact: true }).innerText();
  await expect(page.getByTestId('approval-hash')).toHaveText(sha(approvedText3));

  // Approved text is frozen: editing makes version 4, back in draft, needing approval again.
  await page.getByRole('button', { name: 'Edit (makes version 4)' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Approved text is frozen' })).toContainText(
    'Saving makes version 4 as a draft',
  );
  await editText(page, /^Text of the statement/, (t) => t.replace('open all night', 'open day and night'));
  await page.getByRole('button', { name: 'Save as a new version' }).click();
  await expect(page.getByText('Draft', { exact: true }).first()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Last approved: version 3' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Release…' })).toHaveCount(0);
  await sendForReview(page);
  await approve(page, 4);

  // Copy exactly, then export as text and as Word.
  const approvedText = await page.getByRole('region', { name: 'Approved text', exact: true }).innerText();
  expect(approvedText).toContain('open day and night');
  await page.getByRole('button', { name: 'Copy approved text' }).click();
  await expect(page.getByText('Approved text of version 4 copied, exactly as approved.')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(approvedText);

  const txtDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save as text (.txt)' }).click();
  const txt = await readFile(await (await txtDownload).path(), 'utf8');
  expect(txt.startsWith('Kristiansand\nInitial holding statement\n')).toBe(true);
  expect(txt).toContain(`\n\n${approvedText}\n\n—\nApproved by Anna Hansen, Mayor, on `);
  expect(txt).toContain(`SHA-256 of the approved text: ${sha(approvedText)}`);

  const docxDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save as Word (.docx)' }).click();
  const download = await docxDownload;
  expect(download.suggestedFilename()).toBe('statement-initial-holding-statement-en-v4.docx');
  const docx = await readFile(await download.path());
  expect(docx.subarray(0, 2).toString('latin1')).toBe('PK');
  expect(docx.length).toBeGreaterThan(4000);

  // Release on two channels; the timeline logs it.
  await page.getByRole('button', { name: 'Release…' }).click();
  const release = page.getByRole('dialog', { name: 'Release version 4' });
  await release.getByRole('button', { name: 'Record the release' }).click();
  await expect(release.getByText('Choose at least one channel.')).toBeVisible();
  await release.getByLabel('Press').check();
  await release.getByLabel('Website').check();
  await release.getByRole('button', { name: 'Record the release' }).click();
  await expect(page.getByRole('list', { name: 'Releases' })).toContainText('on Press and Website (version 4)');
  await expect(page.getByText('Released', { exact: true }).first()).toBeVisible();

  // Any two versions compared word by word.
  await page.getByRole('combobox', { name: 'From version', exact: true }).selectOption('1');
  await page.getByRole('combobox', { name: 'To version', exact: true }).selectOption('4');
  const diff = page.getByTestId('version-diff');
  await expect(diff.locator('ins').filter({ hasText: 'the police' })).toHaveCount(1);
  await expect(diff.locator('del').filter({ hasText: 'lead_agency' })).toHaveCount(1);
  await page.getByRole('heading', { name: /^Versions/ }).scrollIntoViewIfNeeded();
  await expectAccessible(page, 'version comparison');
  await shot(page, 'statements-version-compare');

  await page.getByRole('link', { name: 'Timeline', exact: true }).click();
  const entry = page
    .locator('.tl-entry')
    .filter({ hasText: 'Statement released: Initial holding statement (English, version 4)' });
  await expect(entry).toHaveCount(1);
  await entry.click();
  const details = page.getByRole('complementary', { name: /Statement released: Initial holding statement/ });
  await expect(details).toContainText('Channels: Press, Website.');
  await details.getByRole('button', { name: 'Close' }).click();

  // An Arabic translation, right to left, approved; then the source changes and it is flagged.
  await openStatements(page);
  await page.getByRole('button', { name: 'Add a translation…' }).click();
  const translate = page.getByRole('dialog', { name: 'Add a translation' });
  await translate.getByLabel('Language').selectOption({ label: 'Arabic (العربية)' });
  await expect(translate.getByRole('status')).toContainText("Starts from the library's Arabic (العربية) template");
  await translate.getByRole('button', { name: 'Start the translation' }).click();
  await expect(page.getByRole('heading', { name: 'بيان أولي', level: 2 })).toBeVisible();
  const arabicText = page.getByLabel(/^Text of the statement \(Arabic/);
  await expect(arabicText).toHaveAttribute('dir', 'rtl');
  await expect(arabicText).toHaveAttribute('lang', 'ar');
  const arabicPreview = page.getByRole('region', { name: 'Preview of the statement' });
  await expect(arabicPreview).toHaveAttribute('dir', 'rtl');
  await page.getByLabel(/^What happened/).fill('هجوم بسيارة على المشاة');
  await page.getByLabel(/^Lead agency/).fill('الشرطة');
  await expect(arabicPreview).toContainText('وقع هجوم بسيارة على المشاة في Markens gate');
  await expect(page.getByRole('note', { name: 'Translation status' })).toContainText('Awaiting approval');
  await expectAccessible(page, 'Arabic translation');
  await shot(page, 'statements-arabic-translation');
  await sendForReview(page);
  await approve(page, 2);
  await expect(page.getByRole('note', { name: 'Translation status' })).toContainText('Up to date');

  await page
    .getByRole('note', { name: 'Translation status' })
    .getByRole('button', { name: '“Initial holding statement”' })
    .click();
  await page.getByRole('button', { name: 'Edit (makes version 5)' }).click();
  await editText(page, /^Text of the statement/, (t) =>
    t.replace('open day and night', 'open day and night, with interpreters'),
  );
  await page.getByRole('button', { name: 'Save as a new version' }).click();
  await sendForReview(page);
  await approve(page, 5);
  const translations = page.getByRole('region', { name: 'Translations' }).or(page.locator('section.translations'));
  await expect(translations).toContainText('Out of date');

  await page
    .getByRole('button', { name: /بيان أولي/ })
    .first()
    .click();
  const stale = page.getByRole('note', { name: 'Translation status' });
  await expect(stale).toContainText('Out of date');
  await expect(stale).toContainText('The source now has approved version 5');
  await expect(stale.getByTestId('version-diff').locator('ins')).toContainText('with interpreters');
  await shot(page, 'statements-translation-out-of-date');
  // Its Release button says why it cannot be used.
  await expect(page.getByRole('button', { name: 'Release…' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Release…' })).toHaveAccessibleDescription(
    /this translation is out of date/,
  );

  await stale.getByRole('button', { name: 'Update the translation…' }).click();
  await editText(page, /^Text of the statement \(Arabic/, (t) => `${t}\n\nيتوفر مترجمون.`);
  await page.getByRole('button', { name: 'Save the updated translation' }).click();
  await expect(page.getByRole('note', { name: 'Translation status' })).toContainText('Awaiting approval');
});

test('the template library: the guide’s statement types, their language versions and the glossary', async ({
  page,
}) => {
  await setUpDesk(page);
  await page.getByRole('link', { name: 'Templates', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Statement templates', level: 1 })).toBeVisible();
  for (const title of [
    'Initial holding statement',
    'Rumour control',
    'Vigil or memorial announcement',
    'Anniversary statement',
    'Support services announcement',
  ]) {
    await expect(page.getByRole('heading', { name: title, level: 2 })).toBeVisible();
  }
  await expect(
    page
      .getByRole('group', { name: 'Language versions of Initial holding statement' })
      .getByRole('button', { name: 'Edit Arabic' }),
  ).toBeVisible();

  // A Norwegian version of the solidarity statement, with a typo caught before saving.
  await page
    .getByRole('group', { name: 'Language versions of Condemnation, unity and solidarity' })
    .getByRole('button', { name: '+ Language version' })
    .click();
  const editor = page.getByRole('form', { name: /New language version/ }).or(page.locator('form.template-editor'));
  await editor.getByLabel('Language').selectOption({ label: 'Norwegian (Bokmål) (Norsk bokmål)' });
  await editor.getByLabel('Title').fill('Samhold og solidaritet');
  await editor.getByLabel('Text').fill('{{city}} står sammen. {{mayr_name');
  await editor.getByRole('button', { name: 'Save template' }).click();
  await expect(editor.getByText(/is not closed with }} on the same line/)).toBeVisible();
  await editor.getByLabel('Text').fill('{{city}} står sammen.\n\n{{mayor_name}}');
  await editor.getByRole('button', { name: 'Save template' }).click();
  await expect(
    page
      .getByRole('group', { name: 'Language versions of Condemnation, unity and solidarity' })
      .getByRole('button', { name: 'Edit Norwegian (Bokmål)' }),
  ).toBeVisible();

  await page.getByLabel('Terms to avoid, one per line').fill('those people => our neighbours | Sets a group apart.');
  await page.getByRole('button', { name: 'Save glossary' }).click();
  await expect(page.getByText('Glossary saved: 1 term.')).toBeVisible();
  await expectAccessible(page, 'template library');
  await shot(page, 'statements-template-library');
});

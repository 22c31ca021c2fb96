import { execFile } from 'node:child_process';
import { copyFile, mkdir, readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

import { expect, test, type Page } from '@playwright/test';
import ICAL from 'ical.js';
import Papa from 'papaparse';

import { hasLibreOffice, openInLibreOffice } from '../support/libreOffice';
import {
  createIncident,
  expectAccessible,
  fillHoldingStatement,
  logLines,
  setUpDesk,
  snap,
  wallClockAgo,
} from './helpers';

const run = promisify(execFile);

const CARDS = [
  ['Kari Holm', 'Mayor’s office', 'Chief of staff', '+47 911 00 001'],
  ['Lars Nilsen', 'Kristiansand police', 'Community liaison officer', '+47 911 00 002'],
  ['Imam Yusuf Rahman', 'Central Mosque', 'Imam', '+47 911 00 003'],
]
  .map(([name, org, role, tel]) =>
    [
      'BEGIN:VCARD',
      'VERSION:4.0',
      `FN:${name}`,
      `ORG:${org}`,
      `TITLE:${role}`,
      `TEL;TYPE=cell:${tel}`,
      'END:VCARD',
    ].join('\r\n'),
  )
  .join('\r\n');

const section = (page: Page, name: string | RegExp) =>
  page.getByRole('navigation', { name: 'Incident sections' }).getByRole('link', { name });

async function download(page: Page, button: string): Promise<{ path: string; name: string }> {
  const pending = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  const d = await pending;
  return { path: await d.path(), name: d.suggestedFilename() };
}

/** A call tree of three people, made in peacetime. */
async function prepareCallTree(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import vCard or CSV…' }).click();
  await (await chooser).setFiles({ name: 'cascade.vcf', mimeType: 'text/vcard', buffer: Buffer.from(`${CARDS}\r\n`) });
  const importDialog = page.getByRole('dialog', { name: 'Import contacts from “cascade.vcf”' });
  await importDialog.getByRole('button', { name: 'Import 3 contacts' }).click();
  // The page behind a modal dialog takes no typing: wait until the import has closed it.
  await expect(importDialog).toBeHidden();
  await expect(page.getByText('3 contacts imported from cascade.vcf.')).toBeVisible();
  await page.getByLabel('New tree').fill('Mayor’s office cascade');
  await expect(page.getByLabel('New tree')).toHaveValue('Mayor’s office cascade');
  await page.getByRole('button', { name: 'Create tree' }).click();
  for (const name of ['Kari Holm', 'Lars Nilsen', 'Imam Yusuf Rahman']) {
    await page.getByRole('combobox', { name: 'Add a person to this tree' }).fill(name);
    await page
      .getByRole('option', { name: new RegExp(`^${name} `) })
      .first()
      .click();
    await expect(page.getByRole('treeitem', { name: new RegExp(`^${name}, level`) })).toBeFocused();
  }
  await expect(page.getByRole('treeitem')).toHaveCount(3);
}

/** A holding statement drafted, approved by the mayor and released to the press. */
async function releaseHoldingStatement(page: Page) {
  await section(page, 'Statements').click();
  await page.getByRole('button', { name: 'Draft a statement…' }).click();
  const pick = page.getByRole('dialog', { name: 'New statement' });
  await pick.getByRole('radio', { name: /Initial holding statement/ }).check();
  await pick.getByRole('button', { name: 'Start the draft' }).click();
  await expect(pick).toBeHidden();
  await fillHoldingStatement(page);
  await page.getByRole('button', { name: 'Send for review' }).click();
  const review = page.getByRole('dialog', { name: 'Send for review?' });
  await review.getByRole('button', { name: 'Send for review' }).click();
  await expect(review).toBeHidden();
  await page.getByLabel("Approver's name").fill('Anna Hansen');
  await page.getByLabel("Approver's role").fill('Mayor');
  await page.getByRole('button', { name: /^Approve version \d+$/ }).click();
  await page.getByRole('button', { name: 'Release…' }).click();
  const release = page.getByRole('dialog', { name: /^Release version/ });
  await release.getByLabel('Press').check();
  await release.getByRole('button', { name: 'Record the release' }).click();
  await expect(page.getByText('Released', { exact: true }).first()).toBeVisible();
}

test('an incident worked across every feature leaves a record in every format that checks out', async ({ page }) => {
  test.setTimeout(240_000);
  await setUpDesk(page);
  await prepareCallTree(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Incidents' }).click();
  await createIncident(page, { title: 'Vehicle attack, Markens gate', ...wallClockAgo(50), location: 'Markens gate' });

  // Timeline: what happened and what the city decided.
  await section(page, 'Timeline').click();
  await logLines(page, [
    'Van drives into the crowd #scene',
    'decision: Mayor activates the crisis team',
    'Family phone line open on 38 07 50 00, write to familier@kristiansand.kommune.no',
  ]);

  // Checklists: the first public message is done, and logged.
  await section(page, /^Checklists/).click();
  await page
    .getByTestId('checklist-item')
    .filter({ hasText: 'Issue a first public message to prevent panic' })
    .getByRole('button', { name: 'Done…' })
    .click();
  const done = page.getByRole('dialog', { name: 'Mark as done' });
  await done.getByLabel('Note (optional)').fill('Holding statement on the city website');
  await done.getByRole('button', { name: 'Mark done' }).click();
  await expect(done).toBeHidden();

  // Contacts: the cascade activated; the chief of staff reached.
  await section(page, 'Contacts').click();
  await page.getByRole('button', { name: 'Activate' }).click();
  await page.getByRole('button', { name: 'Reached: Kari Holm' }).click();
  await expect(page.getByTestId('activation-progress')).toHaveText('1 of 3 reached');

  await releaseHoldingStatement(page);

  // The decision is linked to the statement it led to, and its source to a contact in the directory.
  await section(page, 'Timeline').click();
  await page.getByRole('button', { name: /Mayor activates the crisis team/ }).click();
  await page.getByRole('button', { name: 'Correct…' }).click();
  const correct = page.getByRole('dialog', { name: 'Correct entry' });
  await correct.getByLabel('Source').fill('lars nilsen');
  await expect(correct.getByText('Linked to the contact Lars Nilsen.')).toBeVisible();
  await correct.getByLabel('Link to').selectOption({ label: 'Initial holding statement (en)' });
  await correct.getByRole('button', { name: 'Add link' }).click();
  await expect(
    correct.getByRole('list').filter({ hasText: 'Statement: Initial holding statement (en)' }),
  ).toBeVisible();
  await correct.getByLabel('Reason for the correction').fill('Linked to the statement it led to');
  await expectAccessible(page, 'entry links');
  await correct.screenshot({ path: 'test-results/screens/timeline-entry-links.png' });
  await correct.getByRole('button', { name: 'Save correction' }).click();
  const details = page.getByRole('complementary', { name: 'Mayor activates the crisis team' });
  await expect(details).toContainText('(contact in the directory: Lars Nilsen)');
  await details.getByRole('link', { name: 'Statement: Initial holding statement (en)' }).click();
  await expect(page.getByRole('heading', { name: 'Statements', level: 2 })).toBeVisible();

  // Lessons learned.
  await section(page, 'Export').click();
  await page.getByLabel('Kind').selectOption({ label: 'Strength' });
  await page
    .getByRole('textbox', { name: 'Lesson', exact: true })
    .fill('The cascade reached the chief of staff within minutes');
  await page.getByRole('button', { name: 'Add lesson' }).click();
  await expect(page.getByRole('heading', { name: 'Strengths (1)' })).toBeVisible();
  // A corrective action goes onto the checklists, to be followed up with the rest of the recovery.
  const lessons = page.getByRole('region', { name: 'Lessons learned' });
  await lessons.getByLabel('Kind').selectOption('improvement');
  await lessons
    .getByRole('textbox', { name: 'Lesson', exact: true })
    .fill('The night shift had no printed call sheets');
  await lessons.getByRole('button', { name: 'Add lesson' }).click();
  await lessons.getByLabel('Kind').selectOption('corrective-action');
  await lessons.getByRole('textbox', { name: 'Lesson', exact: true }).fill('Print the call sheets for the night shift');
  await lessons.getByLabel('Owner').fill('Kari Holm');
  await lessons.getByLabel('Due').fill(`${new Date().getFullYear() + 1}-01-15`);
  await lessons
    .getByLabel('Answers the area for improvement')
    .selectOption({ label: 'The night shift had no printed call sheets' });
  await lessons.getByRole('button', { name: 'Add lesson' }).click();
  await lessons
    .getByRole('button', { name: 'Put “Print the call sheets for the night shift” on the checklists' })
    .click();
  await expect(lessons.getByText('On the checklists')).toBeVisible();

  // The report holds every feature's part.
  await page.getByRole('button', { name: 'Preview' }).click();
  const report = page.getByRole('article', { name: 'After-action record' });
  await expect(report.getByRole('heading', { name: 'Initial holding statement · English · Released' })).toBeVisible();
  await expect(report).toContainText('Please stay away from the city centre.');
  await expect(report).toContainText('approved by Anna Hansen, Mayor');
  await expect(report).toContainText('Released (version');
  await expect(
    report.getByRole('heading', { name: /Mayor’s office cascade · started .* · 1 of 3 reached/ }),
  ).toBeVisible();
  await expect(report.getByRole('row', { name: /^Kari Holm, Chief of staff/ })).toContainText('Reached');
  await expect(
    report.getByRole('heading', { name: /^Immediate aftermath \(first hours\) · 1 done, 0 not applicable/ }),
  ).toBeVisible();
  await expect(report.getByRole('row', { name: /^Issue a first public message/ })).toContainText(
    /Done by Ingrid Berg, .*Holding statement on the city website/,
  );
  await expect(report).toContainText('The cascade reached the chief of staff within minutes');
  await expect(report.getByRole('row', { name: /^Print the call sheets for the night shift/ })).toContainText(
    'Kari Holm',
  );
  // Contact numbers stay out unless the operator opts in.
  await expect(report).not.toContainText('+47 911 00 001');
  await expect(report).toContainText('Personal contact details (phone numbers, email addresses, call signs) (3)');
  await expectAccessible(page, 'export across features');
  await snap(page, 'export-across-features');
  for (const [heading, name] of [
    ['Statements', 'record-statements'],
    ['Call-tree activations', 'record-activations'],
    ['Recovery checklists', 'record-checklists'],
  ] as const) {
    await report
      .getByRole('heading', { name: heading, level: 2 })
      .evaluate((h) => h.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: `test-results/screens/${name}.png` });
  }

  // JSON, checked offline by the verifier.
  const json = await download(page, 'Save JSON record');
  const { stdout } = await run(process.execPath, ['out/cli/response-desk-verify.cjs', json.path]);
  expect(stdout).toContain('VERIFIED: the record is as the desk exported it.');
  const record = JSON.parse(await readFile(json.path, 'utf8')) as {
    content: {
      statements: { releases: unknown[] }[];
      activations: { calls: { attempts: unknown[] }[] }[];
      checklists: { items: { status: string }[] }[];
    };
  };
  expect(record.content.statements).toHaveLength(1);
  expect(record.content.statements[0]?.releases).toHaveLength(1);
  expect(record.content.activations[0]?.calls.flatMap((c) => c.attempts)).toHaveLength(1);
  expect(record.content.checklists.flatMap((p) => p.items).filter((i) => i.status === 'done')).toHaveLength(1);

  // CSV: the features' own entries are on the timeline.
  const csv = Papa.parse<Record<string, string>>(
    (await readFile((await download(page, 'Save timeline CSV')).path, 'utf8')).replace(/^\uFEFF/, ''),
    { header: true, skipEmptyLines: true },
  ).data;
  const titles = csv.map((r) => r['title']);
  expect(titles).toContain('Mayor activates the crisis team');
  expect(titles).toContain('Call tree “Mayor’s office cascade”: Kari Holm reached');
  expect(titles.some((t) => t?.startsWith('Statement released: Initial holding statement'))).toBe(true);
  expect(titles.some((t) => t?.includes('Issue a first public message to prevent panic'))).toBe(true);
  expect(csv.every((r) => r['time_zone'] === 'Europe/Oslo')).toBe(true);

  // DOCX, opened as the mayor's office would open it.
  const docx = await download(page, 'Save DOCX');
  if (await hasLibreOffice()) {
    const copy = join(dirname(docx.path), 'record-across-features.docx');
    await copyFile(docx.path, copy);
    const opened = await openInLibreOffice({ path: copy });
    expect(opened.pdfMagic).toBe('%PDF-');
    expect(opened.text).toContain('Please stay away from the city centre.');
    expect(opened.text).toContain('1 of 3 reached');
    expect(opened.text).toContain('Holding statement on the city website');
  } else {
    console.log('LibreOffice is not installed: the exported DOCX was not opened (CI installs it).');
  }

  // The recovery milestones as a calendar file, read back by a parser.
  const ics = await download(page, 'Save milestones calendar (.ics)');
  expect(ics.name).toMatch(/^after-action-vehicle-attack-markens-gate-internal-.*-milestones\.ics$/);
  const calendar = new ICAL.Component(ICAL.parse(await readFile(ics.path, 'utf8')) as unknown[]);
  const events = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
  expect(events.length).toBeGreaterThan(0);
  expect(events.some((e) => /anniversary/i.test(e.summary))).toBe(true);

  // Print view (the PDF of the browser edition).
  await page.getByRole('button', { name: 'Print…' }).click();
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.topbar')).toBeHidden();
  await expect(page.locator('.print-view').getByRole('heading', { name: 'Recovery checklists' })).toBeVisible();
  await page.emulateMedia({ media: 'screen' });
  await page.getByRole('button', { name: 'Close print view' }).click();

  // The council edition's package: its PDF and its Word document, page by page, as a clerk reads them.
  await page.getByLabel(/^Council/).check();
  const pkg = await download(page, 'Save export package (.zip)');
  const dir = join(dirname(pkg.path), 'council-package');
  await mkdir(dir, { recursive: true });
  await run('unzip', ['-o', '-q', pkg.path, '-d', dir]);
  const files = await readdir(dir);
  const pdf = files.find((f) => f.endsWith('.pdf'));
  const docxFile = files.find((f) => f.endsWith('.docx'));
  expect(pdf && docxFile).toBeTruthy();
  const pdfText = (await run('pdftotext', [join(dir, pdf ?? ''), '-'])).stdout.replace(/\s+/g, ' ');
  expect(pdfText).toContain('Council edition · Page 1 of');
  expect(pdfText).toContain('Family phone line open on [phone number withheld], write to [email withheld]');
  expect(pdfText).not.toContain('38 07 50 00');
  expect(pdfText).toContain('Timeline entries');
  expect(pdfText).not.toContain('timelineEntries');
  await run('pdftoppm', ['-png', '-r', '60', join(dir, pdf ?? ''), 'test-results/screens/council-pdf']);
  if (await hasLibreOffice()) {
    const opened = await openInLibreOffice({ path: join(dir, docxFile ?? '') });
    expect(opened.text).toContain('[phone number withheld]');
    const converted = (await readdir(opened.dir)).find((f) => f.endsWith('.pdf'));
    await run('pdftoppm', ['-png', '-r', '60', join(opened.dir, converted ?? ''), 'test-results/screens/council-docx']);
  }
  const check = await run(process.execPath, ['out/cli/response-desk-verify.cjs', pkg.path]);
  expect(check.stdout).toContain('VERIFIED: every file of the package is as the desk exported it.');
});

import { execFile } from 'node:child_process';
import { copyFile, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

import { expect, test, type Page } from '@playwright/test';

import { hasLibreOffice, openInLibreOffice } from '../support/libreOffice';
import { createIncident, expectAccessible, logLines, setUpDesk, snap, wallClockAgo } from './helpers';

const run = promisify(execFile);

async function logFew(page: Page) {
  await page.getByRole('link', { name: 'Timeline', exact: true }).click();
  await logLines(page, [
    'Van drives into the crowd #scene @police',
    'decision: Mayor activates the crisis team',
    'rumour: Second attacker at the station #station',
  ]);
  await expect(page.getByTestId('timeline-count')).toHaveText('3 entries');
}

async function saveRecord(page: Page): Promise<string> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save JSON record' }).click();
  return (await download).path();
}

test('the after-action record is exported, verified by the command-line tool, and rebuilds the incident on another desk', async ({
  page,
  browser,
}) => {
  // Two desks, a verifier run and a rebuild: a long scenario, given the time a slow machine needs.
  test.setTimeout(180_000);
  await setUpDesk(page);
  await createIncident(page, { title: 'Vehicle attack, Markens gate', ...wallClockAgo(90), location: 'Markens gate' });
  await logFew(page);

  await page.getByRole('link', { name: 'Export' }).click();
  const lessons = page.getByRole('region', { name: 'Lessons learned' });
  // A lesson typed wrongly is corrected, and one added by mistake removed, before any export.
  await lessons.getByLabel('Kind').selectOption('improvement');
  await lessons.getByLabel('Lesson').fill('The nigth shift had no printed call sheet');
  await lessons.getByRole('button', { name: 'Add lesson' }).click();
  await lessons.getByRole('button', { name: 'Edit “The nigth shift had no printed call sheet”' }).click();
  await lessons.getByLabel('Lesson').first().fill('The night shift had no printed call sheet');
  await lessons.getByRole('button', { name: 'Save', exact: true }).click();
  // The edit closes once the change is written.
  await expect(lessons.getByLabel('Lesson')).toHaveCount(1);
  await expect(lessons.getByText('The night shift had no printed call sheet')).toBeVisible();
  await lessons.getByLabel('Kind').selectOption('strength');
  await lessons.getByLabel('Lesson').fill('Added by mistake');
  await lessons.getByRole('button', { name: 'Add lesson' }).click();
  await lessons.getByRole('button', { name: 'Remove “Added by mistake”' }).click();
  await expect(lessons.getByText('Added by mistake')).toHaveCount(0);
  await lessons.getByLabel('Kind').selectOption('corrective-action');
  await lessons.getByLabel('Lesson').fill('Give the night shift a printed call sheet');
  await lessons.getByRole('button', { name: 'Add lesson' }).click();
  await expect(lessons.getByText('Name who owns this action.')).toBeVisible();
  await lessons.getByLabel('Owner').fill('Emergency manager');
  await lessons.getByLabel('Due').fill('2027-01-15');
  await lessons.getByRole('button', { name: 'Add lesson' }).click();
  await expect(lessons.getByText('Choose the area for improvement this action answers.')).toBeVisible();
  await lessons
    .getByLabel('Answers the area for improvement')
    .selectOption({ label: 'The night shift had no printed call sheet' });
  await lessons.getByRole('button', { name: 'Add lesson' }).click();
  await expect(lessons.getByText('Give the night shift a printed call sheet')).toBeVisible();
  await expectAccessible(page, 'export');
  await page.getByRole('button', { name: 'Preview' }).click();
  const report = page.getByRole('article', { name: 'After-action record' });
  await expect(report.getByRole('heading', { name: 'Vehicle attack, Markens gate' })).toBeVisible();
  await expect(report.getByRole('heading', { name: 'Decisions' })).toBeVisible();
  await expect(report).toContainText('Mayor activates the crisis team');
  await expect(report).toContainText('Nothing beyond the rules above: this is the complete record of its sections.');
  await expect(report.getByRole('heading', { name: 'Who this edition is for' })).toBeVisible();
  await expect(report).toContainText(
    'Give the night shift a printed call sheet (owner: Emergency manager; due 2027-01-15; open). Answers: “The night shift had no printed call sheet”',
  );
  await snap(page, 'export-dialog');

  // The export package: every format of one sealed record, checked by the verifier file by file.
  const packageDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save export package (.zip)' }).click();
  const zip = await packageDownload;
  expect(zip.suggestedFilename()).toMatch(
    /^after-action-vehicle-attack-markens-gate-internal-\d{4}-\d{2}-\d{2}-\d{4}\.zip$/,
  );
  const zipPath = join(dirname(await zip.path()), zip.suggestedFilename());
  await copyFile(await zip.path(), zipPath);
  const verified = await run(process.execPath, ['out/cli/response-desk-verify.cjs', zipPath]).catch((e: unknown) => {
    throw new Error(`The verifier refused the package:\n${(e as { stdout?: string }).stdout ?? String(e)}`);
  });
  expect(verified.stdout).toContain('VERIFIED: every file of the package is as the desk exported it.');
  expect(verified.stdout).toMatch(/ok +after-action-.*\.pdf: SHA-256/);

  // Exported: the lessons it holds can no longer be removed, and rewording one is a new version.
  await expect(lessons.getByRole('button', { name: /^Remove/ })).toHaveCount(0);
  await lessons.getByRole('button', { name: 'Edit “Give the night shift a printed call sheet”' }).click();
  await lessons.getByLabel('Lesson').first().fill('Give the night shift a laminated call sheet');
  await lessons.getByRole('button', { name: 'Save as a new version' }).click();
  await expect(lessons.getByText('Reworded after export')).toBeVisible();
  await lessons.screenshot({ path: 'test-results/screens/export-lessons-after-export.png' });
  await page.locator('.export__controls').screenshot({ path: 'test-results/screens/export-controls.png' });

  const path = await saveRecord(page);
  const record = JSON.parse(await readFile(path, 'utf8')) as {
    format: string;
    formatVersion: number;
    checksum: { value: string };
    content: { timeline: { entries: unknown[] } };
  };
  expect(record.format).toBe('response-desk-record');
  // The internal edition carries the desk's signed records and its identity (format 3).
  expect(record.formatVersion).toBe(3);
  expect(record.content.timeline.entries).toHaveLength(3);
  const { stdout } = await run(process.execPath, ['out/cli/response-desk-verify.cjs', path]);
  expect(stdout).toContain(
    "VERIFIED: the record is as the desk exported it. Every desk's signature checks out against the record's roster.",
  );
  // The JSON saved alone is the very record inside the package.
  expect(verified.stdout).toContain(record.checksum.value);

  // CSV of the timeline from the same dialog.
  const csvDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save timeline CSV' }).click();
  const csv = await readFile(await (await csvDownload).path(), 'utf8');
  expect(csv).toContain('Mayor activates the crisis team');

  // DOCX, opened by LibreOffice as the mayor's office would open it.
  const docxDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save DOCX' }).click();
  const docxPath = await (await docxDownload).path();
  if (await hasLibreOffice()) {
    const dir = dirname(docxPath);
    const copy = join(dir, 'record.docx');
    await copyFile(docxPath, copy);
    const opened = await openInLibreOffice({ path: copy });
    expect(opened.pdfMagic).toBe('%PDF-');
    expect(opened.text).toContain('Mayor activates the crisis team');
  } else {
    console.log('LibreOffice is not installed: the exported DOCX was not opened (CI installs it).');
  }

  // The public edition leaves internal entries out and says so.
  await page.getByLabel(/^Public/).check();
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(report).toContainText('Timeline entries marked internal only (3)');
  await expect(page.getByRole('checkbox', { name: /Audit trail/ })).toBeDisabled();

  // Print view, for paper.
  await page.getByRole('button', { name: 'Print…' }).click();
  await expect(page.getByRole('dialog', { name: 'Print view of the record' })).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await snap(page, 'export-print-view');
  // The same print view as a PDF, as the desktop app's printToPDF makes it.
  await page.pdf({ path: 'test-results/screens/record.pdf', format: 'A4', printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  await page.getByRole('button', { name: 'Close print view' }).click();

  // Another desk imports the internal record; a second import is refused.
  const other = await browser.newContext();
  const page2 = await other.newPage();
  await setUpDesk(page2, { city: 'Kristiansand', operator: 'Ola Nordmann' });
  for (const expected of ['Vehicle attack, Markens gate', 'already on this desk']) {
    const chooser = page2.waitForEvent('filechooser');
    await page2.getByRole('button', { name: 'Import an incident record…' }).click();
    await (await chooser).setFiles(path);
    if (expected === 'already on this desk') {
      await expect(page2.getByRole('alert')).toContainText('is already on this desk');
    } else {
      await expect(page2.getByRole('heading', { name: expected, level: 1 })).toBeVisible();
      await page2.getByRole('link', { name: 'Timeline', exact: true }).click();
      await expect(page2.getByTestId('timeline-count')).toHaveText('3 entries');
      await page2.getByRole('button', { name: 'Verify integrity' }).click();
      await expect(page2.getByTestId('integrity-result')).toContainText('Integrity verified: 3 revisions of 3 entries');
      await page2.getByRole('link', { name: 'Incidents' }).click();
    }
  }
  await other.close();
});

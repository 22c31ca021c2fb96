import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { expect, test, type Browser, type Page } from '@playwright/test';

import { hasAgeCli, runAgeWithPassphrase } from '../support/ageCli';
import { backupsIn, deskPage, freshFolder, startServer, stopServers } from './deskServer';
import { createIncident, setUpDesk, snap, wallClockAgo } from './helpers';

test.afterEach(stopServers);

const run = promisify(execFile);

const PASSPHRASE = 'Candles at the town hall, 19:00';
const ARMOR = '-----BEGIN AGE ENCRYPTED FILE-----';
const encryptedAuto = (names: string[]) => names.filter((n) => /^auto-\d{8}-\d{6}-\d{3}\.json\.age$/.test(n));

/** A desk set up on its own server, where the age command is at hand to open what it encrypts. */
async function deskWithAge(browser: Browser) {
  expect(await hasAgeCli(), 'the age command is not installed: apt-get install age').toBe(true);
  const server = await startServer(await freshFolder());
  const page = await deskPage(browser);
  await setUpDesk(page, { url: server.url });
  return { server, page };
}

async function openSettings(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Settings' }).first().click();
  await expect(page.getByRole('heading', { name: 'Backup encryption' })).toBeVisible();
}

test('with a passphrase, backups are encrypted: age --decrypt opens one, and the desk restores it with the passphrase only', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const { server, page } = await deskWithAge(browser);
  await createIncident(page, { title: 'Graffiti at the synagogue', ...wallClockAgo(90), location: 'Storgata' });

  // Settings: set the passphrase, typed twice.
  await openSettings(page);
  const section = page.getByRole('region', { name: 'Backup encryption' });
  await expect(section.getByText(/Backups are not encrypted/)).toBeVisible();
  // The browser edition has no secure store: it says so, and offers no remembering.
  await expect(section.getByText(/not offered here\. The browser edition has no secure store/)).toBeVisible();
  await expect(section.getByLabel('Remember it on this computer')).toHaveCount(0);
  await section.getByLabel('Backup passphrase').fill(PASSPHRASE);
  await section.getByLabel('Type it again').fill('Candles at the town hall');
  await section.getByRole('button', { name: 'Encrypt backups with this passphrase' }).click();
  await expect(section.getByRole('alert')).toHaveText('The two passphrases differ: type the same passphrase twice.');
  await section.getByLabel('Type it again').fill(PASSPHRASE);
  await section.getByRole('button', { name: 'Encrypt backups with this passphrase' }).click();
  await expect(section.getByText(/Backups are encrypted: every saved and automatic backup/)).toBeVisible();
  expect(JSON.parse(await readFile(join(server.dataDir, 'backup-policy.json'), 'utf8'))).toMatchObject({
    encrypted: true,
  });
  await snap(page, 'settings-backup-encryption-on');

  // A change; the automatic backups from now on are written encrypted, as age armor, and one holds both incidents.
  await page.getByRole('link', { name: 'Incidents' }).first().click();
  await createIncident(page, { title: 'Threat letter to the mosque', ...wallClockAgo(30), location: 'Tollbodgata' });
  // Debian's age opens them, with the passphrase typed at its prompt, to backups the desk restores. A backup
  // being written as the incident was logged holds only the first; the desk writes the next one at its next run.
  const opened = async (name: string) => {
    const out = join(server.dataDir, `${name}.opened.json`);
    const file = join(server.dataDir, 'backups', name);
    const armored = await readFile(file, 'utf8');
    expect(armored.startsWith(`${ARMOR}\n`)).toBe(true);
    expect(armored).not.toContain('Threat letter');
    const { code, terminal } = await runAgeWithPassphrase(PASSPHRASE, ['--decrypt', '--output', out, file]);
    expect(code, terminal).toBe(0);
    return JSON.parse(await readFile(out, 'utf8')) as { format: string; data: { incidents: { title: string }[] } };
  };
  const checked = new Map<string, string[]>();
  const titlesInNewest = async () => {
    const name = encryptedAuto(await backupsIn(server.dataDir))
      .sort()
      .at(-1);
    if (name === undefined) return [];
    if (!checked.has(name)) {
      const backup = await opened(name);
      expect(backup.format).toBe('response-desk-backup');
      checked.set(name, backup.data.incidents.map((i) => i.title).sort());
    }
    return checked.get(name) ?? [];
  };
  await expect
    .poll(titlesInNewest, { timeout: 45_000 })
    .toEqual(['Graffiti at the synagogue', 'Threat letter to the mosque']);

  // A saved backup is encrypted too (a download here).
  await openSettings(page);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save a backup…' }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toMatch(/^response-desk-backup-kristiansand-.*\.json\.age$/);
  const savedPath = join(server.dataDir, saved.suggestedFilename());
  await saved.saveAs(savedPath);
  expect((await readFile(savedPath, 'utf8')).startsWith(ARMOR)).toBe(true);

  // Another browser on the same server: a new desk that does not know the passphrase.
  const other = await deskPage(browser);
  await setUpDesk(other, { url: server.url, operator: 'Ola Nordmann' });
  await openSettings(other);
  const otherSection = other.getByRole('region', { name: 'Backup encryption' });
  await expect(otherSection.getByText('Automatic backups are paused: enter the backup passphrase.')).toBeVisible();
  await snap(other, 'settings-backup-encryption-paused');

  // Restore the saved file: the desk asks for its passphrase; a wrong one is refused and nothing changes.
  const chooser = other.waitForEvent('filechooser');
  await other.getByRole('button', { name: 'Restore from a backup…' }).first().click();
  await (await chooser).setFiles(savedPath);
  const prompt = other.getByRole('dialog', { name: 'This backup is encrypted' });
  await expect(prompt).toBeVisible();
  await prompt.getByLabel('Passphrase').fill('Candles at the town hall, 20:00');
  await prompt.getByRole('button', { name: 'Open the backup' }).click();
  await expect(prompt.getByRole('alert')).toHaveText(
    /The passphrase does not open this backup\. .* Nothing was changed\./,
    { timeout: 30_000 },
  );
  await snap(other, 'restore-encrypted-backup-wrong-passphrase');
  await prompt.getByRole('button', { name: 'Cancel' }).click();
  await other.getByRole('link', { name: 'Incidents' }).first().click();
  await expect(other.getByRole('heading', { name: 'Incidents', level: 1 })).toBeVisible();
  await expect(other.getByText('Graffiti at the synagogue')).toHaveCount(0);

  // The right passphrase opens it to the usual checks, and the restore goes as for any backup.
  await openSettings(other);
  const again = other.waitForEvent('filechooser');
  await other.getByRole('button', { name: 'Restore from a backup…' }).first().click();
  await (await again).setFiles(savedPath);
  await prompt.getByLabel('Passphrase').fill(PASSPHRASE);
  await prompt.getByRole('button', { name: 'Open the backup' }).click();
  const confirm = other.getByRole('dialog', { name: 'Restore this backup?' });
  await expect(confirm.getByText('2 incidents', { exact: true })).toBeVisible({ timeout: 30_000 });
  await confirm.getByRole('button', { name: 'Replace everything and restore' }).click();
  await expect(other.getByText(/Desk restored from response-desk-backup-.*\.json\.age/)).toBeVisible();
  const who = other.getByRole('dialog', { name: 'Who is at the keyboard?' });
  await expect(who.getByLabel('Your name')).toHaveValue('Ola Nordmann');
  await who.getByRole('button', { name: 'Add and take the keyboard' }).click();
  await other.getByRole('link', { name: 'Incidents' }).first().click();
  await expect(other.getByText('Threat letter to the mosque')).toBeVisible();
});

test('an export package saved encrypted is an age file: age --decrypt opens it to a package the verifier accepts', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const { server, page } = await deskWithAge(browser);
  await openSettings(page);
  const section = page.getByRole('region', { name: 'Backup encryption' });
  await section.getByLabel('Backup passphrase').fill(PASSPHRASE);
  await section.getByLabel('Type it again').fill(PASSPHRASE);
  await section.getByRole('button', { name: 'Encrypt backups with this passphrase' }).click();
  await expect(section.getByText(/Backups are encrypted/)).toBeVisible();
  await page.getByRole('link', { name: 'Incidents' }).first().click();
  await createIncident(page, { title: 'Threat letter to the mosque', ...wallClockAgo(30), location: 'Tollbodgata' });
  await page.getByRole('link', { name: 'Export' }).click();

  // Encrypted by default for an internal edition, as backups are; the public edition is meant to be published.
  const encrypt = page.getByLabel(/Encrypt the package with the backup passphrase/);
  await expect(encrypt).toBeChecked();
  await page.getByLabel(/^Public/).check();
  await expect(encrypt).not.toBeChecked();
  await expect(page.getByRole('button', { name: 'Save export package (.zip)' })).toBeVisible();
  await page.getByLabel(/^Internal/).check();
  await expect(encrypt).toBeChecked();
  await page.locator('.export__controls').screenshot({ path: 'test-results/screens/export-encrypted-package.png' });

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save encrypted export package (.zip.age)' }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toMatch(/^after-action-threat-letter-to-the-mosque-internal-.*\.zip\.age$/);
  await expect(page.getByText(/Encrypted export package saved/)).toBeVisible();
  const sealedPath = join(server.dataDir, saved.suggestedFilename());
  await saved.saveAs(sealedPath);
  const bytes = await readFile(sealedPath);
  expect(bytes.subarray(0, 22).toString('latin1')).toBe('age-encryption.org/v1\n');
  expect(bytes.includes(Buffer.from('Threat letter'))).toBe(false);

  const zipPath = join(server.dataDir, 'opened.zip');
  const { code, terminal } = await runAgeWithPassphrase(PASSPHRASE, ['--decrypt', '--output', zipPath, sealedPath]);
  expect(code, terminal).toBe(0);
  const verified = await run(process.execPath, ['out/cli/response-desk-verify.cjs', zipPath]);
  expect(verified.stdout).toContain('VERIFIED: every file of the package is as the desk exported it.');
});

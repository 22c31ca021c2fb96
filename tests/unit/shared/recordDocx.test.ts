import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { describe, expect, it } from 'vitest';

import { recordDocxBase64 } from '@shared/domain/record/recordDocx';

import { makeRecord } from '../../factories/record';

const run = promisify(execFile);

async function hasLibreOffice(): Promise<boolean> {
  try {
    await run('libreoffice', ['--version'], { timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
}
const libreOffice = await hasLibreOffice();
if (!libreOffice) console.log('LibreOffice is not installed here: the DOCX is checked as a ZIP only (CI installs libreoffice-writer-nogui).');

describe('after-action record as DOCX', () => {
  it('is a Word document (a ZIP package)', async () => {
    const bytes = Buffer.from(await recordDocxBase64(await makeRecord('internal')), 'base64');
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(bytes.length).toBeGreaterThan(5000);
  });

  it.skipIf(!libreOffice)('opens in LibreOffice, which reads back its title, sections and integrity line', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'desk-docx-'));
    const record = await makeRecord('council');
    const docx = join(dir, 'record.docx');
    await writeFile(docx, Buffer.from(await recordDocxBase64(record), 'base64'));
    await run('libreoffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, docx], { timeout: 120_000 });
    expect((await readFile(join(dir, 'record.pdf'))).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await run('libreoffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'txt:Text', '--outdir', dir, docx], { timeout: 120_000 });
    const text = await readFile(join(dir, 'record.txt'), 'utf8');
    expect(text).toContain('Vehicle attack, Markens gate');
    expect(text).toContain('Council edition');
    expect(text).toContain('Personal contact details (phone numbers, email addresses, call signs) (2)');
    expect(text).toContain('Mayor activates the crisis team');
    expect(text).toContain(`Record checksum (SHA-256 of the JSON edition): ${record.checksum.value}`);
  }, 180_000);
});

import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** True where Debian's LibreOffice is installed (CI installs it through .ci/run). */
export async function hasLibreOffice(): Promise<boolean> {
  try {
    await run('libreoffice', ['--version'], { timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
}

/**
 * Opens a DOCX in headless LibreOffice as a reader would: converts it to PDF (returning the PDF's
 * first bytes) and to plain text (returning the text). A private profile folder keeps parallel
 * runs from fighting over one.
 */
export async function openInLibreOffice(docxBase64OrPath: { base64: string; name: string } | { path: string }): Promise<{ pdfMagic: string; text: string; dir: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'desk-docx-'));
  let file: string;
  if ('path' in docxBase64OrPath) {
    file = docxBase64OrPath.path;
  } else {
    file = join(dir, `${docxBase64OrPath.name}.docx`);
    await writeFile(file, Buffer.from(docxBase64OrPath.base64, 'base64'));
  }
  const stem = basename(file).replace(/\.docx$/i, '');
  const profile = `-env:UserInstallation=file://${dir}/profile`;
  await run('libreoffice', ['--headless', profile, '--convert-to', 'pdf', '--outdir', dir, file], { timeout: 120_000 });
  const pdfMagic = (await readFile(join(dir, `${stem}.pdf`))).subarray(0, 5).toString('latin1');
  await run('libreoffice', ['--headless', profile, '--convert-to', 'txt:Text', '--outdir', dir, file], { timeout: 120_000 });
  return { pdfMagic, text: await readFile(join(dir, `${stem}.txt`), 'utf8'), dir };
}

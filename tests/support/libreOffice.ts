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
export async function openInLibreOffice(
  docxBase64OrPath: { base64: string; name: string } | { path: string },
): Promise<{ pdfMagic: string; text: string; dir: string }> {
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
  await run('libreoffice', ['--headless', profile, '--convert-to', 'txt:Text', '--outdir', dir, file], {
    timeout: 120_000,
  });
  return { pdfMagic, text: await readFile(join(dir, `${stem}.txt`), 'utf8'), dir };
}

/** One spreadsheet cell as LibreOffice Calc read it: its formula, if it made one, and its text. */
export type CalcCell = { formula: string | null; text: string };

const decodeXml = (s: string) =>
  s
    .replace(/&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

function cellText(inner: string): string {
  return [...inner.matchAll(/<text:p[^>]*>([\s\S]*?)<\/text:p>/g)]
    .map((m) => m[1] ?? '')
    .map((p) =>
      decodeXml(
        p
          .replace(/<text:s(?: text:c="(\d+)")?\/>/g, (_m, n: string | undefined) => ' '.repeat(Number(n ?? 1)))
          .replace(/<text:tab\/>/g, '\t')
          .replace(/<[^>]+>/g, ''),
      ),
    )
    .join('\n');
}

/**
 * Opens CSV files in headless LibreOffice Calc as a person double-clicking them would, with
 * formulas evaluated (the setting that turned a title into a live link), and returns every cell.
 */
export async function openCsvInCalc(files: { name: string; text: string }[]): Promise<Map<string, CalcCell[][]>> {
  const dir = await mkdtemp(join(tmpdir(), 'desk-csv-'));
  const paths = await Promise.all(
    files.map(async (f) => {
      const path = join(dir, `${f.name}.csv`);
      await writeFile(path, f.text, 'utf8');
      return path;
    }),
  );
  const profile = `-env:UserInstallation=file://${dir}/profile`;
  // CSV filter: comma, double quote, UTF-8, from line 1, standard cells, ..., evaluate formulas.
  const filter = 'CSV:44,34,76,1,,0,false,true,false,false,false,-1,true';
  await run(
    'libreoffice',
    ['--headless', profile, `--infilter=${filter}`, '--convert-to', 'fods', '--outdir', dir, ...paths],
    { timeout: 180_000 },
  );
  const sheets = new Map<string, CalcCell[][]>();
  for (const f of files) {
    const xml = await readFile(join(dir, `${f.name}.fods`), 'utf8');
    const rows = [...xml.matchAll(/<table:table-row[^>]*>([\s\S]*?)<\/table:table-row>/g)].map((row) =>
      [...(row[1] ?? '').matchAll(/<table:table-cell([^>]*?)(?:\/>|>([\s\S]*?)<\/table:table-cell>)/g)].flatMap(
        (cell) => {
          const attrs = cell[1] ?? '';
          const repeat = Number(/table:number-columns-repeated="(\d+)"/.exec(attrs)?.[1] ?? 1);
          const formula = /table:formula="([^"]*)"/.exec(attrs)?.[1];
          const one: CalcCell = {
            formula: formula === undefined ? null : decodeXml(formula),
            text: cellText(cell[2] ?? ''),
          };
          return Array.from({ length: Math.min(repeat, 50) }, () => one);
        },
      ),
    );
    sheets.set(f.name, rows);
  }
  return sheets;
}

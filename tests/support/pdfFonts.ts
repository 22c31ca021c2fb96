import { readFile } from 'node:fs/promises';

import type { PdfFonts } from '@shared/domain/record/recordPdf';

/** The fonts the desk embeds in its PDFs, read from the package the app bundles them from. */
export async function pdfFonts(): Promise<PdfFonts> {
  const dir = new URL('../../node_modules/dejavu-fonts-ttf/ttf/', import.meta.url);
  const [regular, bold] = await Promise.all([
    readFile(new URL('DejaVuSans.ttf', dir)),
    readFile(new URL('DejaVuSans-Bold.ttf', dir)),
  ]);
  return { regular: new Uint8Array(regular), bold: new Uint8Array(bold) };
}

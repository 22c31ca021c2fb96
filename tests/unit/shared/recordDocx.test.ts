import { describe, expect, it } from 'vitest';

import { recordDocxBase64 } from '@shared/domain/record/recordDocx';

import { makeRecord } from '../../factories/record';
import { hasLibreOffice, openInLibreOffice } from '../../support/libreOffice';

const libreOffice = await hasLibreOffice();
if (!libreOffice)
  console.log(
    'LibreOffice is not installed here: the DOCX is checked as a ZIP only (CI installs libreoffice-writer-nogui).',
  );

describe('after-action record as DOCX', () => {
  it('is a Word document (a ZIP package)', async () => {
    const bytes = Buffer.from(await recordDocxBase64(await makeRecord('internal')), 'base64');
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(bytes.length).toBeGreaterThan(5000);
  });

  it.skipIf(!libreOffice)(
    'opens in LibreOffice, which reads back its title, sections and integrity line',
    async () => {
      const record = await makeRecord('council');
      const { pdfMagic, text } = await openInLibreOffice({
        base64: await recordDocxBase64(record, { jsonFile: { name: 'record.json', sha256: 'f'.repeat(64) } }),
        name: 'record',
      });
      expect(pdfMagic).toBe('%PDF-');
      for (const line of [
        'Vehicle attack, Markens gate',
        'Personal contact details (phone numbers, email addresses, call signs) (1)',
        'Mayor activates the crisis team',
        'Timeline entries',
        // Statements with every release and the approval trail, who was reached, and checklist status by phase.
        'Initial holding statement · English · Approved',
        'Released 24 Nov 2026 14:35 to press, website: version 1',
        'Version 2, approved, never released',
        'Version 1 approved by Anna Hansen, Mayor with a comment (withheld)',
        'Faith leaders · started',
        '1 of 2 reached',
        'Immediate aftermath (first hours) · 1 done, 1 not applicable, 0 open, of 2',
        'Areas for improvement',
        'The night shift had no printed call sheet',
      ]) {
        expect(text).toContain(line);
      }
      // Labels in words, never programme keys.
      expect(text).not.toContain('timelineEntries');
      expect(text).not.toContain('+47 900 00 000');
      expect(text).toContain(
        `This report is printed from record.json: file SHA-256 ${'f'.repeat(64)}, record checksum ${record.checksum.value}.`,
      );
    },
    180_000,
  );
});

import { createHash } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import {
  approvalLine,
  statementDocxBase64,
  statementFileName,
  statementPlainText,
  type ApprovedStatementDocument,
} from '@shared/domain/statements/output';

import { hasLibreOffice, openInLibreOffice } from '../../support/libreOffice';

const libreOffice = await hasLibreOffice();
if (!libreOffice)
  console.log(
    'LibreOffice is not installed here, so the statement DOCX is checked as a ZIP only (CI installs libreoffice-writer-nogui through .ci/run).',
  );

const TEXT =
  'At 13:00 on Saturday, 28 March 2026, a vehicle was driven into pedestrians at Market Square.\n\nPlease stay away from the city centre.\nFollow kristiansand.kommune.no.\n\nKristiansand stands together.';
const sha = (s: string) => createHash('sha256').update(s).digest('hex');

function doc(overrides: Partial<ApprovedStatementDocument> = {}): ApprovedStatementDocument {
  const text = overrides.text ?? TEXT;
  return {
    cityName: 'Kristiansand',
    title: 'Initial holding statement',
    language: 'en',
    timeZone: 'Europe/Oslo',
    text,
    versionNumber: 3,
    approval: {
      approverName: 'Anna Hansen',
      approverRole: 'Mayor',
      at: Date.UTC(2026, 2, 28, 13, 20),
      textHash: sha(text),
    },
    dateAt: Date.UTC(2026, 2, 28, 13, 40),
    ...overrides,
  };
}

async function convert(d: ApprovedStatementDocument, name: string): Promise<{ dir: string; text: string }> {
  const { pdfMagic, text, dir } = await openInLibreOffice({ base64: await statementDocxBase64(d), name });
  expect(pdfMagic).toBe('%PDF-');
  return { dir, text };
}

describe('approved statement output', () => {
  it('writes the approval line with the approver, role, time on the incident clock, version and hash', () => {
    expect(approvalLine(doc())).toBe(
      `Approved by Anna Hansen, Mayor, on 28 Mar 2026 14:20 (Europe/Oslo) · version 3 · SHA-256 of the approved text: ${sha(TEXT)}`,
    );
  });

  it('puts the approved text in the plain-text file exactly, between the city, title and date and the approval line', () => {
    const lines = statementPlainText(doc()).split('\n');
    expect(lines.slice(0, 4)).toEqual(['Kristiansand', 'Initial holding statement', 'Saturday, 28 March 2026', '']);
    const body = lines.slice(4, lines.indexOf('—') - 1).join('\n');
    expect(body).toBe(TEXT);
    expect(sha(body)).toBe(doc().approval.textHash);
    expect(lines.at(-2)).toBe(approvalLine(doc()));
  });

  it('dates an Arabic statement in Arabic', () => {
    expect(statementPlainText(doc({ language: 'ar', text: 'كريستيانساند تقف صفاً واحداً.' })).split('\n')[2]).toBe(
      'السبت، 28 مارس 2026',
    );
  });

  it('names files after the statement, language and version', () => {
    expect(statementFileName(doc(), 'docx')).toBe('statement-initial-holding-statement-en-v3.docx');
    expect(statementFileName({ title: 'بيان أولي', language: 'ar', versionNumber: 1 }, 'txt')).toBe(
      'statement-statement-ar-v1.txt',
    );
  });

  it('is a Word document (a ZIP package)', async () => {
    const bytes = Buffer.from(await statementDocxBase64(doc()), 'base64');
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it.skipIf(!libreOffice)(
    'opens in LibreOffice, which reads back the city, the title, the date, the text and the approval line',
    async () => {
      const { text } = await convert(doc(), 'holding');
      expect(text).toContain('Kristiansand');
      expect(text).toContain('Initial holding statement');
      expect(text).toContain('Saturday, 28 March 2026');
      expect(text).toContain('a vehicle was driven into pedestrians at Market Square.');
      expect(text).toContain('Kristiansand stands together.');
      expect(text).toContain(
        `Approved by Anna Hansen, Mayor, on 28 Mar 2026 14:20 (Europe/Oslo) · version 3 · SHA-256 of the approved text: ${sha(TEXT)}`,
      );
    },
    180_000,
  );

  it.skipIf(!libreOffice)(
    'opens an Arabic statement in LibreOffice with its text intact',
    async () => {
      const arabic = 'في الساعة 13:00 من يوم السبت، وقع هجوم في ساحة السوق.\n\nكريستيانساند تقف صفاً واحداً.';
      const { text } = await convert(doc({ language: 'ar', title: 'بيان أولي', text: arabic }), 'arabic');
      expect(text).toContain('بيان أولي');
      expect(text).toContain('كريستيانساند تقف صفاً واحداً.');
      expect(text).toContain('السبت، 28 مارس 2026');
    },
    180_000,
  );
});

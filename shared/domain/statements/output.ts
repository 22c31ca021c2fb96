import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';

import { fileSlug } from '../fileNames';
import { formatWallClock } from '../incident/wallClock';
import { format } from '../../i18n/format';
import type { EpochMs } from '../time';
import type { Approval } from '../../schemas/statements';
import { formatForStatement, isRightToLeft, languageOf } from './languages';

/** An approved statement, as the office sends it out: exactly the approved text, and who approved it. */
export type ApprovedStatementDocument = {
  readonly cityName: string;
  readonly title: string;
  readonly language: string;
  /** The incident's zone: dates are read on its clock. */
  readonly timeZone: string;
  /** The approved version's text, exactly. */
  readonly text: string;
  readonly versionNumber: number;
  readonly approval: Pick<Approval, 'approverName' | 'approverRole' | 'at' | 'textHash'>;
  /** The statement's date: its first release, or else its approval. */
  readonly dateAt: EpochMs;
};

/** "Approved by Anna Hansen, Mayor, on 28 Mar 2026 14:20 (Europe/Oslo) · version 3 · SHA-256 of the approved text: 5e0c…" */
export function approvalLine(doc: ApprovedStatementDocument): string {
  const { approval } = doc;
  return format('statements.output.approval', {
    name: approval.approverName,
    role: approval.approverRole,
    at: formatWallClock(approval.at, doc.timeZone, 'd MMM yyyy HH:mm'),
    zone: doc.timeZone,
    version: String(doc.versionNumber),
    hash: approval.textHash,
  });
}

/** The date line, in the statement's own language. */
export const statementDate = (doc: ApprovedStatementDocument): string =>
  formatForStatement(doc.dateAt, doc.timeZone, doc.language, 'date');

/**
 * The plain-text file: the city, the title and the date, the approved text exactly, then the
 * approval line below a rule. The text between the blank lines is byte for byte what was approved.
 */
export function statementPlainText(doc: ApprovedStatementDocument): string {
  return [doc.cityName, doc.title, statementDate(doc), '', doc.text, '', '—', approvalLine(doc), ''].join('\n');
}

const slug = (s: string) => fileSlug(s, 'statement', 50);

/** "statement-initial-holding-statement-en-v3.docx" */
export function statementFileName(
  doc: Pick<ApprovedStatementDocument, 'title' | 'language' | 'versionNumber'>,
  extension: 'txt' | 'docx',
): string {
  return `statement-${slug(doc.title)}-${doc.language}-v${doc.versionNumber}.${extension}`;
}

/**
 * The approved statement as a Word document for the office: the city's name, the title, the date,
 * the text paragraph by paragraph (right to left for Arabic and other RTL languages), and the
 * approval line with the approver, their role and the hash of the approved text.
 */
export function statementDocument(doc: ApprovedStatementDocument): Document {
  const rtl = isRightToLeft(doc.language);
  const lang = languageOf(doc.language).code;
  const runLanguage = rtl ? { bidirectional: lang } : { value: lang };
  const textParagraph = (line: string) =>
    new Paragraph({
      bidirectional: rtl,
      alignment: AlignmentType.START,
      spacing: { after: 160 },
      children: [new TextRun({ text: line, rightToLeft: rtl, language: runLanguage, size: 24 })],
    });
  const paragraphs = doc.text.split(/\n{2,}/).map((block) => block.split('\n'));
  return new Document({
    title: doc.title,
    creator: doc.cityName,
    description: approvalLine(doc),
    sections: [
      {
        children: [
          new Paragraph({
            children: [new TextRun({ text: doc.cityName, color: '12325A', size: 28 })],
            spacing: { after: 120 },
          }),
          new Paragraph({ bidirectional: rtl, text: doc.title, heading: HeadingLevel.TITLE }),
          new Paragraph({
            bidirectional: rtl,
            children: [new TextRun({ text: statementDate(doc), rightToLeft: rtl, language: runLanguage })],
            spacing: { after: 320 },
          }),
          ...paragraphs.map((lines) =>
            lines.length === 1
              ? textParagraph(lines[0] ?? '')
              : new Paragraph({
                  bidirectional: rtl,
                  spacing: { after: 160 },
                  children: lines.map(
                    (l, i) =>
                      new TextRun({
                        text: l,
                        rightToLeft: rtl,
                        language: runLanguage,
                        size: 24,
                        break: i === 0 ? 0 : 1,
                      }),
                  ),
                }),
          ),
          new Paragraph({ children: [new TextRun({ text: '—', color: '777777' })], spacing: { before: 400 } }),
          new Paragraph({ children: [new TextRun({ text: approvalLine(doc), color: '46525F', size: 18 })] }),
        ],
      },
    ],
  });
}

/** The Word document as base64, for the save channel. */
export function statementDocxBase64(doc: ApprovedStatementDocument): Promise<string> {
  return Packer.toBase64String(statementDocument(doc));
}

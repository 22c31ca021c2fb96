import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
} from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

import { format } from '../../i18n/format';
import type { RecordFile } from './recordFile';
import { reportModel, type Block, type ReportOptions } from './reportModel';

/** A4 with 2 cm margins, in twentieths of a point. */
const PAGE = { width: 11906, height: 16838, margin: 1134 };
const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;
const GREY = '555555';

// docx's run options are typed with String's legacy `bold`/`italics` names, which the checker marks deprecated.
const run = (
  text: string,
  o: { bold?: boolean; italics?: boolean; color?: string; size?: number; strike?: boolean } = {},
) => new TextRun({ text, ...o });

/** Lines of a cell or a paragraph: one run each, with line breaks between, so the text reads as typed. */
function lines(text: string, o: Parameters<typeof run>[1] = {}): TextRun[] {
  return text.split('\n').map((line, i) => new TextRun({ text: line, break: i === 0 ? 0 : 1, ...o }));
}

/*
 * Tables are written as WordprocessingML directly: a 100,000-entry timeline is 400,000 cells, which
 * the document library builds as objects far too slowly. Each table is a marker paragraph in the
 * library's document, replaced by its XML once the document is packed.
 */
const MARKER = (n: number) => `⟦table-${n}⟧`;

// XML 1.0 cannot hold these at all (the control characters are written as nothing, never raw).
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- these are the characters XML forbids
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const xmlText = (s: string) =>
  s.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function cellXml(
  text: string,
  width: number,
  o: { header?: boolean; grey?: boolean; size?: number; bold?: boolean } = {},
): string {
  const rPr = `<w:rPr>${o.header || o.bold ? '<w:b/><w:bCs/>' : ''}${o.grey ? `<w:color w:val="${GREY}"/>` : ''}<w:sz w:val="${o.size ?? 17}"/><w:szCs w:val="${o.size ?? 17}"/></w:rPr>`;
  const runs = text
    .split('\n')
    .map((line, i) => `${i > 0 ? '<w:br/>' : ''}<w:t xml:space="preserve">${xmlText(line)}</w:t>`)
    .join('');
  const shade = o.header ? '<w:shd w:val="clear" w:color="auto" w:fill="EEEEEE"/>' : '';
  return `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>${shade}</w:tcPr><w:p><w:pPr><w:spacing w:before="0" w:after="0"/></w:pPr><w:r>${rPr}${runs}</w:r></w:p></w:tc>`;
}

const BORDER = (side: string) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="BBBBBB"/>`;

/** A table with fixed column widths (time narrow, text wide), its header repeated on every page, short rows never split. */
function tableXml(
  columns: { title: string; width: number }[],
  rows: string[][],
  o: { header: boolean; struck?: boolean[] | undefined; labels?: boolean },
): string {
  const widths = columns.map((c) => Math.round(c.width * TEXT_WIDTH));
  const grid = widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('');
  const head = o.header
    ? `<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>${columns.map((c, i) => cellXml(c.title, widths[i] ?? 0, { header: true })).join('')}</w:tr>`
    : '';
  const body = rows
    .map(
      (r, n) =>
        `<w:tr>${r.join('').length < 1500 ? '<w:trPr><w:cantSplit/></w:trPr>' : ''}${r.map((t, i) => cellXml(t, widths[i] ?? 0, { grey: o.struck?.[n] === true, bold: o.labels === true && i === 0, size: o.labels ? 18 : 17 })).join('')}</w:tr>`,
    )
    .join('');
  return `<w:tbl><w:tblPr><w:tblW w:w="${TEXT_WIDTH}" w:type="dxa"/><w:tblLayout w:type="fixed"/><w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(BORDER).join('')}</w:tblBorders><w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="80" w:type="dxa"/><w:bottom w:w="40" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid>${grid}</w:tblGrid>${head}${body}</w:tbl>`;
}

/** A heading kept on one page with what follows it, spaced as its level is. */
function heading(
  level: (typeof HeadingLevel)[keyof typeof HeadingLevel],
  spacing: { before: number; after: number },
  text: string,
): Paragraph {
  return new Paragraph({ heading: level, keepNext: true, keepLines: true, spacing, children: [run(text)] });
}

function render(block: Block, tables: string[]): Paragraph[] {
  const marker = (xml: string) => {
    tables.push(xml);
    return [
      new Paragraph({ children: [run(MARKER(tables.length - 1))] }),
      new Paragraph({ spacing: { after: 80 }, children: [] }),
    ];
  };
  switch (block.type) {
    case 'eyebrow':
      // The page header carries the same line on every page.
      return [];
    case 'title':
      return [new Paragraph({ heading: HeadingLevel.TITLE, keepNext: true, children: [run(block.text)] })];
    case 'heading':
      return [heading(HeadingLevel.HEADING_1, { before: 320, after: 120 }, block.text)];
    case 'subheading':
      return [heading(HeadingLevel.HEADING_2, { before: 200, after: 80 }, block.text)];
    case 'paragraph':
      return [
        new Paragraph({
          spacing: { after: 80 },
          keepNext: block.tone === 'strong',
          children: lines(block.text, {
            ...(block.tone === 'muted' && { color: GREY }),
            ...(block.tone === 'strong' && { bold: true }),
          }),
        }),
      ];
    case 'quote':
      return block.text.split('\n').map(
        (line) =>
          new Paragraph({
            bidirectional: block.rtl,
            indent: { left: 360, right: 360 },
            spacing: { after: 60 },
            border: { left: { style: BorderStyle.SINGLE, size: 12, color: 'BBBBBB', space: 8 } },
            children: [run(line)],
          }),
      );
    case 'list':
      return block.items.map(
        (item) => new Paragraph({ bullet: { level: 0 }, spacing: { after: 40 }, children: lines(item) }),
      );
    case 'facts':
      return marker(
        tableXml(
          [
            { title: '', width: 0.26 },
            { title: '', width: 0.74 },
          ],
          block.rows,
          { header: false, labels: true },
        ),
      );
    case 'table':
      return marker(tableXml(block.columns, block.rows, { header: true, struck: block.struck }));
  }
}

/**
 * The after-action record as an editable Word document for the mayor's office: the same blocks
 * as the report and the PDF, with the edition and the page number on every page.
 */
/**
 * The footer's words around Word's page fields: the sentence stays one message for the translator
 * (the page number may come first in another language), and the two fields take the places of
 * private-use marks put where the numbers go.
 */
function footerRuns(edition: string, title: string): string[] {
  const fields = { '\uE000': PageNumber.CURRENT, '\uE001': PageNumber.TOTAL_PAGES } as const;
  return format('record.report.docxFooter', { edition, title, page: '\uE000', pages: '\uE001' })
    .split(/([\uE000\uE001])/)
    .filter((part) => part !== '')
    .map((part) => (part === '\uE000' || part === '\uE001' ? fields[part] : part));
}

function recordDocument(record: RecordFile, options: ReportOptions, tables: string[]): Document {
  const model = reportModel(record, options);
  return new Document({
    creator: `Response Desk ${record.appVersion}`,
    title: format('record.report.documentTitle', { title: model.title }),
    description: `${record.cityName}, ${model.edition}`,
    styles: {
      default: { document: { run: { font: 'Arial', size: 20 } } },
      paragraphStyles: [
        {
          id: 'Title',
          name: 'Title',
          basedOn: 'Normal',
          next: 'Normal',
          run: { size: 40, bold: true },
          paragraph: { spacing: { after: 160 } },
        },
        {
          id: 'Heading1',
          name: 'Heading 1',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          run: { size: 28, bold: true, color: '1F3A5F' },
        },
        {
          id: 'Heading2',
          name: 'Heading 2',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          run: { size: 22, bold: true },
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: {
              top: PAGE.margin,
              bottom: PAGE.margin,
              left: PAGE.margin,
              right: PAGE.margin,
              header: 567,
              footer: 567,
            },
          },
        },
        headers: {
          default: new Header({
            children: [new Paragraph({ children: [run(model.running, { color: GREY, size: 16 })] })],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [
                  new TextRun({
                    color: GREY,
                    size: 16,
                    children: footerRuns(model.edition, model.title),
                  }),
                ],
              }),
            ],
          }),
        },
        children: model.blocks.flatMap((b) => render(b, tables)),
      },
    ],
  });
}

/**
 * The after-action record as an editable Word document for the mayor's office: the same blocks
 * as the report and the PDF, with the edition and the page number on every page.
 */
export async function recordDocxBytes(record: RecordFile, options: ReportOptions = {}): Promise<Uint8Array> {
  const tables: string[] = [];
  const packed = unzipSync(new Uint8Array(await Packer.toArrayBuffer(recordDocument(record, options, tables))));
  const xml = strFromU8(packed['word/document.xml'] ?? new Uint8Array());
  // Each marker paragraph, whole, becomes its table.
  const parts = xml.split(/<w:p>(?:(?!<w:p>).)*?\u27e6table-(\d+)\u27e7.*?<\/w:p>/s);
  const out: string[] = [];
  parts.forEach((part, i) => out.push(i % 2 === 0 ? part : (tables[Number(part)] ?? '')));
  packed['word/document.xml'] = strToU8(out.join(''));
  return zipSync(
    Object.fromEntries(
      Object.entries(packed).map(([name, bytes]) => [name, [bytes, { level: name === 'word/document.xml' ? 1 : 6 }]]),
    ),
  );
}

export async function recordDocxBase64(record: RecordFile, options: ReportOptions = {}): Promise<string> {
  const bytes = await recordDocxBytes(record, options);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

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
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';

import type { RecordFile } from './recordFile';
import { reportModel, type Block, type ReportOptions } from './reportModel';

/** A4 with 2 cm margins, in twentieths of a point. */
const PAGE = { width: 11906, height: 16838, margin: 1134 };
const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;
const GREY = '555555';
const RULE = { style: BorderStyle.SINGLE, size: 4, color: 'BBBBBB' };

// docx's run options are typed with String's legacy `bold`/`italics` names, which the checker marks deprecated.
const run = (text: string, o: { bold?: boolean; italics?: boolean; color?: string; size?: number; strike?: boolean } = {}) => new TextRun({ text, ...o });

/** Lines of a cell or a paragraph: one run each, with line breaks between, so the text reads as typed. */
function lines(text: string, o: Parameters<typeof run>[1] = {}): TextRun[] {
  return text.split('\n').map((line, i) => new TextRun({ text: line, break: i === 0 ? 0 : 1, ...o }));
}

function table(block: Extract<Block, { type: 'table' }>): Table {
  const widths = block.columns.map((c) => Math.round(c.width * TEXT_WIDTH));
  const cell = (text: string, i: number, o: { header?: boolean; struck?: boolean } = {}) =>
    new TableCell({
      width: { size: widths[i] ?? 0, type: WidthType.DXA },
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      ...(o.header && { shading: { type: ShadingType.CLEAR, fill: 'EEEEEE', color: 'auto' } }),
      children: [new Paragraph({ children: lines(text, { size: 17, ...(o.header && { bold: true }), ...(o.struck && { color: GREY }) }) })],
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: RULE, bottom: RULE, left: RULE, right: RULE, insideHorizontal: RULE, insideVertical: RULE },
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: block.columns.map((c, i) => cell(c.title, i, { header: true })) }),
      // A row is kept whole on its page unless it is longer than a page could hold.
      ...block.rows.map((r, n) => new TableRow({ cantSplit: r.join('').length < 1500, children: r.map((t, i) => cell(t, i, { struck: block.struck?.[n] === true })) })),
    ],
  });
}

function render(block: Block): (Paragraph | Table)[] {
  switch (block.type) {
    case 'eyebrow':
      // The page header carries the same line on every page.
      return [];
    case 'title':
      return [new Paragraph({ heading: HeadingLevel.TITLE, keepNext: true, children: [run(block.text)] })];
    case 'heading':
      return [new Paragraph({ heading: HeadingLevel.HEADING_1, keepNext: true, keepLines: true, spacing: { before: 320, after: 120 }, children: [run(block.text)] })];
    case 'subheading':
      return [new Paragraph({ heading: HeadingLevel.HEADING_2, keepNext: true, keepLines: true, spacing: { before: 200, after: 80 }, children: [run(block.text)] })];
    case 'paragraph':
      return [new Paragraph({ spacing: { after: 80 }, keepNext: block.tone === 'strong', children: lines(block.text, { ...(block.tone === 'muted' && { color: GREY }), ...(block.tone === 'strong' && { bold: true }) }) })];
    case 'quote':
      return block.text.split('\n').map((line) => new Paragraph({ bidirectional: block.rtl, indent: { left: 360, right: 360 }, spacing: { after: 60 }, border: { left: { style: BorderStyle.SINGLE, size: 12, color: 'BBBBBB', space: 8 } }, children: [run(line)] }));
    case 'list':
      return block.items.map((item) => new Paragraph({ bullet: { level: 0 }, spacing: { after: 40 }, children: lines(item) }));
    case 'facts':
      return [factsTable(block.rows), new Paragraph({ spacing: { after: 80 }, children: [] })];
    case 'table':
      return [table(block), new Paragraph({ spacing: { after: 80 }, children: [] })];
  }
}

/** Label and value, two columns without a header. */
function factsTable(rows: [string, string][]): Table {
  const widths = [Math.round(0.26 * TEXT_WIDTH), Math.round(0.74 * TEXT_WIDTH)];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: RULE, bottom: RULE, left: RULE, right: RULE, insideHorizontal: RULE, insideVertical: RULE },
    rows: rows.map(([label, value]) => new TableRow({
      cantSplit: true,
      children: [
        new TableCell({ width: { size: widths[0] ?? 0, type: WidthType.DXA }, margins: { top: 40, bottom: 40, left: 80, right: 80 }, children: [new Paragraph({ children: [run(label, { bold: true, size: 18 })] })] }),
        new TableCell({ width: { size: widths[1] ?? 0, type: WidthType.DXA }, margins: { top: 40, bottom: 40, left: 80, right: 80 }, children: [new Paragraph({ children: lines(value, { size: 18 }) })] }),
      ],
    })),
  });
}

/**
 * The after-action record as an editable Word document for the mayor's office: the same blocks
 * as the report and the PDF, with the edition and the page number on every page.
 */
export function recordDocument(record: RecordFile, options: ReportOptions = {}): Document {
  const model = reportModel(record, options);
  return new Document({
    creator: `Response Desk ${record.appVersion}`,
    title: `After-action record: ${model.title}`,
    description: `${record.cityName}, ${model.edition}`,
    styles: {
      default: { document: { run: { font: 'Arial', size: 20 } } },
      paragraphStyles: [
        { id: 'Title', name: 'Title', basedOn: 'Normal', next: 'Normal', run: { size: 40, bold: true }, paragraph: { spacing: { after: 160 } } },
        { id: 'Heading1', name: 'Heading 1', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { size: 28, bold: true, color: '1F3A5F' } },
        { id: 'Heading2', name: 'Heading 2', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { size: 22, bold: true } },
      ],
    },
    sections: [
      {
        properties: { page: { size: { width: PAGE.width, height: PAGE.height }, margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin, header: 567, footer: 567 } } },
        headers: { default: new Header({ children: [new Paragraph({ children: [run(model.running, { color: GREY, size: 16 })] })] }) },
        footers: {
          default: new Footer({
            children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ color: GREY, size: 16, children: [`${model.edition} · ${model.title} · Page `, PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] })] })],
          }),
        },
        children: model.blocks.flatMap(render),
      },
    ],
  });
}

export function recordDocxBase64(record: RecordFile, options: ReportOptions = {}): Promise<string> {
  return Packer.toBase64String(recordDocument(record, options));
}

export async function recordDocxBytes(record: RecordFile, options: ReportOptions = {}): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(recordDocument(record, options)));
}

import fontkit from '@pdf-lib/fontkit';
import bidiFactory from 'bidi-js';
import { strToU8, zlibSync } from 'fflate';
import { PDFDocument, PDFName, type PDFFont } from 'pdf-lib';

import { format } from '../../i18n/format';
import type { RecordFile } from './recordFile';
import { reportModel, type Block, type ReportOptions } from './reportModel';

/**
 * The after-action record as a PDF, laid out here rather than printed by a browser, so both
 * editions of the desk write the same file, in a worker, fast enough for 100,000 entries: the
 * report's blocks are set line by line into A4 pages with the edition and "page x of y" on every
 * page, headings kept with what follows, table headers repeated, rows never split unless longer
 * than a page, and nothing cut: a word too long for its column wraps by characters. Text is set
 * in DejaVu Sans (Latin, Greek, Cyrillic, Arabic, Hebrew), embedded as a subset; right-to-left
 * lines are ordered by the Unicode bidirectional algorithm and shaped by fontkit.
 */

export type PdfFonts = { regular: Uint8Array; bold: Uint8Array };

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = { left: 50, right: 50, top: 62, bottom: 60 };
const WIDTH = A4.width - MARGIN.left - MARGIN.right;
const GREY = '0.33 0.33 0.33';
const BRAND = '0.12 0.23 0.37';
const RULE = '0.75 0.75 0.75';
const RTL_CHARS = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;

type Style = { font: 'regular' | 'bold'; size: number; color: string; leading: number };
const STYLES = {
  body: { font: 'regular', size: 9, color: '0 0 0', leading: 12.5 },
  muted: { font: 'regular', size: 8.5, color: GREY, leading: 11.5 },
  strong: { font: 'bold', size: 9, color: '0 0 0', leading: 12.5 },
  eyebrow: { font: 'regular', size: 8.5, color: GREY, leading: 12 },
  title: { font: 'bold', size: 18, color: '0 0 0', leading: 23 },
  heading: { font: 'bold', size: 13, color: BRAND, leading: 17 },
  subheading: { font: 'bold', size: 10.5, color: '0 0 0', leading: 14 },
  cell: { font: 'regular', size: 8, color: '0 0 0', leading: 10.5 },
  cellHead: { font: 'bold', size: 8, color: '0 0 0', leading: 10.5 },
  running: { font: 'regular', size: 7.5, color: GREY, leading: 10 },
} satisfies Record<string, Style>;

const num = (n: number) => (Math.round(n * 100) / 100).toString();

/** Scripts that need shaping or reordering (Arabic, Hebrew, Syriac, Thaana, N'Ko …) and combining marks. */
const COMPLEX = /[\p{M}\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/u;

/**
 * Sets text with one embedded font. Simple text (Latin, Greek, Cyrillic, digits) is measured and
 * encoded character by character, each character looked up once; a word in a script that needs
 * shaping goes through fontkit as a whole, once per word.
 */
class FontUse {
  private readonly words = new Map<string, { width: number; hex: string }>();
  private readonly chars = new Map<string, { width: number; hex: string }>();
  readonly key: string;
  readonly space: string;
  readonly font: PDFFont;

  constructor(font: PDFFont, key: string) {
    this.font = font;
    this.key = key;
    this.space = this.hex(' ');
  }

  private char(c: string): { width: number; hex: string } {
    let g = this.chars.get(c);
    if (g === undefined) {
      g = { width: this.font.widthOfTextAtSize(c, 1), hex: this.font.encodeText(c).toString().slice(1, -1) };
      this.chars.set(c, g);
    }
    return g;
  }

  private word(text: string): { width: number; hex: string } {
    let w = this.words.get(text);
    if (w === undefined) {
      if (COMPLEX.test(text)) {
        w = { width: this.font.widthOfTextAtSize(text, 1), hex: this.font.encodeText(text).toString().slice(1, -1) };
      } else {
        let width = 0;
        let hex = '';
        for (const c of text) {
          const g = this.char(c);
          width += g.width;
          hex += g.hex;
        }
        w = { width, hex };
      }
      if (this.words.size < 200_000) this.words.set(text, w);
    }
    return w;
  }

  /** Width of `text` at size 1. */
  width(text: string): number {
    return this.word(text).width;
  }

  /** Glyph ids in hex, in the order they are drawn (fontkit shapes and orders a right-to-left run). */
  hex(text: string): string {
    return this.word(text).hex;
  }

  /** A left-to-right line: its words' codes joined by spaces. */
  lineHex(line: string): string {
    return line
      .split(' ')
      .map((w) => (w === '' ? '' : this.hex(w)))
      .join(this.space);
  }
}

const bidi = bidiFactory();

/** Runs of one direction, in visual order (rule L2 of the Unicode bidirectional algorithm). */
function visualRuns(line: string, rtlBase: boolean): { text: string; rtl: boolean }[] {
  const { levels } = bidi.getEmbeddingLevels(line, rtlBase ? 'rtl' : 'ltr');
  const runs: { text: string; level: number }[] = [];
  for (let i = 0; i < line.length; i += 1) {
    const level = levels[i] ?? 0;
    const last = runs.at(-1);
    if (last && last.level === level) last.text += line[i] ?? '';
    else runs.push({ text: line[i] ?? '', level });
  }
  const max = Math.max(...runs.map((r) => r.level));
  const minOdd = Math.min(...runs.map((r) => r.level).filter((l) => l % 2 === 1), max + 1);
  for (let level = max; level >= minOdd; level -= 1) {
    for (let i = 0; i < runs.length;) {
      if ((runs[i]?.level ?? 0) < level) {
        i += 1;
        continue;
      }
      let j = i;
      while (j < runs.length && (runs[j]?.level ?? 0) >= level) j += 1;
      const reversed = runs.slice(i, j).reverse();
      runs.splice(i, j - i, ...reversed);
      i = j;
    }
  }
  return runs.map((r) => ({ text: r.text, rtl: r.level % 2 === 1 }));
}

type Line = { text: string; width: number };

class Layout {
  readonly pages: string[][] = [];
  private ops: string[] = [];
  y = 0;
  private readonly fonts: Record<Style['font'], FontUse>;
  private readonly newPage: () => void;

  constructor(fonts: Record<Style['font'], FontUse>, newPage: () => void) {
    this.fonts = fonts;
    this.newPage = newPage;
    this.breakPage();
  }

  /** The fill colour last set on this page, so it is written only when it changes. */
  private fill = '';

  breakPage(): void {
    this.fill = '';
    this.ops = [];
    this.pages.push(this.ops);
    this.newPage();
    this.y = A4.height - MARGIN.top;
  }

  room(): number {
    return this.y - MARGIN.bottom;
  }

  /** Makes sure `height` fits below; a new page otherwise (unless the page is still empty). */
  need(height: number): void {
    if (height > this.room() && this.y < A4.height - MARGIN.top - 1) this.breakPage();
  }

  /** Lines of `text` no wider than `max` at `style`, broken between words; a word longer than a line breaks by characters. */
  wrap(text: string, style: Style, max: number): Line[] {
    const font = this.fonts[style.font];
    const out: Line[] = [];
    const space = font.width(' ') * style.size;
    for (const paragraph of text.split('\n')) {
      let line = '';
      let width = 0;
      for (const word of paragraph.split(' ')) {
        let w = font.width(word) * style.size;
        let rest = word;
        if (w > max) {
          // A hash or an address with no space: broken by characters, never cut off.
          if (line !== '') out.push({ text: line, width });
          line = '';
          width = 0;
          while (rest !== '' && font.width(rest) * style.size > max) {
            let n = rest.length;
            while (n > 1 && font.width(rest.slice(0, n)) * style.size > max) n = Math.floor(n * 0.9);
            out.push({ text: rest.slice(0, n), width: font.width(rest.slice(0, n)) * style.size });
            rest = rest.slice(n);
          }
          w = font.width(rest) * style.size;
        }
        if (line === '') {
          line = rest;
          width = w;
        } else if (width + space + w <= max) {
          line += ` ${rest}`;
          width += space + w;
        } else {
          out.push({ text: line, width });
          line = rest;
          width = w;
        }
      }
      out.push({ text: line, width });
    }
    return out;
  }

  /** Draws one line with its baseline at `baseline`; right-to-left text is ordered and aligned right. */
  text(line: Line, style: Style, x: number, baseline: number, o: { rtl?: boolean; max?: number } = {}): void {
    if (line.text === '') return;
    const font = this.fonts[style.font];
    const bidiNeeded = RTL_CHARS.test(line.text);
    const left = o.rtl === true && o.max !== undefined ? x + o.max - line.width : x;
    if (this.fill !== style.color) {
      this.ops.push(`${style.color} rg`);
      this.fill = style.color;
    }
    if (!bidiNeeded) {
      this.ops.push(
        `BT /${font.key} ${num(style.size)} Tf 1 0 0 1 ${num(left)} ${num(baseline)} Tm <${font.lineHex(line.text)}> Tj ET`,
      );
    } else {
      let cursor = left;
      for (const run of visualRuns(line.text, o.rtl === true)) {
        this.ops.push(
          `BT /${font.key} ${num(style.size)} Tf 1 0 0 1 ${num(cursor)} ${num(baseline)} Tm <${run.rtl ? font.hex(run.text) : font.lineHex(run.text)}> Tj ET`,
        );
        cursor += font.width(run.text) * style.size;
      }
    }
  }

  rect(x: number, y: number, w: number, h: number, fill: string): void {
    this.ops.push(`${fill} rg ${num(x)} ${num(y)} ${num(w)} ${num(h)} re f`);
    this.fill = fill;
  }

  rule(x1: number, y1: number, x2: number, y2: number, color = RULE, width = 0.5): void {
    this.ops.push(`${color} RG ${num(width)} w ${num(x1)} ${num(y1)} m ${num(x2)} ${num(y2)} l S`);
  }

  /** A block of wrapped text at the current position, moving down; lines that do not fit go to the next page. */
  flow(
    text: string,
    style: Style,
    o: { indent?: number; bullet?: boolean; rtl?: boolean; bar?: boolean; keepWithNext?: number } = {},
  ): void {
    const indent = o.indent ?? 0;
    const max = WIDTH - indent - (o.bar ? 12 : 0);
    const lines = this.wrap(text, style, max);
    // A heading or a lead-in line keeps its own lines, and some of what follows, on one page.
    if (o.keepWithNext !== undefined) this.need(lines.length * style.leading + o.keepWithNext);
    else this.need(Math.min(2, lines.length) * style.leading);
    lines.forEach((line, i) => {
      if (style.leading > this.room()) this.breakPage();
      this.y -= style.leading;
      const x = MARGIN.left + indent + (o.bar ? 12 : 0);
      if (o.bullet && i === 0)
        this.text({ text: '•', width: 0 }, style, MARGIN.left + indent - 9, this.y + (style.leading - style.size) / 2);
      if (o.bar) this.rect(MARGIN.left + indent, this.y - 2, 2, style.leading, RULE);
      this.text(line, style, x, this.y + (style.leading - style.size) / 2, { rtl: o.rtl === true, max });
    });
  }

  gap(h: number): void {
    this.y -= Math.min(h, Math.max(0, this.room()));
  }

  table(
    block:
      | Extract<Block, { type: 'table' }>
      | { columns: { title: string; width: number }[]; rows: string[][]; struck?: boolean[]; header: boolean },
  ): void {
    const pad = 3;
    const widths = block.columns.map((c) => c.width * WIDTH);
    const lefts = widths.map((_, i) => MARGIN.left + widths.slice(0, i).reduce((a, b) => a + b, 0));
    const showHeader = !('header' in block) || block.header;
    const cellLines = (row: string[], style: Style) =>
      row.map((cell, i) => this.wrap(cell, style, (widths[i] ?? 0) - 2 * pad));
    // Column rules are drawn once for each piece of the table on a page, not row by row.
    let segmentTop = this.y;
    const closeSegment = () => {
      if (segmentTop > this.y) for (const x of [...lefts, MARGIN.left + WIDTH]) this.rule(x, segmentTop, x, this.y);
    };
    const drawRow = (lines: Line[][], style: Style, height: number, o: { head?: boolean; strike?: boolean } = {}) => {
      const top = this.y;
      if (o.head) this.rect(MARGIN.left, top - height, WIDTH, height, '0.93 0.93 0.93');
      // A retracted entry is greyed, its "Retracted: reason" line says why; nothing is struck through illegibly.
      const ink = o.strike === true ? { ...style, color: GREY } : style;
      lines.forEach((cell, i) =>
        cell.forEach((line, k) =>
          this.text(
            line,
            ink,
            (lefts[i] ?? 0) + pad,
            top - pad - (k + 1) * style.leading + (style.leading - style.size) / 2 + 1,
          ),
        ),
      );
      this.y -= height;
      this.rule(MARGIN.left, this.y, MARGIN.left + WIDTH, this.y);
    };
    const header = showHeader
      ? cellLines(
          block.columns.map((c) => c.title),
          STYLES.cellHead,
        )
      : [];
    const headerHeight = showHeader ? Math.max(...header.map((c) => c.length)) * STYLES.cellHead.leading + 2 * pad : 0;
    const startTable = () => {
      segmentTop = this.y;
      this.rule(MARGIN.left, this.y, MARGIN.left + WIDTH, this.y);
      if (showHeader) drawRow(header, STYLES.cellHead, headerHeight, { head: true });
    };
    const first = block.rows[0] ? cellLines(block.rows[0], STYLES.cell) : [];
    this.need(headerHeight + Math.max(1, ...first.map((c) => c.length)) * STYLES.cell.leading + 2 * pad);
    startTable();
    block.rows.forEach((row, r) => {
      let lines = r === 0 ? first : cellLines(row, STYLES.cell);
      const strike = block.struck?.[r] === true;
      const full = A4.height - MARGIN.top - MARGIN.bottom - headerHeight;
      let height = Math.max(1, ...lines.map((c) => c.length)) * STYLES.cell.leading + 2 * pad;
      if (height > this.room()) {
        if (height <= full) {
          closeSegment();
          this.breakPage();
          startTable();
        } else {
          // Longer than a page: the row continues on the next, line by line.
          while (height > this.room()) {
            const fit = Math.max(1, Math.floor((this.room() - 2 * pad) / STYLES.cell.leading));
            drawRow(
              lines.map((c) => c.slice(0, fit)),
              STYLES.cell,
              fit * STYLES.cell.leading + 2 * pad,
              { strike },
            );
            lines = lines.map((c) => c.slice(fit));
            height = Math.max(1, ...lines.map((c) => c.length)) * STYLES.cell.leading + 2 * pad;
            closeSegment();
            this.breakPage();
            startTable();
          }
        }
      }
      drawRow(lines, STYLES.cell, height, { strike });
    });
    closeSegment();
    this.gap(8);
  }
}

/** The report's blocks set into pages. */
function layoutBlocks(layout: Layout, blocks: readonly Block[]): void {
  blocks.forEach((b, i) => {
    const next = blocks[i + 1];
    // What must follow a heading on its page: a table's header and first row, or two lines.
    const followMin = next?.type === 'subheading' ? 80 : next?.type === 'table' || next?.type === 'facts' ? 50 : 30;
    switch (b.type) {
      case 'eyebrow':
        // The same line heads every page.
        break;
      case 'title':
        layout.flow(b.text, STYLES.title, { keepWithNext: 20 });
        layout.gap(4);
        break;
      case 'heading':
        layout.gap(14);
        layout.need(STYLES.heading.leading + followMin);
        layout.flow(b.text, STYLES.heading, { keepWithNext: followMin });
        layout.rule(MARGIN.left, layout.y - 3, MARGIN.left + WIDTH, layout.y - 3, BRAND, 0.8);
        layout.gap(8);
        break;
      case 'subheading':
        layout.gap(8);
        layout.flow(b.text, STYLES.subheading, { keepWithNext: followMin });
        layout.gap(3);
        break;
      case 'paragraph':
        layout.flow(
          b.text,
          b.tone === 'muted' ? STYLES.muted : b.tone === 'strong' ? STYLES.strong : STYLES.body,
          b.tone === 'strong' ? { keepWithNext: next?.type === 'paragraph' ? 50 : 30 } : {},
        );
        layout.gap(4);
        break;
      case 'quote':
        layout.flow(b.text, STYLES.body, { indent: 8, bar: true, rtl: b.rtl });
        layout.gap(6);
        break;
      case 'list':
        for (const item of b.items) layout.flow(item, STYLES.body, { indent: 12, bullet: true });
        layout.gap(5);
        break;
      case 'facts':
        layout.table({
          columns: [
            { title: '', width: 0.26 },
            { title: '', width: 0.74 },
          ],
          rows: b.rows,
          header: false,
        });
        break;
      case 'table':
        layout.table(b);
        break;
    }
  });
}

/** Builds the PDF of a record (the same blocks as the report and the DOCX). */
export async function recordPdfBytes(
  record: RecordFile,
  fonts: PdfFonts,
  options: ReportOptions = {},
): Promise<Uint8Array> {
  const model = reportModel(record, options);
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  doc.setTitle(format('record.report.documentTitle', { title: model.title }));
  doc.setSubject(model.running);
  doc.setCreator(`Response Desk ${record.appVersion}`);
  doc.setProducer('Response Desk');
  doc.setCreationDate(new Date(record.exportedAt));
  doc.setModificationDate(new Date(record.exportedAt));
  const regular = new FontUse(await doc.embedFont(fonts.regular, { subset: true }), 'F1');
  const bold = new FontUse(await doc.embedFont(fonts.bold, { subset: true }), 'F2');
  const layout = new Layout({ regular, bold }, () => undefined);
  layoutBlocks(layout, model.blocks);

  const total = layout.pages.length;
  for (const [i, ops] of layout.pages.entries()) {
    const page = doc.addPage([A4.width, A4.height]);
    // The running line and the page number on every page.
    const head = { text: model.running, width: 0 };
    const foot = format('record.report.pdfFooter', { edition: model.edition, page: i + 1, pages: total });
    const footWidth = regular.width(foot) * STYLES.running.size;
    const furniture = [
      `${GREY} rg BT /F1 ${STYLES.running.size} Tf 1 0 0 1 ${MARGIN.left} ${num(A4.height - 36)} Tm <${regular.lineHex(head.text)}> Tj ET`,
      `${RULE} RG 0.5 w ${MARGIN.left} ${num(A4.height - 42)} m ${num(MARGIN.left + WIDTH)} ${num(A4.height - 42)} l S`,
      `${GREY} rg BT /F1 ${STYLES.running.size} Tf 1 0 0 1 ${num(MARGIN.left + WIDTH - footWidth)} 34 Tm <${regular.lineHex(foot)}> Tj ET`,
    ];
    const stream = doc.context.stream(zlibSync(strToU8([...furniture, ...ops].join('\n')), { level: 1 }), {
      Filter: 'FlateDecode',
    });
    page.node.set(PDFName.of('Contents'), doc.context.register(stream));
    page.node.setFontDictionary(PDFName.of('F1'), regular.font.ref);
    page.node.setFontDictionary(PDFName.of('F2'), bold.font.ref);
  }
  return doc.save({ useObjectStreams: true });
}

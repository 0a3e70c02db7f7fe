import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { isAllowedLinkHref } from '../../shared/schema/isAllowedLinkHref.js';
import type { ExportBlock, ExportDocument, ExportHeading, ExportList, ExportParagraph, ExportRun, ExportTable, ExportTableRow } from './ExportDocument.js';
import { escapeHtml } from './escapeHtml.js';
import { fitColumnWidths } from './fitColumnWidths.js';
import { pageOrientations, type PageOrientation } from './pageOrientations.js';
import { PdfLinkTagger } from './pdf/PdfLinkTagger.js';

type Pdf = PDFKit.PDFDocument;
type StructureElement = PDFKit.PDFStructureElement;

const FONT_DIRECTORY = path.join(path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const FONTS = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  italic: 'DejaVuSans-Oblique.ttf',
  boldItalic: 'DejaVuSans-BoldOblique.ttf',
  mono: 'DejaVuSansMono.ttf',
} as const;
type FontName = keyof typeof FONTS;

// A4, 2.5 cm margins; sizes in points.
const MARGIN = 70.87;
const BODY_SIZE = 10;
const TABLE_SIZE = 8.5;
// A table whose longest words do not fit side by side at TABLE_SIZE is set smaller, down to this.
const MIN_TABLE_SIZE = 7;
const CELL_PADDING = 4;
const HEADING_SIZES = { 1: 15, 2: 12, 3: 10.5 } as const;
const TEXT_COLOR = '#1a1a1a';
const ACCENT = '#1f3b5c';
const MUTED = '#4d4d4d';
const RULE = '#6b7785';
const HEADER_FILL = '#e8edf3';
const ROW_HEADER_FILL = '#f4f6f9';
// One name in the Info dictionary and in XMP (pdfkit writes Info's Creator as XMP's producer).
const PRODUCER = 'Edytor planów deinstytucjonalizacji (PDFKit)';

interface TocEntry {
  heading: ExportHeading;
  page: number;
}

/**
 * Lays an export document out on A4 pages with pdfkit: a tagged PDF whose
 * headings, paragraphs, lists and tables are structure elements, with
 * borders, backgrounds, repeated table headers and page numbers marked as
 * artifacts so screen readers skip them.
 */
export class PdfWriter {
  private readonly pdf: Pdf;
  private readonly root: StructureElement;
  private readonly toc: TocEntry[] = [];
  private outlineParent: PDFKit.PDFOutline | null = null;
  private readonly links: PdfLinkTagger;
  /** The font size of the table being written (see columnWidths). */
  private tableSize = TABLE_SIZE;
  /** Landscape while a landscape table is written: its pages, and only they, are turned sideways. */
  private orientation: PageOrientation = 'portrait';

  constructor(private readonly document: ExportDocument, generatedAt: Date) {
    const date = Number.isNaN(generatedAt.getTime()) ? new Date(0) : generatedAt;
    this.pdf = new PDFDocument({
      size: 'A4',
      margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
      bufferPages: true,
      autoFirstPage: false,
      pdfVersion: '1.7',
      tagged: true,
      // pdfkit 0.17 supports PDF/UA (the pdfuaid XMP part); its type definitions list only PDF/A.
      subset: 'PDF/UA' as unknown as PDFKit.Mixins.PDFSubsets,
      displayTitle: true,
      lang: document.language,
      info: {
        Title: document.properties.title,
        Author: document.properties.author,
        Subject: document.properties.subject,
        Keywords: document.properties.description,
        Creator: PRODUCER,
        Producer: PRODUCER,
        CreationDate: date,
        ModDate: date,
      },
    });
    for (const [name, file] of Object.entries(FONTS)) this.pdf.registerFont(name, path.join(FONT_DIRECTORY, file));
    this.root = this.pdf.struct('Document');
    this.pdf.addStructure(this.root);
    this.links = new PdfLinkTagger(this.pdf);
    escapeMetadataText(this.pdf);
  }

  /** Link annotations that are not in a Link structure element (none, unless a new kind of link slips past). */
  get untaggedLinks(): number {
    return this.links.untaggedCount;
  }

  async render(): Promise<Uint8Array> {
    const chunks: Buffer[] = [];
    this.pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    const ended = new Promise<void>((resolve, reject) => {
      this.pdf.on('end', resolve);
      this.pdf.on('error', reject);
    });
    this.pdf.addPage();
    this.titlePage();
    const tocStructure = this.pdf.struct('TOC');
    this.root.add(tocStructure);
    const tocPages = this.reserveContentsPages();
    this.pdf.addPage();
    const orientations = pageOrientations(this.document.body);
    this.document.body.forEach((block, index) => {
      this.orient(orientations[index] ?? 'portrait');
      this.block(block, this.root);
    });
    this.writeContents(tocPages, tocStructure);
    this.pageNumbers();
    this.root.end();
    this.pdf.end();
    await ended;
    return new Uint8Array(Buffer.concat(chunks));
  }

  private get contentWidth(): number {
    return this.pdf.page.width - MARGIN * 2;
  }

  private get bottom(): number {
    return this.pdf.page.height - MARGIN;
  }

  private pageIndex(): number {
    const range = this.pdf.bufferedPageRange();
    return range.start + range.count - 1;
  }

  /**
   * Marks what `draw` writes as one structure element of the given type under
   * `parent`. Attributes go in before the element ends: pdfkit writes it then.
   */
  private tagged(parent: StructureElement, type: string, draw: (element: StructureElement) => void, attributes?: Record<string, unknown>): StructureElement {
    const element = this.pdf.struct(type);
    parent.add(element);
    const content = this.pdf.markStructureContent(type);
    draw(element);
    this.pdf.endMarkedContent();
    element.add(content);
    if (attributes !== undefined) setAttributes(this.pdf, element, attributes);
    element.end();
    return element;
  }

  private artifact(draw: () => void): void {
    this.pdf.markContent('Artifact', { type: 'Layout' });
    draw();
    this.pdf.endMarkedContent();
  }

  private ensureSpace(height: number): void {
    if (this.pdf.y + height > this.bottom) this.newPage();
  }

  private titlePage(): void {
    const { titlePage } = this.document;
    const pdf = this.pdf;
    const line = (type: string, text: string, font: FontName, size: number, color: string, gap: number, align: 'left' | 'right' = 'left'): void => {
      if (text === '') return;
      this.tagged(this.root, type, () => {
        pdf.font(font).fontSize(size).fillColor(color).text(breakable(text), MARGIN, pdf.y, { width: this.contentWidth, align });
      });
      pdf.moveDown(gap);
    };
    line('P', titlePage.annexLine, 'regular', 9.5, TEXT_COLOR, 0, 'right');
    pdf.y = 250;
    line('P', titlePage.kindLabel.toUpperCase(), 'regular', 10, ACCENT, 0.8);
    line('H1', titlePage.title, 'bold', 20, ACCENT, 0.8);
    line('P', titlePage.territory, 'regular', 13, TEXT_COLOR, 0.2);
    line('P', titlePage.period, 'regular', 13, TEXT_COLOR, 1.5);
    line('P', titlePage.adoptingBody, 'regular', 11, TEXT_COLOR, 2.5);
    for (const text of titlePage.versionLines) line('P', text, 'regular', 9.5, TEXT_COLOR, 0.3);
    pdf.moveDown(1);
    for (const text of titlePage.notes) line('P', text, 'italic', 8.5, MUTED, 0.3);
  }

  private contentsEntries(): ExportHeading[] {
    return this.document.body.filter((block): block is ExportHeading => block.kind === 'heading' && block.level <= 2);
  }

  /** Blank pages for the contents, counted before the body so page numbers are known when they are written. */
  private reserveContentsPages(): number[] {
    this.pdf.font('regular').fontSize(BODY_SIZE);
    const usable = this.pdf.page.height - MARGIN * 2 - 40;
    const height = this.contentsEntries().reduce(
      (sum, heading) => sum + this.pdf.heightOfString(breakable(label(heading)), { width: this.contentWidth - 50 - indentOf(heading) }) + 4,
      0,
    );
    const count = Math.max(1, Math.ceil(height / usable));
    const pages: number[] = [];
    for (let index = 0; index < count; index++) {
      this.pdf.addPage();
      pages.push(this.pageIndex());
    }
    return pages;
  }

  private writeContents(pages: number[], structure: StructureElement): void {
    const pdf = this.pdf;
    let pageCursor = 0;
    const firstPage = pages[0];
    if (firstPage === undefined) return;
    pdf.switchToPage(firstPage);
    pdf.x = MARGIN;
    pdf.y = MARGIN;
    this.tagged(structure, 'H1', () => {
      pdf.font('bold').fontSize(HEADING_SIZES[1]).fillColor(ACCENT).text(this.document.contentsTitle, MARGIN, MARGIN, { width: this.contentWidth });
    });
    pdf.moveDown(0.8);
    for (const entry of this.toc) {
      const text = label(entry.heading);
      const indent = indentOf(entry.heading);
      pdf.font(entry.heading.level === 1 ? 'bold' : 'regular').fontSize(BODY_SIZE);
      const height = pdf.heightOfString(breakable(text), { width: this.contentWidth - 50 - indent });
      if (pdf.y + height > this.bottom) {
        const next = pages[++pageCursor];
        if (next === undefined) break;
        pdf.switchToPage(next);
        pdf.y = MARGIN;
      }
      const y = pdf.y;
      const alt = `${text}, strona ${entry.page + 1}`;
      // The entry's text and page number are one link, its text the Link element's content.
      const item = pdf.struct('TOCI');
      structure.add(item);
      this.links.within(item, (target) => (target === entry.heading.anchor ? alt : null), () => {
        this.links.text(entry.heading.anchor, () => {
          pdf.fillColor(TEXT_COLOR).text(breakable(text), MARGIN + indent, y, { width: this.contentWidth - 50 - indent, goTo: entry.heading.anchor });
          pdf.text(String(entry.page + 1), MARGIN + this.contentWidth - 45, y, { width: 45, align: 'right', goTo: entry.heading.anchor });
        });
      });
      item.end();
      pdf.y = y + height + 4;
    }
    structure.end();
  }

  private pageNumbers(): void {
    const pdf = this.pdf;
    const range = pdf.bufferedPageRange();
    for (let index = range.start; index < range.start + range.count; index++) {
      pdf.switchToPage(index);
      // PDF/UA: annotations are visited in the order of the structure.
      (pdf.page.dictionary as unknown as { data: Record<string, unknown> }).data['Tabs'] = 'S';
      if (index === range.start) continue;
      // Writing inside the bottom margin would otherwise start a new page.
      const margin = pdf.page.margins.bottom;
      pdf.page.margins.bottom = 0;
      pdf.markContent('Artifact', { type: 'Pagination' });
      pdf.font('regular').fontSize(8.5).fillColor(MUTED)
        .text(`Strona ${index + 1} z ${range.count}`, MARGIN, pdf.page.height - MARGIN / 2 - 6, { width: this.contentWidth, align: 'center', lineBreak: false });
      pdf.endMarkedContent();
      pdf.page.margins.bottom = margin;
    }
  }

  /** A page in the orientation of what is being written. */
  private newPage(): void {
    this.pdf.addPage({ size: 'A4', layout: this.orientation, margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN } });
  }

  /** Turns the pages for a landscape table (and its heading), and back for what follows it. */
  private orient(wanted: PageOrientation): void {
    if (wanted === this.orientation) return;
    this.orientation = wanted;
    this.newPage();
  }

  private block(block: ExportBlock, parent: StructureElement): void {
    this.pdf.x = MARGIN;
    switch (block.kind) {
      case 'heading':
        this.heading(block, parent);
        break;
      case 'paragraph':
        this.ensureSpace(BODY_SIZE * 2);
        this.paragraph(parent, block);
        this.pdf.moveDown(0.5);
        break;
      case 'list':
        this.list(block, parent, 0);
        this.pdf.moveDown(0.3);
        break;
      case 'table':
        this.table(block, parent);
        break;
    }
  }

  private heading(heading: ExportHeading, parent: StructureElement): void {
    const pdf = this.pdf;
    const size = HEADING_SIZES[heading.level];
    // Keep a heading with at least a few lines of what follows it.
    this.ensureSpace(size * 2 + 60);
    pdf.moveDown(heading.level === 1 ? 0.8 : 0.5);
    pdf.addNamedDestination(heading.anchor, 'XYZ', null, pdf.y, null);
    if (heading.level <= 2) this.toc.push({ heading, page: this.pageIndex() });
    if (heading.level === 1) this.outlineParent = pdf.outline.addItem(label(heading));
    else if (heading.level === 2) (this.outlineParent ?? pdf.outline).addItem(label(heading));
    this.tagged(parent, `H${heading.level}`, () => {
      pdf.font('bold').fontSize(size).fillColor(heading.level === 3 ? TEXT_COLOR : ACCENT).text(breakable(label(heading)), MARGIN, pdf.y, { width: this.contentWidth });
    });
    pdf.moveDown(0.4);
  }

  private paragraph(parent: StructureElement, paragraph: ExportParagraph): void {
    const element = this.pdf.struct('P');
    parent.add(element);
    const indent = paragraph.variant === 'quote' ? 20 : 0;
    const isNote = paragraph.variant === 'note';
    this.runs(element, 'P', paragraph.runs, MARGIN + indent, this.contentWidth - indent, isNote ? MUTED : TEXT_COLOR, isNote ? 9 : BODY_SIZE, paragraph.variant === 'code');
    element.end();
  }

  /**
   * A paragraph's runs as the content of `element` (a P or LBody of type `type`), except that each
   * link's text is the content of a Link element under it, named by that text: the reading order
   * stays text, link, text.
   */
  private runs(element: StructureElement, type: string, runs: ExportRun[], x: number, width: number, color: string, size: number, isCode: boolean): void {
    const pdf = this.pdf;
    const linkTexts = new Map<string, string>();
    for (const run of runs) {
      if (run.href !== undefined && isAllowedLinkHref(run.href)) linkTexts.set(run.href, [linkTexts.get(run.href), run.text.trim()].filter(Boolean).join(' ') || run.href);
    }
    this.links.within(element, (target) => linkTexts.get(target) ?? null, () => {
      let content: PDFKit.PDFStructureContent | null = null;
      const closeContent = (): void => {
        if (content === null) return;
        pdf.endMarkedContent();
        element.add(content);
        content = null;
      };
      this.drawRuns(runs, x, width, color, size, isCode, (href, draw) => {
        if (href !== undefined) {
          closeContent();
          this.links.text(href, draw);
          return;
        }
        content ??= pdf.markStructureContent(type);
        draw();
      });
      closeContent();
    });
  }

  /** Draws the runs one after the other; `around` wraps each run's drawing (to mark it as content). */
  private drawRuns(runs: ExportRun[], x: number, width: number, color: string, size: number, isCode: boolean, around: (href: string | undefined, draw: () => void) => void): void {
    const pdf = this.pdf;
    const visible = runs.length === 0 ? [{ text: ' ' }] : runs;
    pdf.x = x;
    visible.forEach((run, index) => {
      const font: FontName = isCode || run.code ? 'mono' : run.bold && run.italic ? 'boldItalic' : run.bold ? 'bold' : run.italic ? 'italic' : 'regular';
      const href = run.href !== undefined && isAllowedLinkHref(run.href) ? run.href : undefined;
      const options: PDFKit.Mixins.TextOptions = {
        width,
        lineGap: 2,
        continued: index < visible.length - 1,
        underline: run.underline === true || href !== undefined,
        strike: run.strike === true,
        link: href ?? null,
      } as PDFKit.Mixins.TextOptions;
      around(href, () => {
        pdf.font(font).fontSize(size).fillColor(href === undefined ? color : '#0b4f8a');
        if (index === 0) pdf.text(breakable(run.text), x, pdf.y, options);
        else pdf.text(breakable(run.text), options);
      });
    });
    pdf.x = MARGIN;
  }

  private list(list: ExportList, parent: StructureElement, depth: number): void {
    const pdf = this.pdf;
    const structure = this.pdf.struct('L');
    parent.add(structure);
    const indent = 14 + depth * 16;
    list.items.forEach((item, index) => {
      this.ensureSpace(BODY_SIZE * 2.5);
      const item_ = pdf.struct('LI');
      structure.add(item_);
      const y = pdf.y;
      this.tagged(item_, 'Lbl', () => {
        pdf.font('regular').fontSize(BODY_SIZE).fillColor(TEXT_COLOR).text(list.ordered ? `${index + 1}.` : '•', MARGIN + indent - 12, y, { width: 12, lineBreak: false });
      });
      const body = pdf.struct('LBody');
      item_.add(body);
      pdf.y = y;
      this.runs(body, 'LBody', item.runs, MARGIN + indent + 4, this.contentWidth - indent - 4, TEXT_COLOR, BODY_SIZE, false);
      pdf.moveDown(0.2);
      for (const child of item.children) {
        if (child.kind === 'list') this.list(child, body, depth + 1);
        else this.block(child, body);
      }
      body.end();
      item_.end();
    });
    structure.end();
  }

  private table(table: ExportTable, parent: StructureElement): void {
    const pdf = this.pdf;
    const { widths, fontSize } = this.columnWidths(table);
    this.tableSize = fontSize;
    const headerHeight = this.rowHeight(table, table.header, widths, 'header');
    const rows = table.rows.map((row) => ({ row, height: this.rowHeight(table, row.cells, widths, row.isTotal ? 'total' : 'data') }));
    const captionHeight = pdf.font('bold').fontSize(9).heightOfString(breakable(table.caption), { width: this.contentWidth }) + 4;
    this.ensureSpace(captionHeight + headerHeight + (rows[0]?.height ?? 0) + 4);
    pdf.moveDown(0.3);

    const structure = pdf.struct('Table');
    parent.add(structure);
    this.tagged(structure, 'Caption', () => {
      pdf.font('bold').fontSize(9).fillColor(TEXT_COLOR).text(breakable(table.caption), MARGIN, pdf.y, { width: this.contentWidth });
    });
    pdf.y += 3;
    const headerRow = pdf.struct('THead');
    structure.add(headerRow);
    this.row(table, table.header, widths, headerHeight, headerRow, 'header');
    headerRow.end();
    const body = pdf.struct('TBody');
    structure.add(body);
    const fitsOnAPage = (height: number): boolean => height + headerHeight <= this.pdf.page.height - MARGIN * 2;
    const oversized: ExportTableRow[] = [];
    for (const { row, height } of rows) {
      if (!fitsOnAPage(height)) {
        oversized.push(row);
        continue;
      }
      if (pdf.y + height > this.bottom) {
        this.newPage();
        // The repeated header is decoration: the structure already has it once.
        this.artifact(() => this.drawRow(table, table.header, widths, headerHeight, 'header'));
      }
      const kind = row.isTotal ? 'total' : 'data';
      this.row(table, row.cells, widths, height, body, kind);
    }
    body.end();
    structure.end();
    pdf.x = MARGIN;
    pdf.moveDown(0.8);
    // A row taller than a page cannot be drawn as a row; its fields follow the table as paragraphs instead.
    for (const row of oversized) {
      row.cells.forEach((cell, column) => {
        this.block({ kind: 'paragraph', variant: 'body', runs: [{ text: `${table.header[column] ?? ''}: `, bold: true }, { text: cell }] }, parent);
      });
    }
  }

  /**
   * The model's relative widths, widened where a column's longest word (or
   * date, or name) would not fit, so pdfkit never splits one mid-word; the
   * other columns give up the room in proportion. When the longest words
   * cannot stand side by side, the table is set in a smaller size.
   */
  private columnWidths(table: ExportTable): { widths: number[]; fontSize: number } {
    const pdf = this.pdf;
    const padding = CELL_PADDING * 2 + 1;
    const widest = table.header.map((_heading, column) => {
      const cells = [{ text: table.header[column] ?? '', kind: 'header' as const }, ...table.rows.map((row) => ({ text: row.cells[column] ?? '', kind: row.isTotal ? ('total' as const) : ('data' as const) }))];
      let width = 0;
      for (const cell of cells) {
        pdf.font(isBoldCell(table, column, cell.kind) ? 'bold' : 'regular').fontSize(TABLE_SIZE);
        // With the space after it: pdfkit fits a word and its trailing space on a line together.
        for (const word of unbreakableParts(cell.text)) width = Math.max(width, pdf.widthOfString(`${word} `));
      }
      return width;
    });
    const wordsWidth = widest.reduce((sum, width) => sum + width, 0);
    const room = this.contentWidth - padding * widest.length;
    const fontSize = wordsWidth <= room || wordsWidth === 0 ? TABLE_SIZE : Math.max(MIN_TABLE_SIZE, Math.floor((TABLE_SIZE * room * 10) / wordsWidth) / 10);
    const scale = fontSize / TABLE_SIZE;
    return { widths: fitColumnWidths(table.widths, widest.map((width) => width * scale + padding), this.contentWidth), fontSize };
  }

  private rowHeight(table: ExportTable, cells: string[], widths: number[], kind: 'header' | 'data' | 'total'): number {
    const pdf = this.pdf;
    const heights = cells.map((cell, column) => {
      pdf.font(isBoldCell(table, column, kind) ? 'bold' : 'regular').fontSize(this.tableSize);
      return pdf.heightOfString(cell === '' ? ' ' : breakable(cell), { width: (widths[column] ?? 0) - CELL_PADDING * 2, lineGap: 1 });
    });
    return Math.max(...heights, this.tableSize) + CELL_PADDING * 2 + 2;
  }

  private row(table: ExportTable, cells: string[], widths: number[], height: number, parent: StructureElement, kind: 'header' | 'data' | 'total'): void {
    const pdf = this.pdf;
    const y = pdf.y;
    this.artifact(() => this.drawRowFrame(table, cells, widths, height, kind, y));
    const row = pdf.struct('TR');
    parent.add(row);
    let x = MARGIN;
    cells.forEach((cell, column) => {
      const width = widths[column] ?? 0;
      const isHeader = kind === 'header' || (column === 0 && (table.hasRowHeaders || kind === 'total'));
      const scope = isHeader ? { O: 'Table', Scope: kind === 'header' ? 'Column' : 'Row' } : undefined;
      this.tagged(row, isHeader ? 'TH' : 'TD', () => this.drawCellText(table, cell, column, x, y, width, kind), scope);
      x += width;
    });
    row.end();
    pdf.x = MARGIN;
    pdf.y = y + height;
  }

  /** An untagged copy of a row (the header repeated on a new page). */
  private drawRow(table: ExportTable, cells: string[], widths: number[], height: number, kind: 'header'): void {
    const y = this.pdf.y;
    this.drawRowFrame(table, cells, widths, height, kind, y);
    let x = MARGIN;
    cells.forEach((cell, column) => {
      this.drawCellText(table, cell, column, x, y, widths[column] ?? 0, kind);
      x += widths[column] ?? 0;
    });
    this.pdf.x = MARGIN;
    this.pdf.y = y + height;
  }

  private drawRowFrame(table: ExportTable, cells: string[], widths: number[], height: number, kind: 'header' | 'data' | 'total', y: number): void {
    const pdf = this.pdf;
    let x = MARGIN;
    cells.forEach((_cell, column) => {
      const width = widths[column] ?? 0;
      const fill = kind === 'header' ? HEADER_FILL : column === 0 && table.hasRowHeaders ? ROW_HEADER_FILL : null;
      if (fill !== null) pdf.rect(x, y, width, height).fill(fill);
      pdf.lineWidth(0.5).rect(x, y, width, height).stroke(RULE);
      x += width;
    });
  }

  private drawCellText(table: ExportTable, cell: string, column: number, x: number, y: number, width: number, kind: 'header' | 'data' | 'total'): void {
    const isBold = isBoldCell(table, column, kind);
    const align = kind !== 'header' && table.align[column] === 'right' ? 'right' : 'left';
    this.pdf
      .font(isBold ? 'bold' : 'regular')
      .fontSize(this.tableSize)
      .fillColor(TEXT_COLOR)
      .text(cell === '' ? ' ' : breakable(cell), x + CELL_PADDING, y + CELL_PADDING + 1, { width: width - CELL_PADDING * 2, align, lineGap: 1 });
  }
}

/**
 * pdfkit splits a word wider than the line one character at a time, which is
 * quadratic: a pasted 50 000-letter "word" would hold the server for minutes.
 * Zero-width spaces every few dozen letters give it break opportunities
 * without changing what is shown or extracted.
 */
function breakable(text: string): string {
  return text.replace(/\S{40}(?=\S)/g, (chunk) => `${chunk}\u200b`);
}

/** The pieces of a cell's text a line may not break inside: words, split after their hyphens and slashes as pdfkit's line breaking does. */
function unbreakableParts(text: string): string[] {
  return breakable(text)
    // Not at no-break spaces: they hold grouped numbers ("1 480 000,50") together.
    .split(/[ \t\n\r\u200b]+/)
    .flatMap((word) => word.split(/(?<=[-/\u2013])(?=[^\s])/))
    .filter((part) => part !== '');
}

function isBoldCell(table: ExportTable, column: number, kind: 'header' | 'data' | 'total'): boolean {
  return kind !== 'data' || (column === 0 && table.hasRowHeaders);
}

function label(heading: ExportHeading): string {
  return heading.number === '' ? heading.text : `${heading.number} ${heading.text}`;
}

function indentOf(heading: ExportHeading): number {
  return heading.level === 1 ? 0 : 16;
}

/**
 * Structure attributes (such as a table header's Scope, PDF 1.7 §14.8.5.7)
 * on a hand-made element: pdfkit has no API for them, so the attribute object
 * is set on the element's dictionary the way its own table code does.
 */
function setAttributes(pdf: Pdf, element: StructureElement, attributes: Record<string, unknown>): void {
  const dictionary = (element as unknown as { dictionary?: { data?: Record<string, unknown> } }).dictionary;
  if (dictionary?.data === undefined) return;
  const reference = pdf.ref(attributes);
  dictionary.data['A'] = reference;
  reference.end(undefined);
}

/**
 * pdfkit copies the document properties into the XMP packet unescaped; a title
 * with "&" or "<" would make it invalid XML. The Info dictionary keeps the
 * plain text, the XMP packet gets it escaped.
 */
function escapeMetadataText(pdf: Pdf): void {
  const internals = pdf as unknown as { _addInfo: () => void; info: Record<string, unknown> };
  const addInfo = internals._addInfo.bind(pdf);
  internals._addInfo = () => {
    const plain = internals.info;
    internals.info = Object.fromEntries(Object.entries(plain).map(([key, value]) => [key, typeof value === 'string' ? escapeHtml(value) : value]));
    try {
      addInfo();
    } finally {
      internals.info = plain;
    }
  };
}

import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  Footer,
  HeadingLevel,
  LevelFormat,
  LevelSuffix,
  Packer,
  PageBreak,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
  type ISectionOptions,
  type ParagraphChild,
} from 'docx';
import { isAllowedLinkHref } from '../../shared/schema/isAllowedLinkHref.js';
import { buildExportDocument } from './buildExportDocument.js';
import type { ExportBlock, ExportDocument, ExportHeading, ExportList, ExportRun, ExportTable } from './ExportDocument.js';
import type { ExportRenderer, RenderedExport } from './ExportFormat.js';
import { escapeHtml } from './escapeHtml.js';
import { docxColumnWidths } from './docx/docxColumnWidths.js';
import {
  DOCX_CELL_MARGIN,
  DOCX_CODE_FONT,
  DOCX_FONT,
  DOCX_LIST_INDENT,
  DOCX_PAGE,
  DOCX_QUOTE_INDENT,
  DOCX_SIZE,
  DOCX_SPACING,
  docxTextArea,
  type DocxOrientation,
} from './docx/docxGeometry.js';
import { CONTENTS_LEVELS, docxPageNumbers } from './docx/docxPageNumbers.js';
import { pageOrientations } from './pageOrientations.js';

const ACCENT = '1F3B5C';
const HEADER_FILL = 'E8EDF3';
const ROW_HEADER_FILL = 'F4F6F9';
const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;
const ORDERED_LIST = 'ordered-list';
const HEADING_NUMBERS = 'heading-numbers';

/**
 * Word document with real heading styles (outline levels, numbered from one
 * numbering definition), a table of contents field filled in with the page
 * numbers of an estimated layout (docx/estimateDocxPages.ts), header rows
 * repeated on every page, landscape sections for landscape tables, page
 * numbers from the second page on, and Polish set as the language of every style.
 */
export const renderDocx: ExportRenderer = (input) => renderDocxDocument(buildExportDocument(input), input.generatedAt);

/** The same Word file for any export document (a plan, or a consultation's remarks table). */
export async function renderDocxDocument(document: ExportDocument, generatedAt: Date): Promise<RenderedExport> {
  const writer = new DocxWriter();
  const language = { value: document.language };
  const font = DOCX_FONT;
  const file = new Document({
    title: document.properties.title,
    creator: document.properties.author,
    subject: document.properties.subject,
    description: document.properties.description,
    keywords: (document.properties.keywords ?? []).join(', '),
    // Written clean, without updateFields: LibreOffice honours updateFields by rebuilding the contents
    // before laying out the pages, which leaves every page number empty.
    features: { updateFields: false },
    pageNumbers: docxPageNumbers(document),
    styles: {
      default: {
        document: { run: { font, size: DOCX_SIZE.body, language }, paragraph: { spacing: { after: DOCX_SPACING.after, line: DOCX_SPACING.line } } },
        heading1: { run: { font, size: DOCX_SIZE.heading[1], bold: true, color: ACCENT, language }, paragraph: headingParagraph(1) },
        heading2: { run: { font, size: DOCX_SIZE.heading[2], bold: true, color: ACCENT, language }, paragraph: headingParagraph(2) },
        heading3: { run: { font, size: DOCX_SIZE.heading[3], bold: true, language }, paragraph: headingParagraph(3) },
        title: { run: { font, size: DOCX_SIZE.title, bold: true, color: ACCENT, language } },
      },
      paragraphStyles: [
        { id: 'Caption', name: 'Caption', basedOn: 'Normal', next: 'Normal', run: { bold: true, size: DOCX_SIZE.caption }, paragraph: { spacing: DOCX_SPACING.caption, keepNext: true } },
        { id: 'Note', name: 'Note', basedOn: 'Normal', next: 'Normal', run: { size: DOCX_SIZE.note, color: '4D4D4D' } },
        { id: 'Quote', name: 'Quote', basedOn: 'Normal', next: 'Normal', run: { italics: true }, paragraph: { indent: { left: DOCX_QUOTE_INDENT } } },
      ],
    },
    numbering: {
      config: [
        {
          // "1.", "1.2.", "1.2.3." as the export model numbers them; annex headings switch it off.
          reference: HEADING_NUMBERS,
          levels: [0, 1, 2].map((level) => ({
            level,
            format: LevelFormat.DECIMAL,
            text: Array.from({ length: level + 1 }, (_, index) => `%${index + 1}.`).join(''),
            alignment: AlignmentType.START,
            isLegalNumberingStyle: true,
            suffix: LevelSuffix.SPACE,
            style: { paragraph: { indent: { left: 0, hanging: 0 } } },
          })),
        },
        {
          reference: ORDERED_LIST,
          levels: [0, 1, 2, 3].map((level) => ({
            level,
            format: LevelFormat.DECIMAL,
            text: `%${level + 1}.`,
            alignment: AlignmentType.START,
            style: { paragraph: { indent: { left: DOCX_LIST_INDENT.ordered * (level + 1), hanging: 340 } } },
          })),
        },
      ],
    },
    sections: sections(document, writer),
  });
  const bytes = await Packer.toBuffer(file, false, [{ path: 'docProps/core.xml', data: coreProperties(document, generatedAt) }]);
  return {
    bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extension: 'docx',
  };
}

function headingParagraph(level: 1 | 2 | 3) {
  return { spacing: DOCX_SPACING.heading[level], keepNext: true, outlineLevel: level - 1, numbering: { reference: HEADING_NUMBERS, level: level - 1 } };
}

/**
 * One upright section with the title page (no footer), the contents and the body, and a section of
 * its own for each run of landscape tables (with the headings right before them), after which the pages stand upright again. Every
 * page but the first has the footer "Strona X z Y"; the page numbers run on through the sections.
 */
function sections(document: ExportDocument, writer: DocxWriter): ISectionOptions[] {
  const footer = (): Footer =>
    new Footer({
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [new TextRun({ size: DOCX_SIZE.footer, children: ['Strona ', PageNumber.CURRENT, ' z ', PageNumber.TOTAL_PAGES] })],
        }),
      ],
    });
  const section = (orientation: DocxOrientation, children: Array<Paragraph | Table | TableOfContents>, isFirst: boolean): ISectionOptions => ({
    properties: {
      page: {
        size: { width: DOCX_PAGE.width, height: DOCX_PAGE.height, orientation: orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
        margin: { top: DOCX_PAGE.margin, bottom: DOCX_PAGE.margin, left: DOCX_PAGE.margin, right: DOCX_PAGE.margin },
      },
      // The title page carries no page number.
      ...(isFirst ? { titlePage: true } : {}),
    },
    // Later sections name no footer of their own, so they keep the first one's (Word and LibreOffice alike).
    ...(isFirst ? { footers: { first: new Footer({ children: [new Paragraph({ children: [] })] }), default: footer() } } : {}),
    children,
  });
  const result: ISectionOptions[] = [];
  let orientation: DocxOrientation = 'portrait';
  let children: Array<Paragraph | Table | TableOfContents> = [...titlePage(document), ...contents(document)];
  const orientations = pageOrientations(document.body);
  document.body.forEach((block, index) => {
    const wanted = orientations[index] ?? 'portrait';
    if (wanted !== orientation) {
      result.push(section(orientation, children, result.length === 0));
      orientation = wanted;
      children = [];
    }
    children.push(...writer.block(block, orientation));
  });
  result.push(section(orientation, children, result.length === 0));
  return result;
}

function titlePage(document: ExportDocument): Array<Paragraph> {
  const { titlePage: page } = document;
  const line = (text: string, options: { size?: number; bold?: boolean; color?: string; before?: number } = {}): Paragraph =>
    new Paragraph({
      spacing: { before: options.before ?? 0, after: 120 },
      children: [new TextRun({ text, size: options.size, bold: options.bold, color: options.color })],
    });
  return [
    new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { after: 1800 }, children: [new TextRun({ text: page.annexLine, size: 20 })] }),
    line(page.kindLabel.toUpperCase(), { size: 22, color: ACCENT }),
    new Paragraph({ heading: HeadingLevel.TITLE, spacing: { after: 360 }, children: [new TextRun(page.title)] }),
    line(page.territory, { size: 26 }),
    line(page.period, { size: 26 }),
    line(page.adoptingBody, { before: 480 }),
    ...page.versionLines.map((text, index) => line(text, { before: index === 0 ? 960 : 0, size: 20 })),
    ...page.notes.map((text) => new Paragraph({ style: 'Note', children: [new TextRun(text)] })),
    new Paragraph({ children: [new PageBreak()] }),
  ];
}

function contents(document: ExportDocument): Array<Paragraph | TableOfContents> {
  return [
    new Paragraph({ style: 'Caption', children: [new TextRun({ text: document.contentsTitle, size: DOCX_SIZE.contentsTitle, color: ACCENT })] }),
    new TableOfContents(document.contentsTitle, { hyperlink: true, headingStyleRange: `1-${CONTENTS_LEVELS}` }),
    new Paragraph({ children: [new PageBreak()] }),
  ];
}

/** Walks the export blocks; keeps a counter so every ordered list starts again at 1. */
class DocxWriter {
  private orderedLists = 0;

  block(block: ExportBlock, orientation: DocxOrientation = 'portrait'): Array<Paragraph | Table> {
    switch (block.kind) {
      case 'heading':
        return [this.heading(block)];
      case 'paragraph':
        return [
          new Paragraph({
            style: block.variant === 'note' ? 'Note' : block.variant === 'quote' ? 'Quote' : undefined,
            children: runs(block.runs, block.variant === 'code'),
          }),
        ];
      case 'list':
        return this.list(block, 0);
      case 'table':
        return this.table(block, orientation);
    }
  }

  /** The number comes from the heading style's numbering, so it is never typed into the text. */
  private heading(heading: ExportHeading): Paragraph {
    return new Paragraph({
      heading: HEADINGS[heading.level],
      ...(heading.number === '' ? { numbering: false as const } : {}),
      children: [new TextRun(heading.text)],
    });
  }

  private list(list: ExportList, level: number): Paragraph[] {
    const instance = list.ordered ? ++this.orderedLists : 0;
    const depth = Math.min(level, 3);
    return list.items.flatMap((item) => [
      new Paragraph({
        ...(list.ordered ? { numbering: { reference: ORDERED_LIST, level: depth, instance } } : { bullet: { level: depth } }),
        children: runs(item.runs, false),
      }),
      ...item.children.flatMap((child) =>
        child.kind === 'list'
          ? this.list(child, level + 1)
          : this.block(child).map((paragraph) => paragraph),
      ),
    ]).filter((entry): entry is Paragraph => entry instanceof Paragraph);
  }

  private table(table: ExportTable, orientation: DocxOrientation): Array<Paragraph | Table> {
    const columnWidths = docxColumnWidths(table, orientation);
    const cell = (text: string, column: number, kind: 'header' | 'rowHeader' | 'data' | 'total'): TableCell =>
      new TableCell({
        width: { size: columnWidths[column] ?? 0, type: WidthType.DXA },
        margins: { top: DOCX_CELL_MARGIN.vertical, bottom: DOCX_CELL_MARGIN.vertical, left: DOCX_CELL_MARGIN.horizontal, right: DOCX_CELL_MARGIN.horizontal },
        shading: kind === 'header' ? { type: ShadingType.CLEAR, color: 'auto', fill: HEADER_FILL } : kind === 'rowHeader' ? { type: ShadingType.CLEAR, color: 'auto', fill: ROW_HEADER_FILL } : undefined,
        children: [
          new Paragraph({
            spacing: { after: 0 },
            alignment: table.align[column] === 'right' && kind !== 'header' ? AlignmentType.RIGHT : AlignmentType.LEFT,
            children: text.split('\n').map((line, index) => new TextRun({ text: line, break: index > 0 ? 1 : undefined, bold: kind !== 'data', size: DOCX_SIZE.tableText })),
          }),
        ],
      });
    const header = new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: table.header.map((text, column) => cell(text, column, 'header')),
    });
    const rows = table.rows.map(
      (row) =>
        new TableRow({
          cantSplit: true,
          children: row.cells.map((text, column) =>
            cell(text, column, row.isTotal ? 'total' : column === 0 && table.hasRowHeaders ? 'rowHeader' : 'data'),
          ),
        }),
    );
    return [
      new Paragraph({ style: 'Caption', children: [new TextRun(table.caption)] }),
      new Table({ width: { size: docxTextArea(orientation).width, type: WidthType.DXA }, columnWidths, rows: [header, ...rows] }),
      new Paragraph({ spacing: { after: DOCX_SPACING.afterTable }, children: [] }),
    ];
  }
}

function runs(exportRuns: ExportRun[], isCode: boolean): ParagraphChild[] {
  return exportRuns.flatMap((run): ParagraphChild[] => {
    const lines = run.text.split('\n');
    const textRuns = lines.map(
      (line, index) =>
        new TextRun({
          text: line,
          break: index > 0 ? 1 : undefined,
          bold: run.bold,
          italics: run.italic,
          strike: run.strike,
          underline: run.underline || run.href !== undefined ? {} : undefined,
          font: run.code || isCode ? DOCX_CODE_FONT : undefined,
          color: run.href !== undefined ? '0B4F8A' : undefined,
        }),
    );
    if (run.href !== undefined && isAllowedLinkHref(run.href)) return [new ExternalHyperlink({ link: run.href, children: textRuns })];
    return textRuns;
  });
}

/** Written by hand so the creation date is the snapshot's, not the moment of rendering. */
function coreProperties(document: ExportDocument, generatedAt: Date): string {
  const when = Number.isNaN(generatedAt.getTime()) ? new Date(0) : generatedAt;
  const timestamp = `${when.toISOString().slice(0, 19)}Z`;
  const { title, author, subject, description, keywords = [] } = document.properties;
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    `<dc:title>${escapeHtml(title)}</dc:title>`,
    `<dc:subject>${escapeHtml(subject)}</dc:subject>`,
    `<dc:creator>${escapeHtml(author)}</dc:creator>`,
    `<dc:description>${escapeHtml(description)}</dc:description>`,
    `<cp:keywords>${escapeHtml(keywords.join(', '))}</cp:keywords>`,
    `<dc:language>${document.language}</dc:language>`,
    `<dcterms:created xsi:type="dcterms:W3CDTF">${timestamp}</dcterms:created>`,
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${timestamp}</dcterms:modified>`,
    '</cp:coreProperties>',
  ].join('');
}

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
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import { estimatePageNumbersWith } from 'docx/layout';
import { isAllowedLinkHref } from '../../shared/schema/isAllowedLinkHref.js';
import { buildExportDocument } from './buildExportDocument.js';
import type { ExportBlock, ExportDocument, ExportHeading, ExportList, ExportRun, ExportTable } from './ExportDocument.js';
import type { ExportRenderer, RenderedExport } from './ExportFormat.js';
import { approximateColumnWidths } from './approximateColumnWidths.js';
import { escapeHtml } from './escapeHtml.js';
import { measureExportText } from './measureExportText.js';

// A4 with 2.5 cm margins, in twentieths of a point.
const PAGE = { width: 11906, height: 16838, margin: 1417 };
const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
const ACCENT = '1F3B5C';
const HEADER_FILL = 'E8EDF3';
const ROW_HEADER_FILL = 'F4F6F9';
const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;
const ORDERED_LIST = 'ordered-list';
const HEADING_NUMBERS = 'heading-numbers';
// Lays the pages out as Word would, so the contents carry page numbers when the file is opened.
const PAGE_NUMBER_ESTIMATE = estimatePageNumbersWith({ guess: true });
// The estimate costs about 0.1 s per page and far more on words without spaces (a pasted blob), and it
// blocks the server while it runs: past these limits the contents is left for Word to number (updateFields).
const ESTIMATE_LIMITS = { characters: 80_000, longestWord: 60 };

/**
 * Word document with real heading styles (outline levels, numbered from one
 * numbering definition), a table of contents field filled in with the page
 * numbers of an estimated layout, header rows repeated on every
 * page, page numbers from the second page on, and Polish set as the language
 * of every style.
 */
export const renderDocx: ExportRenderer = (input) => renderDocxDocument(buildExportDocument(input), input.generatedAt);

/** The same Word file for any export document (a plan, or a consultation's remarks table). */
export async function renderDocxDocument(document: ExportDocument, generatedAt: Date): Promise<RenderedExport> {
  const writer = new DocxWriter();
  const text = measureExportText(document);
  const isEstimated = text.characters <= ESTIMATE_LIMITS.characters && text.longestWord <= ESTIMATE_LIMITS.longestWord;
  const file = new Document({
    title: document.properties.title,
    creator: document.properties.author,
    subject: document.properties.subject,
    description: document.properties.description,
    keywords: (document.properties.keywords ?? []).join(', '),
    // updateFields only without the estimate: LibreOffice honours it by rebuilding the contents before
    // laying out the pages, which leaves every page number empty.
    features: { updateFields: !isEstimated },
    ...(isEstimated ? { pageNumbers: PAGE_NUMBER_ESTIMATE } : {}),
    styles: {
      default: {
        document: { run: { font: 'Calibri', size: 22, language: { value: document.language } }, paragraph: { spacing: { after: 120, line: 276 } } },
        heading1: { run: { font: 'Calibri', size: 32, bold: true, color: ACCENT, language: { value: document.language } }, paragraph: headingParagraph(1, { before: 480, after: 160 }) },
        heading2: { run: { font: 'Calibri', size: 26, bold: true, color: ACCENT, language: { value: document.language } }, paragraph: headingParagraph(2, { before: 320, after: 120 }) },
        heading3: { run: { font: 'Calibri', size: 23, bold: true, language: { value: document.language } }, paragraph: headingParagraph(3, { before: 240, after: 100 }) },
        title: { run: { font: 'Calibri', size: 40, bold: true, color: ACCENT, language: { value: document.language } } },
      },
      paragraphStyles: [
        { id: 'Caption', name: 'Caption', basedOn: 'Normal', next: 'Normal', run: { bold: true, size: 20 }, paragraph: { spacing: { before: 160, after: 60 }, keepNext: true } },
        { id: 'Note', name: 'Note', basedOn: 'Normal', next: 'Normal', run: { size: 19, color: '4D4D4D' } },
        { id: 'Quote', name: 'Quote', basedOn: 'Normal', next: 'Normal', run: { italics: true }, paragraph: { indent: { left: 567 } } },
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
            style: { paragraph: { indent: { left: 567 * (level + 1), hanging: 340 } } },
          })),
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin },
          },
          // The title page carries no page number.
          titlePage: true,
        },
        footers: {
          first: new Footer({ children: [new Paragraph({ children: [] })] }),
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ size: 18, children: ['Strona ', PageNumber.CURRENT, ' z ', PageNumber.TOTAL_PAGES] })],
              }),
            ],
          }),
        },
        children: [...titlePage(document), ...contents(document), ...document.body.flatMap((block) => writer.block(block))],
      },
    ],
  });
  const bytes = await Packer.toBuffer(file, false, [{ path: 'docProps/core.xml', data: coreProperties(document, generatedAt) }]);
  return {
    bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extension: 'docx',
  };
}

function headingParagraph(level: 1 | 2 | 3, spacing: { before: number; after: number }) {
  return { spacing, keepNext: true, outlineLevel: level - 1, numbering: { reference: HEADING_NUMBERS, level: level - 1 } };
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
    new Paragraph({ style: 'Caption', children: [new TextRun({ text: document.contentsTitle, size: 28, color: ACCENT })] }),
    new TableOfContents(document.contentsTitle, { hyperlink: true, headingStyleRange: '1-2' }),
    new Paragraph({ children: [new PageBreak()] }),
  ];
}

/** Walks the export blocks; keeps a counter so every ordered list starts again at 1. */
class DocxWriter {
  private orderedLists = 0;

  block(block: ExportBlock): Array<Paragraph | Table> {
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
        return this.table(block);
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

  private table(table: ExportTable): Array<Paragraph | Table> {
    // In points (9.5 pt text, 5 pt cell margins each side), then twentieths of a point.
    const columnWidths = approximateColumnWidths(table, CONTENT_WIDTH / 20, 9.5, 11).map((width) => Math.floor(width * 20));
    const cell = (text: string, column: number, kind: 'header' | 'rowHeader' | 'data' | 'total'): TableCell =>
      new TableCell({
        width: { size: columnWidths[column] ?? 0, type: WidthType.DXA },
        margins: { top: 60, bottom: 60, left: 100, right: 100 },
        shading: kind === 'header' ? { type: ShadingType.CLEAR, color: 'auto', fill: HEADER_FILL } : kind === 'rowHeader' ? { type: ShadingType.CLEAR, color: 'auto', fill: ROW_HEADER_FILL } : undefined,
        children: [
          new Paragraph({
            spacing: { after: 0 },
            alignment: table.align[column] === 'right' && kind !== 'header' ? AlignmentType.RIGHT : AlignmentType.LEFT,
            children: text.split('\n').map((line, index) => new TextRun({ text: line, break: index > 0 ? 1 : undefined, bold: kind !== 'data', size: 19 })),
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
      new Table({ width: { size: CONTENT_WIDTH, type: WidthType.DXA }, columnWidths, rows: [header, ...rows] }),
      new Paragraph({ spacing: { after: 60 }, children: [] }),
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
          font: run.code || isCode ? 'Consolas' : undefined,
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

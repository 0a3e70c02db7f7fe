import type { ExportBlock, ExportDocument, ExportHeading, ExportRun, ExportTable } from '../ExportDocument.js';
import { pageOrientations } from '../pageOrientations.js';
import { arialTextWidth, type ArialFace } from './arialTextWidth.js';
import { docxColumnWidths } from './docxColumnWidths.js';
import {
  DOCX_CELL_MARGIN,
  DOCX_CONTENTS_INDENT,
  DOCX_LIST_INDENT,
  DOCX_QUOTE_INDENT,
  DOCX_SIZE,
  DOCX_SPACING,
  docxTextArea,
  type DocxOrientation,
} from './docxGeometry.js';

/*
 * Measured on LibreOffice's own PDF of the export (pdftotext -bbox): every line of an "auto 1.15"
 * paragraph in 9.5-16 pt Arial is 13.8 pt below the one before (1.15 × 12 pt, whatever the size);
 * between two paragraphs the larger of the space after and the space before counts, not their sum;
 * a page that starts because the last one was full drops the first paragraph's space before (one
 * after a page or section break keeps it); a table row is its tallest cell's lines plus 6.5 pt
 * (cell margins and a border), the table a last border of 0.5 pt.
 */
const LINE = 13.8;
const ROW_EXTRA = 6.5;
const TABLE_BORDER = 0.5;
/** A line measured (summed exactly) within this of the margin was broken by LibreOffice in one case of the sample, fitted in none. */
const LINE_TOLERANCE = 0.4;

export interface EstimatedDocxPages {
  /** For each heading of the body, in order, the page it is on (1 = the title page). */
  headingPages: number[];
  pageCount: number;
}

type Text = Array<{ text: string; face: ArialFace; size: number }>;

/** What the pages are made of: paragraphs as their number of lines, tables as their rows' heights. */
type FlowItem =
  | { kind: 'paragraph'; lines: number; before: number; after: number; keepNext: boolean; heading?: number; isEmpty?: boolean }
  | { kind: 'table'; header: number; rows: number[] }
  | { kind: 'break'; orientation: DocxOrientation };

/**
 * Lays the Word file's pages out the way LibreOffice does (lines, spacing,
 * keep-with-next, table rows that do not split, repeated header rows, page
 * and section breaks) from the export model and the widths of Arial, and
 * says on which page each heading lands. It takes milliseconds where a
 * general DOCX layout takes seconds, because it knows the few kinds of
 * paragraphs and tables renderDocx writes.
 */
export function estimateDocxPages(document: ExportDocument): EstimatedDocxPages {
  const contentsEntries = document.body.filter((block): block is ExportHeading => block.kind === 'heading' && block.level <= 2);
  const body = bodyFlow(document.body);
  // The contents' length depends a little on its page numbers (an entry may wrap); two rounds settle it.
  let estimate = layOut([...contentsFlow(document, contentsEntries, () => '00'), ...body]);
  const pageOf = new Map(document.body.filter((block) => block.kind === 'heading').map((heading, index) => [heading, estimate.headingPages[index] ?? 0]));
  estimate = layOut([...contentsFlow(document, contentsEntries, (heading) => String(pageOf.get(heading) ?? '')), ...body]);
  return estimate;
}

function layOut(flow: FlowItem[]): EstimatedDocxPages {
  let orientation: DocxOrientation = 'portrait';
  let height = docxTextArea(orientation).height / 20;
  // The title page is page 1; the contents start after its page break.
  let page = 2;
  let y = 0;
  let previousAfter = 0;
  let isTop = true;
  let keepsBefore = true;
  const headingPages: number[] = [];

  const newPage = (): void => {
    page++;
    y = 0;
    previousAfter = 0;
    isTop = true;
    keepsBefore = false;
  };
  const spaceBefore = (before: number): number => (isTop ? (keepsBefore ? before : 0) : Math.max(previousAfter, before));

  for (let index = 0; index < flow.length; index++) {
    const item = flow[index];
    if (item === undefined) continue;
    if (item.kind === 'break') {
      if (!isTop || y > 0) newPage();
      keepsBefore = true;
      if (item.orientation !== orientation) {
        orientation = item.orientation;
        height = docxTextArea(orientation).height / 20;
      }
      continue;
    }
    if (item.kind === 'table') {
      y += isTop ? 0 : previousAfter;
      for (const [rowIndex, row] of item.rows.entries()) {
        if (y + row > height && !(isTop && rowIndex === 0)) {
          newPage();
          y = item.header;
        }
        y += row;
        isTop = false;
      }
      y += TABLE_BORDER;
      previousAfter = 0;
      continue;
    }
    // A paragraph kept with the next one moves to a new page when it and the start of the next do not fit.
    if (item.keepNext && !isTop) {
      const kept = keptHeight(flow, index, spaceBefore(item.before));
      if (kept <= height && y + kept > height) newPage();
    }
    if (!isTop && y + spaceBefore(item.before) + firstPart(item.lines) * LINE > height) newPage();
    // Asked again: a page that starts because the last one was full drops the space before.
    y += spaceBefore(item.before);
    if (item.heading !== undefined) headingPages[item.heading] = page;
    let left = item.lines;
    for (;;) {
      const fits = Math.max(1, Math.floor((height - y + 0.01) / LINE));
      if (left <= fits) {
        y += left * LINE;
        break;
      }
      // Widows and orphans: at least two lines stay on each page, else the lines move on together
      // (a page that starts with the paragraph takes what fits, so the lines always move on).
      const isPageStart = isTop && y === 0;
      const here = isPageStart ? fits : Math.min(fits, left - 2);
      if (here >= 2 || isPageStart) left -= here;
      newPage();
    }
    previousAfter = item.after;
    isTop = false;
  }
  return { headingPages, pageCount: page };
}

/** The lines of a paragraph that must stand together at the foot of a page: two, or all of a short one. */
function firstPart(lines: number): number {
  return lines < 4 ? lines : 2;
}

/** Height from the paragraph at `index` to the first line (or first rows) of the first paragraph not kept with its next. */
function keptHeight(flow: FlowItem[], index: number, firstBefore: number): number {
  let height = firstBefore;
  let previousAfter = 0;
  for (let next = index; next < flow.length; next++) {
    const item = flow[next];
    if (item === undefined || item.kind === 'break') return height;
    if (item.kind === 'table') return height + previousAfter + item.header + (item.rows[1] ?? 0);
    if (next > index) height += Math.max(previousAfter, item.before);
    if (!item.keepNext) return height + firstPart(item.lines) * LINE;
    height += item.lines * LINE;
    previousAfter = item.after;
  }
  return height;
}

function contentsFlow(document: ExportDocument, entries: ExportHeading[], pageOf: (heading: ExportHeading) => string): FlowItem[] {
  const width = docxTextArea('portrait').width / 20;
  const body = DOCX_SIZE.body / 2;
  return [
    paragraph([{ text: document.contentsTitle, face: 'bold', size: DOCX_SIZE.contentsTitle / 2 }], width, DOCX_SPACING.caption, true),
    ...entries.map((heading): FlowItem => {
      const text = `${numbered(heading)} ${pageOf(heading)}`;
      const indent = heading.level === 2 ? DOCX_CONTENTS_INDENT / 20 : 0;
      return paragraph([{ text, face: 'regular', size: body }], width - indent, { before: 0, after: DOCX_SPACING.contentsEntryAfter }, false);
    }),
    { kind: 'break', orientation: 'portrait' },
  ];
}

function bodyFlow(blocks: ExportBlock[]): FlowItem[] {
  const flow: FlowItem[] = [];
  let heading = 0;
  let orientation: DocxOrientation = 'portrait';
  const width = (): number => docxTextArea(orientation).width / 20;
  const body = DOCX_SIZE.body / 2;
  const normal = { before: 0, after: DOCX_SPACING.after };
  const visit = (block: ExportBlock, listDepth: number): void => {
    switch (block.kind) {
      case 'heading': {
        const text = [{ text: numbered(block), face: 'bold' as const, size: DOCX_SIZE.heading[block.level] / 2 }];
        flow.push({ ...paragraph(text, width(), DOCX_SPACING.heading[block.level], true), heading: heading++ });
        return;
      }
      case 'paragraph': {
        const size = block.variant === 'note' ? DOCX_SIZE.note / 2 : body;
        const indent = block.variant === 'quote' ? DOCX_QUOTE_INDENT / 20 : 0;
        flow.push(paragraph(runsText(block.runs, size, block.variant === 'code'), width() - indent, normal, false));
        return;
      }
      case 'list': {
        const indent = ((block.ordered ? DOCX_LIST_INDENT.ordered : DOCX_LIST_INDENT.bullet) * (Math.min(listDepth, 3) + 1)) / 20;
        for (const item of block.items) {
          flow.push(paragraph(runsText(item.runs, body, false), width() - indent, normal, false));
          for (const child of item.children) visit(child, child.kind === 'list' ? listDepth + 1 : listDepth);
        }
        return;
      }
      case 'table': {
        flow.push(paragraph([{ text: block.caption, face: 'bold', size: DOCX_SIZE.caption / 2 }], width(), DOCX_SPACING.caption, true));
        flow.push(tableFlow(block, orientation));
        flow.push({ ...paragraph([], width(), { before: 0, after: DOCX_SPACING.afterTable }, false), isEmpty: true });
        return;
      }
    }
  };
  const orientations = pageOrientations(blocks);
  blocks.forEach((block, index) => {
    // Each change of orientation is a section break, so a new page.
    const wanted = orientations[index] ?? 'portrait';
    if (wanted !== orientation) {
      orientation = wanted;
      // The empty paragraph after a table that ends a section carries the section break: LibreOffice
      // gives it no line (measured: it never spills onto a page of its own).
      const last = flow.at(-1);
      if (last?.kind === 'paragraph' && last.isEmpty === true) flow.pop();
      flow.push({ kind: 'break', orientation });
    }
    visit(block, 0);
  });
  return flow;
}

function tableFlow(table: ExportTable, orientation: DocxOrientation): FlowItem {
  const columns = docxColumnWidths(table, orientation).map((width) => (width - 2 * DOCX_CELL_MARGIN.horizontal) / 20);
  const size = DOCX_SIZE.tableText / 2;
  const rowHeight = (cells: string[], boldColumn: (column: number) => boolean): number => {
    const lines = cells.map((cell, column) =>
      cell.split('\n').reduce((sum, line) => sum + lineCount([{ text: line, face: boldColumn(column) ? 'bold' : 'regular', size }], columns[column] ?? 0), 0),
    );
    return Math.max(1, ...lines) * LINE + ROW_EXTRA;
  };
  const header = rowHeight(table.header, () => true);
  const rows = table.rows.map((row) => rowHeight(row.cells, (column) => row.isTotal === true || (column === 0 && table.hasRowHeaders)));
  return { kind: 'table', header, rows: [header, ...rows] };
}

function paragraph(text: Text, width: number, spacing: { before: number; after: number }, keepNext: boolean): FlowItem & { kind: 'paragraph' } {
  const lines = text.length === 0 ? 1 : splitLines(text).reduce((sum, line) => sum + lineCount(line, width), 0);
  return { kind: 'paragraph', lines, before: spacing.before / 20, after: spacing.after / 20, keepNext };
}

function runsText(runs: ExportRun[], size: number, isCode: boolean): Text {
  return runs.map((run) => ({ text: run.text, face: run.code || isCode ? 'mono' : run.bold ? 'bold' : 'regular', size }));
}

/** The runs cut at their line breaks ('\n'). */
function splitLines(text: Text): Text[] {
  const lines: Text[] = [[]];
  for (const run of text) {
    run.text.split('\n').forEach((part, index) => {
      if (index > 0) lines.push([]);
      lines.at(-1)?.push({ ...run, text: part });
    });
  }
  return lines;
}

/**
 * How many lines a line of runs takes at a width in points: words are set one after the other and a line
 * breaks at a space or after a hyphen, dash or slash; a word wider than the line is broken where it ends.
 */
function lineCount(text: Text, fullWidth: number): number {
  // LibreOffice rounds each letter's width, so a line that our sum says ends right at the margin may not fit.
  // A column squeezed to nothing (a table of a hundred columns) still holds a letter a line.
  const width = Math.max(fullWidth - LINE_TOLERANCE, 1);
  let lines = 1;
  let used = 0;
  let pendingSpace = 0;
  for (const run of text) {
    for (const piece of run.text.split(/(?<=[ \-–/])/)) {
      const word = piece.replace(/ +$/, '');
      const wordWidth = arialTextWidth(word, run.size, run.face);
      const spaceWidth = arialTextWidth(piece.slice(word.length), run.size, run.face);
      if (used > 0 && used + pendingSpace + wordWidth > width) {
        lines++;
        used = 0;
      } else {
        used += pendingSpace;
      }
      if (wordWidth > width) {
        lines += Math.floor(wordWidth / width);
        used = wordWidth % width;
      } else {
        used += wordWidth;
      }
      pendingSpace = spaceWidth;
    }
  }
  return lines;
}

/** The heading as Word shows it: the number its numbering writes, a space, the text. */
function numbered(heading: ExportHeading): string {
  return heading.number === '' ? heading.text : `${heading.number} ${heading.text}`;
}

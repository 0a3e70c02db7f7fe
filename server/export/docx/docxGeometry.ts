import type { PageOrientation } from '../pageOrientations.js';

/**
 * The page, fonts and spacing the Word export is written with, shared by
 * renderDocx (which writes them) and estimateDocxPages (which lays the pages
 * out from them for the contents' page numbers), so the two never disagree.
 * Lengths in twentieths of a point (twips), font sizes in half-points, as in
 * the file.
 */
export const DOCX_PAGE = { width: 11906, height: 16838, margin: 1417 } as const;

export type DocxOrientation = PageOrientation;

/** Width and height of the text area of a page of the given orientation, in twips. */
export function docxTextArea(orientation: DocxOrientation): { width: number; height: number } {
  const portrait = { width: DOCX_PAGE.width - 2 * DOCX_PAGE.margin, height: DOCX_PAGE.height - 2 * DOCX_PAGE.margin };
  return orientation === 'portrait' ? portrait : { width: DOCX_PAGE.height - 2 * DOCX_PAGE.margin, height: DOCX_PAGE.width - 2 * DOCX_PAGE.margin };
}

/**
 * Arial rather than Calibri: LibreOffice draws it with Liberation Sans, made to
 * Arial's widths, wherever Arial is missing, so Word and LibreOffice break the
 * lines alike and the estimated page numbers hold in both (with Calibri and no
 * Carlito, LibreOffice fell back to the wider DejaVu Sans and ran two pages longer).
 */
export const DOCX_FONT = 'Arial';
/** Drawn with Liberation Mono, also made to its widths. */
export const DOCX_CODE_FONT = 'Courier New';

export const DOCX_SIZE = {
  body: 22,
  heading: { 1: 32, 2: 26, 3: 23 },
  title: 40,
  caption: 20,
  contentsTitle: 28,
  note: 19,
  tableText: 19,
  footer: 18,
} as const;

export const DOCX_SPACING = {
  /** Every paragraph's line spacing ("auto", 1.15) and space after, unless its style says otherwise. */
  line: 276,
  after: 120,
  heading: { 1: { before: 480, after: 160 }, 2: { before: 320, after: 120 }, 3: { before: 240, after: 100 } },
  caption: { before: 160, after: 60 },
  contentsEntryAfter: 100,
  /** The empty paragraph after each table. */
  afterTable: 60,
} as const;

/** Cell margins of every table cell. */
export const DOCX_CELL_MARGIN = { vertical: 60, horizontal: 100 } as const;

/** Left indent of list items per level: numbered lists (ours), bullets (docx's default bullets). */
export const DOCX_LIST_INDENT = { ordered: 567, bullet: 720 } as const;
export const DOCX_QUOTE_INDENT = 567;
/** Left indent of the level-2 entries of the contents, and the space after each entry: docx's own TOC1/TOC2 styles. */
export const DOCX_CONTENTS_INDENT = 220;

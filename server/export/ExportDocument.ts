/**
 * The neutral document every file export is rendered from: built once from a
 * snapshot by buildExportDocument, then walked by one small renderer per
 * format. It holds only presentation-ready text (labels resolved, numbers
 * formatted, rejected proposals already left out), so the renderers make no
 * domain decisions and all formats say the same thing.
 */
export interface ExportDocument {
  /** BCP 47 language of the whole document. */
  language: 'pl-PL';
  /** Document properties (DOCX core properties, PDF info, HTML <title>). */
  properties: { title: string; author: string; subject: string; description: string; keywords?: string[] };
  titlePage: TitlePage;
  /** Caption of the table of contents. */
  contentsTitle: string;
  /** Headings, paragraphs, lists and tables in reading order, annexes last. */
  body: ExportBlock[];
}

export interface TitlePage {
  /** "Załącznik do Uchwały Nr … Zarządu Województwa … z dnia …", top right on the page. */
  annexLine: string;
  kindLabel: string;
  title: string;
  territory: string;
  /** "na lata 2026–2028" */
  period: string;
  /** "Organ przyjmujący: …" */
  adoptingBody: string;
  /** Which snapshot this is: draft date, version name or the agreed decision, and the checksum. */
  versionLines: string[];
  /** Small print, such as the note that a sample plan is fictitious. */
  notes: string[];
}

export type ExportBlock = ExportHeading | ExportParagraph | ExportList | ExportTable;

export interface ExportHeading {
  kind: 'heading';
  level: 1 | 2 | 3;
  /** "1.", "1.2.", or "" for annexes (their text carries "Załącznik nr 1"). */
  number: string;
  text: string;
  /** Unique, ASCII, usable as an HTML id, a PDF destination and a DOCX bookmark. */
  anchor: string;
}

export interface ExportParagraph {
  kind: 'paragraph';
  runs: ExportRun[];
  /** 'quote' for block quotes, 'note' for small explanatory lines, 'code' for code blocks. */
  variant: 'body' | 'quote' | 'note' | 'code';
}

export interface ExportRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strike?: boolean;
  code?: boolean;
  /** Only http(s) and mailto addresses ever get here. */
  href?: string;
}

export interface ExportList {
  kind: 'list';
  ordered: boolean;
  items: ExportListItem[];
}

export interface ExportListItem {
  /** The item's own text (its first paragraph). */
  runs: ExportRun[];
  /** Further paragraphs and nested lists inside the item. */
  children: ExportBlock[];
}

export interface ExportTable {
  kind: 'table';
  /** Shown above the table and used as its accessible name. */
  caption: string;
  /** The header row, repeated on every page. */
  header: string[];
  rows: ExportTableRow[];
  /** Definition-style table: the first cell of each body row is a row header (field name). */
  hasRowHeaders: boolean;
  /** Relative column widths (same length as header). */
  widths: number[];
  /** Per column: numbers are right-aligned. */
  align: Array<'left' | 'right'>;
  /**
   * 'landscape' for a table too wide for an upright page: it gets pages of its own turned
   * sideways (in DOCX and ODT a section / page style of its own, in PDF landscape pages), and
   * what follows it starts on an upright page again. Neighbouring landscape tables share them.
   */
  orientation?: 'portrait' | 'landscape';
}

export interface ExportTableRow {
  /** Cell text; '\n' separates lines within a cell. */
  cells: string[];
  /** A sum row ("Razem"), shown in bold. */
  isTotal?: boolean;
}

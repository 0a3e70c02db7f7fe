import type { ExportTable } from '../ExportDocument.js';
import { approximateColumnWidths } from '../approximateColumnWidths.js';
import { DOCX_CELL_MARGIN, DOCX_SIZE, docxTextArea, type DocxOrientation } from './docxGeometry.js';

/** Column widths of a table in the Word file, in twips: the model's proportions, widened to each column's longest word. */
export function docxColumnWidths(table: ExportTable, orientation: DocxOrientation): number[] {
  const padding = (2 * DOCX_CELL_MARGIN.horizontal) / 20 + 1;
  return approximateColumnWidths(table, docxTextArea(orientation).width / 20, DOCX_SIZE.tableText / 2, padding).map((width) => Math.floor(width * 20));
}

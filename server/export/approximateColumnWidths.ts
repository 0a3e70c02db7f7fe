import type { ExportTable } from './ExportDocument.js';
import { fitColumnWidths } from './fitColumnWidths.js';

// A generous average advance of a bold letter, in ems: Arial (Liberation Sans) and Calibri need about 0.6, DejaVu Sans
// (what LibreOffice falls back to where neither is installed) about 0.7.
const LETTER_EM = 0.7;

/**
 * Column widths, in points, for a word processor that lays the table out
 * itself (DOCX, ODT), so it cannot be measured here: the model's proportions,
 * widened so each column's longest word fits, estimated from its letters.
 */
export function approximateColumnWidths(table: ExportTable, total: number, fontSize: number, padding: number): number[] {
  const minimums = table.header.map((_heading, column) => {
    let letters = 0;
    for (const text of [table.header[column] ?? '', ...table.rows.map((row) => row.cells[column] ?? '')]) {
      // Lines break at spaces and after hyphens, never at the no-break spaces of grouped numbers.
      for (const word of text.split(/[ \t\n\r]+/).flatMap((part) => part.split(/(?<=[-/\u2013])/))) letters = Math.max(letters, [...word].length);
    }
    return letters * fontSize * LETTER_EM + padding;
  });
  return fitColumnWidths(table.widths, minimums, total);
}

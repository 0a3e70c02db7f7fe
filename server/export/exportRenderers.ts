import type { ExportFormat, ExportRenderer } from './ExportFormat.js';
import { renderHtml } from './renderHtml.js';
import { renderJson } from './renderJson.js';
import { renderMarkdown } from './renderMarkdown.js';

/**
 * One renderer per format; all file formats are rendered from the same ExportDocument.
 * The office formats load their libraries on first use: pdfkit alone takes about 280 ms
 * to import, which would otherwise be paid on every server start.
 */
export const exportRenderers: Partial<Record<ExportFormat, ExportRenderer>> = {
  json: renderJson,
  docx: async (input) => (await import('./renderDocx.js')).renderDocx(input),
  odt: async (input) => (await import('./renderOdt.js')).renderOdt(input),
  pdf: async (input) => (await import('./renderPdf.js')).renderPdf(input),
  html: renderHtml,
  md: renderMarkdown,
};

import type { ExportFormat, ExportRenderer } from './ExportFormat.js';
import { renderDocx } from './renderDocx.js';
import { renderHtml } from './renderHtml.js';
import { renderJson } from './renderJson.js';
import { renderMarkdown } from './renderMarkdown.js';
import { renderPdf } from './renderPdf.js';

/** One renderer per format; all file formats are rendered from the same ExportDocument. */
export const exportRenderers: Partial<Record<ExportFormat, ExportRenderer>> = {
  json: renderJson,
  docx: renderDocx,
  pdf: renderPdf,
  html: renderHtml,
  md: renderMarkdown,
};

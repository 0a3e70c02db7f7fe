import type { ExportRenderer } from './ExportFormat.js';
import type { OfficeFormat } from './officeFormats.js';
import { renderDocx } from './renderDocx.js';
import { renderOdt } from './renderOdt.js';
import { renderPdf } from './renderPdf.js';

/** What the export worker renders with (exportWorker.ts); the server's own thread never imports it. */
export const officeRenderers: Record<OfficeFormat, ExportRenderer> = {
  docx: renderDocx,
  odt: renderOdt,
  pdf: renderPdf,
};

import type { ExportRenderer } from './ExportFormat.js';
import { renderDocx } from './renderDocx.js';
import { renderOdt } from './renderOdt.js';
import { renderPdf } from './renderPdf.js';

/** The formats whose rendering takes long enough to stall the server: rendered in a worker thread. */
export const OFFICE_FORMATS = ['docx', 'odt', 'pdf'] as const;
export type OfficeFormat = (typeof OFFICE_FORMATS)[number];

export const officeRenderers: Record<OfficeFormat, ExportRenderer> = {
  docx: renderDocx,
  odt: renderOdt,
  pdf: renderPdf,
};

import { buildExportDocument } from './buildExportDocument.js';
import type { ExportRenderer } from './ExportFormat.js';
import { PdfWriter } from './PdfWriter.js';

/** Tagged PDF 1.7 for publication (see PdfWriter). */
export const renderPdf: ExportRenderer = async (input) => {
  const document = buildExportDocument(input);
  const bytes = await new PdfWriter(document, input.generatedAt).render();
  return { bytes, contentType: 'application/pdf', extension: 'pdf' };
};

import { buildExportDocument } from './buildExportDocument.js';
import type { ExportRenderer } from './ExportFormat.js';
import { ODT_MIME_TYPE, writeOdt } from './odt/writeOdt.js';

/** OpenDocument text (the KRI open format) from the same export document as DOCX and PDF. */
export const renderOdt: ExportRenderer = async (input) => ({
  bytes: writeOdt(buildExportDocument(input), input.generatedAt),
  contentType: ODT_MIME_TYPE,
  extension: 'odt',
});

import type { RenderedExport } from '../export/ExportFormat.js';
import type { ExportDocument } from '../export/ExportDocument.js';

export const REMARKS_TABLE_FORMATS = ['docx', 'odt', 'pdf', 'html'] as const;
export type RemarksTableFormat = (typeof REMARKS_TABLE_FORMATS)[number];

type DocumentRenderer = (document: ExportDocument, generatedAt: Date) => Promise<RenderedExport>;

/** The plan export's own renderers, loaded on first use as the plan export loads them. */
export const remarksTableRenderers: Record<RemarksTableFormat, DocumentRenderer> = {
  docx: async (document, generatedAt) => (await import('../export/renderDocx.js')).renderDocxDocument(document, generatedAt),
  pdf: async (document, generatedAt) => {
    const { PdfWriter } = await import('../export/PdfWriter.js');
    return { bytes: await new PdfWriter(document, generatedAt).render(), contentType: 'application/pdf', extension: 'pdf' };
  },
  odt: async (document, generatedAt) => {
    const { ODT_MIME_TYPE, writeOdt } = await import('../export/odt/writeOdt.js');
    return { bytes: writeOdt(document, generatedAt), contentType: ODT_MIME_TYPE, extension: 'odt' };
  },
  html: async (document) => (await import('../export/renderHtml.js')).renderHtmlDocument(document),
};

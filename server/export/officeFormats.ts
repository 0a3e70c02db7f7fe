/**
 * The formats whose rendering takes long enough to stall the server, so they render in the export
 * worker (ExportWorkerPool). Kept apart from the renderers: importing those loads docx and pdfkit.
 */
export const OFFICE_FORMATS = ['docx', 'odt', 'pdf'] as const;
export type OfficeFormat = (typeof OFFICE_FORMATS)[number];

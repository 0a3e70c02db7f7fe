import type { VersionSnapshot } from '../versions/VersionService.js';

export const EXPORT_FORMATS = ['json', 'docx', 'odt', 'pdf', 'html', 'md'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportOptions {
  /** Rejected proposals: left out of the text, or listed in an annex. */
  rejected: 'omit' | 'annex';
}

/** What every renderer receives: one frozen moment of a plan. */
export interface ExportInput {
  snapshot: VersionSnapshot;
  options: ExportOptions;
  /** Used for dates inside the file, so the same input gives the same bytes. */
  generatedAt: Date;
}

export interface RenderedExport {
  bytes: Uint8Array;
  contentType: string;
  extension: string;
}

export type ExportRenderer = (input: ExportInput) => Promise<RenderedExport>;

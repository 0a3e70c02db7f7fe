import { ApiError, NETWORK_ERROR_CODE } from '../api/ApiError.js';
import { filenameFromContentDisposition } from './filenameFromContentDisposition.js';

export const EXPORT_FORMATS = ['docx', 'odt', 'pdf', 'html', 'md', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportRequest {
  planId: string;
  format: ExportFormat;
  /** A version id or 'draft'. */
  version: string;
  rejected: 'omit' | 'annex';
}

/**
 * Fetches the whole file first and only then hands it to the browser as a
 * download, so a failed export never leaves a partial file behind.
 * Resolves with the file name the server chose.
 */
export async function downloadExport(request: ExportRequest, signal?: AbortSignal): Promise<string> {
  const query = new URLSearchParams({ format: request.format, version: request.version, rejected: request.rejected });
  let response: Response;
  try {
    response = await fetch(`/api/plans/${encodeURIComponent(request.planId)}/export?${query.toString()}`, { credentials: 'same-origin', signal });
  } catch (error) {
    throw new ApiError(0, NETWORK_ERROR_CODE, error instanceof Error ? error.message : 'Network error');
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { code?: unknown; message?: unknown } } | null;
    const code = typeof body?.error?.code === 'string' ? body.error.code : `http${response.status}`;
    throw new ApiError(response.status, code, typeof body?.error?.message === 'string' ? body.error.message : response.statusText);
  }
  const blob = await response.blob();
  const filename = filenameFromContentDisposition(response.headers.get('content-disposition'), `plan.${request.format}`);
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken its copy once the click is handled.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return filename;
}

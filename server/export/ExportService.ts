import type { ServiceDatabase } from '../database/ServiceDatabase.js';
import { AppError } from '../errors.js';
import type { User } from '../accounts/AccountService.js';
import type { VersionService } from '../versions/VersionService.js';
import type { ExportFormat, ExportOptions, ExportRenderer, RenderedExport } from './ExportFormat.js';
import { exportFileName, type ExportFileName } from './exportFileName.js';

export interface ExportServiceOptions {
  database: ServiceDatabase;
  versions: VersionService;
  renderers: Partial<Record<ExportFormat, ExportRenderer>>;
}

export interface ExportResult extends RenderedExport {
  fileName: ExportFileName;
}

/**
 * Renders the draft or a version. An agreed version's file is rendered once and
 * stored, so it stays byte-identical whatever happens to the draft later.
 */
export class ExportService {
  constructor(private readonly options: ExportServiceOptions) {}

  async export(planId: string, user: User, request: { format: ExportFormat; versionId: string; options: ExportOptions }): Promise<ExportResult> {
    const render = this.options.renderers[request.format];
    if (!render) throw new AppError(400, 'unsupportedFormat', `Export to ${request.format} is not available`);
    const snapshot = await this.options.versions.snapshot(planId, user, request.versionId);
    const version = snapshot.version;
    const variant = `${request.format}:${request.options.rejected}`;
    const nameOf = (extension: string): ExportFileName => exportFileName(typeof snapshot.plan.title === 'string' ? snapshot.plan.title : '', version, extension);
    if (version?.kind === 'agreed') {
      const cached = await this.options.database.get<{ bytes: Buffer; content_type: string; extension: string }>(
        'SELECT bytes, content_type, extension FROM version_exports WHERE version_id = ? AND variant = ?',
        [version.id, variant],
      );
      if (cached) {
        return { bytes: new Uint8Array(cached.bytes), contentType: cached.content_type, extension: cached.extension, fileName: nameOf(cached.extension) };
      }
    }
    const generatedAt = new Date(version?.createdAt ?? Date.now());
    const rendered = await render({ snapshot, options: request.options, generatedAt });
    if (version?.kind === 'agreed') {
      await this.options.database.run(
        `INSERT INTO version_exports (version_id, variant, bytes, content_type, extension, created_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT DO NOTHING`,
        [version.id, variant, Buffer.from(rendered.bytes), rendered.contentType, rendered.extension, Date.now()],
      );
    }
    return { ...rendered, fileName: nameOf(rendered.extension) };
  }
}

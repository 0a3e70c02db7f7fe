import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ExportService } from '../export/ExportService.js';
import { EXPORT_FORMATS } from '../export/ExportFormat.js';
import { contentDisposition } from '../export/exportFileName.js';
import { DRAFT } from '../versions/VersionService.js';
import { idParams } from './schemas.js';
import { DOWNLOAD_CONTENT_SECURITY_POLICY } from './securityHeaders.js';
import { lazySchema } from './lazySchema.js';

const exportQuery = lazySchema(() =>
  z.object({
    format: z.enum(EXPORT_FORMATS).default('json'),
    version: z.string().min(1).max(100).default(DRAFT),
    rejected: z.enum(['omit', 'annex']).default('omit'),
  }),
);

export function exportRoutes(exports: ExportService) {
  return async (app: FastifyInstance): Promise<void> => {
    app.get('/plans/:id/export', async (request, reply) => {
      const { user } = request;
      const { id } = idParams.parse(request.params);
      const query = exportQuery.parse(request.query);
      // Rendered completely before anything is sent: a failure never leaves a half-written file.
      const result = await exports.export(id, user, { format: query.format, versionId: query.version, options: { rejected: query.rejected } });
      return reply
        .header('content-type', result.contentType)
        .header('content-disposition', contentDisposition(result.fileName))
        .header('cache-control', 'no-store')
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', DOWNLOAD_CONTENT_SECURITY_POLICY)
        .send(Buffer.from(result.bytes));
    });
  };
}

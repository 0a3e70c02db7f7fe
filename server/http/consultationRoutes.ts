import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ConsultationService } from '../consultations/ConsultationService.js';
import { openConsultationBody, remarkResponseBody, remarkThreadBody } from '../consultations/remarkInput.js';
import { REMARKS_TABLE_FORMATS } from '../consultations/remarksTableRenderers.js';
import { REMARKS_TABLE_TITLE } from '../consultations/remarksTableDocument.js';
import { contentDisposition, exportFileName } from '../export/exportFileName.js';
import { idParams } from './schemas.js';
import { lazySchema } from './lazySchema.js';

const consultationParams = lazySchema(() => z.object({ consultationId: z.string().min(1).max(100) }));
const remarkParams = lazySchema(() => z.object({ consultationId: z.string().min(1).max(100), remarkId: z.string().min(1).max(100) }));
const tableQuery = lazySchema(() => z.object({ format: z.enum(REMARKS_TABLE_FORMATS).default('docx') }));

/** The team's side of consultations: open and close them, read the remarks, respond, discuss, export the table. */
export function consultationRoutes(consultations: ConsultationService) {
  return async (app: FastifyInstance): Promise<void> => {
    app.get('/plans/:id/consultations', async (request) => {
      const { user } = request;
      const { id } = idParams.parse(request.params);
      return { consultations: await consultations.list(id, user) };
    });

    app.post('/plans/:id/consultations', async (request, reply) => {
      const { user } = request;
      const { id } = idParams.parse(request.params);
      return reply.status(201).send({ consultation: await consultations.open(id, user, openConsultationBody.parse(request.body)) });
    });

    app.post('/consultations/:consultationId/close', async (request) => {
      const { user } = request;
      const { consultationId } = consultationParams.parse(request.params);
      return { consultation: await consultations.close(consultationId, user) };
    });

    app.get('/consultations/:consultationId/remarks', async (request) => {
      const { user } = request;
      const { consultationId } = consultationParams.parse(request.params);
      return { remarks: await consultations.remarks(consultationId, user) };
    });

    app.post('/consultations/:consultationId/remarks/:remarkId/response', async (request) => {
      const { user } = request;
      const { consultationId, remarkId } = remarkParams.parse(request.params);
      return { remark: await consultations.respond(consultationId, remarkId, user, remarkResponseBody.parse(request.body)) };
    });

    app.post('/consultations/:consultationId/remarks/:remarkId/thread', async (request) => {
      const { user } = request;
      const { consultationId, remarkId } = remarkParams.parse(request.params);
      const { body } = remarkThreadBody.parse(request.body);
      return { remark: await consultations.startThread(consultationId, remarkId, user, body) };
    });

    app.post('/consultations/:consultationId/remarks/:remarkId/suggestion', async (request) => {
      const { user } = request;
      const { consultationId, remarkId } = remarkParams.parse(request.params);
      return consultations.suggest(consultationId, remarkId, user);
    });

    app.get('/consultations/:consultationId/remarks-table', async (request, reply) => {
      const { user } = request;
      const { consultationId } = consultationParams.parse(request.params);
      const { format } = tableQuery.parse(request.query);
      const table = await consultations.remarksTable(consultationId, user, format);
      const name = exportFileName(`${REMARKS_TABLE_TITLE} ${table.title}`, null, table.extension);
      const fileName = { ascii: name.ascii.replace(/-wersja-robocza(?=\.)/, ''), full: `${REMARKS_TABLE_TITLE} – ${table.title}.${table.extension}` };
      return reply
        .header('content-type', table.contentType)
        .header('content-disposition', contentDisposition(fileName))
        .header('cache-control', 'no-store')
        .send(Buffer.from(table.bytes));
    });
  };
}

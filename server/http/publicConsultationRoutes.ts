import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ConsultationService } from '../consultations/ConsultationService.js';
import { lazySchema } from './lazySchema.js';

const tokenParams = lazySchema(() => z.object({ token: z.string().min(16).max(100) }));

// Six text fields at their limits fit well inside; anything bigger is not a remark.
const REMARK_BODY_LIMIT = 64 * 1024;

/** What anyone with the link may do, without an account: read the consulted version and send a remark. */
export function publicConsultationRoutes(consultations: ConsultationService) {
  return async (app: FastifyInstance): Promise<void> => {
    app.get('/public/consultations/:token', async (request, reply) => {
      const { token } = tokenParams.parse(request.params);
      const consultation = await consultations.publicConsultation(token);
      return reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer').send({ consultation });
    });

    app.post('/public/consultations/:token/remarks', { bodyLimit: REMARK_BODY_LIMIT }, async (request, reply) => {
      try {
        const { token } = tokenParams.parse(request.params);
        const receipt = await consultations.submit(token, request.ip, request.body);
        return reply.status(201).send({ receipt });
      } catch (error) {
        const retryAfter = retryAfterOf(error);
        if (retryAfter !== null) reply.header('retry-after', String(retryAfter));
        throw error;
      }
    });
  };
}

function retryAfterOf(error: unknown): number | null {
  if (typeof error !== 'object' || error === null || !('status' in error) || error.status !== 429) return null;
  const details = 'details' in error ? (error.details as { retryAfterSeconds?: unknown } | undefined) : undefined;
  return typeof details?.retryAfterSeconds === 'number' ? details.retryAfterSeconds : null;
}

import type { FastifyInstance } from 'fastify';
import { PUBLIC_ROUTE } from './sessionUser.js';

export async function healthRoutes(app: FastifyInstance): Promise<void> {
  app.get('/health', PUBLIC_ROUTE, async () => ({ status: 'ok' }));
}

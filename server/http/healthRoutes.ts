import type { FastifyInstance } from 'fastify';
import type { StorageHealth } from '../persistence/StorageHealth.js';
import { PUBLIC_ROUTE } from './sessionUser.js';

/**
 * `ok`, or `degraded` with the reason (for example a full disk: reads are
 * served, writes wait in memory and are retried). Degraded still answers 200:
 * the server is useful to readers, and it recovers without a restart.
 */
export async function healthRoutes(app: FastifyInstance, storageHealth?: StorageHealth): Promise<void> {
  app.get('/health', PUBLIC_ROUTE, async () => {
    const storage = storageHealth?.problem ?? null;
    if (storage === null) return { status: 'ok' };
    return {
      status: 'degraded',
      problems: [
        { kind: 'storage', message: `Changes cannot be stored: ${storage.reason}`, since: new Date(storage.since).toISOString(), documents: storage.documents.length },
      ],
    };
  });
}

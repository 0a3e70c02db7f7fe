import type { FastifyInstance } from 'fastify';
import type { StorageHealth } from '../persistence/StorageHealth.js';
import { PUBLIC_ROUTE } from './sessionUser.js';

/** One dependency /api/health reports on: null when it is fine, else what is wrong. */
export interface HealthCheck {
  /** `database`, `redis`… */
  kind: string;
  check(): Promise<string | null>;
}

const CHECK_TIMEOUT_MS = 2_000;

/**
 * `ok`, or `degraded` with the reasons (a full disk: reads are served, writes wait in memory and
 * are retried; Redis unreachable: peers on other instances reconnect, nothing is lost). Degraded
 * still answers 200: the server is useful, and it recovers without a restart.
 */
export async function healthRoutes(app: FastifyInstance, storageHealth?: StorageHealth, checks: readonly HealthCheck[] = [], instance?: string): Promise<void> {
  app.get('/health', PUBLIC_ROUTE, async () => {
    const problems: Array<Record<string, unknown>> = [];
    const storage = storageHealth?.problem ?? null;
    if (storage !== null) {
      problems.push({ kind: 'storage', message: `Changes cannot be stored: ${storage.reason}`, since: new Date(storage.since).toISOString(), documents: storage.documents.length });
    }
    const results = await Promise.all(checks.map(async (check) => ({ kind: check.kind, problem: await withTimeout(check.check()) })));
    for (const { kind, problem } of results) if (problem !== null) problems.push({ kind, message: problem });
    const detail = instance === undefined ? {} : { instance, checks: Object.fromEntries(results.map(({ kind, problem }) => [kind, problem === null ? 'ok' : 'failing'])) };
    return problems.length === 0 ? { status: 'ok', ...detail } : { status: 'degraded', ...detail, problems };
  });
}

async function withTimeout(check: Promise<string | null>): Promise<string | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`no answer within ${CHECK_TIMEOUT_MS} ms`), CHECK_TIMEOUT_MS);
  });
  try {
    return await Promise.race([check.catch((error: unknown) => (error instanceof Error ? error.message : String(error))), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

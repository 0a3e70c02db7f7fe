import { existsSync } from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import fastifyCookie from '@fastify/cookie';
import { ZodError } from 'zod';
import { AppError } from '../errors.js';
import type { Logger } from '../log.js';
import { describeError } from '../log.js';
import { healthRoutes, type HealthCheck } from './healthRoutes.js';
import type { StorageHealth } from '../persistence/StorageHealth.js';
import { isAllowedOrigin } from '../auth/isAllowedOrigin.js';
import { registerSecurityHeaders } from './securityHeaders.js';
import { ANONYMOUS_BODY_LIMIT, registerSessionUser, type SessionUserOptions } from './sessionUser.js';
import { zodOnlySchemaCompilers } from './zodOnlySchemaCompilers.js';

const NOT_FOUND_BODY = { error: { code: 'notFound', message: 'Not found' } } as const;

export interface HttpAppOptions extends SessionUserOptions {
  clientDir: string;
  log: Logger;
  allowedOrigins: readonly string[];
  /** Trust X-Forwarded-* from a reverse proxy (needed for Secure cookies behind HTTPS). */
  trustProxy: boolean;
  /** Resource routes, registered under /api. */
  routes: Array<(app: FastifyInstance) => Promise<void> | void>;
  /** What /api/health reports about writes (a full disk makes it `degraded`). */
  storageHealth?: StorageHealth;
  /** Dependencies /api/health checks on each request (database, Redis). */
  healthChecks?: readonly HealthCheck[];
  /** Named in /api/health when there are several instances. */
  instanceId?: string;
}

/** Fastify with JSON errors for /api and the built client (SPA fallback) for everything else. */
export async function createHttpApp(options: HttpAppOptions): Promise<FastifyInstance> {
  // Routes under /api set their own limits (sessionUser.ts); anything else has no business sending a body.
  const app = Fastify({
    logger: false,
    bodyLimit: ANONYMOUS_BODY_LIMIT,
    trustProxy: options.trustProxy,
    schemaController: { compilersFactory: zodOnlySchemaCompilers },
  });
  await app.register(fastifyCookie);
  await registerSecurityHeaders(app, { trustProxy: options.trustProxy });

  // Defence in depth next to SameSite=Lax: a browser write from a foreign page is refused.
  app.addHook('onRequest', async (request, reply) => {
    if (request.method === 'GET' || request.method === 'HEAD' || !request.url.startsWith('/api/')) return;
    if (!isAllowedOrigin(request.raw, options.allowedOrigins)) {
      return reply.status(403).send({ error: { code: 'originNotAllowed', message: 'Origin not allowed' } });
    }
  });

  app.setErrorHandler((error, request, reply) => {
    // One body for every missing record: "in another workspace" and "never existed" must read the same.
    if (error instanceof AppError && error.status === 404) return reply.status(404).send(NOT_FOUND_BODY);
    if (error instanceof AppError) {
      return reply.status(error.status).send({ error: { code: error.code, message: error.message, details: error.details } });
    }
    if (error instanceof ZodError) {
      const details = error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
      const summary = details.map((detail) => `${detail.path || 'body'}: ${detail.message}`).join('; ');
      return reply.status(400).send({ error: { code: 'invalidBody', message: summary, details } });
    }
    const status = (error as { statusCode?: number }).statusCode;
    if (status === 413) {
      return reply.status(413).send({ error: { code: 'bodyTooLarge', message: (error as Error).message } });
    }
    if (status !== undefined && status >= 400 && status < 500) {
      return reply.status(status).send({ error: { code: 'badRequest', message: (error as Error).message } });
    }
    options.log.error('request failed', { method: request.method, url: request.url, error: describeError(error) });
    return reply.status(500).send({ error: { code: 'internal', message: 'Internal server error' } });
  });

  await app.register(
    async (api) => {
      registerSessionUser(api, options);
      await healthRoutes(api, options.storageHealth, options.healthChecks, options.instanceId);
      for (const route of options.routes) await route(api);
      api.setNotFoundHandler((request, reply) =>
        reply.status(404).send({ error: { code: 'notFound', message: `No route ${request.method} ${request.url}` } }),
      );
    },
    { prefix: '/api' },
  );

  const indexFile = path.join(options.clientDir, 'index.html');
  if (existsSync(indexFile)) {
    await app.register(fastifyStatic, { root: options.clientDir, wildcard: false });
    app.setNotFoundHandler((request, reply) => {
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        return reply.status(404).send({ error: { code: 'notFound', message: 'Not found' } });
      }
      return reply.type('text/html').sendFile('index.html');
    });
  } else {
    options.log.warn('client build not found; only the API is served', { clientDir: options.clientDir });
    app.setNotFoundHandler((_request, reply) =>
      reply.status(503).type('text/plain').send('The client is not built. Run `npm run build` (or `npm start`).'),
    );
  }
  return app;
}

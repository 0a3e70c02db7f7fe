import type { FastifyServerOptions } from 'fastify';
import type { FastifyRouteSchemaDef } from 'fastify/types/schema.js';

type CompilersFactory = NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>;

/**
 * Requests are validated with zod inside the handlers (schemas.ts), so Fastify's own JSON-schema
 * compilers are never needed. Fastify requires them (ajv, fast-json-stringify: a sixth of what the
 * compiled server evaluated at start) unless these factories are given; a route that declares a
 * JSON schema anyway fails at `ready()` with this message instead of being validated half-way.
 */
export const zodOnlySchemaCompilers = {
  buildValidator: () => refuseJsonSchema,
  buildSerializer: () => refuseJsonSchema,
  // Fastify types these with ajv's compile signature; at run time it passes FastifyRouteSchemaDef.
} as unknown as Required<CompilersFactory>;

function refuseJsonSchema(route: FastifyRouteSchemaDef<unknown>): never {
  const part = route.httpPart ?? `response ${route.httpStatus ?? ''}`.trim();
  throw new Error(`${route.method} ${route.url} (${part}): JSON route schemas are not compiled here; validate the request with zod (server/http/schemas.ts)`);
}

import { describe, expect, it } from 'vitest';
import { createHttpApp } from '../../server/http/createHttpApp.js';
import { PUBLIC_ROUTE } from '../../server/http/sessionUser.js';
import { RecordingLogger } from '../helpers/RecordingLogger.js';

// Fastify's JSON-schema compilers are not part of the server (zodOnlySchemaCompilers.ts): a route
// that declares a JSON schema must fail loudly at start, never run unvalidated.
describe('routes and JSON schemas', () => {
  const appWith = (route: Parameters<typeof createHttpApp>[0]['routes'][number]) =>
    createHttpApp({
      clientDir: '/nonexistent-client',
      log: new RecordingLogger(),
      allowedOrigins: [],
      trustProxy: false,
      userForSession: () => Promise.resolve(null),
      routes: [route],
    });

  it('refuses a body schema at ready(), naming the route and zod', async () => {
    const app = await appWith((api) => {
      api.post('/typed', { schema: { body: { type: 'object', properties: { name: { type: 'string' } } } } }, () => ({ ok: true }));
    });
    await expect(app.ready()).rejects.toThrow(/POST \/api\/typed.*validate the request with zod/);
    await app.close();
  });

  it('refuses a response schema too', async () => {
    const app = await appWith((api) => {
      api.get('/described', { schema: { response: { 200: { type: 'object' } } } }, () => ({ ok: true }));
    });
    await expect(app.ready()).rejects.toThrow(/GET \/api\/described.*zod/);
    await app.close();
  });

  it('serves routes without JSON schemas, and a zod failure is a 400 with the field named', async () => {
    const { z } = await import('zod');
    const app = await appWith((api) => {
      api.post('/named', PUBLIC_ROUTE, (request) => ({ name: z.object({ name: z.string().min(1) }).parse(request.body).name }));
    });
    const good = await app.inject({ method: 'POST', url: '/api/named', payload: { name: 'Ala' } });
    expect(good.statusCode).toBe(200);
    expect(good.json()).toEqual({ name: 'Ala' });
    const bad = await app.inject({ method: 'POST', url: '/api/named', payload: { name: '' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: 'invalidBody', details: [{ path: 'name' }] } });
    await app.close();
  });
});

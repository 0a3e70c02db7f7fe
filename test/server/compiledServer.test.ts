import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import pg from 'pg';
import { registerUser } from '../helpers/apiClient.js';
import { connectClient, fragmentText, waitForSync } from '../helpers/connectClient.js';
import { importSamplePlan } from '../helpers/importSamplePlan.js';
import { startServerProcess } from '../helpers/startServerProcess.js';
import { waitFor } from '../helpers/waitFor.js';
import { PostgresCluster } from '../helpers/PostgresCluster.js';
import { RedisServer } from '../helpers/RedisServer.js';

// Production runs the esbuild output of `npm run build` with plain Node, no tsx. Bundling can
// break what type checks and tsx runs never see (a package reading files next to itself, a
// lazily loaded chunk), so this starts the real build and uses every layer through it.
describe('the compiled server', () => {
  let workDir: string;
  let outDir: string;

  beforeAll(async () => {
    workDir = await mkdtemp(path.join(os.tmpdir(), 'compiled-server-'));
    // Inside the project, so that the packages left outside the bundle resolve from node_modules.
    outDir = await mkdtemp(path.join('dist', 'server-test-'));
    await promisify(execFile)(process.execPath, ['scripts/build-server.mjs', outDir]);
  }, 60_000);
  afterAll(async () => {
    await rm(workDir, { recursive: true, force: true });
    await rm(outDir, { recursive: true, force: true });
  });

  it('starts from the build and serves the client, the API, exports and /collab', async () => {
    const server = await startServerProcess({ dataDir: path.join(workDir, 'data'), entry: [path.join(outDir, 'main.js')] });

    const page = await fetch(`${server.httpUrl}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');

    const chair = await registerUser(server, 'Anna');
    const workspace = await chair.request<{ workspace: { id: string } }>('POST', '/workspaces', { name: 'Zespół' });
    const imported = await importSamplePlan(chair, workspace.body.workspace.id);
    expect(imported.status).toBe(201);
    const planId = imported.body.id;

    // The office renderers are evaluated on first use (an import() inside the bundle), in the worker too.
    for (const [format, magic] of [['docx', 'PK'], ['pdf', '%PDF']] as const) {
      const response = await fetch(`${server.httpUrl}/api/plans/${planId}/export?format=${format}`, { headers: { cookie: chair.cookie ?? '' } });
      expect(response.status, `${format} export`).toBe(200);
      expect(Buffer.from(await response.arrayBuffer()).subarray(0, magic.length).toString('latin1')).toBe(magic);
    }

    const headers = { cookie: chair.cookie ?? '' };
    const writer = connectClient(server.collabUrl, planId, { name: 'Anna', headers });
    const reader = connectClient(server.collabUrl, planId, { name: 'Anna', headers });
    await Promise.all([waitForSync(writer), waitForSync(reader)]);
    expect(writer.content.length).toBeGreaterThan(0);
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('z kompilatu')]);
    writer.content.push([paragraph]);
    await waitFor(() => fragmentText(reader.content).includes('z kompilatu'), { message: 'the reader never saw the edit' });

    const exit = await server.stop('SIGTERM');
    expect(exit.code).toBe(0);
  }, 60_000);

  // main.js runs the bundle through a V8 code cache (scripts/compiledServerEntry.mjs): a wrong or
  // damaged cache must cost start time only, never the start.
  it('writes a code cache after its first start, starts from it, and replaces a damaged one', async () => {
    const cacheFiles = async (): Promise<string[]> => (await readdir(outDir)).filter((name) => name.endsWith('.v8cache'));
    for (const name of await cacheFiles()) await rm(path.join(outDir, name));
    const dataDir = path.join(workDir, 'data-code-cache');
    const entry = [path.join(outDir, 'main.js')];

    const first = await startServerProcess({ dataDir, entry });
    await waitFor(async () => (await cacheFiles()).length === 1, { timeoutMs: 20_000, message: 'no code cache was written' });
    expect((await first.stop('SIGTERM')).code).toBe(0);
    const [cacheName] = await cacheFiles();
    if (cacheName === undefined) throw new Error('the code cache disappeared');
    const cachePath = path.join(outDir, cacheName);

    const cached = await startServerProcess({ dataDir, entry });
    expect((await fetch(`${cached.httpUrl}/api/health`)).status).toBe(200);
    const chair = await registerUser(cached, 'Celina');
    const workspace = await chair.request<{ workspace: { id: string } }>('POST', '/workspaces', { name: 'Zespół z pamięci podręcznej' });
    const imported = await importSamplePlan(chair, workspace.body.workspace.id);
    expect(imported.status).toBe(201);
    const client = connectClient(cached.collabUrl, imported.body.id, { name: 'Celina', headers: { cookie: chair.cookie ?? '' } });
    await waitForSync(client);
    expect(client.content.length).toBeGreaterThan(0);
    client.destroy();
    expect((await cached.stop('SIGTERM')).code).toBe(0);
    expect(cached.output.join('\n')).not.toContain('code cache');

    const garbage = randomBytes(4096);
    await writeFile(cachePath, garbage);
    const damaged = await startServerProcess({ dataDir, entry });
    expect(damaged.output.join('\n')).toContain('code cache rejected');
    const plans = await fetch(`${damaged.httpUrl}/api/workspaces/${workspace.body.workspace.id}/plans`, { headers: { cookie: chair.cookie ?? '' } });
    expect(plans.status).toBe(200);
    await waitFor(async () => !(await readFile(cachePath)).equals(garbage), { timeoutMs: 20_000, message: 'the damaged code cache was not replaced' });
    expect((await damaged.stop('SIGTERM')).code).toBe(0);
  }, 90_000);

  // knex is a bundle of its own (build-server.mjs), run by main.js when the first SQLite statement
  // needs it, with a code cache of its own written a few seconds after that.
  it('runs knex from its own bundle on the first statement, and from its code cache on the next start', async () => {
    const knexCacheFiles = async (): Promise<string[]> => (await readdir(outDir)).filter((name) => name.startsWith('knex.') && name.endsWith('.v8cache'));
    for (const name of await knexCacheFiles()) await rm(path.join(outDir, name));
    expect(existsSync(path.join(outDir, 'knex.cjs'))).toBe(true);
    expect(await readFile(path.join(outDir, 'server.cjs'), 'latin1')).not.toContain('node_modules/knex/');
    const dataDir = path.join(workDir, 'data-knex-bundle');
    const entry = [path.join(outDir, 'main.js')];

    const first = await startServerProcess({ dataDir, entry });
    expect(await knexCacheFiles()).toEqual([]);
    const chair = await registerUser(first, 'Dorota');
    await waitFor(async () => (await knexCacheFiles()).length === 1, { timeoutMs: 20_000, message: 'no code cache of knex was written' });
    expect((await first.stop('SIGTERM')).code).toBe(0);

    // The session is stored, so the same cookie is known to the restarted server.
    const second = await startServerProcess({ dataDir, entry });
    const workspace = await fetch(`${second.httpUrl}/api/workspaces`, {
      method: 'POST',
      headers: { cookie: chair.cookie ?? '', 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Zespół z osobnym pakietem' }),
    });
    expect(workspace.status).toBe(201);
    expect((await second.stop('SIGTERM')).code).toBe(0);
    expect(second.output.join('\n')).not.toContain('code cache');
  }, 60_000);

  // knex (in its own bundle) with pg, the drivers of other databases left out (build-server.mjs).
  it('stores in PostgreSQL from the build when DATABASE_URL is set, and keeps it over a restart', async () => {
    const cluster = await PostgresCluster.start();
    try {
      const env = { DATABASE_URL: await cluster.createDatabase() };
      const dataDir = path.join(workDir, 'data-postgres');
      const first = await startServerProcess({ dataDir, env, entry: [path.join(outDir, 'main.js')] });
      const chair = await registerUser(first, 'Basia');
      const workspace = await chair.request<{ workspace: { id: string } }>('POST', '/workspaces', { name: 'Zespół w PostgreSQL' });
      const imported = await importSamplePlan(chair, workspace.body.workspace.id);
      expect(imported.status).toBe(201);
      const headers = { cookie: chair.cookie ?? '' };
      const writer = connectClient(first.collabUrl, imported.body.id, { name: 'Basia', headers });
      const witness = connectClient(first.collabUrl, imported.body.id, { name: 'Basia', headers });
      await Promise.all([waitForSync(writer), waitForSync(witness)]);
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText('w bazie PostgreSQL')]);
      writer.content.push([paragraph]);
      // The server forwards an update only once it is stored.
      await waitFor(() => fragmentText(witness.content).includes('w bazie PostgreSQL'), { message: 'the witness never saw the edit' });
      writer.destroy();
      witness.destroy();
      expect((await first.stop('SIGTERM')).code).toBe(0);

      const second = await startServerProcess({ dataDir, env, entry: [path.join(outDir, 'main.js')] });
      const plans = await fetch(`${second.httpUrl}/api/workspaces/${workspace.body.workspace.id}/plans`, { headers });
      expect(plans.status).toBe(200);
      const reader = connectClient(second.collabUrl, imported.body.id, { name: 'Basia', headers });
      await waitForSync(reader);
      expect(fragmentText(reader.content)).toContain('w bazie PostgreSQL');
      reader.destroy();
      expect((await second.stop('SIGTERM')).code).toBe(0);
      // Nothing went to a SQLite file beside it.
      expect(existsSync(path.join(dataDir, 'plans.sqlite'))).toBe(false);
      const database = new pg.Client({ connectionString: env.DATABASE_URL });
      await database.connect();
      const stored = await database.query<{ users: string; documents: string }>(
        'SELECT (SELECT COUNT(*) FROM users) AS users, (SELECT COUNT(*) FROM documents) + (SELECT COUNT(*) FROM document_updates) AS documents',
      );
      await database.end();
      expect(Number(stored.rows[0]?.users)).toBe(1);
      expect(Number(stored.rows[0]?.documents)).toBeGreaterThan(0);
    } finally {
      await cluster.stop();
    }
  }, 60_000);

  // ioredis and pg are left outside the bundle (build-server.mjs, LOADED_LATE_OR_NEVER): loaded
  // from node_modules by the instance that is configured for them, the way a deployment runs it.
  it('runs as one of several instances from the build, with Redis and PostgreSQL loaded from node_modules', async () => {
    const [cluster, redis] = await Promise.all([PostgresCluster.start(), RedisServer.start()]);
    try {
      const env = { DATABASE_URL: await cluster.createDatabase(), REDIS_URL: redis.url, INSTANCE_ID: 'compiled-a' };
      const server = await startServerProcess({ dataDir: path.join(workDir, 'data-redis'), env, entry: [path.join(outDir, 'main.js')] });
      await waitFor(async () => ((await (await fetch(`${server.httpUrl}/api/health`)).json()) as { status: string }).status === 'ok', {
        message: 'the instance never reported Redis and PostgreSQL healthy',
      });
      expect(await (await fetch(`${server.httpUrl}/api/health`)).json()).toMatchObject({ instance: 'compiled-a', checks: { database: 'ok', redis: 'ok' } });
      const chair = await registerUser(server, 'Dorota');
      const workspace = await chair.request<{ workspace: { id: string } }>('POST', '/workspaces', { name: 'Zespół z Redisem' });
      expect(workspace.status).toBe(201);
      expect((await server.stop('SIGTERM')).code).toBe(0);
    } finally {
      await Promise.all([cluster.stop(), redis.stop()]);
    }
  }, 60_000);
});
